"""The statutory working-day calendar (法定工作日历): official holiday arrangements per year, confirmed by
two administrators, and every deadline counted in working days with its day-by-day proof.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    """The statutory working-day calendar (法定工作日历): each year's official holiday arrangement,
    entered and confirmed by two administrators, and the deadlines computed on it with a
    day-by-day proof. Only `gongkai.workdays.domain` counts working days."""

    name = "gongkai.workdays"
    verbose_name = _("working-day calendar")
