"""Shared foundations (基础): the base model and the append-only, hash-chained audit trail (审计日志) that
every service writes through core.audit.record.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared foundations: the base model and the append-only, hash-chained audit trail (审计日志)
    that every service writes through `gongkai.core.audit.record`."""

    name = "gongkai.core"
    verbose_name = _("core")
