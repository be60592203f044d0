from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.workbench import application_views, import_views, item_views, ledger_views, topic_views, views

app_name = "workbench"
urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="workbench/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("organ/", views.switch_organ, name="switch_organ"),
    path("items/", item_views.item_list, name="item_list"),
    path("items/new/", item_views.item_new, name="item_new"),
    path("items/<int:pk>/", item_views.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", item_views.item_edit, name="item_edit"),
    path("items/<int:pk>/privacy/<int:finding_pk>/", item_views.privacy_resolve, name="privacy_resolve"),
    path("items/<int:pk>/attachments/", item_views.attachment_add, name="attachment_add"),
    path(
        "items/<int:pk>/attachments/<int:attachment_pk>/remove/",
        item_views.attachment_remove,
        name="attachment_remove",
    ),
    path("items/<int:pk>/<str:transition>/", item_views.item_transition, name="item_transition"),
    path("applications/", application_views.application_list, name="application_list"),
    path("applications/new/", application_views.application_register, name="application_register"),
    path("applications/<int:pk>/", application_views.application_detail, name="application_detail"),
    path("applications/<int:pk>/extend/", application_views.application_extend, name="application_extend"),
    path("applications/<int:pk>/assign/", application_views.application_assign, name="application_assign"),
    path("applications/<int:pk>/items/", application_views.application_add_item, name="application_add_item"),
    path(
        "applications/<int:pk>/items/<int:item_pk>/result/",
        application_views.application_result,
        name="application_result",
    ),
    path("applications/<int:pk>/<str:move>/", application_views.application_step, name="application_step"),
    path("imports/", import_views.import_list, name="import_list"),
    path("imports/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("imports/<int:pk>/errors.xlsx", import_views.import_errors, name="import_errors"),
    path("topics/", topic_views.topic_tree, name="topics"),
    path("topics/add/", topic_views.topic_add, name="topic_add"),
    path("topics/<int:pk>/rename/", topic_views.topic_rename, name="topic_rename"),
    path("ledger/", ledger_views.ledger_page, name="ledger"),
    path("re-review/", ledger_views.re_review_queue, name="re_review"),
    path("re-review/<int:pk>/", ledger_views.re_review_decide, name="re_review_decide"),
    path("calendar/", views.calendar_list, name="calendar_list"),
    path("calendar/new/", views.calendar_propose, name="calendar_propose"),
    path("calendar/<int:pk>/", views.calendar_detail, name="calendar_detail"),
    path("calendar/<int:pk>/confirm/", views.calendar_confirm, name="calendar_confirm"),
    path("calendar/<int:pk>/reject/", views.calendar_reject, name="calendar_reject"),
]
