"""Every write to convenience replies and hotline tokens: permission-checked, atomic, audited."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.convenience import selectors, tokens
from gongkai.convenience.domain import APPLICATION_REQUIRED, TICKET_REQUIRED, Channel, State
from gongkai.convenience.models import ConvenienceReply, HotlineToken
from gongkai.core import audit
from gongkai.foi.models import Application
from gongkai.organs.models import Organ

QUESTION_MAX = 4000
ANSWER_MAX = 10000
TICKET_MAX = 60


def _require(acting_user: User | None, organ: Organ) -> None:
    # None is the system itself: the demo loader and the operator's management command.
    if acting_user is not None:
        permissions.require(acting_user, Action.HANDLE_APPLICATIONS, organ)


def _text_errors(errors: dict[str, str], field: str, value: str, maximum: int, missing: str) -> None:
    if not value.strip():
        errors[field] = missing
    elif len(value) > maximum:
        errors[field] = _("Keep this under %(count)s characters.") % {"count": maximum}


def _check_ticket(errors: dict[str, str], organ: Organ, ticket: str, channel: Channel) -> None:
    if len(ticket) > TICKET_MAX:
        errors["hotline_ticket"] = _("Keep this under %(count)s characters.") % {"count": TICKET_MAX}
    elif channel in TICKET_REQUIRED and not ticket:
        errors["hotline_ticket"] = _("Enter the 12345 ticket number.")
    elif ticket and ConvenienceReply.objects.filter(organ=organ, hotline_ticket=ticket).exists():
        errors["hotline_ticket"] = _("This ticket number is already recorded for this organ.")


def _check_asked_on(errors: dict[str, str], asked_on: date) -> None:
    if asked_on > timezone.localdate():
        errors["asked_on"] = _("The date asked cannot be in the future.")


def _linkable(errors: dict[str, str], item_ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(item_ids))
    found = list(selectors.linkable_items(wanted).values_list("pk", flat=True))
    if len(found) != len(wanted):
        errors["linked_items"] = _("Only published documents can be linked.")
    return found


def _audit_after(reply: ConvenienceReply) -> dict[str, object]:
    return {**reply.snapshot(), "linked_items": sorted(reply.linked_items.values_list("pk", flat=True))}


@transaction.atomic
def record_reply(
    *,
    organ: Organ,
    acting_user: User | None,
    channel: Channel,
    question: str,
    answer: str,
    asked_on: date,
    hotline_ticket: str = "",
    item_ids: Iterable[int] = (),
    application: Application | None = None,
) -> ConvenienceReply:
    """Record a question answered at once, by telephone, in person or instead of the formal procedure."""
    _require(acting_user, organ)
    question, answer, hotline_ticket = question.strip(), answer.strip(), hotline_ticket.strip()
    errors: dict[str, str] = {}
    _text_errors(errors, "question", question, QUESTION_MAX, _("Enter the question."))
    _text_errors(errors, "answer", answer, ANSWER_MAX, _("Enter the answer."))
    _check_ticket(errors, organ, hotline_ticket, channel)
    _check_asked_on(errors, asked_on)
    if channel in APPLICATION_REQUIRED and application is None:
        errors["application"] = _("Name the information application this reply takes the place of.")
    elif application is not None and application.organ_id != organ.pk:
        errors["application"] = _("That application was made to another organ.")
    linked = _linkable(errors, item_ids)
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    reply = ConvenienceReply.objects.create(
        organ=organ,
        channel=channel,
        question=question,
        answer=answer,
        state=State.ANSWERED,
        hotline_ticket=hotline_ticket,
        application=application,
        asked_on=asked_on,
        answered_on=today,
        answered_by=acting_user,
        created_by=acting_user,
    )
    reply.linked_items.set(linked)
    audit.record(actor=acting_user, action="convenience.recorded", target=reply, organ=organ, after=_audit_after(reply))
    return reply


@transaction.atomic
def answer(*, reply: ConvenienceReply, acting_user: User, text: str, item_ids: Iterable[int] = ()) -> ConvenienceReply:
    """Answer a pending hotline consultation; the hotline system collects the answer through the API."""
    _require(acting_user, reply.organ)
    reply = ConvenienceReply.objects.select_for_update().get(pk=reply.pk)
    if reply.state != State.PENDING:
        raise ValidationError({"answer": _("This consultation has already been answered.")})
    text = text.strip()
    errors: dict[str, str] = {}
    _text_errors(errors, "answer", text, ANSWER_MAX, _("Enter the answer."))
    linked = _linkable(errors, item_ids)
    if errors:
        raise ValidationError(errors)
    before = reply.snapshot()
    reply.answer = text
    reply.state = State.ANSWERED
    reply.answered_on = timezone.localdate()
    reply.answered_by = acting_user
    reply.save(update_fields=["answer", "state", "answered_on", "answered_by", "updated_at"])
    reply.linked_items.set(linked)
    audit.record(
        actor=acting_user,
        action="convenience.answered",
        target=reply,
        organ=reply.organ,
        before=before,
        after=_audit_after(reply),
    )
    return reply


@transaction.atomic
def hotline_submit(
    *, token: HotlineToken, ticket: str, question: str, asked_on: date | None = None
) -> tuple[ConvenienceReply, bool]:
    """File a consultation from the hotline system; returns it and whether it is new.

    A ticket sent again with the same question (a retry after a timeout) returns the consultation
    already filed instead of an error, so the hotline system can resend safely.
    """
    ticket, question = ticket.strip(), question.strip()
    existing = ConvenienceReply.objects.filter(organ_id=token.organ_id, hotline_ticket=ticket).first()
    if ticket and existing is not None and existing.question == question:
        return existing, False
    errors: dict[str, str] = {}
    _text_errors(errors, "question", question, QUESTION_MAX, _("Enter the question."))
    _check_ticket(errors, token.organ, ticket, Channel.HOTLINE_12345)
    asked_on = asked_on or timezone.localdate()
    _check_asked_on(errors, asked_on)
    if errors:
        raise ValidationError(errors)
    reply = ConvenienceReply.objects.create(
        organ=token.organ,
        channel=Channel.HOTLINE_12345,
        question=question,
        state=State.PENDING,
        hotline_ticket=ticket,
        asked_on=asked_on,
        filed_by_token=token,
    )
    audit.record(
        actor=None,
        action="convenience.hotline_filed",
        target=reply,
        organ=token.organ,
        reason=token.name,
        after={**reply.snapshot(), "token": token.name, "token_prefix": token.prefix},
    )
    return reply, True


@transaction.atomic
def issue_token(*, organ: Organ, name: str, acting_user: User | None) -> tuple[HotlineToken, str]:
    """Issue a token for a hotline system; the clear token is returned here once and never stored."""
    _require(acting_user, organ)
    name = name.strip()
    errors: dict[str, str] = {}
    _text_errors(errors, "name", name, 100, _("Name the system that will use the token."))
    if errors:
        raise ValidationError(errors)
    clear = tokens.generate()
    token = HotlineToken.objects.create(
        name=name, organ=organ, token_hash=tokens.digest(clear), prefix=tokens.prefix(clear), created_by=acting_user
    )
    audit.record(
        actor=acting_user,
        action="convenience.token_issued",
        target=token,
        organ=organ,
        after={"name": token.name, "prefix": token.prefix},
    )
    return token, clear


@transaction.atomic
def revoke_token(*, token: HotlineToken, acting_user: User | None) -> HotlineToken:
    _require(acting_user, token.organ)
    if not token.is_active:
        raise ValidationError(_("This token has already been revoked."))
    token.is_active = False
    token.revoked_at = timezone.now()
    token.save(update_fields=["is_active", "revoked_at", "updated_at"])
    audit.record(
        actor=acting_user,
        action="convenience.token_revoked",
        target=token,
        organ=token.organ,
        before={"is_active": True},
        after={"is_active": False, "name": token.name, "prefix": token.prefix},
    )
    return token


def authenticate(clear: str) -> HotlineToken | None:
    """The active token with this clear text, its use noted; None for an unknown or revoked one.

    The time of last use is bookkeeping, like a login's last_login, not a change to a record, so it
    is written without an audit entry.
    """
    if not clear:
        return None
    token = (
        HotlineToken.objects.filter(token_hash=tokens.digest(clear), is_active=True, organ__is_active=True)
        .select_related("organ")
        .first()
    )
    if token is not None:
        token.last_used_at = timezone.now()
        HotlineToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token
