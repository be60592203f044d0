"""Deployment check: an index file is for PostgreSQL deployments (``store``)."""

from typing import Any

from django.core import checks
from django.db import DEFAULT_DB_ALIAS, connections

from gongkai.search import store


@checks.register()
def index_file_beside_postgresql(**kwargs: Any) -> list[checks.CheckMessage]:
    if store.sidecar() and connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
        return [
            checks.Error(
                "GONGKAI_SEARCH_INDEX is set but the main database is not PostgreSQL.",
                hint="On SQLite the index already lives in the main database: unset GONGKAI_SEARCH_INDEX.",
                id="search.E001",
            )
        ]
    return []
