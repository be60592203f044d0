from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts and their roles per organ, and the one permission module that decides every
    staff action (`gongkai.accounts.permissions`). Public readers need no account."""

    name = "gongkai.accounts"
    verbose_name = _("accounts")
