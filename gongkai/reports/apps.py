from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The annual report (政府信息公开工作年度报告, 条例第四十九条、第五十条), generated from the records."""

    name = "gongkai.reports"
    verbose_name = _("annual reports")
    default_auto_field = "django.db.models.BigAutoField"
