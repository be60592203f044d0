"""The metadata filters as portable SQL over the alias ``e`` (search_entry): the same on every backend."""

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.db.models import QuerySet

from gongkai.policies.domain import Validity
from gongkai.search import analysis, documents, sources, store
from gongkai.search.backends.base import Narrowing, placeholders
from gongkai.search.query import SearchQuery

MAX_TARGET_WORDS = 5


def _repealed(today: date) -> tuple[str, list[Any]]:
    return "(e.declared_validity = %s OR (e.repealed_on IS NOT NULL AND e.repealed_on <= %s))", [
        Validity.REPEALED.value,
        today,
    ]


def validity_sql(validity: str, today: date) -> tuple[str, list[Any]]:
    """The SQL form of policies.domain.validity_on (a repeal wins; an expiry date passes on its own)."""
    repealed, repealed_params = _repealed(today)
    lapsed = "(e.declared_validity = %s OR (e.expires_on IS NOT NULL AND e.expires_on < %s))"
    if validity == Validity.REPEALED:
        return repealed, repealed_params
    if validity == Validity.EXPIRED:
        return f"(NOT {repealed} AND {lapsed})", [*repealed_params, Validity.EXPIRED.value, today]
    return f"(NOT {repealed} AND NOT {lapsed} AND e.declared_validity = %s)", [
        *repealed_params,
        Validity.EXPIRED.value,
        today,
        Validity(validity).value,
    ]


def target_group_words(text: str) -> list[str]:
    """The words of a target-group filter: 小微企业、高校毕业生 and 小微企业 高校毕业生 are two words."""
    return analysis.runs(analysis.normalize(text))[:MAX_TARGET_WORDS]


def _records_of_sources(matches: Callable[[sources.IndexableSource], QuerySet[Any] | None]) -> tuple[str, list[Any]]:
    """Entries whose record is among what each source's hook returns, asked of its public selector.

    The facts stay in the source's own tables: the filter is a subquery on the record ids, so the
    index needs no column of its own and cannot drift from what the record says. An index file
    (``store``) cannot reach those tables: the ids are read first and passed as one JSON array.
    """
    parts: list[str] = []
    params: list[Any] = []
    for source in sources.all_sources():
        found = matches(source)
        if found is None:
            continue
        records = found.order_by().values("pk")
        if store.sidecar():
            parts.append("(e.source = %s AND e.object_id IN (SELECT value FROM json_each(%s)))")
            params += [source.name, json.dumps([row["pk"] for row in records])]
            continue
        sub_sql, sub_params = records.query.sql_with_params()
        parts.append(f"(e.source = %s AND e.object_id IN ({sub_sql}))")
        params += [source.name, *sub_params]
    if not parts:
        return "1 = 0", []
    return f"({' OR '.join(parts)})", params


def target_group_sql(words: list[str]) -> tuple[str, list[Any]]:
    """Entries whose record names every word among its target groups."""
    return _records_of_sources(
        lambda source: source.target_group_matches(words) if source.target_group_matches else None
    )


def column_sql(column_ids: Sequence[int]) -> tuple[str, list[Any]]:
    """Entries whose record is in one of the columns or their sub-columns."""
    return _records_of_sources(lambda source: source.column_matches(column_ids) if source.column_matches else None)


def filter_sql(query: SearchQuery, today: date, document_number_key: str = "") -> tuple[list[str], list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        conditions.append(sql)
        params.extend(values)

    if query.sources:
        add(f"e.source IN ({placeholders(query.sources)})", *query.sources)
    if query.organ_ids:
        add(f"e.organ_id IN ({placeholders(query.organ_ids)})", *query.organ_ids)
    if query.topic_ids:
        marks = placeholders(query.topic_ids)
        add(f"(e.topic_id IN ({marks}) OR e.topic_parent_id IN ({marks}))", *query.topic_ids, *query.topic_ids)
    if query.kinds:
        add(f"e.kind IN ({placeholders(query.kinds)})", *query.kinds)
    if query.years:
        add(f"e.published_year IN ({placeholders(query.years)})", *query.years)
    for column, bound, operator in (
        ("written_on", query.written_from, ">="),
        ("written_on", query.written_to, "<="),
        ("published_on", query.published_from, ">="),
        ("published_on", query.published_to, "<="),
    ):
        if bound is not None:
            add(f"e.{column} {operator} %s", bound)
    if query.validity:
        sql, values = validity_sql(query.validity, today)
        add(sql, *values)
    if query.target_group and (words := target_group_words(query.target_group)):
        sql, values = target_group_sql(words)
        add(sql, *values)
    if query.column_ids:
        sql, values = column_sql(query.column_ids)
        add(sql, *values)
    if document_number_key:
        add("e.document_number_key = %s", document_number_key)
    return conditions, params


def narrowing(query: SearchQuery) -> Narrowing:
    """The filters an index can apply before reading any row (see backends.Narrowing)."""
    groups: list[tuple[str, ...]] = []
    if query.sources:
        codes = [sources.code_of(name) for name in query.sources if name in sources.names()]
        groups.append(tuple(documents.source_token(code) for code in codes) or ("s0",))
    if query.organ_ids:
        groups.append(tuple(documents.organ_token(organ_id) for organ_id in query.organ_ids))
    if query.topic_ids:
        groups.append(tuple(documents.topic_token(topic_id) for topic_id in query.topic_ids))
    if query.kinds:
        groups.append(tuple(documents.kind_token(kind) for kind in query.kinds))
    if query.years:
        groups.append(tuple(documents.year_token(year) for year in query.years))
    low, high = documents.day_range_keys(query.published_from, query.published_to)
    return Narrowing(token_groups=tuple(groups), low_key=low, high_key=high)
