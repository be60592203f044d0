"""The column tree: kept by the city's office, items assigned by their organ, shown through public_items."""

from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.columns import selectors, services
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
from gongkai.policies.models import InformationItem, Topic

pytestmark = pytest.mark.django_db


def published(organ: Organ, title: str) -> InformationItem:
    policy_services.ensure_topics()
    return policy_services.import_published(
        acting_user=None,
        organ=organ,
        published_on=date(2025, 3, 10),
        source="测试",
        title=title,
        topic=Topic.objects.get(name="财政", parent__name="财政、金融、审计"),
        kind=ItemKind.NORMATIVE_DOCUMENT,
        body=f"<p>{title}</p>",
        attribute=DisclosureAttribute.PROACTIVE,
    )


@pytest.fixture
def city_office(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> User:
    return staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)


def test_only_the_citys_office_edits_the_tree(
    organ_tree: dict[str, Organ], city_office: User, staff_with_role: Callable[..., User]
) -> None:
    parent = services.add_column(parent=None, name="转型发展政策专栏", slug="zxfz", acting_user=city_office)
    services.add_column(parent=parent, name="政策解读", slug="zxfz-zcjd", acting_user=city_office)
    assert [(node.column.name, node.depth) for node in selectors.tree(active_only=True)] == [
        ("转型发展政策专栏", 0),
        ("政策解读", 1),
    ]
    with pytest.raises(ValidationError) as refused:
        services.add_column(parent=parent, name="政策解读", slug="other", acting_user=city_office)
    assert "slug" in refused.value.message_dict
    department_office = staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE)
    with pytest.raises(PermissionDenied):
        services.add_column(parent=None, name="部门专栏", slug="bm", acting_user=department_office)


def test_a_column_shows_only_public_items_and_hides_with_its_parent(
    organ_tree: dict[str, Organ], city_office: User, staff_with_role: Callable[..., User], client: Client
) -> None:
    department = organ_tree["department"]
    office = staff_with_role(department, Role.OPENNESS_OFFICE)
    parent = services.add_column(parent=None, name="转型发展政策专栏", slug="zxfz", acting_user=city_office)
    child = services.add_column(parent=parent, name="政策文件", slug="zxfz-zcwj", acting_user=city_office)
    shown = published(department, "关于支持转型发展的若干政策")
    withdrawn = published(department, "已撤回的文件")
    for item in (shown, withdrawn):
        services.assign(item=item, columns=[child], acting_user=office)
    policy_services.transition(item=withdrawn, to=Transition.WITHDRAW, acting_user=office, comment="有误")
    assert AuditEntry.objects.filter(action="columns.assigned").count() == 2

    index = client.get(reverse("portal:columns")).content.decode()
    assert reverse("portal:column", args=["zxfz-zcwj"]) in index
    page = client.get(reverse("portal:column", args=["zxfz-zcwj"])).content.decode()
    assert "关于支持转型发展的若干政策" in page
    assert "已撤回的文件" not in page
    assert "转型发展政策专栏" in page  # the breadcrumb trail

    services.change_column(column=parent, name=parent.name, summary="", is_active=False, acting_user=city_office)
    assert client.get(reverse("portal:column", args=["zxfz-zcwj"])).status_code == 404


def test_staff_put_an_item_in_columns_from_its_page(
    organ_tree: dict[str, Organ],
    city_office: User,
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    first = services.add_column(parent=None, name="十四五规划", slug="sswgh", acting_user=city_office)
    second = services.add_column(parent=first, name="专项规划", slug="sswgh-zxgh", acting_user=city_office)
    item = published(department, "测试市财政事业发展十四五规划")
    client = logged_in(staff_with_role(department, Role.DRAFTER))
    page = client.get(reverse("workbench:item_detail", args=[item.pk])).content.decode()
    assert "专项规划" in page
    client.post(reverse("workbench:item_columns", args=[item.pk]), {"columns": [str(first.pk), str(second.pk)]})
    assert list(selectors.public_items_of(second)) == [item]
    client.post(reverse("workbench:item_columns", args=[item.pk]), {"columns": [str(second.pk)]})
    assert not selectors.public_items_of(first).exists()
