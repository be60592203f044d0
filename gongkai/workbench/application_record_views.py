"""Staff pages around an application's decision: its letters, the reply text, reconsiderations and lawsuits,
and the Art. 44 proposals its requests give rise to."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.core.forms import add_errors
from gongkai.core.http import attachment_response
from gongkai.foi import correspondence
from gongkai.foi import services as foi_services
from gongkai.foi.models import DisclosureProposal, IdentityProof, LegalChallenge, Letter
from gongkai.workbench.application_forms import ChallengeForm, ChallengeResultForm, ReplyEditForm
from gongkai.workbench.application_views import case_for_staff, detail_page
from gongkai.workbench.views import forbidden, render_page, run_service, staff_user


@login_required
@require_GET
def letter_file(request: HttpRequest, pk: int, letter_pk: int, fmt: str) -> HttpResponse:
    """An issued letter's frozen file; a drafted reply's PDF as a preview."""
    application = case_for_staff(request, pk)
    letter = get_object_or_404(Letter, pk=letter_pk, application=application)
    if letter.state == Letter.State.DRAFT:
        if fmt != "pdf":
            raise Http404(_("A draft is previewed as PDF only."))
        return attachment_response(correspondence.preview_pdf(letter), f"{application.tracking_number}-草稿.pdf")
    data = letter.pdf if fmt == "pdf" else letter.docx if fmt == "docx" else None
    if data is None:
        raise Http404(_("No such file."))
    return attachment_response(bytes(data), f"{letter.number}.{fmt}")


@login_required
@require_GET
def identity_proof_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's proof of identity; each download is recorded like any view of personal data."""
    application = case_for_staff(request, pk)
    proof = get_object_or_404(IdentityProof, application=application)
    foi_services.record_personal_data_view(application=application, acting_user=staff_user(request))
    return attachment_response(bytes(proof.data), proof.name)


@login_required
@require_POST
def reply_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = case_for_staff(request, pk)
    form = ReplyEditForm(request.POST)
    if form.is_valid():
        try:
            foi_services.edit_reply(
                application=application, text=form.cleaned_data["body"], acting_user=staff_user(request)
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            return HttpResponseRedirect(reverse("workbench:application_detail", args=[pk]) + "#reply-heading")
    return detail_page(request, application, reply_form=form, status=400)


@login_required
@require_POST
def challenge_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = case_for_staff(request, pk)
    form = ChallengeForm(request.POST)
    if form.is_valid():
        try:
            foi_services.record_challenge(application=application, acting_user=staff_user(request), **form.cleaned_data)
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            return HttpResponseRedirect(reverse("workbench:application_detail", args=[pk]) + "#remedies-heading")
    return detail_page(request, application, challenge_form=form, status=400)


@login_required
@require_POST
def challenge_decide(request: HttpRequest, pk: int, challenge_pk: int) -> HttpResponse:
    application = case_for_staff(request, pk)
    challenge = get_object_or_404(LegalChallenge, pk=challenge_pk, application=application)
    form = ChallengeResultForm(request.POST)
    form.is_valid()
    return run_service(
        request,
        lambda: foi_services.decide_challenge(
            challenge=challenge,
            acting_user=staff_user(request),
            result=form.cleaned_data.get("result", ""),
            decided_on=form.cleaned_data.get("decided_on"),
        ),
        reverse("workbench:application_detail", args=[pk]) + "#remedies-heading",
    )


@login_required
@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organs = permissions.organs_for(user, Action.HANDLE_APPLICATIONS)
    proposals = (
        DisclosureProposal.objects.filter(organ__in=organs)
        .select_related("organ", "published_item")
        .prefetch_related("requested_items__application")
        .order_by("state", "-created_at")
    )
    return render_page(
        request,
        "workbench/proposal_list.html",
        {"title": _("Proposals for proactive disclosure"), "proposals": proposals},
    )


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    proposal = get_object_or_404(DisclosureProposal, pk=pk)
    if not permissions.can(user, Action.HANDLE_APPLICATIONS, proposal.organ):
        raise Http404(_("No such proposal."))
    return run_service(
        request,
        lambda: foi_services.decide_proposal(
            proposal=proposal,
            acting_user=user,
            accept=request.POST.get("decision") == "accept",
            reason=request.POST.get("reason", ""),
        ),
        reverse("workbench:proposal_list"),
    )
