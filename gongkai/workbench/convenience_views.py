"""Staff pages for convenience replies (便民答复): the list, a new reply, answering a hotline
consultation, the suggestions endpoint the form's script reads, and the hotline tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.convenience import selectors, services
from gongkai.convenience.domain import Channel
from gongkai.convenience.forms import AnswerForm, ReplyForm, TokenForm, posted_ids
from gongkai.convenience.models import HotlineToken
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench.views import forbidden, render_page, run_service, staff_user

SUGGESTION_LIMIT = 8
QUERY_MAX = 500
LINKED_ITEMS = "linked_items"
NOT_HANDLING = gettext_lazy("Your roles do not include handling applications for this organ.")


def _handling_organ(request: HttpRequest) -> Organ | None:
    organ = organ_context.current_organ(request)
    if organ is None or not permissions.can(staff_user(request), Action.HANDLE_APPLICATIONS, organ):
        return None
    return organ


def _attach_errors(form: Form, invalid: ValidationError) -> list[str]:
    """Put the service's errors at their fields; return those about the linked documents.

    The document checkboxes are drawn by hand beside the suggestions, so their errors go there.
    """
    if not hasattr(invalid, "error_dict"):
        form.add_error(None, invalid.messages)
        return []
    errors = invalid.message_dict
    for field, messages_at_field in errors.items():
        if field != LINKED_ITEMS:
            form.add_error(field if field in form.fields else None, messages_at_field)
    return errors.get(LINKED_ITEMS, [])


def _document_choices(ticked: list[int], suggested: list[InformationItem]) -> list[tuple[InformationItem, bool]]:
    """Ticked documents stay on the page after a new search; suggestions follow, each once."""
    kept = list(selectors.linkable_items(ticked)) if ticked else []
    shown = {item.pk for item in kept}
    return [(item, True) for item in kept] + [(item, False) for item in suggested if item.pk not in shown]


@login_required
@require_GET
def reply_list(request: HttpRequest) -> HttpResponse:
    organ_ids = [organ.pk for organ in permissions.organs_for(staff_user(request), Action.HANDLE_APPLICATIONS)]
    return render_page(
        request,
        "workbench/convenience_list.html",
        {
            "title": _("Convenience replies"),
            "pending": selectors.pending(organ_ids),
            "recent": selectors.recent(organ_ids),
        },
    )


def _save_reply(
    request: HttpRequest, form: ReplyForm, organ: Organ, ticked: list[int]
) -> tuple[HttpResponse | None, list[str]]:
    """Save through the service: the redirect to the new reply, or None and the link errors."""
    data = form.cleaned_data
    application = None
    if data["application"]:
        application = selectors.application_by_number(organ, data["application"])
        if application is None:
            form.add_error("application", _("No application with this tracking number was made to this organ."))
            return None, []
    try:
        reply = services.record_reply(
            organ=organ,
            acting_user=staff_user(request),
            channel=Channel(data["channel"]),
            question=data["question"],
            answer=data["answer"],
            asked_on=data["asked_on"],
            hotline_ticket=data["hotline_ticket"],
            item_ids=ticked,
            application=application,
        )
    except ValidationError as invalid:
        return None, _attach_errors(form, invalid)
    messages.success(request, _("The convenience reply is recorded."))
    return HttpResponseRedirect(reverse("workbench:convenience_detail", args=[reply.pk])), []


@login_required
@require_http_methods(["GET", "POST"])
def reply_new(request: HttpRequest) -> HttpResponse:
    organ = _handling_organ(request)
    if organ is None:
        return forbidden(request, str(NOT_HANDLING))
    form = ReplyForm(request.POST or None)
    ticked = posted_ids(request.POST.getlist(LINKED_ITEMS))
    searching = "suggest" in request.POST
    link_errors: list[str] = []
    if request.method == "POST" and not searching and form.is_valid():
        saved, link_errors = _save_reply(request, form, organ, ticked)
        if saved is not None:
            return saved
    question = str(form.data.get("question", "")) if form.is_bound else ""
    found = selectors.suggestions(question, organ, SUGGESTION_LIMIT)
    return render_page(
        request,
        "workbench/convenience_form.html",
        {
            "title": _("New convenience reply"),
            "organ": organ,
            "form": form,
            "documents": _document_choices(ticked, found.documents),
            "earlier": found.replies,
            "searched": searching,
            "link_errors": link_errors,
        },
        status=400 if request.method == "POST" and not searching else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def reply_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organ_ids = [organ.pk for organ in permissions.organs_for(staff_user(request), Action.HANDLE_APPLICATIONS)]
    reply = selectors.reply_in(organ_ids, pk)
    if reply is None:
        raise Http404(_("No such convenience reply."))
    form = AnswerForm(request.POST or None)
    ticked = posted_ids(request.POST.getlist(LINKED_ITEMS))
    link_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.answer(
                reply=reply, acting_user=staff_user(request), text=form.cleaned_data["answer"], item_ids=ticked
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            link_errors = _attach_errors(form, invalid)
        else:
            messages.success(request, _("Answered. The hotline system can now collect the answer."))
            return HttpResponseRedirect(reverse("workbench:convenience_detail", args=[pk]))
    found = (
        selectors.suggestions(reply.question, reply.organ, SUGGESTION_LIMIT, exclude=reply.pk)
        if reply.is_pending
        else selectors.NO_SUGGESTIONS
    )
    return render_page(
        request,
        "workbench/convenience_detail.html",
        {
            "title": reply.hotline_ticket or _("Convenience reply"),
            "reply": reply,
            "linked": selectors.public_linked_items(reply),
            "form": form,
            "documents": _document_choices(ticked, found.documents),
            "earlier": found.replies,
            "link_errors": link_errors,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """The form's script asks here while the question is typed; the page works without it."""
    organ = _handling_organ(request)
    if organ is None:
        return JsonResponse({"error": str(NOT_HANDLING)}, status=403)
    exclude = request.GET.get("exclude", "")
    found = selectors.suggestions(
        request.GET.get("q", "")[:QUERY_MAX], organ, SUGGESTION_LIMIT, int(exclude) if exclude.isdigit() else None
    )
    return JsonResponse(
        {
            "documents": [
                {
                    "id": item.pk,
                    "title": item.title,
                    "index_number": item.index_number,
                    "organ": item.organ.name,
                    "url": reverse("portal:item", args=[item.pk]),
                }
                for item in found.documents
            ],
            "replies": [
                {
                    "id": reply.pk,
                    "question": reply.question[:120],
                    "answer": reply.answer[:200],
                    "url": reverse("workbench:convenience_detail", args=[reply.pk]),
                }
                for reply in found.replies
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _token_page(request: HttpRequest, organ: Organ, form: TokenForm, **extra: object) -> HttpResponse:
    response = render_page(
        request,
        "workbench/convenience_tokens.html",
        {"title": _("Hotline tokens"), "organ": organ, "tokens": selectors.tokens_of(organ), "form": form, **extra},
        status=400 if form.errors else 200,
    )
    # The page may carry a clear token: keep it out of every cache.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def token_admin(request: HttpRequest) -> HttpResponse:
    organ = _handling_organ(request)
    if organ is None:
        return forbidden(request, str(NOT_HANDLING))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, clear = services.issue_token(
                organ=organ, name=form.cleaned_data["name"], acting_user=staff_user(request)
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            _attach_errors(form, invalid)
        else:
            # Rendered, not redirected: the clear token must never reach the session or a message.
            return _token_page(request, organ, TokenForm(), issued=token, clear_token=clear)
    return _token_page(request, organ, form)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(HotlineToken.objects.select_related("organ"), pk=pk)
    return run_service(
        request,
        lambda: services.revoke_token(token=token, acting_user=staff_user(request)),
        reverse("workbench:convenience_tokens"),
        _("The token is revoked; the hotline system can no longer use it."),
    )
