"""Columns and topics (专栏、专题, plan items 1–3): an editable tree on the portal to which
information items and interpretations are assigned."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ColumnsConfig(AppConfig):
    name = "gongkai.columns"
    verbose_name = _("columns and topics")
    default_auto_field = "django.db.models.BigAutoField"
