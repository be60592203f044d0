import pytest

from gongkai.workbench.urgency import Urgency, classify


@pytest.mark.parametrize(
    ("workdays_left", "expected"),
    [
        (-5, Urgency.OVERDUE),
        (-1, Urgency.OVERDUE),
        (0, Urgency.RED),
        (3, Urgency.RED),
        (4, Urgency.AMBER),
        (7, Urgency.AMBER),
        (8, Urgency.GREEN),
        (20, Urgency.GREEN),
    ],
)
def test_urgency_follows_the_working_days_left(workdays_left: int, expected: Urgency) -> None:
    assert classify(workdays_left) == expected
