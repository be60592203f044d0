from django.urls import path

from gongkai.portal import column_views, search_views, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("xxgk/", views.openness, name="openness"),
    path("xxgk/zhinan/", views.guide, name="guide"),
    path("xxgk/zhinan/<slug:slug>/", views.guide_organ, name="guide_organ"),
    path("xxgk/zhidu/", views.rules, name="rules"),
    path("xxgk/fdzdgknr/", views.statutory, name="statutory"),
    path("xxgk/fdzdgknr/<int:pk>/", views.information_item, name="item"),
    path("xxgk/fdzdgknr/<int:pk>/seal/", views.verify_seal, name="verify_seal"),
    path(
        "xxgk/fdzdgknr/<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path("xxgk/ndbg/", views.annual_reports, name="annual_reports"),
    path("xxgk/ndbg/<slug:slug>/<int:year>/", views.annual_report, name="annual_report"),
    path("xxgk/ndbg/<slug:slug>/<int:year>.<str:fmt>", views.annual_report_file, name="annual_report_file"),
    path("zhuanlan/", column_views.column_index, name="columns"),
    path("zhuanlan/<slug:slug>/", column_views.column_page, name="column"),
    path("tools/deadline/", views.deadline, name="deadline"),
    path("ysqgk/", views.apply, name="apply"),
    path("ysqgk/status/", views.application_status, name="application_status"),
    path("ysqgk/letters/", views.application_letter, name="application_letter"),
    path("display/", views.display_preferences, name="display"),
    path("search/", search_views.search, name="search"),
]
