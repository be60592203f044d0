"""The search service: one call from a ``SearchQuery`` to a ``SearchResult``, on either backend.

Cost stays proportional to the page, not to the match set (SEARCH.md §5). One statement walks the
matches newest first down the sort key and stops after TOTAL_CAP + 1: its rows are the capped
total, the facets (counted over at most the newest TOTAL_CAP matches) and the newest-first pages.
Relevance re-orders the newest RELEVANCE_WINDOW of those rows by where the words occur (title and
文号 above organ names and keywords, above the body: backends.COLUMN_WEIGHTS), then by date; FTS5's
bm25 is not used because it counts each phrase's documents over the whole index, which for a common
word costs 0.5–1 s at a million records (SEARCH.md §6.2). Hits are read back through each source's
public selector, so nothing the public may not see can be shown even if the index lagged.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any, Final

from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from gongkai.organs import selectors as organ_selectors
from gongkai.policies import document_number
from gongkai.policies.domain import Validity, validity_on
from gongkai.policies.models import VALIDITY_LABELS, Topic
from gongkai.search import (
    analysis,
    backends,
    expressions,
    index_file,
    mentions,
    snippets,
    sources,
    store,
    vocabulary,
)
from gongkai.search.backends import TextMatch
from gongkai.search.backends.base import placeholders
from gongkai.search.documents import record_of
from gongkai.search.filters import filter_sql, narrowing
from gongkai.search.query import (
    TOTAL_CAP,
    Facets,
    FacetValue,
    Hit,
    Relaxation,
    SearchQuery,
    SearchResult,
    Sort,
)

RELEVANCE_WINDOW: Final = 5_000
# What the scan reads of each match: the sort key (which also names the record), then what the
# facets count; 有效性's three inputs travel as one text so they stay together.
_SCAN_EXPRESSIONS: Final = (
    "e.id",
    "e.organ_id",
    "e.published_year",
    "e.topic_id",
    "e.kind",
    "e.declared_validity || '|' || coalesce(CAST(e.expires_on AS TEXT), '') || '|' "
    "|| coalesce(CAST(e.repealed_on AS TEXT), '')",
)


@dataclass(frozen=True)
class _Scanned:
    """The newest TOTAL_CAP + 1 matches: their keys newest first, and each facet column's values as text."""

    keys: list[int]
    organs: list[str]
    years: list[str]
    topics: list[str]  # matches without a topic are left out
    kinds: list[str]
    validity_inputs: list[str]  # declared|expires_on|repealed_on


@dataclass(frozen=True)
class _Plan:
    """One query's SQL, split so the page, the count and the facets share it."""

    from_sql: str
    where_sql: str
    params: list[Any]
    newest_first: str

    def select(self, columns: str, order: str, limit: int, offset: int = 0, extra_where: str = "") -> str:
        where = self.where_sql + (f" AND {extra_where}" if extra_where else "")
        # Only fixed fragments built in this package are joined here; every value is a parameter.
        return f"SELECT {columns} FROM {self.from_sql} WHERE {where} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}"  # noqa: S608


@dataclass(frozen=True)
class _Organs:
    """The active organs as search reads them: names with aliases, each alias's full names, and
    each normalised full name's mention token (``mentions``)."""

    names: tuple[vocabulary.OrganName, ...]
    expansions: dict[str, list[str]]
    mention_tokens: dict[str, str]


@lru_cache(maxsize=8)
def _organs_of(rows: tuple[tuple[int, str, str], ...]) -> _Organs:
    # Pure in the rows: a rename or a new organ is simply another key. Building the aliases of 172
    # organs took 11 ms, and their model instances 18 ms, on every search.
    names = tuple(
        vocabulary.OrganName(organ_id, name, vocabulary.organ_aliases(name, short_name))
        for organ_id, name, short_name in rows
    )
    tokens = {analysis.normalize(name): mentions.token(organ_id) for organ_id, name, _short in rows}
    return _Organs(names, vocabulary.organ_expansions(names), tokens)


