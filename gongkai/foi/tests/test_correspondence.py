"""Letters in the workflow: drafted, edited, sealed and frozen; notices; fees; service; repeats and Art. 44."""

import io
import re
from datetime import date
from typing import Any

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts.models import User
from gongkai.convenience.tests.factories import published
from gongkai.core.models import AuditEntry
from gongkai.foi import correspondence, services
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import Move, State
from gongkai.foi.models import Application, DisclosureProposal, Letter
from gongkai.foi.tests.factories import OTHER_ID_NUMBERS, register
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db


def _pdf_text(letter: Letter) -> str:
    reader = pypdf.PdfReader(io.BytesIO(bytes(letter.pdf or b"")))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def _in_progress(organ: Organ, handler: User, **overrides: object) -> Application:
    application, _code = register(organ, handler, **overrides)
    return services.move(application=application, to=Move.ACCEPT, acting_user=handler, on=date(2023, 9, 25))


def _drafted(organ: Organ, handler: User, outcome: Outcome = Outcome.DISCLOSED) -> Application:
    application = _in_progress(organ, handler)
    item = application.items.get()
    services.record_result(
        item=item, outcome=outcome, acting_user=handler, reason="" if outcome == Outcome.DISCLOSED else "涉及商业秘密"
    )
    return services.move(application=application, to=Move.DRAFT_DECISION, acting_user=handler, on=date(2023, 10, 9))


