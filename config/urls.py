"""URL map: the public portal at the root, the staff workbench under /workbench/, the API under /api/v1/."""

from django.urls import include, path

from gongkai.api.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("workbench/", include("gongkai.workbench.urls")),
    path("xxgk/bzml/", include("gongkai.portal.catalog_urls")),
    path("", include("gongkai.portal.urls")),
]