def _organs() -> _Organs:
    rows = organ_selectors.organs_in_official_order().values_list("pk", "name", "short_name")
    return _organs_of(tuple(rows))


def _text_match(query: SearchQuery, organs: _Organs) -> tuple[TextMatch, str]:
    """The words to match, and the exact 文号 key when the number field holds a whole number."""
    number_key = ""
    code_words: list[expressions.Word] = []
    if query.document_number.strip():
        try:
            number_key = document_number.search_key(document_number.normalise(query.document_number))
        except document_number.DocumentNumberError:
            code_words = expressions.parse(query.document_number)  # a fragment, such as 忻政办发
    text = TextMatch(
        words=tuple(expressions.parse(query.text, organs.expansions, organs.mention_tokens)),
        title_words=tuple(expressions.parse(query.title, indexed_as=organs.mention_tokens)),
        code_words=tuple(code_words),
    )
    return text, number_key


def _plan(cursor: CursorWrapper, query: SearchQuery, text: TextMatch, number_key: str, today: date) -> _Plan:
    match = backends.current().match(cursor, text, narrowing(query))
    conditions, params = filter_sql(query, today, number_key)
    # Records of a deactivated organ leave the index through the organ hook; this guards the gap.
    # By id rather than a join: the index may be a file of its own, without the organs (``store``).
    if inactive := organ_selectors.inactive_ids():
        conditions.insert(0, f"e.organ_id NOT IN ({placeholders(inactive)})")
        params[:0] = inactive
    return _Plan(
        from_sql=match.from_sql,
        where_sql=" AND ".join([match.where_sql, *conditions]),
        params=[*match.params, *params],
        newest_first=match.newest_first,
    )


def _count(cursor: CursorWrapper, plan: _Plan) -> int:
    capped = plan.select("1", plan.newest_first, TOTAL_CAP + 1)
    cursor.execute(f"SELECT count(*) FROM ({capped}) capped", plan.params)  # noqa: S608  (fragments, not values)
    row = cursor.fetchone()
    return int(row[0]) if row else 0


def _scan(cursor: CursorWrapper, plan: _Plan, with_facets: bool) -> _Scanned:
    """Walk the newest TOTAL_CAP + 1 matches once, returning each column as one comma-joined text.

    One row of a few texts instead of ten thousand rows of tuples: turning every value of every
    row into a Python object was half the cost of a common word's search (docs/benchmarks.md).
    """
    expressions = _SCAN_EXPRESSIONS if with_facets else _SCAN_EXPRESSIONS[:1]
    named = ", ".join(f"{expression} AS c{index}" for index, expression in enumerate(expressions))
    matches = plan.select(named, plan.newest_first, TOTAL_CAP + 1)
    backend = backends.current()
    joined = ", ".join(backend.concat(f"CAST(m.c{index} AS TEXT)") for index in range(len(expressions)))
    cursor.execute(f"SELECT {joined} FROM ({matches}) m", plan.params)  # noqa: S608  (fragments, not values)
    row = cursor.fetchone() or ()
    columns = [value.split(",") if value else [] for value in row]
    columns += [[] for _missing in range(len(_SCAN_EXPRESSIONS) - len(columns))]
    keys = sorted(map(int, columns[0]), reverse=True)  # the concatenation's order is not guaranteed
    return _Scanned(keys, *columns[1:])


def _record(key: int) -> tuple[str, int]:
    source_code, object_id = record_of(key)
    return sources.name_of(source_code), object_id


