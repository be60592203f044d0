"""Staff pages. Views parse input, call a service or a selector and render; rules live elsewhere."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core.forms import add_errors
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench import selectors
from gongkai.workbench.forms import ArrangementForm, RejectForm
from gongkai.workdays import selectors as workday_selectors
from gongkai.workdays import services as workday_services
from gongkai.workdays.models import ArrangementStatus, CalendarArrangement


def staff_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User), "login_required guarantees a staff account"  # noqa: S101
    return user


def forbidden(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "workbench/403.html", {"title": _("Not permitted"), "reason": reason}, status=403)


def run_service(
    request: HttpRequest, action: Callable[[], object], redirect_to: str, success: str | None = None
) -> HttpResponse:
    """Run one service call for a POST: refusals render 403, invalid input becomes a message."""
    try:
        action()
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, success or _("Saved."))
    return HttpResponseRedirect(redirect_to)


def render_page(request: HttpRequest, template: str, context: dict[str, object], status: int = 200) -> HttpResponse:
    user = staff_user(request)
    return render(
        request,
        template,
        {
            "current_organ": organ_context.current_organ(request),
            "my_organs": organ_context.organs_of(user),
            "can_manage_calendar": permissions.can(user, Action.MANAGE_CALENDAR),
            **context,
        },
        status=status,
    )


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    today = timezone.localdate()
    return render_page(
        request,
        "workbench/home.html",
        {
            "title": _("To do"),
            "today": today,
            "due_items": selectors.due_items(user, today),
            "pending_arrangements": selectors.pending_confirmations(user),
        },
    )


@login_required
@require_POST
def switch_organ(request: HttpRequest) -> HttpResponse:
    try:
        organ_id = int(request.POST.get("organ", ""))
    except ValueError:
        organ_id = 0
    if organ_context.switch_to(request, organ_id) is None:
        return forbidden(request, _("You hold no role in that organ."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("workbench:home")
    return HttpResponseRedirect(target)


def _calendar_guard(request: HttpRequest, action: Action) -> HttpResponse | None:
    try:
        permissions.require(staff_user(request), action)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    return None


@login_required
@require_GET
def calendar_list(request: HttpRequest) -> HttpResponse:
    if refused := _calendar_guard(request, Action.MANAGE_CALENDAR):
        return refused
    return render_page(
        request,
        "workbench/calendar_list.html",
        {"title": _("Working-day calendar"), "arrangements": workday_selectors.arrangements_by_year()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar_propose(request: HttpRequest) -> HttpResponse:
    if refused := _calendar_guard(request, Action.MANAGE_CALENDAR):
        return refused
    form = ArrangementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            arrangement = workday_services.propose_arrangement(acting_user=staff_user(request), **form.cleaned_data)
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("Entered. Another administrator must confirm it before it counts."))
            return HttpResponseRedirect(reverse("workbench:calendar_detail", args=[arrangement.pk]))
    return render_page(
        request, "workbench/calendar_form.html", {"title": _("Enter a year's arrangement"), "form": form}
    )


def _arrangement_context(request: HttpRequest, arrangement: CalendarArrangement) -> dict[str, object]:
    user = staff_user(request)
    calendar = workday_selectors.current_calendar()
    return {
        "title": _("%(year)s holiday arrangement") % {"year": arrangement.year},
        "arrangement": arrangement,
        "holidays": sorted(arrangement.holidays.items()),
        "makeup_days": sorted(arrangement.makeup_workdays.items()),
        "trail": selectors.trail_rows(arrangement),
        "can_decide": arrangement.status == ArrangementStatus.PROPOSED
        and permissions.can(user, Action.CONFIRM_CALENDAR, originator=arrangement.entered_by),
        "months": [(month, selectors.month_grid(calendar, arrangement.year, month)) for month in range(1, 13)]
        if arrangement.status == ArrangementStatus.CONFIRMED
        else [],
        "reject_form": RejectForm(),
    }


@login_required
@require_GET
def calendar_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _calendar_guard(request, Action.MANAGE_CALENDAR):
        return refused
    arrangement = get_object_or_404(CalendarArrangement.objects.select_related("entered_by", "confirmed_by"), pk=pk)
    return render_page(request, "workbench/calendar_detail.html", _arrangement_context(request, arrangement))


@login_required
@require_POST
def calendar_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    arrangement = get_object_or_404(CalendarArrangement, pk=pk)
    try:
        workday_services.confirm_arrangement(arrangement=arrangement, acting_user=staff_user(request))
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, _("Confirmed. Open deadlines have been recomputed on the new calendar."))
    return HttpResponseRedirect(reverse("workbench:calendar_detail", args=[pk]))


@login_required
@require_POST
def calendar_reject(request: HttpRequest, pk: int) -> HttpResponse:
    arrangement = get_object_or_404(CalendarArrangement.objects.select_related("entered_by"), pk=pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            workday_services.reject_arrangement(
                arrangement=arrangement, acting_user=staff_user(request), reason=form.cleaned_data["reason"]
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("Rejected."))
            return HttpResponseRedirect(reverse("workbench:calendar_detail", args=[pk]))
    context = {**_arrangement_context(request, arrangement), "reject_form": form}
    return render_page(request, "workbench/calendar_detail.html", context, status=400)
