"""The API root: one NinjaAPI, each area adds its router here."""

from ninja import NinjaAPI

from gongkai.api import calendar

api = NinjaAPI(
    title="Gongkai 政务公开平台 API",
    version="1",
    description="Open data and integration API of the government-affairs openness platform.",
    urls_namespace="api",
)
api.add_router("/calendar/", calendar.router)
