"""Every write to an information application: registration, the moves of the workflow, the clock."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from django.conf import settings
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
from gongkai.foi import applicants, clock, correspondence, decisions, fees, notices, repeats
from gongkai.foi.applicants import ApplicantKind, IdentityError, IdType
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import STEPS, Move, State
from gongkai.foi.models import (
    RESULT_LABELS,
    SERVICE_METHOD_LABELS,
    Application,
    DisclosureProposal,
    IdentityProof,
    LegalChallenge,
    Letter,
    Pause,
    RequestedItem,
)
from gongkai.foi.receipt import Arrival, Channel, ReceiptError, receipt_day
from gongkai.organs import serials
from gongkai.organs.models import Organ
from gongkai.policies import attachment_files, seal
from gongkai.policies.attachment_files import FileKind
from gongkai.policies.models import InformationItem
from gongkai.workdays import selectors as workday_selectors

SERVICE_METHODS: Final = frozenset(SERVICE_METHOD_LABELS)
MAX_IDENTITY_PROOF_BYTES: Final = 5 * 1024 * 1024
IDENTITY_PROOF_KINDS: Final = frozenset({FileKind.PDF, FileKind.JPEG, FileKind.PNG})
APPLICATION_SERIAL_SCOPE = "application"  # tracking-number serials (organs.Serial scope)

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


@dataclass(frozen=True)
class ProofFile:
    """An uploaded proof of identity: its name as sent and its bytes."""

    name: str
    data: bytes


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
    return applicants.tracking_number(year, organ.pk, serials.next_serial(organ, year, APPLICATION_SERIAL_SCOPE))


def fee_rules() -> fees.FeeRules:
    """The fee procedure's configurable parts (REGULATIONS.md §3 marks them unverified; see FeeRules)."""
    return fees.FeeRules(
        payment_period_workdays=settings.GONGKAI_FEE_PAYMENT_WORKDAYS,
        clock_paused_while_awaiting_payment=settings.GONGKAI_FEE_PAUSES_CLOCK,
    )


def answer_proof(application: Application, today: date | None = None) -> clock.AnswerDue | None:
    """The answer's due date with its day-by-day proof, from the recorded facts, on the current calendar."""
    if application.received_on is None:
        return None
    counted = {Pause.Reason.CONSULTATION} | (
        {Pause.Reason.FEE} if fee_rules().clock_paused_while_awaiting_payment else set()
    )
    pauses = (
        [clock.Pause(p.reason, p.started_on, p.ended_on) for p in application.pauses.all() if p.reason in counted]
        if application.pk
        else []
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


def may_see_case(user: User, organ: Organ) -> bool:
    """The handling organ's openness office, and its approvers who sign the replies."""
    return permissions.can(user, Action.HANDLE_APPLICATIONS, organ) or permissions.can(user, Action.APPROVE, organ)


def consultation_due(pause: Pause) -> date:
    """Arts. 32, 34: the consulted party's 15 working days, counted from the day the letter went out."""
    return clock.consultation_reply_due(workday_selectors.current_calendar(), pause.started_on).due


def refresh_clock(application: Application) -> None:
    """Recompute the due date; a due date that moved (restart, pause, extension) re-arms the reminders."""
    due = answer_proof(application)
    if application.pk and (due.due if due else None) != application.due_on:
        application.reminders.all().delete()
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
    identity_proof: ProofFile | None = None,
    **fields: Any,
) -> tuple[Application, str]:
    """登记: every application is registered, on any channel. Returns it with its query code.

    ``acting_user`` is None for the portal's online form, which needs no account. The identity
    proof, when given, must be a PDF, JPEG or PNG of at most 5 MB, judged by its content.
    """
    if acting_user is not None:
        permissions.require(acting_user, Action.HANDLE_APPLICATIONS, organ)
    unknown = set(fields) - set(APPLICANT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _check_applicant(fields)
    if identity_proof is not None:
        _check_identity_proof(identity_proof)
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
        applicant_key=_applicant_key(fields),
        **fields,
    )
    application.repeat_of = _earlier_same_request(application)
    refresh_clock(application)
    application.full_clean(exclude=["query_code_hash"])
    application.save()
    item = RequestedItem.objects.create(application=application, description=application.description[:500])
    if identity_proof is not None:
        _store_identity_proof(application, identity_proof)
    audit.record(
        actor=acting_user,
        action="foi.registered",
        target=application,
        organ=organ,
        after={
            "tracking_number": application.tracking_number,
            "channel": channel,
            "received_on": received,
            "repeat_of": application.repeat_of.tracking_number if application.repeat_of else "",
        },
    )
    _propose_if_widely_requested(item, acting_user)
    return application, code


