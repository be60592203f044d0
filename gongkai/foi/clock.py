"""The statutory clock of an information application (条例第三十条、第三十三条), on the working-day calendar.

The answer is due on the 20th working day after the receipt day (Art. 33). A 补正 restarts the
count from the day the supplement is received (Art. 30), and the 补正 notice itself is due within
7 working days of receipt. Working days spent consulting third parties or other organs do not count
(Art. 33 para. 3), nor, if the configured fee rule says so, those spent waiting for payment. An
approved extension adds at most 20 working days (Art. 33 para. 2).

Pauses are counted in working days inside the pause, and the due date moves by that many working
days; the proof lists the base count, each pause and the extension, each with its own day-by-day lines.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from gongkai.workdays.domain import Deadline, WorkdayCalendar

ANSWER_WORKDAYS: Final = 20  # Art. 33 para. 1
CORRECTION_NOTICE_WORKDAYS: Final = 7  # Art. 30
MAX_EXTENSION_WORKDAYS: Final = 20  # Art. 33 para. 2
CONSULTATION_REPLY_WORKDAYS: Final = 15  # Arts. 32, 34


class ClockError(ValueError):
    pass


@dataclass(frozen=True)
class Pause:
    """Days that do not count: from `start` (exclusive: the day the letter went out still counts)
    to `end` (inclusive), or still running when `end` is None."""

    reason: str  # "consultation" or "fee"
    start: date
    end: date | None


@dataclass(frozen=True)
class ClockInput:
    receipt_day: date
    supplement_received_on: date | None = None  # Art. 30: the count restarts from here
    pauses: Sequence[Pause] = ()
    extension_workdays: int = 0


@dataclass(frozen=True)
class PauseLine:
    pause: Pause
    workdays: int


@dataclass(frozen=True)
class AnswerDue:
    starts_from: date
    base: Deadline
    pauses: tuple[PauseLine, ...]
    extension_workdays: int
    due: date
    provisional: bool
    paused_now: bool

    @property
    def excluded_workdays(self) -> int:
        return sum(line.workdays for line in self.pauses)


def correction_notice_due(calendar: WorkdayCalendar, receipt_day: date) -> Deadline:
    """Art. 30: the one-time 补正 notice goes out within 7 working days of receipt."""
    return calendar.deadline(receipt_day, CORRECTION_NOTICE_WORKDAYS)


def consultation_reply_due(calendar: WorkdayCalendar, letter_received_on: date) -> Deadline:
    """Arts. 32, 34: the consulted party answers within 15 working days of receiving the letter."""
    return calendar.deadline(letter_received_on, CONSULTATION_REPLY_WORKDAYS)


def answer_due(calendar: WorkdayCalendar, clock: ClockInput, *, today: date) -> AnswerDue:
    if not 0 <= clock.extension_workdays <= MAX_EXTENSION_WORKDAYS:
        raise ClockError(f"an extension is 0 to {MAX_EXTENSION_WORKDAYS} working days")
    start = clock.supplement_received_on or clock.receipt_day
    if start < clock.receipt_day:
        raise ClockError("the supplement cannot arrive before the application")
    base = calendar.deadline(start, ANSWER_WORKDAYS)
    lines = []
    paused_now = False
    for pause in sorted(clock.pauses, key=lambda p: p.start):
        if pause.end is not None and pause.end < pause.start:
            raise ClockError("a pause ends before it starts")
        if pause.start < start:
            # Consultation begun before a restart is part of the old count, not of this one.
            continue
        end = pause.end if pause.end is not None else today
        paused_now = paused_now or pause.end is None
        lines.append(PauseLine(pause, calendar.workdays_between(pause.start, end) if end > pause.start else 0))
    excluded = sum(line.workdays for line in lines)
    due = calendar.add_workdays(base.due, excluded + clock.extension_workdays)
    later = calendar.deadline(base.due, excluded + clock.extension_workdays)
    return AnswerDue(
        starts_from=start,
        base=base,
        pauses=tuple(lines),
        extension_workdays=clock.extension_workdays,
        due=due,
        provisional=base.provisional or later.provisional,
        paused_now=paused_now,
    )


def workdays_left(calendar: WorkdayCalendar, due: AnswerDue, today: date) -> int:
    return calendar.workdays_between(today, due.due)
