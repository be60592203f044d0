"""The metadata filters as portable SQL over the alias ``e`` (search_entry): the same on every backend."""

from datetime import date
from typing import Any

from gongkai.policies.domain import Validity
from gongkai.search.backends.base import placeholders
from gongkai.search.query import SearchQuery


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
    if document_number_key:
        add("e.document_number_key = %s", document_number_key)
    return conditions, params
