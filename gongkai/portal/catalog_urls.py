"""标准目录 under 政府信息公开 (/xxgk/bzml/): catalogs by domain and level, and each organ's adopted rows."""

from django.urls import path

from gongkai.portal import catalog_views

app_name = "catalog_portal"
urlpatterns = [
    path("", catalog_views.catalog_index, name="index"),
    path("<int:pk>/", catalog_views.catalog_page, name="catalog"),
    path("jg/<slug:slug>/", catalog_views.organ_page, name="organ"),
]
