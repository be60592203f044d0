"""Reads of the calendar: the effective WorkdayCalendar, built from confirmed arrangements."""

import threading
from datetime import date

from django.db.models import Max, QuerySet

from gongkai.workdays.domain import WorkdayCalendar, YearArrangement
from gongkai.workdays.models import ArrangementStatus, CalendarArrangement, TrackedDeadline

_cache_lock = threading.Lock()
_cache: dict[tuple[int, int, str], WorkdayCalendar] = {}


def calendar_version() -> int:
    return CalendarArrangement.objects.aggregate(v=Max("version"))["v"] or 0


def _to_arrangement(row: CalendarArrangement) -> YearArrangement:
    return YearArrangement(
        year=row.year,
        holidays={date.fromisoformat(day): name for day, name in row.holidays.items()},
        makeup_workdays={date.fromisoformat(day): name for day, name in row.makeup_workdays.items()},
    )


def _cache_key() -> tuple[int, int, str]:
    # The version alone is not enough: a confirmation rolled back after the calendar was read
    # frees its version number for the next confirmation of a different arrangement.
    newest = (
        CalendarArrangement.objects.exclude(version=None)
        .order_by("-version")
        .values_list("version", "pk", "confirmed_at")
        .first()
    )
    if newest is None:
        return (0, 0, "")
    version, pk, confirmed_at = newest
    return (version or 0, pk, confirmed_at.isoformat() if confirmed_at else "")


def current_calendar() -> WorkdayCalendar:
    """The calendar as confirmed now; rebuilt only when a confirmation raised the version."""
    key = _cache_key()
    version = key[0]
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    rows = CalendarArrangement.objects.filter(status=ArrangementStatus.CONFIRMED)
    calendar = WorkdayCalendar({row.year: _to_arrangement(row) for row in rows}, version=version)
    with _cache_lock:
        _cache.clear()
        _cache[key] = calendar
    return calendar


def arrangements_by_year() -> QuerySet[CalendarArrangement]:
    return CalendarArrangement.objects.select_related("entered_by", "confirmed_by").order_by("-year", "-id")


def pending_arrangements() -> QuerySet[CalendarArrangement]:
    return arrangements_by_year().filter(status=ArrangementStatus.PROPOSED)


def open_deadlines() -> QuerySet[TrackedDeadline]:
    return TrackedDeadline.objects.filter(is_open=True).select_related("organ", "content_type").order_by("due_on", "id")


def deadlines_for(target_type: str, target_id: str) -> QuerySet[TrackedDeadline]:
    app_label, model = target_type.split(".")
    return TrackedDeadline.objects.filter(
        content_type__app_label=app_label, content_type__model=model.lower(), object_id=target_id
    ).order_by("id")