def _check_identity_proof(proof: ProofFile) -> None:
    if len(proof.data) > MAX_IDENTITY_PROOF_BYTES:
        raise ValidationError({"identity_proof": _("The proof of identity may be at most 5 MB.")})
    if attachment_files.sniff(proof.data, proof.name) not in IDENTITY_PROOF_KINDS:
        raise ValidationError(
            {"identity_proof": _("Upload the proof of identity as a PDF, JPEG or PNG file (a scan or a photo).")}
        )


def _store_identity_proof(application: Application, proof: ProofFile) -> None:
    kind = attachment_files.sniff(proof.data, proof.name)
    if kind is None:  # checked before anything was stored; the check narrows the type
        raise ValidationError({"identity_proof": _("The file could not be read.")})
    IdentityProof.objects.create(
        application=application,
        name=proof.name[-200:],
        content_type=attachment_files.KINDS[kind].content_type,
        data=proof.data,
        sha256=hashlib.sha256(proof.data).hexdigest(),
    )


def _applicant_key(fields: dict[str, Any]) -> str:
    return applicants.applicant_key(
        id_type=str(fields.get("id_type", "")),
        id_number=str(fields.get("id_number", "")),
        credit_code=str(fields.get("credit_code", "")),
        secret=settings.GONGKAI_APPLICANT_KEY_SECRET.encode("utf-8"),
    )


def _earlier_same_request(application: Application) -> Application | None:
    """Art. 36(六): the same applicant already asked this organ for the same information."""
    if not application.applicant_key:
        return None
    earlier = (
        RequestedItem.objects.filter(
            application__organ=application.organ, application__applicant_key=application.applicant_key
        )
        .exclude(application__state=State.WITHDRAWN)
        .select_related("application")
        .order_by("-application__arrived_on", "-id")[:200]
    )
    for item in earlier:
        if repeats.same_information(application.description, item.description):
            return item.application
    return None


def _propose_if_widely_requested(item: RequestedItem, acting_user: User | None) -> None:
    """Art. 44: information asked for by three or more applicants is proposed for proactive disclosure."""
    application = item.application
    # Plain rows, not model objects: this runs on every registration over the organ's recent requests.
    candidates = (
        RequestedItem.objects.filter(application__organ=application.organ)
        .exclude(pk=item.pk)
        .exclude(application__applicant_key="")
        .order_by("-id")
        .values_list("pk", "proposal_id", "application__applicant_key", "description")[:2000]
    )
    same = repeats.matching(
        item.description,
        [repeats.Request((pk, proposal_id), key, description) for pk, proposal_id, key, description in candidates],
    )
    requesters = [*same, repeats.Request((item.pk, None), application.applicant_key, item.description)]
    if repeats.distinct_applicants(requesters) < repeats.PROPOSAL_APPLICANTS:
        return
    related = [request.key for request in same if isinstance(request.key, tuple)]
    proposal_id = next((existing for _pk, existing in related if existing), None)
    proposal = DisclosureProposal.objects.filter(pk=proposal_id).first() if proposal_id else None
    if proposal is None:
        proposal = DisclosureProposal.objects.create(organ=application.organ, description=item.description)
        audit.record(
            actor=acting_user,
            action="foi.disclosure_proposed",
            target=proposal,
            organ=application.organ,
            after={"description": item.description, "applicants": repeats.distinct_applicants(requesters)},
        )
    RequestedItem.objects.filter(pk__in=[item.pk, *(pk for pk, _existing in related)], proposal__isnull=True).update(
        proposal=proposal
    )


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
    period_workdays: int = notices.MAX_CORRECTION_PERIOD_WORKDAYS,
    fee_method: str = "",
    fee_quantity: int = 0,
    fee_receipt: str = "",
    served_method: str = "",
    served_proof: str = "",
) -> Application:
    """Take one step of the workflow table; `on` is the date the step happened (default today).

    The step's own facts come as keywords: the 补正 period, the party consulted, the fee method
    and quantity, the payment receipt, how the reply was served. Letters the step calls for
    (notices, the drafted reply, the sealed reply) are made in the same transaction.
    """
    application = Application.objects.select_for_update().select_related("organ").get(pk=application.pk)
    step = STEPS[to]
    if application.state not in step.source:
        raise ValidationError(_("This step is not possible from the application's current state."))
    originator = application.handler if step.separated else None
    permissions.require(acting_user, Action(step.action), application.organ, originator=originator)
    if step.reason_required and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for this step.")})
    day = on or timezone.localdate()
    before = {"state": application.state, "due_on": application.due_on}
    details = _STEP_EFFECTS[to](
        application,
        _StepFacts(
            acting_user,
            day,
            reason.strip(),
            consulted_party.strip(),
            period_workdays,
            fee_method,
            fee_quantity,
            fee_receipt.strip(),
            served_method,
            served_proof.strip(),
        ),
    )
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
        after={"state": application.state, "due_on": application.due_on, "on": day, **details},
    )
    return application


