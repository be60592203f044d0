"""The search page's links and labels, computed here so the templates hold no logic.

Every link is the reader's own query string with one change: a facet narrows to its value, a chip
or a relaxation drops a filter, a page number moves. Nothing here decides what matches.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Final
from urllib.parse import unquote_plus, urlencode

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gongkai.portal.search_forms import FILTER_LABELS, FILTER_PARAMETERS, SearchForm, kind_label, validity_label
from gongkai.search import analysis
from gongkai.search.query import TOTAL_CAP, Facets, FacetValue, Hit, SearchResult, Sort

FACETS_SHOWN: Final = 8  # per group; the rest wait behind a <details>, which needs no script
PAGE_WINDOW: Final = 2  # page numbers shown either side of the current one


class Params:
    """The reader's query string as ordered (name, value) pairs; each change makes a new one."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.pairs = list(pairs)

    @classmethod
    def of(cls, form: SearchForm) -> "Params":
        data = form.data
        return cls(
            (name, value.strip())
            for name in form.fields
            for value in (data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")])
            if value and value.strip()
        )

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.pairs if key == name]

    def without(self, *names: str, value: str | None = None) -> "Params":
        """Without these parameters (only ``value`` of them when given); back to the first page."""
        return Params(
            (key, kept)
            for key, kept in self.pairs
            if key != "page" and not (key in names and (value is None or kept == value))
        )

    def replacing(self, name: str, value: str) -> "Params":
        """Narrowed to ``value``: a facet's values are alternatives, so choosing one replaces the others."""
        kept = self.without(name)
        return Params([*kept.pairs, (name, value)])

    def at_page(self, number: int) -> "Params":
        return Params([*self.without().pairs, *([("page", str(number))] if number > 1 else [])])

    def query_string(self) -> str:
        return urlencode(self.pairs)

    def url(self) -> str:
        query = self.query_string()
        return f"{reverse('portal:search')}?{query}" if query else reverse("portal:search")


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: str
    url: str
    chosen: bool


@dataclass(frozen=True)
class FacetGroup:
    key: str
    heading: str
    shown: list[FacetLink]
    more: list[FacetLink]
    more_label: str


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str
    remove_label: str


@dataclass(frozen=True)
class HitView:
    url: str
    title_html: SafeString
    snippet_html: SafeString
    document_number: str
    organ_name: str
    published_on: date
    written_on: date | None
    kind: str
    validity: str
    validity_label: str


@dataclass(frozen=True)
class PageLink:
    label: str
    url: str = ""
    current: bool = False
    gap: bool = False


@dataclass(frozen=True)
class Pagination:
    previous_url: str
    next_url: str
    pages: list[PageLink]


@dataclass(frozen=True)
class SearchPage:
    form: SearchForm
    searched: bool
    advanced_open: bool
    api_url: str
    api_label: str
    chips: list[Chip] = field(default_factory=list)
    clear_url: str = ""
    total_label: str = ""
    hits: list[HitView] = field(default_factory=list)
    facet_groups: list[FacetGroup] = field(default_factory=list)
    sort_links: list[Link] = field(default_factory=list)
    pagination: Pagination | None = None
    did_you_mean: list[Link] = field(default_factory=list)
    relaxations: list[Link] = field(default_factory=list)
    split_suggestion: Link | None = None


def count_label(count: int, exact: bool) -> str:
    """A total as the page shows it: exact, or "more than 10,000" once counting stopped at the cap."""
    if not exact or count > TOTAL_CAP:
        return _("More than %(total)s results") % {"total": f"{TOTAL_CAP:,}"}
    return ngettext("%(total)s result", "%(total)s results", count) % {"total": f"{count:,}"}


def facet_count_label(count: int, exact: bool) -> str:
    return f"{count:,}" if exact else _("about %(count)s") % {"count": f"{count:,}"}


def _facet_group(
    key: str,
    heading: str,
    values: Iterable[FacetValue],
    exact: bool,
    params: Params,
    parameter: str,
    value_of: dict[str, str],
) -> FacetGroup:
    chosen = set(params.values(parameter))
    links = []
    for value in values:
        shown = value_of.get(value.value, value.value)
        links.append(
            FacetLink(
                label=value.label,
                count=facet_count_label(value.count, exact),
                url=params.replacing(parameter, shown).url(),
                chosen=shown in chosen,
            )
        )
    rest = links[FACETS_SHOWN:]
    return FacetGroup(
        key=key,
        heading=heading,
        shown=links[:FACETS_SHOWN],
        more=rest,
        more_label=ngettext("%(count)s more", "%(count)s more", len(rest)) % {"count": len(rest)},
    )


def _facet_groups(facets: Facets | None, params: Params, form: SearchForm) -> list[FacetGroup]:
    if facets is None:
        return []
    organ_slugs = {str(pk): slug for pk, slug in form.choices.organ_slug_of.items()}
    groups = [
        _facet_group("organ", _("Issuing organ"), facets.organ, facets.exact, params, "organ", organ_slugs),
        _facet_group("year", _("Year of publication"), facets.year, facets.exact, params, "year", {}),
        _facet_group("topic", _("Topic category"), facets.topic, facets.exact, params, "topic", {}),
        _facet_group("kind", _("Kind of information"), facets.kind, facets.exact, params, "kind", {}),
        _facet_group("validity", _("Validity"), facets.validity, facets.exact, params, "validity", {}),
    ]
    return [group for group in groups if group.shown]


