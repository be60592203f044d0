"""How urgent a deadline is, from the working days left: the colours of the due-first queue.

Thresholds are in working days because every statutory period is (条例第三十三条).
"""

from enum import StrEnum

RED_WITHIN_WORKDAYS = 3
AMBER_WITHIN_WORKDAYS = 7


class Urgency(StrEnum):
    OVERDUE = "overdue"
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


def classify(workdays_left: int) -> Urgency:
    if workdays_left < 0:
        return Urgency.OVERDUE
    if workdays_left <= RED_WITHIN_WORKDAYS:
        return Urgency.RED
    if workdays_left <= AMBER_WITHIN_WORKDAYS:
        return Urgency.AMBER
    return Urgency.GREEN
