"""The backend for the database in use: FTS5 on SQLite, bigram tsvector on PostgreSQL."""

from django.db.backends.base.base import BaseDatabaseWrapper

from gongkai.search import store
from gongkai.search.backends.base import Backend, IndexRow, MatchSql, Narrowing, TextMatch
from gongkai.search.backends.postgresql import PostgresBackend
from gongkai.search.backends.sqlite import SqliteBackend

__all__ = ["Backend", "IndexRow", "MatchSql", "Narrowing", "TextMatch", "backend_for", "by_vendor", "current"]

_BACKENDS: dict[str, Backend] = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}


def by_vendor(vendor: str) -> Backend:
    try:
        return _BACKENDS[vendor]
    except KeyError:
        raise NotImplementedError(f"search has no backend for {vendor}") from None


def backend_for(database: BaseDatabaseWrapper) -> Backend:
    return by_vendor(database.vendor)


def current() -> Backend:
    """The backend of the database that holds the index (``store``)."""
    return backend_for(store.connection())
