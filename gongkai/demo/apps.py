"""Demo data (演示数据): the fictional organs, accounts and calendar of 忻州市 that ./dev run loads,
idempotently, through the other areas' services.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data for a working platform out of the box: Xinzhou's organs, staff with every role and
    the working-day calendar. Loaded idempotently by `manage.py load_demo_data`, through the same
    services staff use, so the demo's audit trail is real."""

    name = "gongkai.demo"
    verbose_name = _("demo data")
