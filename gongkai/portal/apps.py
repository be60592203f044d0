from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public portal (门户网站): the 政府信息公开 column with its four standard sub-columns, the
    guide generated from organ data, and public tools. Works without JavaScript; owns no rules."""

    name = "gongkai.portal"
    verbose_name = _("public portal")