def _page_records(
    cursor: CursorWrapper, plan: _Plan, query: SearchQuery, text: TextMatch, keys: list[int]
) -> list[tuple[str, int]]:
    ordered = keys
    if query.sort == Sort.RELEVANCE and text:
        window = keys[:RELEVANCE_WINDOW]
        scores = backends.current().scores(cursor, text, narrowing(query), window, every_match=len(window) == len(keys))
        # Best first, then newest; beyond the window the matches follow newest first. Only the
        # scored keys are sorted: the rest keep the window's order, which is already newest first.
        scored = sorted((key for key, score in scores.items() if score > 0), key=lambda key: (-scores[key], -key))
        ordered = scored + [key for key in window if scores.get(key, 0.0) <= 0] + keys[len(window) :]
    offset = (query.page - 1) * query.page_size
    if offset + query.page_size <= len(ordered) or len(keys) <= TOTAL_CAP:
        return [_record(key) for key in ordered[offset : offset + query.page_size]]
    # A deep page past the scanned matches: they continue newest first.
    cursor.execute(plan.select("e.id", plan.newest_first, query.page_size, offset), plan.params)
    return [_record(row[0]) for row in cursor.fetchall()]


def _as_date(value: Any) -> date | None:
    # Raw cursors return ISO strings on SQLite and dates on PostgreSQL.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _counted(values: list[str], convert: Callable[[str], Any]) -> Counter[Any]:
    return Counter({convert(value): count for value, count in Counter(values).items()})


@lru_cache(maxsize=65_536)
def _validity(declared: str, expires_on: Any, repealed_on: Any, today: date) -> str:
    # Ten thousand matches hold about a thousand distinct (declared, expiry, repeal) triples, and
    # the same ones search after search: cached, 有效性 costs a dictionary lookup per triple.
    return validity_on(
        today=today, expires_on=_as_date(expires_on), repealed_on=_as_date(repealed_on), declared=Validity(declared)
    ).value


def _facets(scanned: _Scanned, exact: bool, today: date, organ_labels: dict[int, str]) -> Facets:
    # Counted on the texts (Counter counts in C); only the distinct values are converted, and
    # 有效性 is worked out once per distinct (declared, expiry, repeal).
    organs: Counter[int] = _counted(scanned.organs, int)
    years: Counter[int] = _counted(scanned.years, int)
    topics: Counter[int] = _counted(scanned.topics, int)
    kinds: Counter[str] = Counter(scanned.kinds)
    validities: Counter[str] = Counter()
    for inputs, count in Counter(scanned.validity_inputs).items():
        declared, expires_on, repealed_on = inputs.split("|")
        validities[_validity(declared, expires_on or None, repealed_on or None, today)] += count
    topic_labels = {
        topic_id: f"{parent}\\{name}" if parent else name
        for topic_id, name, parent in Topic.objects.filter(pk__in=topics).values_list("pk", "name", "parent__name")
    }
    kind_labels = {kind: str(label) for kind, label in sources.kind_choices()}

    def ranked(counter: Counter[Any], labels: dict[Any, str]) -> tuple[FacetValue, ...]:
        rows = sorted(counter.items(), key=lambda pair: (-pair[1], labels.get(pair[0], str(pair[0]))))
        return tuple(FacetValue(str(value), labels.get(value, str(value)), count) for value, count in rows)

    return Facets(
        organ=ranked(organs, organ_labels),
        year=tuple(FacetValue(str(year), str(year), years[year]) for year in sorted(years, reverse=True)),
        topic=ranked(topics, topic_labels),
        kind=ranked(kinds, kind_labels),
        validity=tuple(
            FacetValue(value.value, str(VALIDITY_LABELS[value]), validities[value.value])
            for value in Validity
            if validities[value.value]
        ),
        exact=exact,
    )


