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
from gongkai.foi import selectors as foi_selectors
from gongkai.foi import services as foi_services
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import STEPS, Move, State, moves_from
from gongkai.foi.models import OUTCOME_LABELS, Application, RequestedItem
from gongkai.foi.receipt import Channel
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench.application_forms import RegistrationForm, StepForm
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


def _case(request: HttpRequest, pk: int) -> Application:
    application = Application.objects.select_related("organ", "handler").filter(pk=pk).first()
    if application is None or not permissions.can(staff_user(request), Action.HANDLE_APPLICATIONS, application.organ):
        raise Http404(_("No such application."))
    return application


@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organ_ids = [organ.pk for organ in permissions.organs_for(user, Action.HANDLE_APPLICATIONS)]
    today = timezone.localdate()
    rows = foi_selectors.queue(organ_ids, today)
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
    form = RegistrationForm(request.POST or None, initial={"organ": organ})
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
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
            for field, errors in invalid.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
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


@login_required
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _case(request, pk)
    user = staff_user(request)
    foi_services.record_personal_data_view(application=application, acting_user=user)
    proof = foi_services.answer_proof(application)
    steps = [
        (move.value, str(MOVE_LABELS[move]), STEPS[move].reason_required)
        for move in moves_from(State(application.state))
        if permissions.can(
            user,
            Action(STEPS[move].action),
            application.organ,
            originator=application.handler if STEPS[move].separated else None,
        )
    ]
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
            "steps": steps,
            "step_form": StepForm(),
            "can_extend": permissions.can(user, Action.APPROVE, application.organ),
            "pauses": application.pauses.order_by("started_on"),
            "items": application.items.order_by("id"),
            "handlers": User.objects.filter(
                memberships__organ=application.organ, memberships__role=Role.OPENNESS_OFFICE, is_active=True
            ).distinct(),
            "outcome_choices": list(OUTCOME_LABELS.items()),
            "can_record_results": application.state in {State.REGISTERED, State.IN_PROGRESS},
        },
    )


@login_required
@require_POST
def application_step(request: HttpRequest, pk: int, move: str) -> HttpResponse:
    application = _case(request, pk)
    try:
        step = Move(move)
    except ValueError as unknown:
        raise Http404(_("No such step.")) from unknown
    form = StepForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        foi_services.move(
            application=application,
            to=step,
            acting_user=staff_user(request),
            reason=data.get("reason", ""),
            on=data.get("on"),
            consulted_party=data.get("consulted_party", ""),
        )
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, _("Done: %(step)s.") % {"step": MOVE_LABELS[step]})
    return HttpResponseRedirect(reverse("workbench:application_detail", args=[pk]))


@login_required
@require_POST
def application_extend(request: HttpRequest, pk: int) -> HttpResponse:
    application = _case(request, pk)
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
    application = _case(request, pk)
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
    application = _case(request, pk)
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
    application = _case(request, pk)
    handler = get_object_or_404(User, pk=request.POST.get("handler") or 0)
    return _service_step(
        request,
        pk,
        lambda: foi_services.assign(application=application, handler=handler, acting_user=staff_user(request)),
    )
