"""专栏、专题: the column tree and each column's published items."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.columns import selectors
from gongkai.columns.models import Column
from gongkai.portal import navigation

PAGE_SIZE = 20


@require_GET
def column_index(request: HttpRequest) -> HttpResponse:
    title = _("Columns and topics")
    return render(
        request,
        "portal/columns.html",
        {"title": title, "nodes": selectors.tree(active_only=True), "breadcrumbs": navigation.crumbs((title, ""))},
    )


@require_GET
def column_page(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        column = selectors.public_column(slug)
    except Column.DoesNotExist as missing:
        raise Http404(_("No such column.")) from missing
    page = Paginator(selectors.public_items_of(column), PAGE_SIZE).get_page(request.GET.get("page"))
    index_title = _("Columns and topics")
    trail = [(index_title, reverse("portal:columns"))]
    trail += [
        (ancestor.name, reverse("portal:column", args=[ancestor.slug])) for ancestor in selectors.ancestors(column)
    ]
    return render(
        request,
        "portal/column_page.html",
        {
            "title": column.name,
            "column": column,
            "children": selectors.public_children(column),
            "page": page,
            "breadcrumbs": navigation.crumbs(*trail, (column.name, "")),
        },
    )
