"""The statutory calendar, checked against the worked examples of REGULATIONS.md §8 (no database)."""

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.domain import DayReason, WorkdayCalendar, YearArrangement
from gongkai.workdays.package_seed import package_arrangements

CALENDAR = WorkdayCalendar(package_arrangements(), version=7)
FIRST_YEAR_WITHOUT_ARRANGEMENT = max(package_arrangements()) + 1
OFF_DAY_REASONS = {DayReason.WEEKEND, DayReason.HOLIDAY, DayReason.ASSUMED_WEEKEND, DayReason.ASSUMED_NEW_YEAR}
ON_DAY_REASONS = {DayReason.WORKDAY, DayReason.MAKEUP_WORKDAY, DayReason.ASSUMED_WORKDAY}


def test_the_package_covers_up_to_2026_so_2027_is_the_first_year_without_an_arrangement() -> None:
    # REGULATIONS.md §8.2: chinese-calendar 1.11.0 stops at 2026. An upgrade must revisit the
    # provisional rows below, which assume 2027 has no arrangement.
    assert chinese_calendar.__version__ == "1.11.0"
    assert FIRST_YEAR_WITHOUT_ARRANGEMENT == 2027


# REGULATIONS.md §8.2 worked examples, plus the Art. 33 extension, the 2024 除夕 edge and a count
# that runs into 2027, the first year the package does not cover.
WORKED_EXAMPLES = [
    # start,            days, due,                calendar days, skipped, 调休 days counted,             provisional
    (date(2023, 9, 22), 20, date(2023, 10, 26), 34, 14, [date(2023, 10, 7), date(2023, 10, 8)], False),
    (date(2024, 1, 26), 20, date(2024, 2, 28), 33, 13, [date(2024, 2, 4), date(2024, 2, 18)], False),
    (date(2025, 9, 26), 20, date(2025, 10, 30), 34, 14, [date(2025, 9, 28), date(2025, 10, 11)], False),
    (date(2021, 1, 29), 20, date(2021, 3, 3), 33, 13, [date(2021, 2, 7), date(2021, 2, 20)], False),
    (date(2021, 9, 24), 20, date(2021, 10, 27), 33, 13, [date(2021, 9, 26), date(2021, 10, 9)], False),
    (date(2025, 1, 20), 20, date(2025, 2, 21), 32, 12, [date(2025, 1, 26), date(2025, 2, 8)], False),
    (date(2025, 9, 30), 20, date(2025, 11, 4), 35, 15, [date(2025, 10, 11)], False),
    # 条例第三十三条 extension: 20 more working days counted from the standard deadline.
    (date(2023, 10, 26), 20, date(2023, 11, 23), 28, 8, [], False),
    # 除夕 2024-02-09 was a working day; the next one was the 调休 Sunday after the 春节 holiday.
    (date(2024, 2, 9), 1, date(2024, 2, 18), 9, 8, [date(2024, 2, 18)], False),
    # 2027: Mondays to Fridays count, 1 January is assumed off, and the answer is provisional.
    (date(2026, 12, 20), 20, date(2027, 1, 18), 29, 9, [], True),
]


@pytest.mark.parametrize(
    ("start", "workdays", "due", "calendar_days", "skipped", "makeup_counted", "provisional"), WORKED_EXAMPLES
)
def test_the_worked_examples(
    start: date,
    workdays: int,
    due: date,
    calendar_days: int,
    skipped: int,
    makeup_counted: list[date],
    provisional: bool,
) -> None:
    deadline = CALENDAR.deadline(start, workdays)

    assert deadline.due == due
    assert CALENDAR.add_workdays(start, workdays) == due
    assert (deadline.due - start).days == calendar_days
    assert [line.counted for line in deadline.proof[1:]].count(False) == skipped
    assert [line.day for line in deadline.proof if line.reason == DayReason.MAKEUP_WORKDAY] == makeup_counted
    assert deadline.provisional is provisional
    assert deadline.calendar_version == 7


