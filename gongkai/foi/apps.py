"""Information applications (依申请公开): intake on every channel, the statutory clock on the
working-day calendar, decisions in the annual report's taxonomy, replies, fees and remedies.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoiConfig(AppConfig):
    name = "gongkai.foi"
    verbose_name = _("information applications")
    default_auto_field = "django.db.models.BigAutoField"
