"""Reads of information applications. Applicants' personal data stay with the handling organ."""

from datetime import date

from django.db.models import F, QuerySet

from gongkai.foi.domain import OPEN_STATES
from gongkai.foi.models import Application, Letter
from gongkai.workdays import selectors as workday_selectors


def open_with_deadline(organ_ids: list[int]) -> QuerySet[Application]:
    """Open applications whose clock has started, soonest due first: the workbench's queue."""
    return (
        Application.objects.filter(organ_id__in=organ_ids, state__in=OPEN_STATES, due_on__isnull=False)
        .select_related("organ")
        .order_by("due_on", "id")
    )


def queue(organ_ids: list[int], today: date) -> list[tuple[Application, int | None]]:
    """Open applications with the working days left (None while the clock has not started)."""
    calendar = workday_selectors.current_calendar()
    applications = (
        Application.objects.filter(organ_id__in=organ_ids, state__in=OPEN_STATES)
        .select_related("organ", "handler")
        .order_by(F("due_on").asc(nulls_first=True), "id")
    )
    return [
        (application, calendar.workdays_between(today, application.due_on) if application.due_on else None)
        for application in applications
    ]


def applicant_letters(application: Application) -> QuerySet[Letter]:
    """The issued letters addressed to the applicant; a consultation letter goes to the third party only."""
    return (
        application.letters.filter(state=Letter.State.ISSUED).exclude(kind="CONSULTATION").order_by("issued_on", "id")
    )