def test_the_extension_counts_from_the_standard_deadline() -> None:
    standard = CALENDAR.deadline(date(2023, 9, 22), 20).due

    assert CALENDAR.deadline(standard, 20).due == date(2023, 11, 23)


DAY_VERDICTS = [
    # day,                working, reason,                       festival,  provisional
    (date(2023, 9, 25), True, DayReason.WORKDAY, "", False),  # ordinary Monday
    (date(2023, 9, 23), False, DayReason.WEEKEND, "", False),  # ordinary Saturday
    (date(2023, 9, 29), False, DayReason.HOLIDAY, "中秋节", False),  # Friday off
    (date(2023, 10, 2), False, DayReason.HOLIDAY, "国庆节", False),  # Monday off
    (date(2023, 10, 7), True, DayReason.MAKEUP_WORKDAY, "国庆节", False),  # 调休上班 Saturday
    (date(2024, 2, 4), True, DayReason.MAKEUP_WORKDAY, "春节", False),  # 调休上班 Sunday
    (date(2024, 2, 9), True, DayReason.WORKDAY, "", False),  # 除夕 2024, only encouraged off
    (date(2027, 1, 1), False, DayReason.ASSUMED_NEW_YEAR, "元旦", True),
    (date(2027, 1, 2), False, DayReason.ASSUMED_WEEKEND, "", True),
    (date(2027, 1, 4), True, DayReason.ASSUMED_WORKDAY, "", True),
    (date(2027, 10, 1), True, DayReason.ASSUMED_WORKDAY, "", True),  # unknown until the notice is entered
]


@pytest.mark.parametrize(("day", "working", "reason", "festival", "provisional"), DAY_VERDICTS)
def test_each_kind_of_day(day: date, working: bool, reason: DayReason, festival: str, provisional: bool) -> None:
    verdict = CALENDAR.verdict(day)

    assert (verdict.is_workday, verdict.reason, verdict.festival, verdict.provisional) == (
        working,
        reason,
        festival,
        provisional,
    )
    assert CALENDAR.is_workday(day) is working


def test_the_start_day_never_counts_even_when_it_is_a_working_day() -> None:
    # 民法典第二百零一条: 开始的当日不计入.
    deadline = CALENDAR.deadline(date(2023, 9, 25), 1)

    assert deadline.proof[0].reason == DayReason.START_DAY
    assert not deadline.proof[0].counted
    assert deadline.proof[0].ordinal is None
    assert deadline.due == date(2023, 9, 26)


def test_a_start_on_a_holiday_counts_from_the_next_working_day() -> None:
    # The package's find_workday returns the 21st day here (REGULATIONS.md §8.2 pitfall).
    assert CALENDAR.deadline(date(2023, 10, 1), 20).due == date(2023, 11, 1)


def test_a_makeup_saturday_counts_and_holidays_and_weekends_are_skipped() -> None:
    deadline = CALENDAR.deadline(date(2023, 9, 28), 2)

    lines = [(line.day, line.counted, line.ordinal, line.reason) for line in deadline.proof]
    assert lines == [
        (date(2023, 9, 28), False, None, DayReason.START_DAY),
        *[(date(2023, 9, 29) + timedelta(days=i), False, None, DayReason.HOLIDAY) for i in range(8)],
        (date(2023, 10, 7), True, 1, DayReason.MAKEUP_WORKDAY),
        (date(2023, 10, 8), True, 2, DayReason.MAKEUP_WORKDAY),
    ]


def test_zero_working_days_ends_on_the_start_day() -> None:
    deadline = CALENDAR.deadline(date(2023, 9, 23), 0)

    assert deadline.due == date(2023, 9, 23)
    assert len(deadline.proof) == 1


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


def test_a_deadline_entirely_within_a_covered_year_is_not_provisional() -> None:
    deadline = CALENDAR.deadline(date(2026, 12, 1), 10)

    assert not deadline.provisional
    assert deadline.provisional_years == []