@dataclass(frozen=True)
class _StepFacts:
    user: User
    day: date
    reason: str
    consulted_party: str
    period_workdays: int
    fee_method: str
    fee_quantity: int
    fee_receipt: str
    served_method: str
    served_proof: str


Effect = Callable[[Application, _StepFacts], dict[str, Any]]


def _no_effect(application: Application, facts: _StepFacts) -> dict[str, Any]:
    return {}


def _confirm_receipt(application: Application, facts: _StepFacts) -> dict[str, Any]:
    application.confirmed_on = facts.day
    application.received_on = receipt_day(
        Arrival(Channel(application.channel), application.arrived_on, application.signed_for_on, facts.day)
    )
    return {}


def _request_correction(application: Application, facts: _StepFacts) -> dict[str, Any]:
    """Art. 30: one notice naming everything to supply, a period, and the consequence."""
    if not 1 <= facts.period_workdays <= notices.MAX_CORRECTION_PERIOD_WORKDAYS:
        raise ValidationError({"period_workdays": _("The period to supply is 1 to 15 working days.")})
    application.correction_due_on = workday_selectors.current_calendar().add_workdays(facts.day, facts.period_workdays)
    letter = correspondence.issue_notice(
        application,
        "CORRECTION",
        addressee=application.applicant_name,
        acting_user=facts.user,
        on=facts.day,
        make=lambda header, mark: notices.correction_notice(
            header, what_to_supply=facts.reason, period_workdays=facts.period_workdays, seal=mark
        ),
    )
    return {"letter": letter.number, "correction_due_on": application.correction_due_on}


def _receive_supplement(application: Application, facts: _StepFacts) -> dict[str, Any]:
    application.supplement_received_on = facts.day
    return {}


def _end_after_lapse(
    application: Application, facts: _StepFacts, period_end: date | None, not_yet: str, outcome: Outcome
) -> dict[str, Any]:
    """Processing ends because the applicant let a period lapse (补正 or payment): never before it ends."""
    if period_end is not None and facts.day <= period_end:
        raise ValidationError(not_yet % {"day": period_end.isoformat()})
    application.outcome, application.decided_on = outcome, facts.day
    _end_pause(application, facts)
    letter = correspondence.issue_closing_reply(application, acting_user=facts.user, on=facts.day)
    return {"letter": letter.number}


def _deem_abandoned(application: Application, facts: _StepFacts) -> dict[str, Any]:
    return _end_after_lapse(
        application,
        facts,
        application.correction_due_on,
        _("The period to supply runs until %(day)s; the application is not abandoned before then."),
        Outcome.OTHER_NO_CORRECTION,
    )


