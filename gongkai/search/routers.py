"""Sends the index's tables to the index file when there is one (``store``)."""

from typing import Any

from django.db.models import Model

from gongkai.search import store


class IndexRouter:
    def _route(self, model: type[Model]) -> str | None:
        return store.INDEX_ALIAS if model._meta.label_lower in store.INDEX_MODELS and store.sidecar() else None

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        return self._route(model)

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        return self._route(model)

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # An entry names its organ and topic by id across the two databases (no constraint).
        return True if {obj1._meta.app_label, obj2._meta.app_label} & {"search"} else None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        if db != store.INDEX_ALIAS:
            # The main database keeps the search app's tables even beside a file: empty there, they
            # let a deployment move between the two layouts with a rebuild and nothing else.
            return None
        # Data migrations (no model name) of the search app run on the file too: they rewrite the index.
        return app_label == "search" and (model_name is None or f"search.{model_name}" in store.INDEX_MODELS)