def test_the_drafted_reply_is_edited_then_sealed_and_frozen_at_approval(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler, head = office["handler"], office["head"]
    application = _drafted(organ_tree["department"], handler)
    draft = application.letters.get(kind="REPLY")
    assert draft.state == Letter.State.DRAFT
    assert application.tracking_number in draft.body[0]

    with pytest.raises(ValidationError) as refused:
        services.edit_reply(application=application, text="\n".join(draft.body[:-1]), acting_user=handler)
    assert "复议、诉讼的权利和期限" in refused.value.message_dict["body"][0]
    edited = "\n".join(
        [*draft.body[:-1], "该文件已于2022年在本机关门户网站主动公开，现一并提供电子文本。", draft.body[-1]]
    )
    services.edit_reply(application=application, text=edited, acting_user=handler)

    application = services.move(
        application=application, to=Move.APPROVE_DECISION, acting_user=head, on=date(2023, 10, 10)
    )
    reply = application.letters.get(kind="REPLY")
    assert reply.state == Letter.State.ISSUED
    assert reply.number == f"{organ_tree['department'].short_name}依申复〔2023〕1号"
    assert reply.issued_on == date(2023, 10, 10)
    assert correspondence.verify(reply) == (True, True)
    text = _pdf_text(reply)
    for element in (
        "政府信息公开申请答复书",
        reply.number,
        "李四：",
        "现一并提供电子文本",
        "测试市人民政府",
        "政府信息公开专用章",
    ):
        assert element in text, element
    assert reply.seal_record is not None
    assert reply.seal_record["number"] == reply.number

    # A changed file no longer matches what was issued.
    Letter.objects.filter(pk=reply.pk).update(pdf=bytes(reply.pdf or b"") + b"%tampered")
    assert correspondence.verify(Letter.objects.get(pk=reply.pk)) == (True, False)
    # Frozen: no more edits once approved.
    with pytest.raises(ValidationError):
        services.edit_reply(application=application, text=edited, acting_user=handler)


def test_a_returned_reply_loses_its_draft_and_serving_needs_method_and_proof(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler, head = office["handler"], office["head"]
    application = _drafted(organ_tree["department"], handler, Outcome.WITHHELD_THIRD_PARTY)
    application = services.move(application=application, to=Move.RETURN_DECISION, acting_user=head, reason="理由不充分")
    assert not application.letters.exists()
    application = services.move(application=application, to=Move.DRAFT_DECISION, acting_user=handler)
    application = services.move(application=application, to=Move.APPROVE_DECISION, acting_user=head)
    assert "先申请行政复议" in _pdf_text(application.letters.get(kind="REPLY"))

    with pytest.raises(ValidationError) as no_method:
        services.move(application=application, to=Move.SERVE, acting_user=handler)
    assert "served_method" in no_method.value.message_dict
    with pytest.raises(ValidationError) as no_proof:
        services.move(application=application, to=Move.SERVE, acting_user=handler, served_method="POST")
    assert "served_proof" in no_proof.value.message_dict
    application = services.move(
        application=application,
        to=Move.SERVE,
        acting_user=handler,
        served_method="POST",
        served_proof="1234567890123",
        on=date(2023, 10, 12),
    )
    assert (application.state, application.served_on, application.served_proof) == (
        State.SERVED,
        date(2023, 10, 12),
        "1234567890123",
    )
    assert AuditEntry.objects.filter(action="foi.serve", after__served_proof="1234567890123").exists()


def test_correction_consultation_and_extension_notices_are_issued_with_the_step(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler, head = office["handler"], office["head"]
    application, _code = register(organ_tree["department"], handler)
    with pytest.raises(ValidationError) as too_long:
        services.move(
            application=application,
            to=Move.REQUEST_CORRECTION,
            acting_user=handler,
            reason="请写明文号",
            period_workdays=20,
        )
    assert "period_workdays" in too_long.value.message_dict
    application = services.move(
        application=application,
        to=Move.REQUEST_CORRECTION,
        acting_user=handler,
        reason="请写明文件的文号",
        on=date(2023, 9, 25),
    )
    correction = application.letters.get(kind="CORRECTION")
    assert "请写明文件的文号" in _pdf_text(correction)
    assert "视为放弃申请" in _pdf_text(correction)

    application = services.move(
        application=application, to=Move.RECEIVE_SUPPLEMENT, acting_user=handler, on=date(2023, 9, 26)
    )
    with pytest.raises(ValidationError) as no_party:
        services.move(application=application, to=Move.START_CONSULTATION, acting_user=handler, reason="涉及第三方")
    assert "consulted_party" in no_party.value.message_dict
    application = services.move(
        application=application,
        to=Move.START_CONSULTATION,
        acting_user=handler,
        reason="该信息涉及贵公司的商业信息",
        consulted_party="忻州某建设有限公司",
        on=date(2023, 9, 27),
    )
    consultation = application.letters.get(kind="CONSULTATION")
    text = _pdf_text(consultation)
    assert consultation.addressee == "忻州某建设有限公司"
    assert "15个工作日内" in text
    assert "李四" not in text
    assert not consultation.for_applicant

    application = services.move(
        application=application, to=Move.END_CONSULTATION, acting_user=handler, on=date(2023, 10, 9)
    )
    application = services.extend(
        application=application, workdays=10, acting_user=head, reason="需要调取档案", on=date(2023, 10, 10)
    )
    extension = application.letters.get(kind="EXTENSION")
    assert application.due_on is not None
    assert f"{application.due_on.year}年{application.due_on.month}月{application.due_on.day}日前" in _pdf_text(
        extension
    )
    assert [letter.number for letter in application.letters.order_by("id")] == [
        f"{organ_tree['department'].short_name}依申补〔2023〕1号",
        f"{organ_tree['department'].short_name}依申征〔2023〕1号",
        f"{organ_tree['department'].short_name}依申延〔2023〕1号",
    ]


def test_fee_by_pages_pauses_the_clock_and_appears_in_the_reply(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler, head = office["handler"], office["head"]
    application = _in_progress(organ_tree["department"], handler)
    due_before = application.due_on
    with pytest.raises(ValidationError) as free:
        services.move(
            application=application,
            to=Move.SEND_FEE_NOTICE,
            acting_user=handler,
            fee_method="PER_PAGE",
            fee_quantity=30,
        )
    assert "fee_quantity" in free.value.message_dict
    application = services.move(
        application=application,
        to=Move.SEND_FEE_NOTICE,
        acting_user=handler,
        fee_method="PER_PAGE",
        fee_quantity=45,
        on=date(2023, 9, 26),
    )
    assert (application.state, application.fee_yuan) == (State.AWAITING_FEE, 150)  # pages 31–45 at 10元
    assert "计150元" in _pdf_text(application.letters.get(kind="FEE"))
    with pytest.raises(ValidationError) as no_receipt:
        services.move(application=application, to=Move.RECORD_PAYMENT, acting_user=handler)
    assert "fee_receipt" in no_receipt.value.message_dict
    application = services.move(
        application=application,
        to=Move.RECORD_PAYMENT,
        acting_user=handler,
        fee_receipt="FS-2023-0098",
        on=date(2023, 9, 28),
    )
    assert due_before is not None
    assert application.due_on is not None
    assert application.due_on > due_before
    services.record_result(item=application.items.get(), outcome=Outcome.DISCLOSED, acting_user=handler)
    application = services.move(application=application, to=Move.DRAFT_DECISION, acting_user=handler)
    application = services.move(application=application, to=Move.APPROVE_DECISION, acting_user=head)
    assert "信息处理费150元" in _pdf_text(application.letters.get(kind="REPLY"))


def test_unpaid_fee_ends_processing_only_after_the_period(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler = office["handler"]
    application = _in_progress(organ_tree["department"], handler)
    application = services.move(
        application=application,
        to=Move.SEND_FEE_NOTICE,
        acting_user=handler,
        fee_method="PER_PAGE",
        fee_quantity=31,
        on=date(2023, 9, 26),
    )
    # 27–28 September, the make-up days 7–8 October, then 9 to 30 October: 20 working days.
    assert application.fee_due_on == date(2023, 10, 30)
    with pytest.raises(ValidationError):
        services.move(
            application=application, to=Move.FEE_UNPAID, acting_user=handler, reason="逾期未缴费", on=date(2023, 10, 30)
        )
    application = services.move(
        application=application, to=Move.FEE_UNPAID, acting_user=handler, reason="逾期未缴费", on=date(2023, 10, 31)
    )
    assert (application.state, application.outcome) == (State.CLOSED, Outcome.OTHER_FEE_UNPAID)
    assert "逾期未按收费通知要求缴纳信息处理费" in _pdf_text(application.letters.get(kind="REPLY"))


def test_per_piece_fee_counts_the_applicants_earlier_pieces_that_month(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler = office["handler"]
    organ = organ_tree["department"]
    for number in range(10):
        register(organ, handler, description=f"第{number}号会议纪要及其附件清单")
    application = _in_progress(organ, handler, description="本局2023年度部门预算")
    assert services.pieces_earlier_this_month(application) == 10
    application = services.move(
        application=application,
        to=Move.SEND_FEE_NOTICE,
        acting_user=handler,
        fee_method="PER_PIECE",
        on=date(2023, 9, 26),
    )
    assert (application.fee_quantity, application.fee_yuan) == (1, 100)  # the 11th piece of the month


def test_a_repeat_from_the_same_applicant_is_flagged_and_shared_requests_are_proposed(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler = office["handler"]
    organ = organ_tree["department"]
    first, _code = register(organ, handler)
    repeat, _code = register(organ, handler, description="申请公开：忻州市2022年城区道路改造项目批复文件。")
    other_person, _code = register(organ, handler, id_number=OTHER_ID_NUMBERS[0], applicant_name="王五")
    assert repeat.repeat_of == first
    assert other_person.repeat_of is None
    assert not DisclosureProposal.objects.exists()  # two applicants so far

    register(
        organ,
        handler,
        id_number=OTHER_ID_NUMBERS[1],
        applicant_name="赵六",
        description="2022年忻州市城区道路改造项目的批复",
    )
    proposal = DisclosureProposal.objects.get()
    assert proposal.organ == organ
    assert proposal.requested_items.count() == 4
    register(organ, handler, id_number=OTHER_ID_NUMBERS[2], applicant_name="钱七")
    assert DisclosureProposal.objects.count() == 1
    assert proposal.requested_items.count() == 5
    assert AuditEntry.objects.filter(action="foi.disclosure_proposed").count() == 1


def test_remedy_addressees_follow_the_tree_unless_set(organ_tree: dict[str, Organ]) -> None:
    assert correspondence.remedy_addressees(organ_tree["department"]) == ("测试市人民政府", "有管辖权的人民法院")
    assert correspondence.remedy_addressees(organ_tree["county"])[0] == "测试市人民政府"
    assert correspondence.remedy_addressees(organ_tree["city"])[0] == "本级人民政府"
    organ_tree["city"].reconsideration_organ = "某省人民政府"
    organ_tree["city"].court = "某市中级人民法院"
    assert correspondence.remedy_addressees(organ_tree["city"]) == ("某省人民政府", "某市中级人民法院")


def test_waiting_for_payment_stops_the_clock_only_when_configured(
    organ_tree: dict[str, Organ], office: dict[str, User], settings: Any
) -> None:
    handler = office["handler"]
    settings.GONGKAI_FEE_PAUSES_CLOCK = False
    settings.GONGKAI_FEE_PAYMENT_WORKDAYS = 10
    application = _in_progress(organ_tree["department"], handler)
    due = application.due_on
    application = services.move(
        application=application,
        to=Move.SEND_FEE_NOTICE,
        acting_user=handler,
        fee_method="PER_PAGE",
        fee_quantity=40,
        on=date(2023, 9, 26),
    )
    assert application.fee_due_on == date(2023, 10, 16)  # ten working days, two of them make-up days
    assert "10个工作日内缴纳" in _pdf_text(application.letters.get(kind="FEE"))
    application = services.move(
        application=application, to=Move.RECORD_PAYMENT, acting_user=handler, fee_receipt="FS-1", on=date(2023, 10, 9)
    )
    assert application.due_on == due


def test_an_accepted_proposal_is_linked_to_what_was_published(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler = office["handler"]
    organ = organ_tree["department"]
    for index, id_number in enumerate(OTHER_ID_NUMBERS[:3]):
        register(organ, handler, id_number=id_number, applicant_name=f"申请人{index}")
    proposal = DisclosureProposal.objects.get()
    item = published(organ, "测试市城区道路改造项目批复文件")
    with pytest.raises(ValidationError):
        services.link_published_item(proposal=proposal, acting_user=handler, item=item)  # not accepted yet
    services.decide_proposal(proposal=proposal, acting_user=handler, accept=True, reason="")
    proposal = services.link_published_item(proposal=proposal, acting_user=handler, item=item)
    assert proposal.published_item == item
    with pytest.raises(PermissionDenied):
        services.link_published_item(proposal=proposal, acting_user=office["outsider"], item=item)
