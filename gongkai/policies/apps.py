"""Government information and its release (政策文件与发布): items with the standard metadata, their
disclosure attribute (公开属性) checked by the rules and kept in the ledger, the review-and-release
workflow sealed with the organ's 政府信息公开专用章, and the one selector that decides what the
public may see.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "gongkai.policies"
    verbose_name = _("government information")
    default_auto_field = "django.db.models.BigAutoField"
