"""Staff pages for government information: the list, the drafting form, review and release."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.core.forms import add_errors
from gongkai.policies import attachment_files, attachments, privacy_review
from gongkai.policies import services as policy_services
from gongkai.policies.domain import Status, Transition
from gongkai.policies.models import Attachment, InformationItem, PrivacyFinding
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench import item_selectors
from gongkai.workbench.item_forms import ItemForm, TransitionForm
from gongkai.workbench.views import forbidden, render_page, staff_user


def _visible_item(request: HttpRequest, pk: int) -> InformationItem:
    user = staff_user(request)
    item = InformationItem.objects.select_related("organ", "topic", "topic__parent", "created_by").filter(pk=pk).first()
    if item is None or not permissions.can(user, Action.VIEW_RECORDS, item.organ):
        raise Http404(_("No such information."))
    return item


@login_required
@require_GET
def item_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organ = organ_context.current_organ(request)
    return render_page(
        request,
        "workbench/item_list.html",
        {
            "title": _("Government information"),
            "rows": item_selectors.item_rows(user, request.GET.get("status", "")),
            "status_choices": item_selectors.status_choices(),
            "chosen_status": request.GET.get("status", ""),
            "can_draft": organ is not None and permissions.can(user, Action.DRAFT, organ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organ = organ_context.current_organ(request)
    if organ is None or not permissions.can(user, Action.DRAFT, organ):
        return forbidden(request, _("Your roles do not include drafting for this organ."))
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = policy_services.create_draft(acting_user=user, organ=organ, **form.service_fields())
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("Draft saved with index number %(index)s.") % {"index": item.index_number})
            return HttpResponseRedirect(reverse("workbench:item_detail", args=[item.pk]))
    return render_page(
        request, "workbench/item_form.html", {"title": _("New information item"), "form": form, "organ": organ}
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
    user = staff_user(request)
    form = ItemForm(request.POST or None, initial=ItemForm.initial_for(item))
    if request.method == "POST" and form.is_valid():
        try:
            policy_services.update_draft(item=item, acting_user=user, **form.service_fields())
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("Draft saved."))
            return HttpResponseRedirect(reverse("workbench:item_detail", args=[item.pk]))
    return render_page(
        request, "workbench/item_form.html", {"title": _("Edit draft"), "form": form, "organ": item.organ, "item": item}
    )


@login_required
@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
    user = staff_user(request)
    context = item_selectors.item_detail(user, item)
    context["findings"] = item.privacy_findings.select_related("resolved_by", "attachment").order_by("id")
    context["attachments"] = [
        (attachment, attachment_files.human_size(attachment.size))
        for attachment in item.attachments.order_by("sort_order", "id")
    ]
    context["can_attach"] = item.status == Status.DRAFT and permissions.can(user, Action.DRAFT, item.organ)
    return render_page(request, "workbench/item_detail.html", context)


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
    uploaded = request.FILES.get("file")
    if uploaded is None:
        messages.error(request, _("Choose a file to attach."))
        return HttpResponseRedirect(reverse("workbench:item_detail", args=[pk]))
    try:
        attachment = attachments.add_attachment(item=item, uploaded=uploaded, acting_user=staff_user(request))
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, _("Attached %(name)s.") % {"name": attachment.original_name})
    return HttpResponseRedirect(reverse("workbench:item_detail", args=[pk]))


@login_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, item=item)
    try:
        attachments.remove_attachment(attachment=attachment, acting_user=staff_user(request))
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, _("Removed %(name)s.") % {"name": attachment.original_name})
    return HttpResponseRedirect(reverse("workbench:item_detail", args=[pk]))


@login_required
@require_POST
def item_transition(request: HttpRequest, pk: int, transition: str) -> HttpResponse:
    item = _visible_item(request, pk)
    try:
        step = Transition(transition)
    except ValueError as unknown:
        raise Http404(_("No such step.")) from unknown
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        policy_services.transition(
            item=item, to=step, acting_user=staff_user(request), comment=form.cleaned_data.get("comment", "")
        )
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, _("Done: %(step)s.") % {"step": item_selectors.transition_label(step)})
    return HttpResponseRedirect(reverse("workbench:item_detail", args=[pk]))


@login_required
@require_POST
def privacy_resolve(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
    finding = get_object_or_404(PrivacyFinding, pk=finding_pk, item=item)
    try:
        if request.POST.get("decision") == "mask":
            privacy_review.redact(finding=finding, acting_user=staff_user(request))
            messages.success(request, _("Masked."))
        else:
            privacy_review.justify(
                finding=finding, acting_user=staff_user(request), reason=request.POST.get("justification", "")
            )
            messages.success(request, _("Kept with the reason given."))
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    return HttpResponseRedirect(reverse("workbench:item_detail", args=[pk]))
