"""The API root: one NinjaAPI, each area adds its router here."""

from typing import Any

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from gongkai.api import applications, calendar, catalogs, documents, hotline, interpretations, reports, search


class ReadableJSONRenderer(JSONRenderer):
    """Chinese text as UTF-8 characters, not \\u escapes: readable in a browser and a third smaller."""

    json_dumps_params: dict[str, Any] = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=ReadableJSONRenderer(),
    title="Gongkai 政务公开平台 API",
    version="1",
    description="Open data and integration API of the government-affairs openness platform.",
    urls_namespace="api",
)
api.add_router("/calendar/", calendar.router)
api.add_router("/documents", documents.router)
api.add_router("/applications", applications.router)
api.add_router("/hotline", hotline.router)
api.add_router("/search", search.router)
api.add_router("/annual-reports", reports.router)
api.add_router("/interpretations", interpretations.router)
api.add_router("/catalogs", catalogs.router)
