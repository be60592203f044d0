"""Where the index lives: in the main database, or in a local SQLite file beside PostgreSQL.

By default the index tables sit in the main database and change in the publishing transaction
itself. A PostgreSQL deployment above ~10k public records sets ``GONGKAI_SEARCH_INDEX`` to a local
file path: the settings then add the database alias ``search`` (SQLite, FTS5), the router sends the
index's tables there, and publication writes an outbox row in PostgreSQL instead (``outbox``),
which each host applies to its own file. The native PostgreSQL index cannot keep a common word's
page under a second past that size (docs/benchmarks.md); the file gives PostgreSQL deployments the
embedded default's figures.
"""

from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

INDEX_ALIAS = "search"
# The index's own tables; everything else, the outbox included, stays in the main database.
INDEX_MODELS = frozenset({"search.searchentry", "search.searchtext", "search.indexhorizon"})


def sidecar() -> bool:
    """Whether the index is a file of its own, fed through the outbox."""
    return INDEX_ALIAS in settings.DATABASES


def alias() -> str:
    return INDEX_ALIAS if sidecar() else DEFAULT_DB_ALIAS


def connection() -> BaseDatabaseWrapper:
    return connections[alias()]


def atomic() -> Any:
    """A transaction on the index's database."""
    return transaction.atomic(using=alias())
