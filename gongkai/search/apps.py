"""Search by element (按要素搜索): Chinese full-text search with facets over everything the public
may see. Text is analysed in the application (overlapping CJK bigrams, one analyser for every
backend); the index is an FTS5 table on SQLite and a bigram tsvector on PostgreSQL, kept in step
with publication inside the same transaction, or beside PostgreSQL an FTS5 file of its own fed by
an outbox; every hit is read back through the source's public selector.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "gongkai.search"
    verbose_name = _("search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.search import checks, signals  # noqa: F401  (registers the check, connects the organ hook)
