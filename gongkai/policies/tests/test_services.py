from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.policies import selectors, services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, LegalBasis, Status, Transition
from gongkai.policies.models import AttributeDecision, InformationItem, Seal

pytestmark = pytest.mark.django_db


def _release(item: InformationItem, desk: dict[str, User]) -> InformationItem:
    for step, who in (
        (Transition.SUBMIT, "drafter"),
        (Transition.REVIEW, "reviewer"),
        (Transition.APPROVE, "approver"),
        (Transition.PUBLISH, "office"),
    ):
        item = services.transition(item=item, to=step, acting_user=desk[who])
    return item


def test_a_draft_gets_an_index_number_a_standard_document_number_and_a_ledger_entry(
    draft: Callable[..., InformationItem], organ_tree: dict[str, Organ]
) -> None:
    first = draft(written_on=date(2021, 3, 5))
    second = draft(written_on=date(2021, 6, 1), document_number="测财发（2021）008号")

    credit = organ_tree["department"].credit_code
    assert first.index_number == f"{credit}/2021-00001"
    assert second.index_number == f"{credit}/2021-00002"
    assert first.document_number == "测财发〔2021〕7号"
    assert second.document_number == "测财发〔2021〕8号"
    assert AttributeDecision.objects.get(item=first).occasion == AttributeDecision.Occasion.DRAFTED
    assert AuditEntry.objects.filter(action="policies.drafted", object_id=str(first.pk)).exists()


def test_the_body_is_sanitised(draft: Callable[..., InformationItem]) -> None:
    item = draft(body='<p onclick="x()">通知</p><script>alert(1)</script><a href="javascript:x">链接</a>')

    assert item.body == '<p>通知</p><a rel="noopener noreferrer">链接</a>'
    assert item.body_text == "通知链接"


def test_a_blocking_rule_is_reported_at_its_field_and_nothing_is_saved(draft: Callable[..., InformationItem]) -> None:
    with pytest.raises(ValidationError) as raised:
        draft(
            kind=ItemKind.NORMATIVE_DOCUMENT, attribute=DisclosureAttribute.ON_REQUEST, legal_basis=LegalBasis.ART_16_1
        )

    assert "第二十条" in raised.value.message_dict["attribute"][0]
    assert "请书面说明理由" in raised.value.message_dict["reason"][0]
    assert InformationItem.objects.count() == 0
    assert AuditEntry.objects.filter(action="policies.drafted").count() == 0


def test_a_malformed_document_number_is_refused_at_its_field(draft: Callable[..., InformationItem]) -> None:
    with pytest.raises(ValidationError) as raised:
        draft(document_number="测财发2021年7号")

    assert "忻政办发〔2021〕35号" in raised.value.message_dict["document_number"][0]


