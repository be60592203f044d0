"""/search/: search by element (按要素搜索). The form reads the query, the search service answers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.portal import search_presenter
from gongkai.portal.search_forms import SearchForm
from gongkai.search import service


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    result = None
    if form.has_criteria() and form.is_valid():
        result = service.search(form.to_query())
    page = search_presenter.search_page(form, result)
    heading = _("Search")
    typed = form.cleaned_data.get("q", "") if result is not None else ""
    return render(
        request,
        "portal/search.html",
        {
            "title": heading,
            # The tab and the history show what was searched for; the h1 stays the page's name.
            "document_title": _("%(text)s - Search") % {"text": typed} if typed else heading,
            "page": page,
            "breadcrumbs": [(_("Home"), reverse("portal:home")), (heading, "")],
        },
    )
