"""Policy interpretation (政策解读, plan items 11–12): interpretations linked to the policies they
explain, released through the same review and release flow as any information item."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterpretationsConfig(AppConfig):
    name = "gongkai.interpretations"
    verbose_name = _("policy interpretations")
    default_auto_field = "django.db.models.BigAutoField"
