from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.workbench import views

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
    path("calendar/", views.calendar_list, name="calendar_list"),
    path("calendar/new/", views.calendar_propose, name="calendar_propose"),
    path("calendar/<int:pk>/", views.calendar_detail, name="calendar_detail"),
    path("calendar/<int:pk>/confirm/", views.calendar_confirm, name="calendar_confirm"),
    path("calendar/<int:pk>/reject/", views.calendar_reject, name="calendar_reject"),
]
