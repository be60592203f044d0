"""Which reminders are due: pure rules over working days left (条例第三十三条's clock).

A handler is reminded once at each configured threshold of working days left; an application that
has gone past its due date is escalated once to the head of the openness working body.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

DEFAULT_THRESHOLDS: Final = (5, 3, 1, 0)
OVERDUE: Final = -1  # the marker stored for the one escalation


@dataclass(frozen=True)
class OpenCase:
    application_id: int
    workdays_left: int
    already_sent: frozenset[int]


@dataclass(frozen=True)
class Reminder:
    application_id: int
    threshold: int
    escalate: bool


def due_reminders(cases: Iterable[OpenCase], thresholds: Iterable[int] = DEFAULT_THRESHOLDS) -> list[Reminder]:
    """The smallest threshold reached and not yet sent; reaching several at once sends one reminder."""
    ordered = sorted(set(thresholds))
    reminders = []
    for case in cases:
        if case.workdays_left < 0:
            if OVERDUE not in case.already_sent:
                reminders.append(Reminder(case.application_id, OVERDUE, escalate=True))
            continue
        reached = [t for t in ordered if case.workdays_left <= t]
        if reached and reached[0] not in case.already_sent:
            reminders.append(Reminder(case.application_id, reached[0], escalate=False))
    return reminders