def _value_label(form: SearchForm, name: str, value: str) -> str:
    choices = form.choices
    match name:
        case "organ":
            return choices.organ_names.get(value, value)
        case "topic":
            return choices.topic_labels.get(value, value)
        case "kind":
            return kind_label(value)
        case "validity":
            return validity_label(value)
        case "column":
            return choices.column_names.get(value, value)
    return value


def _chips(form: SearchForm, params: Params) -> list[Chip]:
    chips = []
    for names in FILTER_PARAMETERS.values():
        for name in names:
            for value in params.values(name):
                label = _("%(field)s: %(value)s") % {
                    "field": form.fields[name].label,
                    "value": _value_label(form, name, value),
                }
                chips.append(
                    Chip(
                        label=label,
                        remove_url=params.without(name, value=value).url(),
                        remove_label=_("Remove the condition %(condition)s") % {"condition": label},
                    )
                )
    return chips


def _hits(hits: Iterable[Hit]) -> list[HitView]:
    views = []
    for hit in hits:
        views.append(
            HitView(
                url=hit.url,
                # The service escaped the text and added only <mark>; nothing else reaches the page.
                title_html=mark_safe(hit.title_html),  # noqa: S308
                snippet_html=mark_safe(hit.snippet_html),  # noqa: S308
                document_number=hit.document_number,
                organ_name=hit.organ_name,
                published_on=hit.published_on,
                written_on=hit.written_on,
                kind=kind_label(hit.kind),
                validity=hit.validity.lower(),
                validity_label=validity_label(hit.validity),
            )
        )
    return views


def _page_numbers(current: int, last: int) -> Iterator[int | None]:
    """1 … 4 5 [6] 7 8 … 20: the ends and a window around the current page; None marks a gap."""
    shown = sorted({1, last, *range(max(1, current - PAGE_WINDOW), min(last, current + PAGE_WINDOW) + 1)})
    previous = 0
    for number in shown:
        if number > previous + 1:
            yield None
        yield number
        previous = number


def _pagination(result: SearchResult, params: Params) -> Pagination | None:
    last = result.page_count
    current = result.query.page
    if last <= 1:
        return None
    pages = [
        PageLink(_("…"), gap=True)
        if number is None
        else PageLink(str(number), params.at_page(number).url(), current=number == current)
        for number in _page_numbers(current, last)
    ]
    return Pagination(
        previous_url=params.at_page(current - 1).url() if current > 1 else "",
        next_url=params.at_page(current + 1).url() if current < last else "",
        pages=pages,
    )


def _sort_links(form: SearchForm, params: Params, result: SearchResult) -> list[Link]:
    if not any(form.cleaned_data.get(name) for name in ("q", "title", "number")):
        return []  # without words to rank by, every search is newest first
    return [
        Link(
            _("Most relevant first"), params.replacing("sort", "relevance").url(), result.query.sort == Sort.RELEVANCE
        ),
        Link(_("Newest first"), params.replacing("sort", "newest").url(), result.query.sort == Sort.NEWEST),
    ]


def _did_you_mean(result: SearchResult, params: Params, typed: str) -> list[Link]:
    links = []
    for suggestion in result.did_you_mean:
        words = [suggestion.alias if analysis.normalize(word) == suggestion.word else word for word in typed.split()]
        label = suggestion.organ_name
        if suggestion.alias != suggestion.organ_name:
            label = _("%(name)s (%(alias)s)") % {"name": suggestion.organ_name, "alias": suggestion.alias}
        links.append(Link(label, params.replacing("q", " ".join(words)).url()))
    return links


def _relaxations(result: SearchResult, params: Params) -> list[Link]:
    links = []
    for relaxation in result.relaxations:
        names = FILTER_PARAMETERS.get(relaxation.drop, ())
        if not names:
            continue
        label = _("Without the condition “%(filter)s”: %(total)s") % {
            "filter": FILTER_LABELS[relaxation.drop],
            "total": count_label(relaxation.total, relaxation.total_exact),
        }
        links.append(Link(label, params.without(*names).url()))
    return links


def search_page(form: SearchForm, result: SearchResult | None) -> SearchPage:
    params = Params.of(form) if form.is_bound else Params([])
    api_url = reverse("api:search") + (f"?{params.query_string()}" if params.pairs else "")
    advanced_open = form.advanced_refused()
    if result is None:
        return SearchPage(
            form=form, searched=False, advanced_open=advanced_open, api_url=api_url, api_label=unquote_plus(api_url)
        )
    chips = _chips(form, params)
    filters = [name for names in FILTER_PARAMETERS.values() for name in names]
    return SearchPage(
        form=form,
        searched=True,
        advanced_open=advanced_open,
        api_url=api_url,
        api_label=unquote_plus(api_url),
        chips=chips,
        clear_url=params.without(*filters).url() if chips else "",
        total_label=count_label(result.total, result.total_exact),
        hits=_hits(result.hits),
        facet_groups=_facet_groups(result.facets, params, form),
        sort_links=_sort_links(form, params, result),
        pagination=_pagination(result, params),
        did_you_mean=_did_you_mean(result, params, form.cleaned_data["q"]),
        relaxations=_relaxations(result, params),
        split_suggestion=(
            Link(result.split_suggestion, params.replacing("q", result.split_suggestion).url())
            if result.split_suggestion
            else None
        ),
    )
