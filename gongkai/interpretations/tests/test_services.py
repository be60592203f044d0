"""Interpretations through the item release flow, linked both ways, with the rate counted from records."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.interpretations import selectors, services
from gongkai.interpretations.domain import Channel, Form
from gongkai.interpretations.models import Interpretation
from gongkai.interpretations.services import Details
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
from gongkai.policies.models import InformationItem, Topic

pytestmark = pytest.mark.django_db

RELEASE = [
    (Transition.SUBMIT, "drafter"),
    (Transition.REVIEW, "reviewer"),
    (Transition.APPROVE, "approver"),
    (Transition.PUBLISH, "office"),
]


@pytest.fixture
def desk(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> dict[str, User]:
    department = organ_tree["department"]
    return {
        role: staff_with_role(department, getattr(Role, name), username=role)
        for role, name in (
            ("drafter", "DRAFTER"),
            ("reviewer", "REVIEWER"),
            ("approver", "APPROVER"),
            ("office", "OPENNESS_OFFICE"),
        )
    }


def policy(organ: Organ, title: str, kind: ItemKind = ItemKind.NORMATIVE_DOCUMENT, **extra: Any) -> InformationItem:
    policy_services.ensure_topics()
    return policy_services.import_published(
        acting_user=None,
        organ=organ,
        published_on=extra.pop("published_on", date(2025, 3, 10)),
        source="测试",
        title=title,
        topic=Topic.objects.get(name="财政", parent__name="财政、金融、审计"),
        kind=kind,
        body=f"<p>{title}</p>",
        attribute=DisclosureAttribute.PROACTIVE,
        **extra,
    )


def interpret(desk: dict[str, User], organ: Organ, policies: list[InformationItem], **overrides: Any) -> Interpretation:
    policy_services.ensure_topics()
    details = Details(
        form=Form.QA,
        background="为落实省里部署。",
        significance="减轻企业负担。",
        answers=[("谁可以申请？", "小微企业。")],
    )
    return services.create(
        acting_user=desk["drafter"],
        organ=organ,
        policies=policies,
        details=overrides.pop("details", details),
        title=overrides.pop("title", "《关于减免小微企业房租的通知》政策解读"),
        topic=Topic.objects.get(name="财政", parent__name="财政、金融、审计"),
        **overrides,
    )


def release(desk: dict[str, User], item: InformationItem) -> InformationItem:
    for transition, who in RELEASE:
        item = policy_services.transition(item=item, to=transition, acting_user=desk[who])
    return item


def test_an_interpretation_is_released_like_any_item_and_linked_both_ways(
    organ_tree: dict[str, Organ], desk: dict[str, User], client: Client
) -> None:
    department = organ_tree["department"]
    rent = policy(department, "关于减免小微企业房租的通知", document_number="测财发〔2025〕3号")
    assert selectors.awaits_interpretation(rent)
    page = client.get(reverse("portal:item", args=[rent.pk])).content.decode()
    assert "解读待发布" in page

    interpretation = interpret(desk, department, [rent])
    assert interpretation.item.kind == ItemKind.INTERPRETATION
    assert selectors.awaits_interpretation(rent)  # a draft does not count
    assert client.get(reverse("portal:item", args=[interpretation.item.pk])).status_code == 404

    release(desk, interpretation.item)
    assert not selectors.awaits_interpretation(rent)
    policy_page = client.get(reverse("portal:item", args=[rent.pk])).content.decode()
    assert reverse("portal:item", args=[interpretation.item.pk]) in policy_page
    page = client.get(reverse("portal:item", args=[interpretation.item.pk])).content.decode()
    assert reverse("portal:item", args=[rent.pk]) in page
    assert "出台背景" in page
    assert "为落实省里部署。" in page
    assert "问：谁可以申请？" in page
    assert "新旧政策差异" not in page  # not written, so not shown as an empty section


def test_a_follow_up_answers_the_first_interpretation(
    organ_tree: dict[str, Organ], desk: dict[str, User], client: Client
) -> None:
    department = organ_tree["department"]
    rent = policy(department, "关于减免小微企业房租的通知")
    first = interpret(desk, department, [rent])
    release(desk, first.item)
    follow_up = interpret(
        desk,
        department,
        [rent],
        title="关于房租减免范围的补充解读",
        details=Details(
            form=Form.TEXT, background="回应企业关切。", follow_up_of=first, follow_up_kind="SUPPLEMENTARY"
        ),
    )
    release(desk, follow_up.item)
    first_page = client.get(reverse("portal:item", args=[first.item.pk])).content.decode()
    assert "关于房租减免范围的补充解读" in first_page
    second_page = client.get(reverse("portal:item", args=[follow_up.item.pk])).content.decode()
    assert "补充解读" in second_page
    assert reverse("portal:item", args=[first.item.pk]) in second_page


@pytest.mark.parametrize(
    ("details", "policies", "field"),
    [
        (Details(form=Form.TEXT), False, "policies"),
        (Details(form=Form.QA), True, "answers"),
        (Details(form=Form.TEXT, follow_up_kind="EXTENDED"), True, "follow_up_kind"),
    ],
)
def test_bad_interpretations_are_refused_at_the_field(
    organ_tree: dict[str, Organ], desk: dict[str, User], details: Details, policies: bool, field: str
) -> None:
    department = organ_tree["department"]
    linked = [policy(department, "关于减免小微企业房租的通知")] if policies else []
    with pytest.raises(ValidationError) as refused:
        interpret(desk, department, linked, details=details)
    assert field in refused.value.message_dict
    assert not InformationItem.objects.filter(kind=ItemKind.INTERPRETATION).exists()


def test_the_rate_counts_normative_and_major_policies_of_the_year(
    organ_tree: dict[str, Organ], desk: dict[str, User]
) -> None:
    department = organ_tree["department"]
    rent = policy(department, "关于减免小微企业房租的通知")
    major = policy(department, "关于优化营商环境的若干措施", kind=ItemKind.OTHER_DOCUMENT, is_major_policy=True)
    policy(department, "关于印发财政资金管理办法的通知")  # needs one, gets none
    policy(department, "工作动态", kind=ItemKind.OTHER_DOCUMENT)  # not a major policy: not counted
    policy(department, "2024年的规范性文件", published_on=date(2024, 5, 1))  # another year
    interpretation = interpret(desk, department, [rent, major])
    release(desk, interpretation.item)
    found = selectors.organ_rate(department, 2025, timezone.localdate())
    assert (found.rate.needing, found.rate.interpreted, found.percent, found.rate.meets_bar) == (3, 2, "66.7%", False)
    assert [item.title for item in found.pending] == ["关于印发财政资金管理办法的通知"]


def test_channels_are_recorded_after_release_with_an_audit_entry(
    organ_tree: dict[str, Organ], desk: dict[str, User]
) -> None:
    department = organ_tree["department"]
    interpretation = interpret(desk, department, [policy(department, "关于减免小微企业房租的通知")])
    release(desk, interpretation.item)
    services.record_channels(
        interpretation=interpretation, channels=[Channel.WEBSITE, Channel.NEW_MEDIA], acting_user=desk["drafter"]
    )
    interpretation.refresh_from_db()
    assert interpretation.channels == ["WEBSITE", "NEW_MEDIA"]
    assert AuditEntry.objects.filter(action="interpretations.channels").count() == 1