def test_a_confirmed_arrangement_replaces_the_assumption() -> None:
    year = FIRST_YEAR_WITHOUT_ARRANGEMENT
    arrangement = YearArrangement(
        year, {date(year, 1, 1): "元旦", date(year, 1, 4): "测试节"}, {date(year, 1, 9): "测试节"}
    )
    calendar = WorkdayCalendar({year: arrangement}, version=1)

    assert calendar.has_arrangement(year)
    assert calendar.verdict(date(year, 1, 4)).reason == DayReason.HOLIDAY
    assert calendar.verdict(date(year, 1, 9)).reason == DayReason.MAKEUP_WORKDAY
    assert not calendar.deadline(date(year, 1, 2), 3).provisional


def test_a_date_cannot_be_both_holiday_and_makeup_day() -> None:
    with pytest.raises(ValueError, match="both holiday"):
        YearArrangement(2030, {date(2030, 2, 2): "春节"}, {date(2030, 2, 2): "春节"})


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        CALENDAR.deadline(date(2024, 1, 1), -1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2023, 9, 22), date(2023, 10, 26), 20),
        (date(2023, 10, 26), date(2023, 9, 22), -20),
        (date(2023, 9, 22), date(2023, 9, 22), 0),
        (date(2023, 9, 28), date(2023, 10, 6), 0),  # the whole 2023 National Day holiday
        (date(2023, 10, 6), date(2023, 10, 7), 1),  # the 调休 Saturday
        (date(2026, 12, 31), date(2027, 1, 4), 1),  # 1 January 2027 assumed off
    ],
)
def test_working_days_between_counts_after_the_start_up_to_the_end(start: date, end: date, expected: int) -> None:
    assert CALENDAR.workdays_between(start, end) == expected


days = st.dates(min_value=date(2005, 1, 1), max_value=date(FIRST_YEAR_WITHOUT_ARRANGEMENT + 2, 12, 31))


@settings(max_examples=200, deadline=None)
@given(start=days, count=st.integers(min_value=1, max_value=60))
def test_the_due_date_is_the_nth_working_day_strictly_after_the_start(start: date, count: int) -> None:
    deadline = CALENDAR.deadline(start, count)

    assert deadline.due > start
    assert CALENDAR.is_workday(deadline.due)
    assert CALENDAR.workdays_between(start, deadline.due) == count
    assert CALENDAR.workdays_between(start, deadline.due - timedelta(days=1)) == count - 1
    assert [line.ordinal for line in deadline.proof if line.counted] == list(range(1, count + 1))
    assert deadline.proof[-1].day == deadline.due
    assert deadline.proof[-1].counted
    assert [line.day for line in deadline.proof] == [start + timedelta(days=i) for i in range(len(deadline.proof))]


@settings(max_examples=100, deadline=None)
@given(start=days, count=st.integers(min_value=0, max_value=40))
def test_every_proof_line_after_the_start_says_why_it_counted_or_not(start: date, count: int) -> None:
    deadline = CALENDAR.deadline(start, count)

    for line in deadline.proof[1:]:
        assert line.reason in (ON_DAY_REASONS if line.counted else OFF_DAY_REASONS)
        assert line.provisional is (line.day.year >= FIRST_YEAR_WITHOUT_ARRANGEMENT)
    assert deadline.provisional is any(line.provisional for line in deadline.proof)


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


@settings(max_examples=100, deadline=None)
@given(a=days, to_b=st.integers(min_value=-400, max_value=400), to_c=st.integers(min_value=-400, max_value=400))
def test_working_days_between_is_antisymmetric_and_additive(a: date, to_b: int, to_c: int) -> None:
    b, c = a + timedelta(days=to_b), a + timedelta(days=to_c)
    assert CALENDAR.workdays_between(a, b) == -CALENDAR.workdays_between(b, a)
    assert CALENDAR.workdays_between(a, b) + CALENDAR.workdays_between(b, c) == CALENDAR.workdays_between(a, c)
