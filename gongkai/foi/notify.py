"""Send the due reminders by email and remember them; run by a command (cron) or the task worker."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.foi import reminders
from gongkai.foi.domain import CLOCK_RUNS
from gongkai.foi.models import Application, ReminderSent
from gongkai.workdays import selectors as workday_selectors


def _thresholds() -> tuple[int, ...]:
    """Configurable (GONGKAI_REMINDER_THRESHOLDS): offices differ in how early they want to hear."""
    return tuple(getattr(settings, "GONGKAI_REMINDER_THRESHOLDS", reminders.DEFAULT_THRESHOLDS))


def _recipients(application: Application, escalate: bool) -> list[str]:
    role = Role.APPROVER if escalate else Role.OPENNESS_OFFICE
    if not escalate and application.handler is not None:
        people = [application.handler]
    else:
        people = list(
            User.objects.filter(memberships__organ=application.organ, memberships__role=role, is_active=True).distinct()
        )
    return sorted({person.email for person in people if person.email})


def send_due_reminders(today: date) -> int:
    calendar = workday_selectors.current_calendar()
    applications = {
        application.pk: application
        for application in Application.objects.filter(state__in=CLOCK_RUNS, due_on__isnull=False).select_related(
            "organ", "handler"
        )
    }
    sent: dict[int, set[int]] = {}
    for application_id, threshold in ReminderSent.objects.filter(application_id__in=applications).values_list(
        "application_id", "threshold"
    ):
        sent.setdefault(application_id, set()).add(threshold)
    cases = [
        reminders.OpenCase(pk, calendar.workdays_between(today, app.due_on), frozenset(sent.get(pk, ())))
        for pk, app in applications.items()
        if app.due_on is not None
    ]
    count = 0
    for reminder in reminders.due_reminders(cases, _thresholds()):
        application = applications[reminder.application_id]
        with transaction.atomic():
            created = ReminderSent.objects.get_or_create(application=application, threshold=reminder.threshold)[1]
            if not created:
                continue
            subject = (
                _("Overdue: application %(number)s was due on %(due)s")
                if reminder.escalate
                else _("Reminder: application %(number)s is due on %(due)s")
            ) % {"number": application.tracking_number, "due": application.due_on}
            body = _(
                "%(organ)s, application %(number)s: the reply is due on %(due)s (working days left: %(left)s)."
            ) % {
                "organ": application.organ.name,
                "number": application.tracking_number,
                "due": application.due_on,
                "left": max(reminder.threshold, 0) if not reminder.escalate else 0,
            }
            recipients = _recipients(application, reminder.escalate)
            if recipients:
                send_mail(subject, body, None, recipients)
            count += 1
    return count
