"""Staff pages for information applications: the queue, registration, one case and its steps."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action, Role
from gongkai.accounts.models import User
from gongkai.core.forms import add_errors
from gongkai.foi import notices
from gongkai.foi import selectors as foi_selectors
from gongkai.foi import services as foi_services
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import STEPS, Move, State, moves_from
from gongkai.foi.models import OUTCOME_LABELS, Application, IdentityProof, Letter, Pause, RequestedItem
from gongkai.foi.receipt import Channel
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench import selectors as wb_selectors
from gongkai.workbench import urgency
from gongkai.workbench.application_forms import (
    ChallengeForm,
    ChallengeResultForm,
    RegistrationForm,
    ReplyEditForm,
    StepForm,
    step_form,
)
from gongkai.workbench.views import forbidden, render_page, run_service, staff_user
from gongkai.workdays.labels import reason_label

MOVE_LABELS = {
    Move.CONFIRM_RECEIPT: gettext_lazy("Confirm receipt"),
    Move.ACCEPT: gettext_lazy("Accept"),
    Move.REQUEST_CORRECTION: gettext_lazy("Ask for correction"),
    Move.RECEIVE_SUPPLEMENT: gettext_lazy("Supplement received"),
    Move.DEEM_ABANDONED: gettext_lazy("Deemed abandoned"),
    Move.START_CONSULTATION: gettext_lazy("Consult a third party"),
    Move.END_CONSULTATION: gettext_lazy("Consultation answered"),
    Move.SEND_FEE_NOTICE: gettext_lazy("Send fee notice"),
    Move.RECORD_PAYMENT: gettext_lazy("Payment received"),
    Move.FEE_UNPAID: gettext_lazy("Fee not paid in time"),
    Move.DRAFT_DECISION: gettext_lazy("Reply drafted"),
    Move.RETURN_DECISION: gettext_lazy("Return the reply"),
    Move.APPROVE_DECISION: gettext_lazy("Approve the reply"),
    Move.SERVE: gettext_lazy("Reply served"),
    Move.CLOSE: gettext_lazy("Close"),
    Move.WITHDRAW: gettext_lazy("Applicant withdrew"),
}


def case_for_staff(request: HttpRequest, pk: int) -> Application:
    application = Application.objects.select_related("organ", "handler").filter(pk=pk).first()
    if application is None or not foi_services.may_see_case(staff_user(request), application.organ):
        raise Http404(_("No such application."))
    return application


@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    # The office handles the cases; the approvers who sign the replies see them too.
    organ_ids = list(
        {
            organ.pk
            for action in (Action.HANDLE_APPLICATIONS, Action.APPROVE)
            for organ in permissions.organs_for(user, action)
        }
    )
    today = timezone.localdate()
    rows = [
        (application, None, "", "")
        if left is None
        else (application, left, urgency.classify(left).value, wb_selectors.countdown_text(left))
        for application, left in foi_selectors.queue(organ_ids, today)
    ]
    return render_page(
        request, "workbench/application_list.html", {"title": _("Information applications"), "rows": rows}
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_register(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organ = organ_context.current_organ(request)
    if organ is None or not permissions.can(user, Action.HANDLE_APPLICATIONS, organ):
        return forbidden(request, _("Your roles do not include handling applications for this organ."))
    form = RegistrationForm(request.POST or None, request.FILES or None, initial={"organ": organ})
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        fields.pop("organ")
        try:
            application, code = foi_services.register(
                organ=organ,
                acting_user=user,
                channel=Channel(fields.pop("channel")),
                arrived_on=fields.pop("arrived_on"),
                signed_for_on=fields.pop("signed_for_on"),
                confirmed_on=fields.pop("confirmed_on"),
                **fields,
            )
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(
                request,
                _("Registered as %(number)s. Give the applicant the query code %(code)s; it is shown only now.")
                % {"number": application.tracking_number, "code": code},
            )
            return HttpResponseRedirect(reverse("workbench:application_detail", args=[application.pk]))
    return render_page(
        request, "workbench/application_form.html", {"title": _("Register an application"), "form": form}
    )


def _steps(application: Application, user: User, bound: dict[Move, StepForm]) -> list[tuple[str, str, StepForm]]:
    """The steps this user may take now, each with its form (bound and showing errors after a refusal)."""
    return [
        (
            move.value,
            str(MOVE_LABELS[move]),
            bound.get(move) or step_form(move, STEPS[move].reason_required),
        )
        for move in moves_from(State(application.state))
        if permissions.can(
            user,
            Action(STEPS[move].action),
            application.organ,
            originator=application.handler if STEPS[move].separated else None,
        )
    ]


def detail_page(
    request: HttpRequest,
    application: Application,
    *,
    bound_steps: dict[Move, StepForm] | None = None,
    reply_form: ReplyEditForm | None = None,
    challenge_form: ChallengeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = staff_user(request)
    foi_services.record_personal_data_view(application=application, acting_user=user)
    proof = foi_services.answer_proof(application)
    draft = application.letters.filter(kind="REPLY", state=Letter.State.DRAFT).first()
    can_edit_reply = draft is not None and application.state == State.DECISION_DRAFTED
    return render_page(
        request,
        "workbench/application_detail.html",
        {
            "title": application.tracking_number,
            "application": application,
            "proof": proof,
            "proof_lines": [
                (line.day, line.counted, line.ordinal, str(reason_label(line.reason)), line.festival)
                for line in (proof.base.proof if proof else ())
            ],
            "steps": _steps(application, user, bound_steps or {}),
            "can_extend": permissions.can(user, Action.APPROVE, application.organ),
            "pauses": [
                (pause, foi_services.consultation_due(pause) if pause.reason == Pause.Reason.CONSULTATION else None)
                for pause in application.pauses.order_by("started_on")
            ],
            "items": application.items.order_by("id"),
            "handlers": User.objects.filter(
                memberships__organ=application.organ, memberships__role=Role.OPENNESS_OFFICE, is_active=True
            ).distinct(),
            "outcome_choices": list(OUTCOME_LABELS.items()),
            "can_record_results": application.state in {State.REGISTERED, State.IN_PROGRESS},
            "letters": application.letters.filter(state=Letter.State.ISSUED).order_by("issued_on", "id"),
            "draft": draft,
            "reply_form": (reply_form or ReplyEditForm(initial={"body": "\n".join(draft.body)}))
            if can_edit_reply and draft
            else None,
            "challenges": application.challenges.order_by("filed_on", "id"),
            "identity_proof": IdentityProof.objects.filter(application=application).only("name").first(),
            "challenge_form": challenge_form or ChallengeForm(),
            "result_form": ChallengeResultForm(),
        },
        status=status,
    )


@login_required
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_page(request, case_for_staff(request, pk))


@login_required
@require_POST
def application_step(request: HttpRequest, pk: int, move: str) -> HttpResponse:
    application = case_for_staff(request, pk)
    try:
        step = Move(move)
    except ValueError as unknown:
        raise Http404(_("No such step.")) from unknown
    form = step_form(step, STEPS[step].reason_required, request.POST)
    if not form.is_valid():
        return detail_page(request, application, bound_steps={step: form}, status=400)
    data = form.cleaned_data
    try:
        foi_services.move(
            application=application,
            to=step,
            acting_user=staff_user(request),
            reason=data.get("reason") or "",
            on=data.get("on"),
            consulted_party=data.get("consulted_party") or "",
            period_workdays=data.get("period_workdays") or notices.MAX_CORRECTION_PERIOD_WORKDAYS,
            fee_method=data.get("fee_method") or "",
            fee_quantity=data.get("fee_quantity") or 0,
            fee_receipt=data.get("fee_receipt") or "",
            served_method=data.get("served_method") or "",
            served_proof=data.get("served_proof") or "",
        )
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        add_errors(form, invalid)
        return detail_page(request, application, bound_steps={step: form}, status=400)
    messages.success(request, _("Done: %(step)s.") % {"step": MOVE_LABELS[step]})
    return HttpResponseRedirect(reverse("workbench:application_detail", args=[pk]))


@login_required
@require_POST
def application_extend(request: HttpRequest, pk: int) -> HttpResponse:
    application = case_for_staff(request, pk)
    try:
        workdays = int(request.POST.get("workdays", "0"))
    except ValueError:
        workdays = 0
    return run_service(
        request,
        lambda: foi_services.extend(
            application=application,
            workdays=workdays,
            acting_user=staff_user(request),
            reason=request.POST.get("reason", ""),
        ),
        reverse("workbench:application_detail", args=[pk]),
        _("Extended."),
    )


def _service_step(request: HttpRequest, pk: int, action: Callable[[], object]) -> HttpResponse:
    return run_service(request, action, reverse("workbench:application_detail", args=[pk]))


@login_required
@require_POST
def application_result(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    application = case_for_staff(request, pk)
    item = get_object_or_404(RequestedItem, pk=item_pk, application=application)
    try:
        outcome = Outcome(request.POST.get("outcome", ""))
    except ValueError:
        messages.error(request, _("Choose the result."))
        return HttpResponseRedirect(reverse("workbench:application_detail", args=[pk]))
    return _service_step(
        request,
        pk,
        lambda: foi_services.record_result(
            item=item,
            outcome=outcome,
            acting_user=staff_user(request),
            reason=request.POST.get("reason", ""),
            search_record=request.POST.get("search_record", ""),
            referred_to=request.POST.get("referred_to", ""),
        ),
    )


@login_required
@require_POST
def application_add_item(request: HttpRequest, pk: int) -> HttpResponse:
    application = case_for_staff(request, pk)
    return _service_step(
        request,
        pk,
        lambda: foi_services.add_requested_item(
            application=application, description=request.POST.get("description", ""), acting_user=staff_user(request)
        ),
    )


@login_required
@require_POST
def application_assign(request: HttpRequest, pk: int) -> HttpResponse:
    application = case_for_staff(request, pk)
    handler = get_object_or_404(User, pk=request.POST.get("handler") or 0)
    return _service_step(
        request,
        pk,
        lambda: foi_services.assign(application=application, handler=handler, acting_user=staff_user(request)),
    )