def _start_consultation(application: Application, facts: _StepFacts) -> dict[str, Any]:
    """Arts. 32, 34: a letter to the third party or organ; the clock stops until it answers."""
    if not facts.consulted_party:
        raise ValidationError({"consulted_party": _("Name the third party or organ consulted.")})
    Pause.objects.create(
        application=application,
        reason=Pause.Reason.CONSULTATION,
        consulted_party=facts.consulted_party,
        started_on=facts.day,
    )
    letter = correspondence.issue_notice(
        application,
        "CONSULTATION",
        addressee=facts.consulted_party,
        acting_user=facts.user,
        on=facts.day,
        make=lambda header, mark: notices.consultation_letter(
            header, information=application.description, concern=facts.reason, seal=mark
        ),
    )
    return {"letter": letter.number, "consulted_party": facts.consulted_party}


def _end_pause(application: Application, facts: _StepFacts) -> dict[str, Any]:
    application.pauses.filter(ended_on__isnull=True).update(ended_on=facts.day)
    return {}


def _send_fee_notice(application: Application, facts: _StepFacts) -> dict[str, Any]:
    """109号: one method per application; the notice states the amount, period and consequence."""
    try:
        method = fees.FeeMethod(facts.fee_method)
    except ValueError as unknown:
        raise ValidationError({"fee_method": _("Choose how the fee is counted: per piece or per page.")}) from unknown
    quantity = facts.fee_quantity or (application.items.count() if method is fees.FeeMethod.PER_PIECE else 0)
    if quantity < 1:
        raise ValidationError({"fee_quantity": _("Enter the number of pages.")})
    amount = fees.fee(
        method,
        quantity,
        already_charged_pieces=pieces_earlier_this_month(application) if method is fees.FeeMethod.PER_PIECE else 0,
    )
    if amount == 0:
        raise ValidationError(
            {"fee_quantity": _("No fee is due: the quantity is within the free allowance of Document 109.")}
        )
    rules = fee_rules()
    application.fee_method, application.fee_quantity, application.fee_yuan = method, quantity, amount
    application.fee_due_on = workday_selectors.current_calendar().add_workdays(facts.day, rules.payment_period_workdays)
    Pause.objects.create(application=application, reason=Pause.Reason.FEE, started_on=facts.day)
    letter = correspondence.issue_notice(
        application,
        "FEE",
        addressee=application.applicant_name,
        acting_user=facts.user,
        on=facts.day,
        make=lambda header, mark: notices.fee_notice(
            header,
            method=method,
            quantity=quantity,
            fee_yuan=amount,
            payment_period_workdays=rules.payment_period_workdays,
            how_to_pay=settings.GONGKAI_FEE_HOW_TO_PAY,
            seal=mark,
        ),
    )
    return {"letter": letter.number, "fee_method": method, "fee_quantity": quantity, "fee_yuan": amount}


def _record_payment(application: Application, facts: _StepFacts) -> dict[str, Any]:
    if not facts.fee_receipt:
        raise ValidationError({"fee_receipt": _("Enter the number of the payment receipt.")})
    application.fee_paid_on, application.fee_receipt = facts.day, facts.fee_receipt
    _end_pause(application, facts)
    return {"fee_receipt": facts.fee_receipt}


def _fee_unpaid(application: Application, facts: _StepFacts) -> dict[str, Any]:
    return _end_after_lapse(
        application,
        facts,
        application.fee_due_on,
        _("The payment period runs until %(day)s; processing does not end before then."),
        Outcome.OTHER_FEE_UNPAID,
    )


def _draft_decision(application: Application, facts: _StepFacts) -> dict[str, Any]:
    results = [Outcome(item.outcome) for item in application.items.all() if item.outcome]
    if not results or len(results) != application.items.count():
        raise ValidationError(_("Record the result of every requested item before drafting the reply."))
    application.outcome = decisions.application_outcome(results)
    if application.handler_id is None:
        application.handler = facts.user
    correspondence.draft_reply(application, on=facts.day)
    return {"outcome": application.outcome}


def _return_decision(application: Application, facts: _StepFacts) -> dict[str, Any]:
    correspondence.discard_draft(application)
    return {}


