"""Recording, answering and filing convenience replies; issuing and revoking hotline tokens."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.convenience import services, tokens
from gongkai.convenience.domain import Channel, State
from gongkai.convenience.models import ConvenienceReply, HotlineToken
from gongkai.convenience.tests import factories
from gongkai.core import audit
from gongkai.core.models import AuditEntry
from gongkai.foi import services as foi_services
from gongkai.foi.applicants import ApplicantKind, IdType
from gongkai.foi.receipt import Channel as ApplicationChannel
from gongkai.organs.models import Organ
from gongkai.workdays import services as workday_services

pytestmark = pytest.mark.django_db


def _record(organ: Organ, user: User | None, **overrides: Any) -> ConvenienceReply:
    fields: dict[str, Any] = {
        "channel": Channel.TELEPHONE,
        "question": "请问2021年预算公开文件在哪里查？",
        "answer": "已在本网站主动公开，请查阅所附文件。",
        "asked_on": timezone.localdate(),
        **overrides,
    }
    return services.record_reply(organ=organ, acting_user=user, **fields)


def test_a_telephone_reply_is_recorded_with_its_documents_and_audited(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    department = organ_tree["department"]
    document = factories.published(department, "测试市财政局关于做好2021年预算公开工作的通知")
    assert not ConvenienceReply.objects.exists()

    reply = _record(department, office["handler"], item_ids=[document.pk])

    assert reply.state == State.ANSWERED
    assert reply.answered_on == timezone.localdate()
    assert reply.answered_by == office["handler"]
    assert list(reply.linked_items.all()) == [document]
    entry = AuditEntry.objects.get(action="convenience.recorded")
    assert entry.actor == office["handler"]
    assert entry.organ == department
    assert entry.object_id == str(reply.pk)
    assert entry.after is not None
    assert entry.after["linked_items"] == [document.pk]
    assert audit.verify_chain() is None


def test_someone_outside_the_organ_is_refused_and_nothing_is_written(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    for user in (office["outsider"], office["drafter"]):
        with pytest.raises(PermissionDenied):
            _record(organ_tree["department"], user)

    assert not ConvenienceReply.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="convenience.").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"question": "  "}, "question"),
        ({"answer": ""}, "answer"),
        ({"channel": Channel.HOTLINE_12345}, "hotline_ticket"),
        ({"channel": Channel.FROM_APPLICATION}, "application"),
        ({"asked_on": date.today() + timedelta(days=2)}, "asked_on"),  # noqa: DTZ011 (a day ahead in any zone)
        ({"question": "问" * 4001}, "question"),
    ],
)
def test_invalid_input_is_refused_at_its_field(
    organ_tree: dict[str, Organ], office: dict[str, User], overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _record(organ_tree["department"], office["handler"], **overrides)

    assert field in refused.value.message_dict
    assert not ConvenienceReply.objects.exists()


def test_only_published_documents_can_be_linked(organ_tree: dict[str, Organ], office: dict[str, User]) -> None:
    department = organ_tree["department"]
    hidden = [
        factories.draft(department, office["drafter"], "测试市财政局关于预算公开的草稿"),
        factories.withdrawn(department, office["handler"], "测试市财政局关于预算公开的撤回件"),
    ]
    for item in hidden:
        with pytest.raises(ValidationError) as refused:
            _record(department, office["handler"], item_ids=[item.pk])
        assert "linked_items" in refused.value.message_dict
    with pytest.raises(ValidationError):
        _record(department, office["handler"], item_ids=[999999])
    assert not ConvenienceReply.objects.exists()


def test_a_ticket_number_is_recorded_once_per_organ(organ_tree: dict[str, Organ], office: dict[str, User]) -> None:
    _record(organ_tree["department"], office["handler"], channel=Channel.HOTLINE_12345, hotline_ticket="GD-1")

    with pytest.raises(ValidationError) as refused:
        _record(organ_tree["department"], office["handler"], channel=Channel.HOTLINE_12345, hotline_ticket="GD-1")

    assert "hotline_ticket" in refused.value.message_dict


def test_a_reply_in_place_of_an_application_must_name_one_of_the_organs_applications(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    workday_services.seed_from_package()
    person: dict[str, Any] = {
        "applicant_kind": ApplicantKind.NATURAL_PERSON,
        "applicant_name": "李四",
        "id_type": IdType.RESIDENT_ID,
        "id_number": "140902198001010016",
        "phone": "13800001234",
        "description": "某小区规划图纸",
        "delivery": "ELECTRONIC",
    }
    elsewhere, _code = foi_services.register(
        organ=organ_tree["county"],
        acting_user=None,
        channel=ApplicationChannel.IN_PERSON,
        # Another year, so the two tracking numbers differ whatever the serial scheme.
        arrived_on=timezone.localdate() - timedelta(days=400),
        **person,
    )
    here, _code = foi_services.register(
        organ=organ_tree["department"],
        acting_user=None,
        channel=ApplicationChannel.IN_PERSON,
        arrived_on=timezone.localdate(),
        **person,
    )

    with pytest.raises(ValidationError) as refused:
        _record(organ_tree["department"], office["handler"], channel=Channel.FROM_APPLICATION, application=elsewhere)
    reply = _record(organ_tree["department"], office["handler"], channel=Channel.FROM_APPLICATION, application=here)

    assert "application" in refused.value.message_dict
    assert reply.application == here


def _token(organ: Organ) -> HotlineToken:
    token, _clear = services.issue_token(organ=organ, name="12345 工单系统", acting_user=None)
    return token


def test_a_hotline_consultation_waits_then_is_answered_and_audited(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    department = organ_tree["department"]
    document = factories.published(department, "测试市财政局关于做好2021年预算公开工作的通知")
    token = _token(department)

    reply, created = services.hotline_submit(token=token, ticket="GD-7", question="预算公开文件在哪里？")

    assert created
    assert (reply.state, reply.answer, reply.channel, reply.filed_by_token) == (
        State.PENDING,
        "",
        Channel.HOTLINE_12345,
        token,
    )
    filed = AuditEntry.objects.get(action="convenience.hotline_filed")
    assert filed.actor is None
    assert filed.reason == "12345 工单系统"
    assert filed.after is not None
    assert filed.after["token"] == "12345 工单系统"

    answered = services.answer(
        reply=reply, acting_user=office["handler"], text="请查阅所附文件。", item_ids=[document.pk]
    )

    assert answered.state == State.ANSWERED
    assert answered.answered_by == office["handler"]
    assert list(answered.linked_items.all()) == [document]
    entry = AuditEntry.objects.get(action="convenience.answered")
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["state"], entry.after["state"]) == (State.PENDING, State.ANSWERED)
    with pytest.raises(ValidationError):
        services.answer(reply=answered, acting_user=office["handler"], text="再答一次")


def test_answering_needs_the_organs_role_and_an_answer(organ_tree: dict[str, Organ], office: dict[str, User]) -> None:
    reply, _created = services.hotline_submit(token=_token(organ_tree["department"]), ticket="GD-8", question="问题")

    with pytest.raises(PermissionDenied):
        services.answer(reply=reply, acting_user=office["outsider"], text="答复")
    with pytest.raises(ValidationError) as refused:
        services.answer(reply=reply, acting_user=office["handler"], text=" ")

    assert "answer" in refused.value.message_dict
    reply.refresh_from_db()
    assert reply.state == State.PENDING


def test_a_resent_ticket_returns_the_consultation_already_filed(organ_tree: dict[str, Organ]) -> None:
    token = _token(organ_tree["department"])
    first, _created = services.hotline_submit(token=token, ticket="GD-9", question="低保怎么申请？")

    again, created = services.hotline_submit(token=token, ticket="GD-9", question="低保怎么申请？")
    with pytest.raises(ValidationError) as refused:
        services.hotline_submit(token=token, ticket="GD-9", question="另一个问题")

    assert (again, created) == (first, False)
    assert "hotline_ticket" in refused.value.message_dict
    assert ConvenienceReply.objects.count() == 1
    assert AuditEntry.objects.filter(action="convenience.hotline_filed").count() == 1


def test_a_hotline_consultation_needs_a_ticket_and_a_question(organ_tree: dict[str, Organ]) -> None:
    with pytest.raises(ValidationError) as refused:
        services.hotline_submit(token=_token(organ_tree["department"]), ticket="", question="")

    assert set(refused.value.message_dict) == {"hotline_ticket", "question"}


def test_a_token_is_stored_only_as_its_digest_and_stops_working_when_revoked(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    token, clear = services.issue_token(organ=organ_tree["department"], name="热线", acting_user=office["handler"])

    assert clear.startswith("gkh_")
    assert token.token_hash == tokens.digest(clear) != clear
    assert clear.startswith(token.prefix)
    assert not HotlineToken.objects.filter(token_hash__contains=clear[4:]).exists()
    issued = AuditEntry.objects.get(action="convenience.token_issued")
    assert clear not in str(issued.after)
    assert services.authenticate(clear) == token
    token.refresh_from_db()
    assert token.last_used_at is not None

    services.revoke_token(token=token, acting_user=office["handler"])

    assert services.authenticate(clear) is None
    assert services.authenticate("gkh_guess") is None
    assert services.authenticate("") is None
    assert AuditEntry.objects.filter(action="convenience.token_revoked", object_id=str(token.pk)).exists()
    with pytest.raises(ValidationError):
        services.revoke_token(token=token, acting_user=office["handler"])


def test_tokens_are_issued_and_revoked_only_by_the_organs_office(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    with pytest.raises(PermissionDenied):
        services.issue_token(organ=organ_tree["department"], name="热线", acting_user=office["outsider"])
    token = _token(organ_tree["department"])
    with pytest.raises(PermissionDenied):
        services.revoke_token(token=token, acting_user=office["outsider"])

    token.refresh_from_db()
    assert token.is_active
    assert HotlineToken.objects.count() == 1
