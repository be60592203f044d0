"""The statutory calendar, checked against the worked examples of REGULATIONS.md §8 (no database)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.domain import DayReason, WorkdayCalendar, YearArrangement
from gongkai.workdays.package_seed import package_arrangements

CALENDAR = WorkdayCalendar(package_arrangements(), version=7)
FIRST_YEAR_WITHOUT_ARRANGEMENT = max(package_arrangements()) + 1


@pytest.mark.parametrize(
    ("received", "due", "makeup_days_counted"),
    [
        (date(2023, 9, 22), date(2023, 10, 26), [date(2023, 10, 7), date(2023, 10, 8)]),
        (date(2024, 1, 26), date(2024, 2, 28), [date(2024, 2, 4), date(2024, 2, 18)]),
        (date(2025, 9, 26), date(2025, 10, 30), [date(2025, 9, 28), date(2025, 10, 11)]),
        (date(2021, 1, 29), date(2021, 3, 3), [date(2021, 2, 7), date(2021, 2, 20)]),
        (date(2021, 9, 24), date(2021, 10, 27), [date(2021, 9, 26), date(2021, 10, 9)]),
        (date(2025, 1, 20), date(2025, 2, 21), [date(2025, 1, 26), date(2025, 2, 8)]),
        (date(2025, 9, 30), date(2025, 11, 4), [date(2025, 10, 11)]),
    ],
)
def test_the_twentieth_working_day_matches_the_worked_examples(
    received: date, due: date, makeup_days_counted: list[date]
) -> None:
    deadline = CALENDAR.deadline(received, 20)

    assert deadline.due == due
    assert not deadline.provisional
    counted_makeup = [line.day for line in deadline.proof if line.reason == DayReason.MAKEUP_WORKDAY]
    assert counted_makeup == makeup_days_counted


def test_the_extension_adds_twenty_working_days_to_the_standard_deadline() -> None:
    standard = CALENDAR.deadline(date(2023, 9, 22), 20).due

    assert CALENDAR.deadline(standard, 20).due == date(2023, 11, 23)


def test_the_start_day_never_counts_even_when_it_is_a_working_day() -> None:
    deadline = CALENDAR.deadline(date(2023, 9, 25), 1)

    assert deadline.proof[0].reason == DayReason.START_DAY
    assert not deadline.proof[0].counted
    assert deadline.due == date(2023, 9, 26)


def test_a_start_on_a_holiday_counts_from_the_next_working_day() -> None:
    # The package's find_workday returns the 21st day here (REGULATIONS.md §8.2 pitfall).
    assert CALENDAR.deadline(date(2023, 10, 1), 20).due == date(2023, 11, 1)


def test_new_years_eve_2024_was_a_working_day() -> None:
    # The 2024 notice only encouraged a day off on 除夕 (2024-02-09); legally it was a working day,
    # and the next one after it was the 调休 Sunday 2024-02-18.
    deadline = CALENDAR.deadline(date(2024, 2, 9), 1)

    assert CALENDAR.verdict(date(2024, 2, 9)).reason == DayReason.WORKDAY
    assert deadline.due == date(2024, 2, 18)
    assert deadline.proof[-1].reason == DayReason.MAKEUP_WORKDAY


def test_a_deadline_into_a_year_without_an_arrangement_is_computed_and_provisional() -> None:
    year = FIRST_YEAR_WITHOUT_ARRANGEMENT
    deadline = CALENDAR.deadline(date(year - 1, 12, 20), 20)

    assert deadline.provisional
    assert deadline.provisional_years == [year]
    new_year = next(line for line in deadline.proof if line.day == date(year, 1, 1))
    assert new_year.reason == DayReason.ASSUMED_NEW_YEAR
    assert not new_year.counted
    assert all(line.provisional == (line.day.year == year) for line in deadline.proof[1:])
    assert deadline.due.year == year


def test_a_confirmed_arrangement_replaces_the_assumption() -> None:
    year = FIRST_YEAR_WITHOUT_ARRANGEMENT
    arrangement = YearArrangement(year, {date(year, 1, 1): "元旦", date(year, 1, 4): "测试节"})
    calendar = WorkdayCalendar({year: arrangement}, version=1)

    assert calendar.verdict(date(year, 1, 4)).reason == DayReason.HOLIDAY
    assert not calendar.deadline(date(year, 1, 2), 3).provisional


def test_a_date_cannot_be_both_holiday_and_makeup_day() -> None:
    with pytest.raises(ValueError, match="both holiday"):
        YearArrangement(2030, {date(2030, 2, 2): "春节"}, {date(2030, 2, 2): "春节"})


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        CALENDAR.deadline(date(2024, 1, 1), -1)


def test_working_days_between_counts_after_the_start_up_to_the_end() -> None:
    assert CALENDAR.workdays_between(date(2023, 9, 22), date(2023, 10, 26)) == 20
    assert CALENDAR.workdays_between(date(2023, 10, 26), date(2023, 9, 22)) == -20
    assert CALENDAR.workdays_between(date(2023, 9, 22), date(2023, 9, 22)) == 0


days = st.dates(min_value=date(2005, 1, 1), max_value=date(FIRST_YEAR_WITHOUT_ARRANGEMENT + 2, 12, 31))


@settings(max_examples=200, deadline=None)
@given(start=days, count=st.integers(min_value=1, max_value=60))
def test_the_due_date_is_the_nth_working_day_strictly_after_the_start(start: date, count: int) -> None:
    deadline = CALENDAR.deadline(start, count)

    assert deadline.due > start
    assert CALENDAR.is_workday(deadline.due)
    assert CALENDAR.workdays_between(start, deadline.due) == count
    assert [line.ordinal for line in deadline.proof if line.counted] == list(range(1, count + 1))
    assert deadline.proof[-1].day == deadline.due
    assert [line.day for line in deadline.proof] == [start + timedelta(days=i) for i in range(len(deadline.proof))]


@settings(max_examples=100, deadline=None)
@given(start=days, count=st.integers(min_value=0, max_value=40))
def test_one_more_working_day_never_ends_earlier(start: date, count: int) -> None:
    assert CALENDAR.add_workdays(start, count + 1) > CALENDAR.add_workdays(start, count)


@settings(max_examples=100, deadline=None)
@given(start=days, first=st.integers(min_value=0, max_value=30), second=st.integers(min_value=0, max_value=30))
def test_counting_in_two_steps_equals_counting_at_once(start: date, first: int, second: int) -> None:
    assert CALENDAR.add_workdays(CALENDAR.add_workdays(start, first), second) == CALENDAR.add_workdays(
        start, first + second
    )
