"""Every write to an information application: registration, the moves of the workflow, the clock."""

from datetime import date
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.foi import applicants, clock, decisions
from gongkai.foi.applicants import ApplicantKind, IdentityError, IdType
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import STEPS, Move, State
from gongkai.foi.models import Application, ApplicationSequence, LegalChallenge, Pause, RequestedItem
from gongkai.foi.receipt import Arrival, Channel, ReceiptError, receipt_day
from gongkai.organs.models import Organ
from gongkai.workdays import selectors as workday_selectors

IDENTITY_ERRORS = {
    "id_checksum": gettext_lazy("This resident identity card number is not valid: check the 18 characters."),
    "id_format": gettext_lazy("Enter the identity document number as printed on it."),
    "credit_code": gettext_lazy(
        "Not a valid unified social credit code: check the 18 characters and the last check character."
    ),
}

APPLICANT_FIELDS = (
    "applicant_kind",
    "applicant_name",
    "id_type",
    "id_number",
    "credit_code",
    "legal_representative",
    "contact_person",
    "phone",
    "address",
    "email",
    "description",
    "delivery",
)


def _check_applicant(fields: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    try:
        if fields["applicant_kind"] == ApplicantKind.NATURAL_PERSON:
            if not fields.get("id_type"):
                errors["id_type"] = str(_("Choose the identity document."))
            else:
                fields["id_number"] = applicants.check_personal_id(
                    IdType(fields["id_type"]), fields.get("id_number", "")
                )
        else:
            fields["credit_code"] = applicants.check_organisation_code(fields.get("credit_code", ""))
    except IdentityError as error:
        errors["credit_code" if error.code == "credit_code" else "id_number"] = str(IDENTITY_ERRORS[error.code])
    if not str(fields.get("description", "")).strip():
        errors["description"] = str(_("Describe the information: its name, document number or other features."))
    if errors:
        raise ValidationError(errors)


def _next_tracking_number(organ: Organ, year: int) -> str:
    sequence, _created = ApplicationSequence.objects.select_for_update().get_or_create(organ=organ, year=year)
    sequence.last_serial += 1
    sequence.save(update_fields=["last_serial"])
    return applicants.tracking_number(year, sequence.last_serial)


def answer_proof(application: Application, today: date | None = None) -> clock.AnswerDue | None:
    """The answer's due date with its day-by-day proof, from the recorded facts, on the current calendar."""
    if application.received_on is None:
        return None
    pauses = (
        [clock.Pause(p.reason, p.started_on, p.ended_on) for p in application.pauses.all()] if application.pk else []
    )
    return clock.answer_due(
        workday_selectors.current_calendar(),
        clock.ClockInput(
            application.received_on,
            supplement_received_on=application.supplement_received_on,
            pauses=pauses,
            extension_workdays=application.extension_workdays,
        ),
        today=today or timezone.localdate(),
    )


def refresh_clock(application: Application) -> None:
    due = answer_proof(application)
    application.due_on = due.due if due else None
    application.due_provisional = due.provisional if due else False
    application.calendar_version = due.base.calendar_version if due else 0


@transaction.atomic
def register(
    *,
    organ: Organ,
    channel: Channel,
    arrived_on: date,
    acting_user: User | None,
    signed_for_on: date | None = None,
    confirmed_on: date | None = None,
    **fields: Any,
) -> tuple[Application, str]:
    """登记: every application is registered, on any channel. Returns it with its query code.

    ``acting_user`` is None for the portal's online form, which needs no account.
    """
    if acting_user is not None:
        permissions.require(acting_user, Action.HANDLE_APPLICATIONS, organ)
    unknown = set(fields) - set(APPLICANT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _check_applicant(fields)
    try:
        received = receipt_day(Arrival(channel, arrived_on, signed_for_on, confirmed_on))
    except ReceiptError as error:
        raise ValidationError({"signed_for_on": _("Enter the date the mail was signed for.")}) from error
    code = applicants.new_query_code()
    application = Application(
        organ=organ,
        tracking_number=_next_tracking_number(organ, arrived_on.year),
        query_code_hash=make_password(code),
        state=State.REGISTERED if received else State.AWAITING_CONFIRMATION,
        channel=channel,
        arrived_on=arrived_on,
        signed_for_on=signed_for_on,
        confirmed_on=confirmed_on,
        received_on=received,
        registered_by=acting_user,
        **fields,
    )
    refresh_clock(application)
    application.full_clean(exclude=["query_code_hash"])
    application.save()
    RequestedItem.objects.create(application=application, description=application.description[:500])
    audit.record(
        actor=acting_user,
        action="foi.registered",
        target=application,
        organ=organ,
        after={"tracking_number": application.tracking_number, "channel": channel, "received_on": received},
    )
    return application, code


def find_by_query_code(tracking_number: str, query_code: str) -> Application | None:
    """The applicant's view without an account: both the tracking number and the code must match."""
    application = Application.objects.filter(tracking_number=tracking_number.strip().upper()).first()
    if application is None or not check_password(
        applicants.normalise_query_code(query_code), application.query_code_hash
    ):
        return None
    return application


@transaction.atomic
def move(
    *,
    application: Application,
    to: Move,
    acting_user: User,
    reason: str = "",
    on: date | None = None,
    consulted_party: str = "",
) -> Application:
    """Take one step of the workflow table; `on` is the date the step happened (default today)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    step = STEPS[to]
    if application.state not in step.source:
        raise ValidationError(_("This step is not possible from the application's current state."))
    originator = application.handler if step.separated else None
    permissions.require(acting_user, Action(step.action), application.organ, originator=originator)
    if step.reason_required and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for this step.")})
    day = on or timezone.localdate()
    before = {"state": application.state, "due_on": application.due_on}
    if to == Move.CONFIRM_RECEIPT:
        application.confirmed_on = day
        application.received_on = receipt_day(
            Arrival(Channel(application.channel), application.arrived_on, application.signed_for_on, day)
        )
    elif to == Move.RECEIVE_SUPPLEMENT:
        application.supplement_received_on = day
    elif to in {Move.START_CONSULTATION, Move.SEND_FEE_NOTICE}:
        pause_reason = Pause.Reason.CONSULTATION if to == Move.START_CONSULTATION else Pause.Reason.FEE
        Pause.objects.create(
            application=application, reason=pause_reason, consulted_party=consulted_party, started_on=day
        )
    elif to in {Move.END_CONSULTATION, Move.RECORD_PAYMENT}:
        application.pauses.filter(ended_on__isnull=True).update(ended_on=day)
    elif to == Move.DRAFT_DECISION:
        results = [Outcome(item.outcome) for item in application.items.all() if item.outcome]
        if not results or len(results) != application.items.count():
            raise ValidationError(_("Record the result of every requested item before drafting the reply."))
        application.outcome = decisions.application_outcome(results)
        if application.handler_id is None:
            application.handler = acting_user
    elif to == Move.DEEM_ABANDONED:
        application.outcome = Outcome.OTHER_NO_CORRECTION
    elif to == Move.FEE_UNPAID:
        application.outcome = Outcome.OTHER_FEE_UNPAID
    application.state = step.target
    refresh_clock(application)
    application.save()
    audit.record(
        actor=acting_user,
        action=f"foi.{to.lower()}",
        target=application,
        organ=application.organ,
        reason=reason,
        before=before,
        after={"state": application.state, "due_on": application.due_on, "on": day},
    )
    return application


@transaction.atomic
def extend(*, application: Application, workdays: int, acting_user: User, reason: str) -> Application:
    """Art. 33: the head of the working body approves an extension of at most 20 working days."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    permissions.require(acting_user, Action.APPROVE, application.organ)
    if application.state not in {State.IN_PROGRESS, State.CONSULTING, State.DECISION_DRAFTED}:
        raise ValidationError(_("Only an application in progress can be extended."))
    if not 1 <= workdays <= clock.MAX_EXTENSION_WORKDAYS - application.extension_workdays:
        raise ValidationError({"workdays": _("An extension is at most 20 working days in all.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the extension.")})
    before = {"extension_workdays": application.extension_workdays, "due_on": application.due_on}
    application.extension_workdays += workdays
    refresh_clock(application)
    application.save(
        update_fields=["extension_workdays", "due_on", "due_provisional", "calendar_version", "updated_at"]
    )
    audit.record(
        actor=acting_user,
        action="foi.extended",
        target=application,
        organ=application.organ,
        reason=reason,
        before=before,
        after={"extension_workdays": application.extension_workdays, "due_on": application.due_on},
    )
    return application


@transaction.atomic
def record_personal_data_view(*, application: Application, acting_user: User) -> None:
    """Every look at an applicant's personal data is on record (plan item 19; 个人信息保护法第五十一条)."""
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, application.organ)
    audit.record(actor=acting_user, action="foi.personal_data_viewed", target=application, organ=application.organ)


@transaction.atomic
def assign(*, application: Application, handler: User, acting_user: User) -> Application:
    """Give the case to a handler of the organ's openness office."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, application.organ)
    if not permissions.can(handler, Action.HANDLE_APPLICATIONS, application.organ):
        raise ValidationError({"handler": _("This person does not handle applications for this organ.")})
    before = {"handler": application.handler.display_name if application.handler else ""}
    application.handler = handler
    application.save(update_fields=["handler", "updated_at"])
    audit.record(
        actor=acting_user,
        action="foi.assigned",
        target=application,
        organ=application.organ,
        before=before,
        after={"handler": handler.display_name},
    )
    return application


@transaction.atomic
def record_result(
    *,
    item: RequestedItem,
    outcome: Outcome,
    acting_user: User,
    reason: str = "",
    search_record: str = "",
    referred_to: str = "",
) -> RequestedItem:
    """The result for one requested item, in the annual report's taxonomy (条例第三十六条至第三十九条)."""
    item = RequestedItem.objects.select_for_update().select_related("application", "application__organ").get(pk=item.pk)
    application = item.application
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, application.organ)
    if application.state != State.IN_PROGRESS:
        raise ValidationError(_("Results are recorded while the application is in progress."))
    errors: dict[str, str] = {}
    if outcome != Outcome.DISCLOSED and not reason.strip():
        errors["reason"] = str(_("Give the reason: the reply must state it (Article 36)."))
    if outcome == Outcome.UNAVAILABLE_NOT_HELD and not search_record.strip():
        errors["search_record"] = str(_("Record where and with which keywords the organ searched."))
    if errors:
        raise ValidationError(errors)
    before = {"outcome": item.outcome}
    item.outcome, item.reason, item.search_record, item.referred_to = outcome, reason, search_record, referred_to
    item.save()
    audit.record(
        actor=acting_user,
        action="foi.result_recorded",
        target=application,
        organ=application.organ,
        reason=reason,
        before=before,
        after={"item": item.pk, "outcome": outcome},
    )
    return item


