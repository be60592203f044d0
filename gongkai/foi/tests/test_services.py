"""Registering applications and moving them through the workflow on the real calendar."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.foi import services
from gongkai.foi.applicants import ApplicantKind
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import Move, State
from gongkai.foi.models import Application
from gongkai.foi.receipt import Channel
from gongkai.foi.tests.factories import register
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db


def test_an_in_person_application_is_registered_with_its_clock(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    application, code = register(organ_tree["department"], office["handler"])

    organ = organ_tree["department"]
    assert application.tracking_number == f"YSQ2023-{organ.pk:04d}-00001"
    assert application.state == State.REGISTERED
    assert application.due_on == date(2023, 10, 26)
    assert services.find_by_query_code(application.tracking_number.lower(), code.lower()) == application
    assert services.find_by_query_code(application.tracking_number, "WRONGCODE1") is None
    assert AuditEntry.objects.filter(action="foi.registered").count() == 1
    other, _code = register(organ_tree["county"], None)  # another organ's first application of the year
    assert other.tracking_number == f"YSQ2023-{organ_tree['county'].pk:04d}-00001"


def test_an_online_application_waits_for_confirmation_before_the_clock_starts(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    application, _code = register(organ_tree["department"], None, channel=Channel.ONLINE, arrived_on=date(2023, 9, 23))
    assert (application.state, application.due_on) == (State.AWAITING_CONFIRMATION, None)

    application = services.move(
        application=application, to=Move.CONFIRM_RECEIPT, acting_user=office["handler"], on=date(2023, 9, 25)
    )

    assert application.received_on == date(2023, 9, 25)
    assert application.due_on == date(2023, 10, 27)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"id_number": "140902198001010017"}, "id_number"),
        ({"description": "  "}, "description"),
        ({"applicant_kind": ApplicantKind.COMMERCIAL, "credit_code": "91350100M000100Y44"}, "credit_code"),
    ],
)
def test_bad_applicant_data_is_refused_at_its_field_and_nothing_is_stored(
    organ_tree: dict[str, Organ], office: dict[str, User], overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        register(organ_tree["department"], office["handler"], **overrides)

    assert field in raised.value.message_dict
    assert Application.objects.count() == 0


def test_a_correction_restarts_the_clock_and_consultation_is_excluded(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler = office["handler"]
    application, _code = register(organ_tree["department"], handler, arrived_on=date(2023, 9, 1))
    application = services.move(
        application=application,
        to=Move.REQUEST_CORRECTION,
        acting_user=handler,
        reason="请明确文件名称",
        on=date(2023, 9, 5),
    )
    application = services.move(
        application=application, to=Move.RECEIVE_SUPPLEMENT, acting_user=handler, on=date(2023, 9, 22)
    )
    assert application.due_on == date(2023, 10, 26)

    application = services.move(
        application=application,
        to=Move.START_CONSULTATION,
        acting_user=handler,
        reason="涉及第三方",
        consulted_party="某公司",
        on=date(2023, 9, 25),
    )
    application = services.move(
        application=application, to=Move.END_CONSULTATION, acting_user=handler, on=date(2023, 9, 29)
    )

    assert application.due_on == date(2023, 10, 31)  # three working days later: 26, 27, 28 September excluded
    proof = services.answer_proof(application)
    assert proof is not None
    assert proof.excluded_workdays == 3


def test_the_head_extends_and_approves_but_not_a_reply_they_drafted(
    organ_tree: dict[str, Organ], office: dict[str, User], staff_with_role: Callable[..., User]
) -> None:
    handler, head = office["handler"], office["head"]
    application, _code = register(organ_tree["department"], handler)
    application = services.move(application=application, to=Move.ACCEPT, acting_user=handler)

    with pytest.raises(PermissionDenied):
        services.extend(application=application, workdays=10, acting_user=handler, reason="检索量大")
    application = services.extend(application=application, workdays=20, acting_user=head, reason="检索量大")
    assert application.due_on == date(2023, 11, 23)
    with pytest.raises(ValidationError):
        services.extend(application=application, workdays=1, acting_user=head, reason="再次延期")

    # The head also works in the office and drafts this reply, so another approver must approve it.
    head.memberships.create(organ=organ_tree["department"], role=Role.OPENNESS_OFFICE)
    with pytest.raises(ValidationError, match="每一项"):
        services.move(application=application, to=Move.DRAFT_DECISION, acting_user=head)
    services.record_result(item=application.items.get(), outcome=Outcome.DISCLOSED, acting_user=head)
    application = services.move(application=application, to=Move.DRAFT_DECISION, acting_user=head)
    assert application.outcome == Outcome.DISCLOSED
    with pytest.raises(PermissionDenied, match="不相容岗位分离"):
        services.move(application=application, to=Move.APPROVE_DECISION, acting_user=head)
    deputy = staff_with_role(organ_tree["department"], Role.APPROVER, username="deputy")
    application = services.move(application=application, to=Move.APPROVE_DECISION, acting_user=deputy)
    assert application.state == State.DECISION_APPROVED


def test_another_organs_staff_cannot_touch_the_application(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    application, _code = register(organ_tree["department"], office["handler"])

    with pytest.raises(PermissionDenied):
        services.move(application=application, to=Move.ACCEPT, acting_user=office["outsider"])
    with pytest.raises(ValidationError):
        services.move(application=application, to=Move.CLOSE, acting_user=office["handler"])


def test_several_items_count_once_as_partly_disclosed_and_reasons_are_required(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler = office["handler"]
    application, _code = register(organ_tree["department"], handler)
    application = services.move(application=application, to=Move.ACCEPT, acting_user=handler)
    first = application.items.get()
    second = services.add_requested_item(application=application, description="项目的招标文件", acting_user=handler)

    services.record_result(item=first, outcome=Outcome.DISCLOSED, acting_user=handler)
    with pytest.raises(ValidationError) as raised:
        services.record_result(item=second, outcome=Outcome.UNAVAILABLE_NOT_HELD, acting_user=handler)
    assert set(raised.value.message_dict) == {"reason", "search_record"}
    services.record_result(
        item=second,
        outcome=Outcome.UNAVAILABLE_NOT_HELD,
        acting_user=handler,
        reason="本机关未制作或获取该信息",
        search_record="检索本机关2022年收文、发文系统，关键词“招标文件”",
        referred_to="忻州市公共资源交易中心",
    )
    application = services.move(application=application, to=Move.DRAFT_DECISION, acting_user=handler)

    assert application.outcome == Outcome.PARTLY_DISCLOSED


def test_an_abandoned_application_counts_as_other_handling(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    handler = office["handler"]
    application, _code = register(organ_tree["department"], handler)
    application = services.move(
        application=application,
        to=Move.REQUEST_CORRECTION,
        acting_user=handler,
        reason="内容不明确",
        period_workdays=10,
        on=date(2023, 9, 25),
    )
    # 26–28 September, the make-up working days 7 and 8 October, then 9–13 October.
    assert application.correction_due_on == date(2023, 10, 13)
    with pytest.raises(ValidationError, match="2023-10-13"):
        services.move(
            application=application,
            to=Move.DEEM_ABANDONED,
            acting_user=handler,
            reason="逾期未补正",
            on=date(2023, 10, 13),
        )
    application = services.move(
        application=application,
        to=Move.DEEM_ABANDONED,
        acting_user=handler,
        reason="逾期未补正",
        on=date(2023, 10, 16),
    )

    assert (application.state, application.outcome) == (State.CLOSED, Outcome.OTHER_NO_CORRECTION)
    kinds = list(application.letters.order_by("id").values_list("kind", "state"))
    assert kinds == [("CORRECTION", "ISSUED"), ("REPLY", "ISSUED")]


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_the_identity_proof_is_checked_by_content_and_kept_with_the_application(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    with pytest.raises(ValidationError) as wrong_kind:
        register(
            organ_tree["department"], office["handler"], identity_proof=services.ProofFile("id.png", b"MZ\x90\x00")
        )
    assert "identity_proof" in wrong_kind.value.message_dict
    too_big = services.ProofFile("id.png", PNG + b"\x00" * services.MAX_IDENTITY_PROOF_BYTES)
    with pytest.raises(ValidationError, match="5 MB"):
        register(organ_tree["department"], office["handler"], identity_proof=too_big)
    assert Application.objects.count() == 0

    application, _code = register(
        organ_tree["department"], office["handler"], identity_proof=services.ProofFile("身份证.png", PNG)
    )
    assert application.identity_proof.content_type == "image/png"
    assert bytes(application.identity_proof.data) == PNG
