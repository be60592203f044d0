from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.foi.notify import send_due_reminders


class Command(BaseCommand):
    help = "Send the reminders and escalations that are due; run it daily from cron or a systemd timer."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders(timezone.localdate())
        self.stdout.write(_("%(count)s reminders sent.") % {"count": count})