def _hits(page: list[tuple[str, int]], text: TextMatch, today: date) -> tuple[Hit, ...]:
    """Read the page back through each source's public selector, in the page's order."""
    records: dict[tuple[str, int], Any] = {}
    for name in {source_name for source_name, _object_id in page}:
        source = sources.get(name)
        ids = [object_id for source_name, object_id in page if source_name == name]
        # No ORDER BY: the selector's date order let SQLite walk every public item instead of the 20 keys.
        found = source.public_objects().filter(pk__in=ids).order_by()
        records.update({(name, obj.pk): (source, obj) for obj in found})
    phrases = [phrase for word in text.all_words() for phrase in word.phrases]
    hits: list[Hit] = []
    for key in page:
        if key not in records:
            continue  # withdrawn since the index was read: the public selector has the last word
        source, obj = records[key]
        shown = source.display(obj)
        document = source.document(obj)
        hits.append(
            Hit(
                source=source.name,
                object_id=obj.pk,
                url=shown.url,
                title=shown.title,
                title_html=snippets.highlight(shown.title, phrases),
                snippet_html=snippets.snippet(document.body, phrases),
                document_number=shown.document_number,
                organ_name=shown.organ_name,
                published_on=document.published_on,
                written_on=document.written_on,
                kind=document.kind,
                # As of today, like the facet and the filter: an expiry date passes on its own.
                validity=validity_on(
                    today=today,
                    expires_on=document.expires_on,
                    repealed_on=document.repealed_on,
                    declared=Validity(document.declared_validity),
                ).value,
            )
        )
    return tuple(hits)


def _did_you_mean(query: SearchQuery, organs: _Organs) -> tuple[vocabulary.OrganSuggestion, ...]:
    found: list[vocabulary.OrganSuggestion] = []
    for word in expressions.split_words(query.text):
        found += vocabulary.suggest_organs(word, organs.names)
    return tuple(found)


def _count_query(query: SearchQuery, organs: _Organs, today: date) -> int:
    text, number_key = _text_match(query, organs)
    backend = backends.current()
    with backend.reading(), store.connection().cursor() as cursor:
        backend.prepare_read(cursor)
        return _count(cursor, _plan(cursor, query, text, number_key, today))


def _relaxations(query: SearchQuery, organs: _Organs, today: date) -> tuple[Relaxation, ...]:
    found: list[Relaxation] = []
    for name in query.active_filters():
        total = _count_query(query.without(name), organs, today)
        if total:
            found.append(Relaxation(name, min(total, TOTAL_CAP), total <= TOTAL_CAP))
    return tuple(found)


def _split_suggestion(query: SearchQuery, organs: _Organs, today: date) -> str:
    """An unspaced query cut into words with the government dictionary, if that finds something."""
    words = expressions.split_words(query.text)
    extra = {alias for organ in organs.names for alias in organ.aliases}
    split = [piece for word in words for piece in vocabulary.segment(word, extra)]
    if len(split) <= len(words) or not any(analysis.is_cjk(word) for word in words):
        return ""
    suggestion = " ".join(split)
    return suggestion if _count_query(replace(query, text=suggestion), organs, today) else ""


def search(query: SearchQuery, *, today: date | None = None) -> SearchResult:
    """Search everything public. ``today`` decides 有效性 (an expiry date passes on its own)."""
    today = today or timezone.localdate()
    if store.sidecar():
        index_file.catch_up()
    organs = _organs()
    text, number_key = _text_match(query, organs)
    backend = backends.current()
    with backend.reading(), store.connection().cursor() as cursor:
        backend.prepare_read(cursor)
        plan = _plan(cursor, query, text, number_key, today)
        scanned = _scan(cursor, plan, query.with_facets)
        total = len(scanned.keys)
        exact = total <= TOTAL_CAP
        page = _page_records(cursor, plan, query, text, scanned.keys) if total else []
        organ_labels = {organ.organ_id: organ.name for organ in organs.names}
        facets = _facets(scanned, exact, today, organ_labels) if query.with_facets and total else None
        hits = _hits(page, text, today)
        relaxations: tuple[Relaxation, ...] = ()
        split = ""
        if not total:
            relaxations = _relaxations(query, organs, today)
            split = _split_suggestion(query, organs, today)
    return SearchResult(
        query=query,
        hits=hits,
        total=min(total, TOTAL_CAP + 1),
        total_exact=exact,
        facets=facets,
        did_you_mean=_did_you_mean(query, organs),
        relaxations=relaxations,
        split_suggestion=split,
    )