def _approve_decision(application: Application, facts: _StepFacts) -> dict[str, Any]:
    letter = correspondence.issue_reply(application, acting_user=facts.user, on=facts.day)
    application.decided_on = facts.day
    return {"letter": letter.number, "pdf_sha256": letter.pdf_sha256}


def _serve(application: Application, facts: _StepFacts) -> dict[str, Any]:
    """送达: how, when, and the proof (a postal tracking number for mail)."""
    if facts.served_method not in SERVICE_METHODS:
        raise ValidationError({"served_method": _("Choose how the reply was served.")})
    if facts.served_method == "POST" and not facts.served_proof:
        raise ValidationError({"served_proof": _("Enter the postal tracking number.")})
    application.served_method, application.served_on, application.served_proof = (
        facts.served_method,
        facts.day,
        facts.served_proof,
    )
    return {"served_method": facts.served_method, "served_proof": facts.served_proof}


def _withdraw(application: Application, facts: _StepFacts) -> dict[str, Any]:
    """A withdrawal ends an undecided application; the annual report counts it as （六）其他处理 3.其他.

    An application never received (receipt not yet confirmed, Art. 31) is not counted at all, and
    one withdrawn after its reply was approved keeps that decision.
    """
    application.pauses.filter(ended_on__isnull=True).update(ended_on=facts.day)
    if application.decided_on is None:
        correspondence.discard_draft(application)
        if application.received_on is not None:
            application.outcome, application.decided_on = Outcome.OTHER, facts.day
    return {"outcome": application.outcome}


_STEP_EFFECTS: dict[Move, Effect] = {
    Move.CONFIRM_RECEIPT: _confirm_receipt,
    Move.ACCEPT: _no_effect,
    Move.REQUEST_CORRECTION: _request_correction,
    Move.RECEIVE_SUPPLEMENT: _receive_supplement,
    Move.DEEM_ABANDONED: _deem_abandoned,
    Move.START_CONSULTATION: _start_consultation,
    Move.END_CONSULTATION: _end_pause,
    Move.SEND_FEE_NOTICE: _send_fee_notice,
    Move.RECORD_PAYMENT: _record_payment,
    Move.FEE_UNPAID: _fee_unpaid,
    Move.DRAFT_DECISION: _draft_decision,
    Move.RETURN_DECISION: _return_decision,
    Move.APPROVE_DECISION: _approve_decision,
    Move.SERVE: _serve,
    Move.CLOSE: _no_effect,
    Move.WITHDRAW: _withdraw,
}


def pieces_earlier_this_month(application: Application) -> int:
    """109号 Art. 4: the applicant's pieces already requested of this organ in the same calendar month."""
    if not application.applicant_key:
        return 0
    month = application.received_on or application.arrived_on
    return (
        RequestedItem.objects.filter(
            application__organ=application.organ,
            application__applicant_key=application.applicant_key,
            application__arrived_on__year=month.year,
            application__arrived_on__month=month.month,
            application__id__lt=application.pk,
        )
        .exclude(application__state=State.WITHDRAWN)
        .count()
    )


@transaction.atomic
def edit_reply(*, application: Application, text: str, acting_user: User) -> Letter:
    """Staff edit the drafted reply's text before approval; it must still state every required element."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, application.organ)
    letter = application.letters.filter(kind="REPLY", state=Letter.State.DRAFT).first()
    if application.state != State.DECISION_DRAFTED or letter is None:
        raise ValidationError(_("Only a drafted reply awaiting approval can be edited."))
    body = correspondence.split_paragraphs(text)
    correspondence.check_reply_body(application, body)
    before = {"text_sha256": seal.content_hash(*letter.body)}
    letter.body = body
    letter.save(update_fields=["body", "updated_at"])
    audit.record(
        actor=acting_user,
        action="foi.reply_edited",
        target=application,
        organ=application.organ,
        before=before,
        after={"text_sha256": seal.content_hash(*body)},
    )
    return letter


@transaction.atomic
def extend(
    *, application: Application, workdays: int, acting_user: User, reason: str, on: date | None = None
) -> Application:
    """Art. 33: the head of the working body approves an extension of at most 20 working days."""
    application = Application.objects.select_for_update().select_related("organ").get(pk=application.pk)
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
    new_due = application.due_on
    if new_due is None:
        raise ValidationError(_("Confirm receipt of the application first."))
    letter = correspondence.issue_notice(
        application,
        "EXTENSION",
        addressee=application.applicant_name,
        acting_user=acting_user,
        on=on or timezone.localdate(),
        make=lambda header, mark: notices.extension_notice(
            header, reason=reason, workdays=workdays, new_due=new_due, seal=mark
        ),
    )
    audit.record(
        actor=acting_user,
        action="foi.extended",
        target=application,
        organ=application.organ,
        reason=reason,
        before=before,
        after={"extension_workdays": application.extension_workdays, "due_on": new_due, "letter": letter.number},
    )
    return application


@transaction.atomic
def record_personal_data_view(*, application: Application, acting_user: User) -> None:
    """Every look at an applicant's personal data is on record (plan item 19; 个人信息保护法第五十一条)."""
    if not may_see_case(acting_user, application.organ):
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


