from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbenchConfig(AppConfig):
    """The staff workbench (工作台): login, organ switcher, the "due first" home that lists what is
    due soonest in working days, and the calendar administration pages."""

    name = "gongkai.workbench"
    verbose_name = _("workbench")
