"""Writing an interpretation in the workbench, its checklist, its channels and the rate page; the API."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.interpretations.models import Interpretation
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
from gongkai.policies.models import InformationItem, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def rent(organ_tree: dict[str, Organ]) -> InformationItem:
    policy_services.ensure_topics()
    return policy_services.import_published(
        acting_user=None,
        organ=organ_tree["department"],
        published_on=date(2025, 3, 10),
        source="测试",
        title="关于减免小微企业房租的通知",
        topic=Topic.objects.get(name="财政", parent__name="财政、金融、审计"),
        kind=ItemKind.NORMATIVE_DOCUMENT,
        body="<p>正文</p>",
        attribute=DisclosureAttribute.PROACTIVE,
    )


def form_data(rent: InformationItem, **changes: str) -> dict[str, str]:
    return {
        "policies_index": rent.index_number,
        "title": "《关于减免小微企业房租的通知》政策解读",
        "form": "QA",
        "topic": str(rent.topic_id),
        "background": "为落实省里部署。",
        "answers": "问：谁可以申请？\n答：小微企业。",
        **changes,
    }


def test_an_interpretation_is_written_from_its_policy_page(
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
    rent: InformationItem,
) -> None:
    client = logged_in(staff_with_role(organ_tree["department"], Role.DRAFTER, Role.OPENNESS_OFFICE))
    policy_page = client.get(reverse("workbench:item_detail", args=[rent.pk])).content.decode()
    assert "解读待发布" in policy_page
    new_url = f"{reverse('workbench:interpretation_new')}?policy={rent.pk}"
    assert new_url in policy_page
    form = client.get(new_url).content.decode()
    assert rent.index_number in form
    assert "出台背景" in form

    bad = client.post(new_url, form_data(rent, answers="答：没有问题"))
    assert bad.status_code == 400
    assert "第1行：回答前应先写“问：”" in bad.content.decode()

    created = client.post(new_url, form_data(rent))
    interpretation = Interpretation.objects.get()
    assert created["Location"] == reverse("workbench:item_detail", args=[interpretation.pk])
    page = client.get(created["Location"]).content.decode()
    assert "尚未解读： 重要意义、主要作用、关键词、新旧政策差异" in page

    client.post(
        reverse("workbench:interpretation_channels", args=[interpretation.pk]), {"channels": ["WEBSITE", "BROADCAST"]}
    )
    interpretation.refresh_from_db()
    assert interpretation.channels == ["WEBSITE", "BROADCAST"]

    edit = client.post(
        reverse("workbench:interpretation_edit", args=[interpretation.pk]),
        form_data(rent, form="TEXT", answers="", differences="旧政策只减免三个月。"),
    )
    assert edit.status_code == 302
    interpretation.refresh_from_db()
    assert (interpretation.form, interpretation.differences, interpretation.answers.count()) == (
        "TEXT",
        "旧政策只减免三个月。",
        0,
    )


def test_the_rate_page_shows_the_bar_and_the_policies_waiting(
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
    rent: InformationItem,
) -> None:
    client = logged_in(staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE))
    page = client.get(reverse("workbench:interpretation_rates"), {"year": "2025"}).content.decode()
    assert "0.0%" in page
    assert "badge--red" in page
    assert "关于减免小微企业房租的通知" in page


def test_the_api_lists_published_interpretations_with_their_policies(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], client: Client, rent: InformationItem
) -> None:
    department = organ_tree["department"]
    desk = {
        name: staff_with_role(department, role)
        for name, role in (
            ("drafter", Role.DRAFTER),
            ("reviewer", Role.REVIEWER),
            ("approver", Role.APPROVER),
            ("office", Role.OPENNESS_OFFICE),
        )
    }
    from gongkai.interpretations import services
    from gongkai.interpretations.domain import Form
    from gongkai.interpretations.services import Details

    interpretation = services.create(
        acting_user=desk["drafter"],
        organ=department,
        policies=[rent],
        details=Details(form=Form.TEXT, background="背景"),
        title="房租减免政策解读",
        topic=rent.topic,
    )
    assert client.get("/api/v1/interpretations").json()["count"] == 0  # a draft is not public
    item = interpretation.item
    for transition, who in (
        (Transition.SUBMIT, "drafter"),
        (Transition.REVIEW, "reviewer"),
        (Transition.APPROVE, "approver"),
        (Transition.PUBLISH, "office"),
    ):
        item = policy_services.transition(item=item, to=transition, acting_user=desk[who])
    listing = client.get("/api/v1/interpretations", {"policy": rent.pk}).json()
    assert listing["count"] == 1
    assert listing["items"][0]["policies"][0]["id"] == rent.pk
    detail = client.get(f"/api/v1/interpretations/{item.pk}").json()
    assert detail["elements"]["出台背景"] == "背景"
    assert detail["form"] == "文字解读"