def test_drafter_reviewer_approver_and_office_release_an_item_with_a_seal(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = _release(draft(), desk)

    assert item.status == Status.PUBLISHED
    assert item.published_on is not None
    assert selectors.public_item(item.index_number) == item
    seal_row = Seal.objects.get(item=item)
    assert seal_row.record["approver"] == desk["approver"].display_name
    assert services.verify_seal(seal_row) == (True, True)


def test_a_tampered_record_fails_verification(draft: Callable[..., InformationItem], desk: dict[str, User]) -> None:
    item = _release(draft(), desk)
    seal_row = Seal.objects.get(item=item)

    InformationItem.objects.filter(pk=item.pk).update(body="<p>篡改后的正文</p>")
    seal_row.refresh_from_db()
    assert services.verify_seal(seal_row) == (True, False)

    tampered_record = {**seal_row.record, "attribute": DisclosureAttribute.WITHHELD}
    Seal.objects.filter(pk=seal_row.pk).update(record=tampered_record)
    seal_row.refresh_from_db()
    assert services.verify_seal(seal_row)[0] is False


def test_the_drafter_cannot_review_or_approve_their_own_item(
    draft: Callable[..., InformationItem], desk: dict[str, User], organ_tree: dict[str, Organ]
) -> None:
    item = draft()
    item = services.transition(item=item, to=Transition.SUBMIT, acting_user=desk["drafter"])
    desk["drafter"].memberships.create(organ=organ_tree["department"], role="REVIEWER")

    with pytest.raises(PermissionDenied, match="不相容岗位分离"):
        services.transition(item=item, to=Transition.REVIEW, acting_user=desk["drafter"])


def test_steps_cannot_be_skipped_and_returns_need_a_reason(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = draft()

    with pytest.raises(ValidationError):
        services.transition(item=item, to=Transition.APPROVE, acting_user=desk["approver"])
    item = services.transition(item=item, to=Transition.SUBMIT, acting_user=desk["drafter"])
    with pytest.raises(ValidationError) as raised:
        services.transition(item=item, to=Transition.RETURN, acting_user=desk["reviewer"])
    assert "comment" in raised.value.message_dict

    item = services.transition(item=item, to=Transition.RETURN, acting_user=desk["reviewer"], comment="标题有误")
    assert item.status == Status.DRAFT
    assert AuditEntry.objects.get(action="policies.return").reason == "标题有误"


def test_nothing_but_published_proactive_items_is_public(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    published = _release(draft(title="已发布的主动公开信息"), desk)
    draft(title="草稿")
    _release(
        draft(
            title="依申请公开的会议纪要",
            kind=ItemKind.MEETING,
            attribute=DisclosureAttribute.ON_REQUEST,
            legal_basis=LegalBasis.ART_16_1,
            attribute_reason="内部事务",
        ),
        desk,
    )
    withdrawn = _release(draft(title="已撤回"), desk)
    services.transition(item=withdrawn, to=Transition.WITHDRAW, acting_user=desk["office"], comment="内容有误")

    assert list(selectors.public_items()) == [published]
    for hidden in InformationItem.objects.exclude(pk=published.pk):
        with pytest.raises(InformationItem.DoesNotExist):
            selectors.public_item(hidden.index_number)


def test_the_index_sequence_is_per_organ_and_year(
    draft: Callable[..., InformationItem], organ_tree: dict[str, Organ]
) -> None:
    draft(written_on=date(2021, 12, 31))
    item_2022 = draft(written_on=date(2022, 1, 4))

    assert item_2022.index_number.endswith("/2022-00001")
    assert connection.vendor in {"sqlite", "postgresql"}


def test_publication_is_due_twenty_working_days_after_formation(
    draft: Callable[..., InformationItem],
) -> None:
    from gongkai.workdays import services as workday_services

    workday_services.seed_from_package()
    item = draft(written_on=date(2023, 9, 22))

    assert services.publication_due_on(item) == date(2023, 10, 26)


def test_an_organ_may_have_its_own_index_template(
    draft: Callable[..., InformationItem], organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    from gongkai.accounts.domain import Role

    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    department = organ_tree["department"]
    with pytest.raises(ValidationError) as raised:
        services.set_index_template(organ=department, template="{org_code}-{year}", acting_user=admin)
    assert "{serial}" in raised.value.message_dict["template"][0]

    services.set_index_template(organ=department, template="{org_code}-{year}-{serial:04d}", acting_user=admin)
    item = draft(written_on=date(2021, 5, 6))

    assert item.index_number == f"{department.credit_code[8:17]}-2021-0001"


def test_publishing_a_repealing_document_repeals_its_predecessor_with_a_pointer(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    from django.test import Client

    old = _release(draft(title="旧办法"), desk)
    new = draft(title="新办法")
    new = services.update_draft(item=new, acting_user=desk["drafter"], repeals=[old])
    new = _release(new, desk)

    old.refresh_from_db()
    assert old.repealed_on == new.published_on
    assert AuditEntry.objects.filter(action="policies.repealed", object_id=str(old.pk)).exists()
    page = Client().get(f"/xxgk/fdzdgknr/{old.pk}/").content.decode()
    assert "本文件已废止" in page
    assert f'href="/xxgk/fdzdgknr/{new.pk}/"' in page
