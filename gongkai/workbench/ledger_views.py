"""The attribute ledger, its yearly shares, and the periodic re-review (条例第十八条, plan item 6)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.core.http import attachment_response
from gongkai.organs.models import Organ
from gongkai.policies import ledger
from gongkai.policies import selectors as policy_selectors
from gongkai.policies import services as policy_services
from gongkai.policies.models import ATTRIBUTE_LABELS, InformationItem
from gongkai.workbench.ledger_export import ledger_workbook
from gongkai.workbench.views import forbidden, render_page, run_service, staff_user


def _visible_organ_ids(request: HttpRequest) -> list[int]:
    return [organ.pk for organ in permissions.organs_for(staff_user(request), Action.VIEW_RECORDS)]


def _year(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and len(raw) == 4 else None


@login_required
@require_GET
def ledger_page(request: HttpRequest) -> HttpResponse:
    organ_ids = _visible_organ_ids(request)
    organ_filter = request.GET.get("organ", "")
    if organ_filter.isdigit() and int(organ_filter) in organ_ids:
        organ_ids = [int(organ_filter)]
    year, attribute = _year(request.GET.get("year", "")), request.GET.get("attribute", "")
    items = policy_selectors.ledger_items(organ_ids, year, attribute if attribute in ATTRIBUTE_LABELS else "")
    if request.GET.get("format") == "xlsx":
        return attachment_response(ledger_workbook(items, _("Attribute ledger")), "公开属性认定台账.xlsx")
    organs = {organ.pk: organ for organ in Organ.objects.filter(pk__in=_visible_organ_ids(request))}
    shares = [
        (organs[row.organ_id], row)
        for row in ledger.shares(policy_selectors.year_counts(organ_ids))
        if row.organ_id in organs
    ]
    return render_page(
        request,
        "workbench/ledger.html",
        {
            "title": _("Attribute ledger"),
            "rows": items[:500],
            "total": items.count(),
            "shares": shares,
            "organs": sorted(organs.values(), key=lambda organ: (organ.sort_order, organ.pk)),
            "attributes": list(ATTRIBUTE_LABELS.items()),
            "chosen": {"organ": organ_filter, "year": request.GET.get("year", ""), "attribute": attribute},
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def re_review_queue(request: HttpRequest) -> HttpResponse:
    organ_ids = [organ.pk for organ in permissions.organs_for(staff_user(request), Action.REVIEW)]
    due = policy_selectors.due_for_re_review(organ_ids, timezone.localdate(), policy_services.re_review_cycle_days())
    return render_page(request, "workbench/re_review.html", {"title": _("Periodic re-review"), "items": due})


@login_required
@require_POST
def re_review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    item = InformationItem.objects.filter(pk=pk).first()
    if item is None:
        return forbidden(request, _("No such information."))
    return run_service(
        request,
        lambda: policy_services.re_review(
            item=item,
            acting_user=staff_user(request),
            keep=request.POST.get("decision") == "keep",
            reason=request.POST.get("reason", ""),
        ),
        reverse("workbench:re_review"),
        _("Re-review recorded."),
    )
