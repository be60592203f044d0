"""Reads for the workbench, shaped for templates that hold no logic."""

import calendar as stdlib_calendar
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.catalogs import selectors as catalog_selectors
from gongkai.core import audit
from gongkai.foi import selectors as foi_selectors
from gongkai.foi.domain import State
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.domain import PUBLICATION_PERIOD_WORKDAYS
from gongkai.reports import selectors as report_selectors
from gongkai.workbench.urgency import Urgency, classify
from gongkai.workdays import selectors as workday_selectors
from gongkai.workdays.domain import WorkdayCalendar
from gongkai.workdays.labels import AUDIT_ACTION_LABELS
from gongkai.workdays.models import CalendarArrangement

URGENCY_LABELS = {
    Urgency.OVERDUE: gettext_lazy("Overdue"),
    Urgency.RED: gettext_lazy("Urgent"),
    Urgency.AMBER: gettext_lazy("Due soon"),
    Urgency.GREEN: gettext_lazy("On time"),
}


@dataclass(frozen=True)
class DueItem:
    url: str
    label: str
    organ_name: str
    due_on: date
    workdays_left: int
    urgency: Urgency
    urgency_label: str
    countdown: str
    provisional: bool


@dataclass(frozen=True)
class CalendarDay:
    day: date
    kind: str
    label: str
    festival: str


def countdown_text(workdays_left: int) -> str:
    if workdays_left < 0:
        overdue = -workdays_left
        return ngettext("%(count)s working day overdue", "%(count)s working days overdue", overdue) % {"count": overdue}
    if workdays_left == 0:
        return _("Due today")
    return ngettext("%(count)s working day left", "%(count)s working days left", workdays_left) % {
        "count": workdays_left
    }


def due_items(user: User, today: date) -> list[DueItem]:
    """Open statutory deadlines of the organs the user may see, the most urgent first.

    Two sources: deadlines other areas track (applications, later), and proactive items not yet
    published, which 条例第二十六条 gives 20 working days from the day they were formed.
    """
    visible = [organ.pk for organ in permissions.organs_for(user, Action.VIEW_RECORDS)]
    calendar = workday_selectors.current_calendar()
    items = []

    def add(url: str, label: str, organ: Organ, due_on: date, provisional: bool) -> None:
        left = calendar.workdays_between(today, due_on)
        urgency = classify(left)
        items.append(
            DueItem(
                url=url,
                label=label,
                organ_name=organ.short_name or organ.name,
                due_on=due_on,
                workdays_left=left,
                urgency=urgency,
                urgency_label=str(URGENCY_LABELS[urgency]),
                countdown=countdown_text(left),
                provisional=provisional,
            )
        )

    for deadline in workday_selectors.open_deadlines().filter(organ_id__in=visible):
        add("", deadline.label, deadline.organ, deadline.due_on, deadline.provisional)
    handling = {organ.pk for organ in permissions.organs_for(user, Action.HANDLE_APPLICATIONS)}
    approving = {organ.pk for organ in permissions.organs_for(user, Action.APPROVE)}
    for application in foi_selectors.open_with_deadline(list(handling | approving)):
        if application.due_on is None:  # the selector excludes these; the check narrows the type
            continue
        if application.organ_id in handling:
            template = _("Reply to %(number)s: %(request)s")
        elif application.state == State.DECISION_DRAFTED:
            template = _("Approve the reply to %(number)s: %(request)s")
        else:
            continue
        label = template % {"number": application.tracking_number, "request": application.description[:40]}
        link = reverse("workbench:application_detail", args=[application.pk])
        add(link, label, application.organ, application.due_on, application.due_provisional)
    for item in policy_selectors.awaiting_publication(visible):
        due = calendar.deadline(item.formed_on, PUBLICATION_PERIOD_WORKDAYS)
        label = _("Publish: %(title)s") % {"title": item.title}
        add(reverse("workbench:item_detail", args=[item.pk]), label, item.organ, due.due, due.provisional)
    managing = permissions.organs_for(user, Action.MANAGE_PUBLICATIONS)
    for check in catalog_selectors.rectifications_due([organ.pk for organ in managing]):
        if check.rectify_by is None:  # the selector excludes these; the check narrows the type
            continue
        label = _("Rectify the findings of notice %(number)s") % {"number": check.notice_number}
        add(reverse("workbench:catalog_check", args=[check.pk]), label, check.organ, check.rectify_by, False)
    for organ in managing:
        report_due = report_selectors.next_report_due(organ, today)
        if report_due is not None:
            label = _("Publish the annual report on %(year)s") % {"year": report_due[0]}
            add(reverse("workbench:report_list"), label, organ, report_due[1], False)
        departments = report_selectors.departments_due(organ, today)
        if departments is not None:
            label = ngettext(
                "%(count)d department has not published its annual report on %(year)s",
                "%(count)d departments have not published their annual reports on %(year)s",
                departments.unpublished,
            ) % {"count": departments.unpublished, "year": departments.year}
            add(reverse("workbench:report_list"), label, organ, departments.due_on, False)
    return sorted(items, key=lambda entry: (entry.due_on, entry.label))


def pending_confirmations(user: User) -> list[CalendarArrangement]:
    """Arrangements awaiting a second administrator; shown only to those who may confirm."""
    if not permissions.can(user, Action.CONFIRM_CALENDAR):
        return []
    return list(workday_selectors.pending_arrangements())


DAY_KINDS = {
    "WORKDAY": ("workday", gettext_lazy("Working day")),
    "WEEKEND": ("rest", gettext_lazy("Rest day")),
    "HOLIDAY": ("holiday", gettext_lazy("Public holiday")),
    "MAKEUP_WORKDAY": ("makeup", gettext_lazy("Make-up working day")),
    "ASSUMED_WORKDAY": ("workday provisional", gettext_lazy("Working day (provisional)")),
    "ASSUMED_WEEKEND": ("rest provisional", gettext_lazy("Rest day (provisional)")),
    "ASSUMED_NEW_YEAR": ("holiday provisional", gettext_lazy("Public holiday (provisional)")),
}


def month_grid(calendar: WorkdayCalendar, year: int, month: int) -> list[list[CalendarDay | None]]:
    """Weeks of one month, Monday first, each day marked as the calendar counts it."""
    weeks: list[list[CalendarDay | None]] = []
    for week in stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        row: list[CalendarDay | None] = []
        for day in week:
            if day.month != month:
                row.append(None)
                continue
            verdict = calendar.verdict(day)
            kind, label = DAY_KINDS[verdict.reason.value]
            row.append(CalendarDay(day, kind, str(label), verdict.festival))
        weeks.append(row)
    return weeks


@dataclass(frozen=True)
class TrailRow:
    occurred_at: object
    actor: str
    action: str
    reason: str


def trail_rows(target: CalendarArrangement) -> list[TrailRow]:
    return [
        TrailRow(
            entry.occurred_at,
            entry.actor_label,
            str(AUDIT_ACTION_LABELS.get(entry.action, entry.action)),
            entry.reason,
        )
        for entry in audit.trail_for(target)
    ]
