"""Every write to the calendar: entering, confirming and rejecting arrangements, and tracking deadlines."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.organs.models import Organ
from gongkai.workdays import notice_format, package_seed, selectors
from gongkai.workdays.domain import Deadline
from gongkai.workdays.models import ArrangementSource, ArrangementStatus, CalendarArrangement, TrackedDeadline

NOTICE_ERRORS = {
    "no_date": gettext_lazy("no date found"),
    "no_festival": gettext_lazy("the line must start with the festival name"),
    "invalid_date": gettext_lazy("a date does not exist"),
    "range_backwards": gettext_lazy("a range ends before it starts"),
    "wrong_year": gettext_lazy("a date is outside the year of this arrangement"),
    "extra_text": gettext_lazy(
        "after the festival name write only full dates and ranges, such as 2027-10-01~2027-10-07"
    ),
}


def _iso_map(days: dict[date, str]) -> dict[str, str]:
    return {day.isoformat(): name for day, name in sorted(days.items())}


@transaction.atomic
def seed_from_package(*, first_year: int = 2004) -> list[CalendarArrangement]:
    """Create confirmed arrangements for every year chinese-calendar covers and the table lacks."""
    present = set(CalendarArrangement.objects.values_list("year", flat=True))
    created = []
    for year, seed in package_seed.package_arrangements(first_year).items():
        if year in present:
            continue
        arrangement = CalendarArrangement.objects.create(
            year=year,
            holidays=_iso_map(dict(seed.holidays)),
            makeup_workdays=_iso_map(dict(seed.makeup_workdays)),
            source=ArrangementSource.PACKAGE,
            notice_reference=f"chinese-calendar {package_seed.PACKAGE_VERSION}",
            status=ArrangementStatus.CONFIRMED,
            confirmed_at=timezone.now(),
            version=selectors.calendar_version() + 1,
        )
        audit.record(actor=None, action="workdays.arrangement_seeded", target=arrangement, after=arrangement.snapshot())
        created.append(arrangement)
    return created


@transaction.atomic
def propose_arrangement(
    *, year: int, holidays_text: str, makeup_text: str, notice_reference: str, acting_user: User
) -> CalendarArrangement:
    """Enter a year's arrangement from the notice; it counts only after a second administrator confirms."""
    permissions.require(acting_user, Action.MANAGE_CALENDAR)
    errors: dict[str, str] = {}
    parsed: dict[str, dict[date, str]] = {}
    for field, text in (("holidays_text", holidays_text), ("makeup_text", makeup_text)):
        try:
            parsed[field] = notice_format.parse_days(text, year=year)
        except notice_format.NoticeFormatError as error:
            errors[field] = _("Line %(line)s: %(problem)s.") % {
                "line": error.line_number,
                "problem": NOTICE_ERRORS[error.message],
            }
    if errors:
        raise ValidationError(errors)
    holidays, makeup = parsed["holidays_text"], parsed["makeup_text"]
    if not holidays:
        raise ValidationError({"holidays_text": _("Enter at least one holiday.")})
    if clash := sorted(set(holidays) & set(makeup)):
        raise ValidationError(
            {"makeup_text": _("%(day)s is listed both as a holiday and as a make-up working day.") % {"day": clash[0]}}
        )
    if weekdays := sorted(day for day in makeup if day.weekday() < 5):
        raise ValidationError(
            {
                "makeup_text": _("%(day)s is a weekday; make-up working days fall on Saturdays or Sundays.")
                % {"day": weekdays[0]}
            }
        )
    arrangement = CalendarArrangement.objects.create(
        year=year,
        holidays=_iso_map(holidays),
        makeup_workdays=_iso_map(makeup),
        source=ArrangementSource.NOTICE,
        notice_reference=notice_reference.strip(),
        status=ArrangementStatus.PROPOSED,
        entered_by=acting_user,
    )
    audit.record(
        actor=acting_user, action="workdays.arrangement_proposed", target=arrangement, after=arrangement.snapshot()
    )
    return arrangement


