"""The backend for the database in use: FTS5 on SQLite, bigram tsvector on PostgreSQL."""

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

from gongkai.search.backends.base import Backend, MatchSql, TextMatch
from gongkai.search.backends.postgresql import PostgresBackend
from gongkai.search.backends.sqlite import SqliteBackend

__all__ = ["Backend", "MatchSql", "TextMatch", "backend_for", "current"]

_BACKENDS: dict[str, Backend] = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}


def backend_for(database: BaseDatabaseWrapper) -> Backend:
    try:
        return _BACKENDS[database.vendor]
    except KeyError:
        raise NotImplementedError(f"search has no backend for {database.vendor}") from None


def current() -> Backend:
    return backend_for(connection)
