"""Background jobs of the applications area, for the task worker (manage.py db_worker)."""

from django.utils import timezone
from django_tasks import task

from gongkai.foi.notify import send_due_reminders


@task()
def send_reminders() -> int:
    return send_due_reminders(timezone.localdate())
