"""Public pages of the standard catalogs. Items reach them only through policies.selectors.public_items."""

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.catalogs import columns, selectors
from gongkai.catalogs.models import Catalog, CatalogRow
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.models import Organ
from gongkai.portal import navigation

MAX_QUERY = 100
MAX_HITS = 200


def _crumbs(*trail: tuple[str, str]) -> list[tuple[str, str]]:
    column = navigation.OPENNESS_COLUMN
    return [(_("Home"), reverse("portal:home")), (str(column.title), column.url), *trail]


def _index_crumb() -> tuple[str, str]:
    return (_("Standard disclosure catalogs"), reverse("catalog_portal:index"))


def _search(domain: str, level: str, query: str) -> list[CatalogRow]:
    """按要素搜索: rows whose items, content or responsible organ contain every word."""
    rows = CatalogRow.objects.filter(retired=False).select_related("catalog")
    if domain:
        rows = rows.filter(catalog__domain=domain)
    if level:
        rows = rows.filter(catalog__level=level)
    for word in query.split()[:5]:
        rows = rows.filter(
            Q(first_item__icontains=word)
            | Q(second_item__icontains=word)
            | Q(content__icontains=word)
            | Q(subject__icontains=word)
            | Q(basis__icontains=word)
        )
    return list(rows.order_by("catalog__domain", "catalog__level", "position")[:MAX_HITS])


@require_GET
def catalog_index(request: HttpRequest) -> HttpResponse:
    domain = request.GET.get("domain", "") if request.GET.get("domain", "") in columns.DOMAINS else ""
    level = request.GET.get("level", "") if request.GET.get("level", "") in columns.CATALOG_LEVELS else ""
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    by_domain: dict[str, list[Catalog]] = {}
    for catalog in selectors.catalogs():
        by_domain.setdefault(catalog.domain, []).append(catalog)
    searched = bool(domain or level or query)
    return render(
        request,
        "portal/catalog_index.html",
        {
            "title": _("Standard disclosure catalogs"),
            "by_domain": list(by_domain.items()),
            "organs": selectors.organs_with_adoptions(),
            "domains": columns.DOMAINS,
            "levels": columns.CATALOG_LEVELS,
            "chosen": {"domain": domain, "level": level, "q": query},
            "searched": searched,
            "hits": _search(domain, level, query) if searched else [],
            "max_hits": MAX_HITS,
            "breadcrumbs": _crumbs((_("Standard disclosure catalogs"), "")),
        },
    )


@require_GET
def catalog_page(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        catalog = selectors.catalog(pk)
    except Catalog.DoesNotExist:
        raise Http404(_("No such catalog.")) from None
    return render(
        request,
        "portal/catalog_page.html",
        {
            "title": catalog.title,
            "catalog": catalog,
            "rows": list(selectors.rows_of(catalog)),
            "headers": columns.HEADERS,
            "organs": selectors.adopting_organs(catalog),
            "breadcrumbs": _crumbs(_index_crumb(), (catalog.title, "")),
        },
    )


@require_GET
def organ_page(request: HttpRequest, slug: str) -> HttpResponse:
    """An organ's adopted rows with the items published for them; a government's page covers the
    organs below it, so a county shows its departments' and towns' catalogs in one place."""
    try:
        organ = organ_selectors.organ_by_slug(slug)
    except Organ.DoesNotExist:
        raise Http404(_("No such organ.")) from None
    organ_ids = [other.pk for other in selectors.supervised_organs(organ)]
    adopted = list(selectors.adopted_rows(organ_ids))
    items = selectors.public_items_by_row(organ_ids, [entry.row_id for entry in adopted])
    groups: dict[tuple[int, int], dict[str, object]] = {}
    for entry in adopted:
        group = groups.setdefault(
            (entry.organ_id, entry.row.catalog_id),
            {"organ": entry.organ, "catalog": entry.row.catalog, "rows": []},
        )
        group["rows"].append((entry.row, items.get((entry.organ_id, entry.row_id), [])))  # type: ignore[attr-defined]
    title = _("Standard catalogs of %(organ)s") % {"organ": organ.name}
    return render(
        request,
        "portal/catalog_organ.html",
        {
            "title": title,
            "organ": organ,
            "groups": list(groups.values()),
            "breadcrumbs": _crumbs(_index_crumb(), (title, "")),
        },
    )
