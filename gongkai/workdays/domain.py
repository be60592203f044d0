"""The statutory working-day calendar (法定工作日历), as pure Python.

Counting follows 民法典 Art. 201: the start day never counts; working day 1 is the first working
day strictly after it. A year's arrangement comes from the State Council's yearly notice: its
holidays (放假) are off even on weekdays, its make-up days (调休上班) are on even at weekends.
For a year with no confirmed arrangement the calendar still answers: Monday to Friday are
working days and 1 January is a holiday, and every answer that touches such a year is marked
provisional, so that a deadline is never refused, only flagged.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class DayReason(StrEnum):
    START_DAY = "START_DAY"  # 起算日不计入 (民法典第二百零一条)
    WORKDAY = "WORKDAY"
    WEEKEND = "WEEKEND"
    HOLIDAY = "HOLIDAY"  # 法定节假日 from the year's arrangement
    MAKEUP_WORKDAY = "MAKEUP_WORKDAY"  # 调休上班日
    ASSUMED_WORKDAY = "ASSUMED_WORKDAY"  # weekday in a year without a confirmed arrangement
    ASSUMED_WEEKEND = "ASSUMED_WEEKEND"
    ASSUMED_NEW_YEAR = "ASSUMED_NEW_YEAR"  # 1 January assumed off in a year without an arrangement


@dataclass(frozen=True)
class YearArrangement:
    """One year's official arrangement: dates mapped to the festival they belong to."""

    year: int
    holidays: Mapping[date, str] = field(default_factory=dict)
    makeup_workdays: Mapping[date, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        clash = set(self.holidays) & set(self.makeup_workdays)
        if clash:
            raise ValueError(f"dates both holiday and make-up workday: {sorted(clash)}")


@dataclass(frozen=True)
class DayVerdict:
    day: date
    is_workday: bool
    reason: DayReason
    festival: str = ""
    provisional: bool = False


@dataclass(frozen=True)
class ProofDay:
    """One line of a deadline proof: the day, whether it counted, its ordinal and why."""

    day: date
    counted: bool
    ordinal: int | None
    reason: DayReason
    festival: str = ""
    provisional: bool = False


@dataclass(frozen=True)
class Deadline:
    start: date
    workdays: int
    due: date
    provisional: bool
    calendar_version: int
    proof: tuple[ProofDay, ...]

    @property
    def provisional_years(self) -> list[int]:
        return sorted({line.day.year for line in self.proof if line.provisional})


@dataclass(frozen=True)
class WorkdayCalendar:
    """法定工作日历: weekends and public holidays are off; 调休 make-up days are on."""

    arrangements: Mapping[int, YearArrangement] = field(default_factory=dict)
    version: int = 0

    def has_arrangement(self, year: int) -> bool:
        return year in self.arrangements

    def verdict(self, day: date) -> DayVerdict:
        arrangement = self.arrangements.get(day.year)
        if arrangement is None:
            if day.month == 1 and day.day == 1:
                return DayVerdict(day, False, DayReason.ASSUMED_NEW_YEAR, "元旦", provisional=True)
            if day.weekday() >= 5:
                return DayVerdict(day, False, DayReason.ASSUMED_WEEKEND, provisional=True)
            return DayVerdict(day, True, DayReason.ASSUMED_WORKDAY, provisional=True)
        if day in arrangement.makeup_workdays:
            return DayVerdict(day, True, DayReason.MAKEUP_WORKDAY, arrangement.makeup_workdays[day])
        if day in arrangement.holidays:
            return DayVerdict(day, False, DayReason.HOLIDAY, arrangement.holidays[day])
        if day.weekday() >= 5:
            return DayVerdict(day, False, DayReason.WEEKEND)
        return DayVerdict(day, True, DayReason.WORKDAY)

    def is_workday(self, day: date) -> bool:
        return self.verdict(day).is_workday

    def add_workdays(self, start: date, count: int) -> date:
        """Return the `count`-th workday after `start`; `start` itself never counts."""
        return self.deadline(start, count).due

    def deadline(self, start: date, count: int) -> Deadline:
        """The `count`-th working day after `start`, with the day-by-day proof."""
        if count < 0:
            raise ValueError("count must not be negative")
        proof = [ProofDay(start, False, None, DayReason.START_DAY)]
        day, counted = start, 0
        while counted < count:
            day += timedelta(days=1)
            verdict = self.verdict(day)
            if verdict.is_workday:
                counted += 1
            proof.append(
                ProofDay(
                    day,
                    verdict.is_workday,
                    counted if verdict.is_workday else None,
                    verdict.reason,
                    verdict.festival,
                    verdict.provisional,
                )
            )
        provisional = any(line.provisional for line in proof)
        return Deadline(start, count, day, provisional, self.version, tuple(proof))

    def workdays_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how many have passed by `end` when counting from `start`.

        Negative when `end` is before `start`, so that "days left" can go below zero when overdue.
        """
        if end < start:
            return -self.workdays_between(end, start)
        return sum(1 for day in _days_after(start, end) if self.is_workday(day))


def _days_after(start: date, end: date) -> Iterator[date]:
    day = start
    while day < end:
        day += timedelta(days=1)
        yield day
