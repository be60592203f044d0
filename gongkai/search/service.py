"""The search service: one call from a ``SearchQuery`` to a ``SearchResult``, on either backend.

Cost stays proportional to the page, not to the match set (SEARCH.md §5): newest-first is a walk
down the sort key; relevance ranks only the newest RELEVANCE_WINDOW matches; the total stops
counting at TOTAL_CAP; facets count at most the newest TOTAL_CAP matches. Hits are read back through
each source's public selector, so nothing the public may not see can be shown even if the index lagged.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any, Final

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from gongkai.organs import selectors as organ_selectors
from gongkai.policies import document_number
from gongkai.policies.domain import Validity, validity_on
from gongkai.policies.models import VALIDITY_LABELS, Topic
from gongkai.search import analysis, backends, expressions, snippets, sources, vocabulary
from gongkai.search.backends import TextMatch
from gongkai.search.filters import filter_sql
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


@lru_cache(maxsize=4096)
def _aliases(name: str, short_name: str) -> frozenset[str]:
    # Pure in its arguments: cached, a renamed organ simply misses. 172 organs cost 11 ms per search.
    return vocabulary.organ_aliases(name, short_name)


def _organ_names() -> list[vocabulary.OrganName]:
    return [
        vocabulary.OrganName(organ.pk, organ.name, _aliases(organ.name, organ.short_name))
        for organ in organ_selectors.organs_in_official_order()
    ]


def _text_match(query: SearchQuery, organs: Sequence[vocabulary.OrganName]) -> tuple[TextMatch, str]:
    """The words to match, and the exact 文号 key when the number field holds a whole number."""
    number_key = ""
    code_words: list[expressions.Word] = []
    if query.document_number.strip():
        try:
            number_key = document_number.search_key(document_number.normalise(query.document_number))
        except document_number.DocumentNumberError:
            code_words = expressions.parse(query.document_number)  # a fragment, such as 忻政办发
    expansions = vocabulary.organ_expansions(organs)
    text = TextMatch(
        words=tuple(expressions.parse(query.text, expansions)),
        title_words=tuple(expressions.parse(query.title)),
        code_words=tuple(code_words),
    )
    return text, number_key


def _plan(query: SearchQuery, text: TextMatch, number_key: str, today: date) -> _Plan:
    match = backends.current().match(text)
    conditions, params = filter_sql(query, today, number_key)
    # Records of a deactivated organ leave the index through the organ hook; this guards the gap.
    where = " AND ".join([match.where_sql, "o.is_active = %s", *conditions])
    return _Plan(
        from_sql=f"{match.from_sql} JOIN organs_organ o ON o.id = e.organ_id",
        where_sql=where,
        params=[*match.params, True, *params],
        newest_first=match.newest_first,
    )


def _count(cursor: CursorWrapper, plan: _Plan) -> int:
    capped = plan.select("1", plan.newest_first, TOTAL_CAP + 1)
    cursor.execute(f"SELECT count(*) FROM ({capped}) capped", plan.params)  # noqa: S608  (fragments, not values)
    row = cursor.fetchone()
    return int(row[0]) if row else 0


def _page_ids(
    cursor: CursorWrapper, plan: _Plan, query: SearchQuery, text: TextMatch, total: int
) -> list[tuple[str, int]]:
    offset = (query.page - 1) * query.page_size
    if query.sort == Sort.NEWEST or not text:
        cursor.execute(plan.select("e.source, e.object_id", plan.newest_first, query.page_size, offset), plan.params)
        return [(row[0], row[1]) for row in cursor.fetchall()]
    extra, extra_params = "", []
    if total > RELEVANCE_WINDOW:
        cursor.execute(plan.select("e.id", plan.newest_first, 1, RELEVANCE_WINDOW - 1), plan.params)
        cutoff = cursor.fetchone()
        if cutoff is not None:
            extra, extra_params = "e.id >= %s", [cutoff[0]]
    order, order_params = backends.current().relevance(text)
    # ORDER BY parameters come after WHERE parameters in the statement.
    cursor.execute(
        plan.select("e.source, e.object_id", order, query.page_size, offset, extra),
        [*plan.params, *extra_params, *order_params],
    )
    return [(row[0], row[1]) for row in cursor.fetchall()]


def _as_date(value: Any) -> date | None:
    # Raw cursors return ISO strings on SQLite and dates on PostgreSQL.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _facets(cursor: CursorWrapper, plan: _Plan, exact: bool, today: date, organ_labels: dict[int, str]) -> Facets:
    columns = "e.organ_id, e.published_year, e.topic_id, e.kind, e.declared_validity, e.expires_on, e.repealed_on"
    cursor.execute(plan.select(columns, plan.newest_first, TOTAL_CAP), plan.params)
    rows = cursor.fetchall()
    # Counted column by column, and 有效性 once per distinct (declared, expiry, repeal): a Python
    # loop over 10,000 rows was most of a common word's page (docs/benchmarks.md).
    organs: Counter[int] = Counter(row[0] for row in rows)
    years: Counter[int] = Counter(row[1] for row in rows)
    topics: Counter[int] = Counter(row[2] for row in rows if row[2] is not None)
    kinds: Counter[str] = Counter(row[3] for row in rows)
    validities: Counter[str] = Counter()
    for (declared, expires_on, repealed_on), count in Counter(tuple(row[4:7]) for row in rows).items():
        validity = validity_on(
            today=today, expires_on=_as_date(expires_on), repealed_on=_as_date(repealed_on), declared=Validity(declared)
        )
        validities[validity.value] += count
    topic_labels = {topic.pk: topic.path for topic in Topic.objects.filter(pk__in=topics).select_related("parent")}
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
        records.update({(name, obj.pk): (source, obj) for obj in source.public_objects().filter(pk__in=ids)})
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
                snippet_html=snippets.snippet(shown.body, phrases),
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


def _did_you_mean(query: SearchQuery, organs: Sequence[vocabulary.OrganName]) -> tuple[vocabulary.OrganSuggestion, ...]:
    found: list[vocabulary.OrganSuggestion] = []
    for word in expressions.split_words(query.text):
        found += vocabulary.suggest_organs(word, organs)
    return tuple(found)


def _count_query(query: SearchQuery, organs: Sequence[vocabulary.OrganName], today: date) -> int:
    text, number_key = _text_match(query, organs)
    with connection.cursor() as cursor:
        backends.current().prepare_read(cursor)
        return _count(cursor, _plan(query, text, number_key, today))


def _relaxations(query: SearchQuery, organs: Sequence[vocabulary.OrganName], today: date) -> tuple[Relaxation, ...]:
    found: list[Relaxation] = []
    for name in query.active_filters():
        total = _count_query(query.without(name), organs, today)
        if total:
            found.append(Relaxation(name, min(total, TOTAL_CAP), total <= TOTAL_CAP))
    return tuple(found)


def _split_suggestion(query: SearchQuery, organs: Sequence[vocabulary.OrganName], today: date) -> str:
    """An unspaced query cut into words with the government dictionary, if that finds something."""
    words = expressions.split_words(query.text)
    extra = {alias for organ in organs for alias in organ.aliases}
    split = [piece for word in words for piece in vocabulary.segment(word, extra)]
    if len(split) <= len(words) or not any(analysis.is_cjk(word) for word in words):
        return ""
    suggestion = " ".join(split)
    return suggestion if _count_query(replace(query, text=suggestion), organs, today) else ""


def search(query: SearchQuery, *, today: date | None = None) -> SearchResult:
    """Search everything public. ``today`` decides 有效性 (an expiry date passes on its own)."""
    today = today or timezone.localdate()
    organs = _organ_names()
    text, number_key = _text_match(query, organs)
    plan = _plan(query, text, number_key, today)
    # One transaction: SET LOCAL on PostgreSQL, and one snapshot for the page, the count and the facets.
    with transaction.atomic(), connection.cursor() as cursor:
        backends.current().prepare_read(cursor)
        total = _count(cursor, plan)
        exact = total <= TOTAL_CAP
        page = _page_ids(cursor, plan, query, text, total) if total else []
        organ_labels = {organ.organ_id: organ.name for organ in organs}
        facets = _facets(cursor, plan, exact, today, organ_labels) if query.with_facets and total else None
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
