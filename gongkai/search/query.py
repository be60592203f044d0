"""The search service's contract: a query in, a result out. The portal page and /api/v1/search fill
``SearchQuery`` from their input and render ``SearchResult``; neither owns any search rule.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Final

from gongkai.search.vocabulary import OrganSuggestion

TOTAL_CAP: Final = 10_000  # beyond it the total shows as "10,000+" (SEARCH.md: never count everything)
MAX_PAGE_SIZE: Final = 50
MAX_PAGE: Final = 500  # deep pages are for crawlers; the sitemap serves them better

# The filters a zero-result search may suggest dropping, by name: field names they clear.
FILTER_FIELDS: Final = {
    "title": ("title",),
    "document_number": ("document_number",),
    "organ": ("organ_ids",),
    "topic": ("topic_ids",),
    "kind": ("kinds",),
    "year": ("years",),
    "written": ("written_from", "written_to"),
    "published": ("published_from", "published_to"),
    "validity": ("validity",),
    "target": ("target_group",),
    "column": ("column_ids",),
    "source": ("sources",),
}


class Sort(StrEnum):
    RELEVANCE = "RELEVANCE"  # 按相关度: ranked among the newest matches (SEARCH.md §5.1)
    NEWEST = "NEWEST"  # 按时间: newest publication first


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""  # free text: words separated by spaces, every word must occur
    title: str = ""  # 标题: words that must occur in the title
    document_number: str = ""  # 发文字号: a whole number in any bracket style, or a fragment
    organ_ids: tuple[int, ...] = ()  # 发文机关
    topic_ids: tuple[int, ...] = ()  # 主题分类 (a first-level category includes its children)
    kinds: tuple[str, ...] = ()  # policies.domain.ItemKind values
    years: tuple[int, ...] = ()  # year of publication
    written_from: date | None = None  # 成文日期
    written_to: date | None = None
    published_from: date | None = None  # 发布日期
    published_to: date | None = None
    validity: str = ""  # 有效性: policies.domain.Validity value
    target_group: str = ""  # 适用对象: words that must all occur in the record's target groups (小微企业)
    column_ids: tuple[int, ...] = ()  # 专栏/专题: a column includes the records of its sub-columns
    sources: tuple[str, ...] = ()  # sources.IndexableSource names; empty means all
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    page_size: int = 20
    with_facets: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "page", min(max(self.page, 1), MAX_PAGE))
        object.__setattr__(self, "page_size", min(max(self.page_size, 1), MAX_PAGE_SIZE))

    def active_filters(self) -> list[str]:
        return [name for name, fields in FILTER_FIELDS.items() if any(getattr(self, f) for f in fields)]

    def without(self, filter_name: str) -> "SearchQuery":
        defaults: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(self)}
        cleared: dict[str, Any] = {name: defaults[name] for name in FILTER_FIELDS[filter_name]}
        return dataclasses.replace(self, **cleared)


@dataclass(frozen=True)
class Hit:
    source: str
    object_id: int
    url: str
    title: str
    title_html: str  # escaped, matches wrapped in <mark>
    snippet_html: str
    document_number: str
    organ_name: str
    published_on: date
    written_on: date | None
    kind: str
    validity: str


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facets:
    """Counts over the match set; when it exceeds TOTAL_CAP, over its newest TOTAL_CAP (``exact`` False: show 约)."""

    organ: tuple[FacetValue, ...]
    year: tuple[FacetValue, ...]
    topic: tuple[FacetValue, ...]
    kind: tuple[FacetValue, ...]
    validity: tuple[FacetValue, ...]
    exact: bool


@dataclass(frozen=True)
class Relaxation:
    """Dropping the filter ``drop`` would find ``total`` results."""

    drop: str
    total: int
    total_exact: bool


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    hits: tuple[Hit, ...]
    total: int  # capped at TOTAL_CAP + 1
    total_exact: bool  # False: show "10,000+"
    facets: Facets | None
    did_you_mean: tuple[OrganSuggestion, ...] = ()
    relaxations: tuple[Relaxation, ...] = ()  # only when nothing was found
    split_suggestion: str = ""  # the same text cut into words, when that finds what the whole did not

    @property
    def page_count(self) -> int:
        return min(-(-min(self.total, TOTAL_CAP) // self.query.page_size), 500)
