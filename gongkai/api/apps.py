"""The JSON API (数据接口) at /api/v1/, with its generated OpenAPI document. It owns no rules: every
endpoint calls another area's selectors and services.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The JSON API under /api/v1/ with its generated OpenAPI document. It owns no rules: each
    endpoint calls the selectors and services of the area it serves."""

    name = "gongkai.api"
    verbose_name = _("API")
