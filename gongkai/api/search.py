"""GET /api/v1/search: the portal's search by element as JSON, with the page's own parameters.

Parameters are declared as text and checked by the portal's search form, so a refusal names the
parameter in Chinese exactly as the page shows it at its field (a typed schema would refuse in
English before the form could speak).
"""

from datetime import date

from django.http import HttpRequest, QueryDict
from ninja import Query, Router, Schema, Status
from ninja.throttling import AnonRateThrottle
from pydantic import Field

from gongkai.policies.domain import ItemKind, Validity
from gongkai.portal.search_forms import FILTER_LABELS, FILTER_PARAMETERS, SearchForm, kind_label, validity_label
from gongkai.search import service
from gongkai.search.query import Facets, FacetValue, SearchResult

router = Router(tags=["search"])


class SearchRateThrottle(AnonRateThrottle):
    # Ninja keys every AnonRateThrottle by "anon" and the address alone, so without a scope of its
    # own a reader's searches would count against the 10 applications a minute they may submit.
    scope = "search_anon"


_KINDS = ", ".join(kind.value for kind in ItemKind)
_VALIDITIES = ", ".join(validity.value for validity in Validity)


class SearchParameters(Schema):
    q: str = Field(
        "", description="Free text: words separated by spaces, every word must occur (at most 200 characters)"
    )
    title: str = Field("", description="Words that must occur in the title")
    number: str = Field("", description="发文字号: a whole number in any bracket style, or a part of one")
    organ: list[str] = Field([], description="Issuing organ's address name (slug); repeat for several")
    topic: list[str] = Field([], description="Topic category id; a first-level id includes its sub-categories")
    kind: list[str] = Field([], description=f"Kind of information, one of {_KINDS}; repeat for several")
    year: list[str] = Field([], description="Year of publication, e.g. 2021; repeat for several")
    written_from: str = Field("", description="成文日期 on or after, YYYY-MM-DD")
    written_to: str = Field("", description="成文日期 on or before, YYYY-MM-DD")
    published_from: str = Field("", description="发布日期 on or after, YYYY-MM-DD")
    published_to: str = Field("", description="发布日期 on or before, YYYY-MM-DD")
    validity: str = Field("", description=f"有效性 today, one of {_VALIDITIES}")
    target: str = Field("", description="适用对象: words that must all occur in the target groups, e.g. 小微企业")
    column: list[str] = Field([], description="专栏/专题 address name (slug), sub-columns included; repeat for several")
    sort: str = Field(
        "relevance", description="relevance (the default; newest first when there are no words) or newest"
    )
    page: str = Field("1", description="Page number, from 1; pages past 500 are not served")
    page_size: str = Field("20", description="Results per page, 1 to 50")


class HitOut(Schema):
    source: str = Field(description="Kind of record; policies.item is government information")
    id: int
    url: str = Field(description="The record's page on the portal, as an absolute path")
    title: str
    title_html: str = Field(description="The title, HTML-escaped, with the matched words in <mark>")
    snippet_html: str = Field(description="A passage of the text, HTML-escaped, with the matched words in <mark>")
    document_number: str
    organ: str
    written_on: date | None
    published_on: date
    kind: str
    kind_label: str
    validity: str = Field(description="The validity the issuing organ declared")
    validity_label: str


class FacetValueOut(Schema):
    value: str = Field(description="What the filter's parameter takes: an organ's slug, a year, a topic id …")
    label: str
    count: int


class FacetsOut(Schema):
    exact: bool = Field(description="False when counted over the newest 10,000 matches only: show the counts as 约")
    organ: list[FacetValueOut]
    year: list[FacetValueOut]
    topic: list[FacetValueOut]
    kind: list[FacetValueOut]
    validity: list[FacetValueOut]


class SuggestionOut(Schema):
    word: str = Field(description="The word as typed (normalised)")
    alias: str = Field(description="The organ name or short name it nearly is")
    organ: str = Field(description="The organ's slug, for the organ parameter")
    organ_name: str