@transaction.atomic
def confirm_arrangement(*, arrangement: CalendarArrangement, acting_user: User) -> CalendarArrangement:
    """A second administrator confirms: the arrangement takes effect and open deadlines are recomputed."""
    arrangement = CalendarArrangement.objects.select_for_update().get(pk=arrangement.pk)
    permissions.require(acting_user, Action.CONFIRM_CALENDAR, originator=arrangement.entered_by)
    if arrangement.status != ArrangementStatus.PROPOSED:
        raise ValidationError(_("Only an arrangement awaiting confirmation can be confirmed."))
    previous = CalendarArrangement.objects.filter(year=arrangement.year, status=ArrangementStatus.CONFIRMED).first()
    if previous is not None:
        previous.status = ArrangementStatus.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
    arrangement.status = ArrangementStatus.CONFIRMED
    arrangement.confirmed_by = acting_user
    arrangement.confirmed_at = timezone.now()
    arrangement.version = selectors.calendar_version() + 1
    arrangement.save(update_fields=["status", "confirmed_by", "confirmed_at", "version", "updated_at"])
    audit.record(
        actor=acting_user,
        action="workdays.arrangement_confirmed",
        target=arrangement,
        before=previous.snapshot() if previous else None,
        after=arrangement.snapshot(),
    )
    recompute_open_deadlines(
        acting_user=acting_user,
        reason=_("The %(year)s holiday arrangement was confirmed (calendar version %(version)s).")
        % {"year": arrangement.year, "version": arrangement.version},
    )
    return arrangement


@transaction.atomic
def reject_arrangement(*, arrangement: CalendarArrangement, acting_user: User, reason: str) -> CalendarArrangement:
    # Read the status under the lock, as confirming does: a stale copy must not undo a confirmation.
    arrangement = CalendarArrangement.objects.select_for_update().get(pk=arrangement.pk)
    permissions.require(acting_user, Action.CONFIRM_CALENDAR, originator=arrangement.entered_by)
    if arrangement.status != ArrangementStatus.PROPOSED:
        raise ValidationError(_("Only an arrangement awaiting confirmation can be rejected."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for rejecting.")})
    arrangement.status = ArrangementStatus.REJECTED
    arrangement.save(update_fields=["status", "updated_at"])
    audit.record(actor=acting_user, action="workdays.arrangement_rejected", target=arrangement, reason=reason)
    return arrangement


def compute_deadline(start: date, workdays: int) -> Deadline:
    return selectors.current_calendar().deadline(start, workdays)


@transaction.atomic
def track_deadline(
    *,
    target: models.Model,
    organ: Organ,
    purpose: str,
    label: str,
    start_on: date,
    workdays: int,
    acting_user: User | None,
) -> TrackedDeadline:
    """Compute a deadline on the current calendar and keep it, so later calendar changes move it."""
    deadline = compute_deadline(start_on, workdays)
    tracked = TrackedDeadline.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        organ=organ,
        purpose=purpose,
        label=label,
        start_on=start_on,
        workdays=workdays,
        due_on=deadline.due,
        provisional=deadline.provisional,
        calendar_version=deadline.calendar_version,
    )
    audit.record(
        actor=acting_user,
        action="workdays.deadline_set",
        target=tracked,
        organ=organ,
        after={
            "due_on": deadline.due,
            "provisional": deadline.provisional,
            "calendar_version": deadline.calendar_version,
        },
    )
    return tracked


@transaction.atomic
def close_deadline(*, deadline: TrackedDeadline, acting_user: User | None, reason: str) -> TrackedDeadline:
    deadline.is_open = False
    deadline.save(update_fields=["is_open", "updated_at"])
    audit.record(
        actor=acting_user, action="workdays.deadline_closed", target=deadline, organ=deadline.organ, reason=reason
    )
    return deadline


@transaction.atomic
def recompute_open_deadlines(*, acting_user: User | None, reason: str) -> list[TrackedDeadline]:
    """Recompute every open deadline on the current calendar; audit each one that moved."""
    calendar = selectors.current_calendar()
    changed = []
    for tracked in TrackedDeadline.objects.select_for_update().filter(is_open=True).select_related("organ"):
        result = calendar.deadline(tracked.start_on, tracked.workdays)
        before = {
            "due_on": tracked.due_on,
            "provisional": tracked.provisional,
            "calendar_version": tracked.calendar_version,
        }
        tracked.calendar_version = result.calendar_version
        if (result.due, result.provisional) == (tracked.due_on, tracked.provisional):
            tracked.save(update_fields=["calendar_version", "updated_at"])
            continue
        tracked.due_on, tracked.provisional = result.due, result.provisional
        tracked.save(update_fields=["due_on", "provisional", "calendar_version", "updated_at"])
        audit.record(
            actor=acting_user,
            action="workdays.deadline_recomputed",
            target=tracked,
            organ=tracked.organ,
            reason=reason,
            before=before,
            after={
                "due_on": result.due,
                "provisional": result.provisional,
                "calendar_version": result.calendar_version,
            },
        )
        changed.append(tracked)
    return changed
