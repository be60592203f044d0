"""Staff accounts and roles (账号与权限): who may do what for which organ. Every access decision goes
through accounts.permissions, which applies the pure rules in accounts.domain (role × action × organ
relation, separation of duties).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts and their roles per organ, and the one permission module that decides every
    staff action (`gongkai.accounts.permissions`). Public readers need no account."""

    name = "gongkai.accounts"
    verbose_name = _("accounts")