class RelaxationOut(Schema):
    drop: str = Field(description="The filter to drop")
    label: str
    parameters: list[str] = Field(description="The query parameters to leave out")
    total: int
    total_exact: bool


class SearchOut(Schema):
    total: int = Field(description="Matches, counted up to 10,001")
    total_exact: bool = Field(description="False: more than 10,000 matches")
    page: int
    page_size: int
    page_count: int
    hits: list[HitOut]
    facets: FacetsOut | None = Field(description="Counts by filter; null when nothing was found")
    did_you_mean: list[SuggestionOut]
    relaxations: list[RelaxationOut] = Field(
        description="When nothing was found: filters whose removal finds something"
    )
    split_suggestion: str = Field(
        description="When nothing was found: the same text cut into words, if that finds something"
    )


class FieldErrors(Schema):
    errors: dict[str, list[str]]


def _facet_values(values: tuple[FacetValue, ...], value_of: dict[str, str] | None = None) -> list[FacetValueOut]:
    return [
        FacetValueOut(value=(value_of or {}).get(value.value, value.value), label=value.label, count=value.count)
        for value in values
    ]


def _facets(facets: Facets | None, organ_slugs: dict[str, str]) -> FacetsOut | None:
    if facets is None:
        return None
    return FacetsOut(
        exact=facets.exact,
        organ=_facet_values(facets.organ, organ_slugs),
        year=_facet_values(facets.year),
        topic=_facet_values(facets.topic),
        kind=_facet_values(facets.kind),
        validity=_facet_values(facets.validity),
    )


def _result(result: SearchResult, organ_slug_of: dict[int, str]) -> SearchOut:
    organ_slugs = {str(pk): slug for pk, slug in organ_slug_of.items()}
    return SearchOut(
        total=result.total,
        total_exact=result.total_exact,
        page=result.query.page,
        page_size=result.query.page_size,
        page_count=result.page_count,
        hits=[
            HitOut(
                source=hit.source,
                id=hit.object_id,
                url=hit.url,
                title=hit.title,
                title_html=hit.title_html,
                snippet_html=hit.snippet_html,
                document_number=hit.document_number,
                organ=hit.organ_name,
                written_on=hit.written_on,
                published_on=hit.published_on,
                kind=hit.kind,
                kind_label=kind_label(hit.kind),
                validity=hit.validity,
                validity_label=validity_label(hit.validity),
            )
            for hit in result.hits
        ],
        facets=_facets(result.facets, organ_slugs),
        did_you_mean=[
            SuggestionOut(
                word=suggestion.word,
                alias=suggestion.alias,
                organ=organ_slug_of.get(suggestion.organ_id, ""),
                organ_name=suggestion.organ_name,
            )
            for suggestion in result.did_you_mean
        ],
        relaxations=[
            RelaxationOut(
                drop=relaxation.drop,
                label=str(FILTER_LABELS[relaxation.drop]),
                parameters=list(FILTER_PARAMETERS[relaxation.drop]),
                total=relaxation.total,
                total_exact=relaxation.total_exact,
            )
            for relaxation in result.relaxations
        ],
        split_suggestion=result.split_suggestion,
    )


def _as_query_dict(parameters: SearchParameters) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in parameters.dict().items():
        data.setlist(name, [str(one) for one in value] if isinstance(value, list) else [str(value)])
    return data


@router.get(
    "",
    response={200: SearchOut, 422: FieldErrors},
    summary="Search published government information by element, as the portal's /search/ page does",
    url_name="search",
    throttle=[SearchRateThrottle("60/m")],
)
def search(request: HttpRequest, parameters: Query[SearchParameters]) -> Status[object]:
    form = SearchForm(_as_query_dict(parameters))
    if not form.is_valid():
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        return Status(422, {"errors": errors})
    # Without a word or a filter this lists everything public, newest first, like /api/v1/documents.
    result = service.search(form.to_query())
    return Status(200, _result(result, form.choices.organ_slug_of))
