"""Staff pages of policy interpretation: write one, edit its details, record its channels, and the
interpretation rate of the organs one may see, with the policies still waiting for one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.core.forms import add_errors
from gongkai.interpretations import domain, services
from gongkai.interpretations import selectors as interpretation_selectors
from gongkai.interpretations.models import Interpretation
from gongkai.policies.models import InformationItem
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench.interpretation_forms import ChannelsForm, InterpretationForm, RateForm
from gongkai.workbench.views import forbidden, render_page, staff_user


def _item_url(interpretation: Interpretation) -> str:
    return reverse("workbench:item_detail", args=[interpretation.item_id])


@login_required
@require_http_methods(["GET", "POST"])
def interpretation_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organ = organ_context.current_organ(request)
    if organ is None or not permissions.can(user, Action.DRAFT, organ):
        return forbidden(request, _("Your roles do not include drafting for this organ."))
    initial = {}
    policy = InformationItem.objects.filter(pk=request.GET.get("policy") or 0).first()
    if policy is not None:
        initial = {"policies_index": policy.index_number, "title": f"《{policy.title}》政策解读", "topic": policy.topic}
    form = InterpretationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            interpretation = services.create(
                acting_user=user,
                organ=organ,
                policies=form.cleaned_data["policies_index"],
                details=form.details(),
                **form.item_fields(),
            )
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("Draft interpretation saved; submit it for review like any item."))
            return HttpResponseRedirect(_item_url(interpretation))
    return render_page(
        request,
        "workbench/interpretation_form.html",
        {"title": _("New policy interpretation"), "form": form, "checklist": _checklist(form)},
        status=400 if form.errors else 200,
    )


def _checklist(form: InterpretationForm) -> list[tuple[str, bool]]:
    """The five elements of item 11 and whether the editor has written each (shown beside the form)."""
    source = form.data if form.is_bound else form.initial
    texts = {element: str(source.get(element.value, "") or "") for element in domain.Element}
    missing = set(domain.missing_elements(texts))
    return [(domain.ELEMENT_HEADINGS[element], element not in missing) for element in domain.Element]


@login_required
@require_http_methods(["GET", "POST"])
def interpretation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interpretation = get_object_or_404(Interpretation.objects.select_related("item", "item__organ"), pk=pk)
    user = staff_user(request)
    if not permissions.can(user, Action.DRAFT, interpretation.item.organ):
        return forbidden(request, _("Your roles do not include drafting for this organ."))
    form = InterpretationForm(request.POST or None, initial=InterpretationForm.initial_for(interpretation))
    if request.method == "POST" and form.is_valid():
        try:
            services.update(
                interpretation=interpretation,
                acting_user=user,
                policies=form.cleaned_data["policies_index"],
                details=form.details(),
                **form.item_fields(),
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("Saved."))
            return HttpResponseRedirect(_item_url(interpretation))
    return render_page(
        request,
        "workbench/interpretation_form.html",
        {"title": interpretation.item.title, "form": form, "checklist": _checklist(form)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def interpretation_channels(request: HttpRequest, pk: int) -> HttpResponse:
    interpretation = get_object_or_404(Interpretation, pk=pk)
    form = ChannelsForm(request.POST)
    if form.is_valid():
        try:
            services.record_channels(
                interpretation=interpretation,
                channels=[domain.Channel(value) for value in form.cleaned_data["channels"]],
                acting_user=staff_user(request),
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        messages.success(request, _("Saved."))
    return HttpResponseRedirect(_item_url(interpretation))


@login_required
@require_GET
def interpretation_rates(request: HttpRequest) -> HttpResponse:
    """Each visible organ's rate for a year against the 90 % bar, and the policies still waiting."""
    today = timezone.localdate()
    form = RateForm(request.GET or {"year": today.year})
    year = form.cleaned_data["year"] if form.is_valid() else today.year
    rates = [
        interpretation_selectors.organ_rate(organ, year, today)
        for organ in permissions.organs_for(staff_user(request), Action.VIEW_RECORDS)
    ]
    return render_page(
        request,
        "workbench/interpretation_rates.html",
        {
            "title": _("Interpretation rate"),
            "form": form,
            "year": year,
            "rates": [rate for rate in rates if rate.rate.needing],
            "bar": domain.percent(domain.RATE_BAR),
        },
    )