@transaction.atomic
def decide_challenge(
    *, challenge: LegalChallenge, acting_user: User, result: str, decided_on: date | None
) -> LegalChallenge:
    """Record the result of a reconsideration or lawsuit once it is decided (Table C counts it)."""
    challenge = LegalChallenge.objects.select_for_update().select_related("application__organ").get(pk=challenge.pk)
    organ = challenge.application.organ
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, organ)
    if result not in RESULT_LABELS:
        raise ValidationError({"result": _("Choose the result.")})
    if result != "PENDING" and decided_on is None:
        raise ValidationError({"decided_on": _("Enter the date of the decision.")})
    if decided_on is not None and decided_on < challenge.filed_on:
        raise ValidationError({"decided_on": _("A decision cannot come before the filing.")})
    before = {"result": challenge.result, "decided_on": challenge.decided_on}
    challenge.result, challenge.decided_on = result, decided_on if result != "PENDING" else None
    challenge.save(update_fields=["result", "decided_on", "updated_at"])
    audit.record(
        actor=acting_user,
        action="foi.challenge_decided",
        target=challenge.application,
        organ=organ,
        before=before,
        after={"challenge": challenge.pk, "result": result, "decided_on": challenge.decided_on},
    )
    return challenge


@transaction.atomic
def decide_proposal(
    *,
    proposal: DisclosureProposal,
    acting_user: User,
    accept: bool,
    reason: str,
) -> DisclosureProposal:
    """Art. 44: the organ decides whether to disclose the widely requested information proactively."""
    proposal = DisclosureProposal.objects.select_for_update().select_related("organ").get(pk=proposal.pk)
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, proposal.organ)
    if proposal.state != "PROPOSED":
        raise ValidationError(_("This proposal has already been decided."))
    if not accept and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for not disclosing it proactively.")})
    proposal.state = "ACCEPTED" if accept else "DECLINED"
    proposal.reason, proposal.decided_by, proposal.decided_on = reason.strip(), acting_user, timezone.localdate()
    proposal.save()
    audit.record(
        actor=acting_user,
        action="foi.disclosure_proposal_decided",
        target=proposal,
        organ=proposal.organ,
        reason=reason,
        after={"state": proposal.state},
    )
    return proposal


@transaction.atomic
def link_published_item(
    *, proposal: DisclosureProposal, acting_user: User, item: InformationItem
) -> DisclosureProposal:
    """Once the information is published, the accepted proposal points at it and is done."""
    proposal = DisclosureProposal.objects.select_for_update().select_related("organ").get(pk=proposal.pk)
    permissions.require(acting_user, Action.HANDLE_APPLICATIONS, proposal.organ)
    if proposal.state != "ACCEPTED":
        raise ValidationError(_("Only an accepted proposal is linked to what was published."))
    proposal.published_item = item
    proposal.save(update_fields=["published_item", "updated_at"])
    audit.record(
        actor=acting_user,
        action="foi.disclosure_proposal_published",
        target=proposal,
        organ=proposal.organ,
        after={"published_item": item.pk},
    )
    return proposal