@transaction.atomic
def add_requested_item(*, application: Application, description: str, acting_user: User) -> RequestedItem:
    """Split a request into the smallest reasonable items (一事一申请), as 109号 and the report count them."""
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, application.organ)
    if application.state not in {State.REGISTERED, State.IN_PROGRESS}:
        raise ValidationError(_("Items are split before the reply is drafted."))
    if not description.strip():
        raise ValidationError({"description": _("Describe the item.")})
    item = RequestedItem.objects.create(application=application, description=description.strip()[:500])
    audit.record(
        actor=acting_user,
        action="foi.item_added",
        target=application,
        organ=application.organ,
        after={"item": description[:100]},
    )
    return item


@transaction.atomic
def record_challenge(
    *,
    application: Application,
    acting_user: User,
    route: str,
    body: str,
    filed_on: date,
    result: str = "PENDING",
    case_number: str = "",
    decided_on: date | None = None,
) -> LegalChallenge:
    """Record a reconsideration or lawsuit over the application, or its result once decided."""
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, application.organ)
    errors: dict[str, str] = {}
    if not body.strip():
        errors["body"] = str(_("Name the reconsideration organ or the court."))
    if result != "PENDING" and decided_on is None:
        errors["decided_on"] = str(_("Enter the date of the decision."))
    if decided_on is not None and decided_on < filed_on:
        errors["decided_on"] = str(_("A decision cannot come before the filing."))
    if errors:
        raise ValidationError(errors)
    challenge = LegalChallenge(
        application=application,
        route=route,
        result=result,
        body=body.strip(),
        case_number=case_number,
        filed_on=filed_on,
        decided_on=decided_on,
    )
    challenge.full_clean()
    challenge.save()
    audit.record(
        actor=acting_user,
        action="foi.challenge_recorded",
        target=application,
        organ=application.organ,
        after={"route": route, "result": result, "filed_on": filed_on},
    )
    return challenge
