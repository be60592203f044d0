"""The statutory clock of an application, on the real calendar (REGULATIONS.md §8)."""

from datetime import date

import pytest

from gongkai.foi.clock import (
    ClockError,
    ClockInput,
    Pause,
    answer_due,
    consultation_reply_due,
    correction_notice_due,
)
from gongkai.foi.receipt import Arrival, Channel, ReceiptError, receipt_day
from gongkai.workdays.domain import WorkdayCalendar
from gongkai.workdays.package_seed import package_arrangements

CALENDAR = WorkdayCalendar(package_arrangements(), version=1)
TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2023, 9, 22), date(2023, 10, 26)),
        (date(2024, 1, 26), date(2024, 2, 28)),
        (date(2025, 9, 26), date(2025, 10, 30)),
        (date(2021, 1, 29), date(2021, 3, 3)),
        (date(2021, 9, 24), date(2021, 10, 27)),
        (date(2025, 1, 20), date(2025, 2, 21)),
        (date(2025, 9, 30), date(2025, 11, 4)),
    ],
)
def test_the_answer_is_due_on_the_twentieth_working_day(received: date, due: date) -> None:
    assert answer_due(CALENDAR, ClockInput(received), today=TODAY).due == due


def test_an_extension_adds_up_to_twenty_working_days() -> None:
    assert answer_due(CALENDAR, ClockInput(date(2023, 9, 22), extension_workdays=20), today=TODAY).due == date(
        2023, 11, 23
    )
    with pytest.raises(ClockError):
        answer_due(CALENDAR, ClockInput(date(2023, 9, 22), extension_workdays=21), today=TODAY)


def test_a_supplement_restarts_the_count_from_its_arrival() -> None:
    clock = ClockInput(date(2023, 9, 1), supplement_received_on=date(2023, 9, 22))

    due = answer_due(CALENDAR, clock, today=TODAY)

    assert due.starts_from == date(2023, 9, 22)
    assert due.due == date(2023, 10, 26)


def test_the_correction_notice_is_due_within_seven_working_days() -> None:
    # 2023-09-28 (Thu) + 7: the National Day holiday 29 Sep–6 Oct is skipped, 7–8 Oct are 调休 working days.
    assert correction_notice_due(CALENDAR, date(2023, 9, 28)).due == date(2023, 10, 13)


def test_consultation_time_is_excluded_from_the_count() -> None:
    # Consultation letter sent Mon 2023-09-25, answer back Fri 2023-09-29 (a holiday): 26, 27, 28 Sep excluded.
    pause = Pause("consultation", date(2023, 9, 25), date(2023, 9, 29))
    due = answer_due(CALENDAR, ClockInput(date(2023, 9, 22), pauses=[pause]), today=TODAY)

    assert due.excluded_workdays == 3
    assert due.due == CALENDAR.add_workdays(date(2023, 10, 26), 3)
    assert not due.paused_now


def test_a_running_consultation_pauses_the_clock_until_today() -> None:
    pause = Pause("consultation", date(2023, 10, 9), None)

    due = answer_due(CALENDAR, ClockInput(date(2023, 9, 22), pauses=[pause]), today=date(2023, 10, 13))

    assert due.paused_now
    assert due.excluded_workdays == 4  # 10, 11, 12, 13 October


def test_the_consulted_party_answers_within_fifteen_working_days() -> None:
    assert consultation_reply_due(CALENDAR, date(2023, 9, 22)).due == CALENDAR.add_workdays(date(2023, 9, 22), 15)


def test_a_clock_running_into_a_year_without_an_arrangement_is_provisional_not_an_error() -> None:
    due = answer_due(CALENDAR, ClockInput(date(2026, 12, 20)), today=TODAY)

    assert due.provisional
    assert due.due == date(2027, 1, 18)


@pytest.mark.parametrize(
    ("arrival", "expected"),
    [
        (Arrival(Channel.IN_PERSON, date(2023, 9, 22)), date(2023, 9, 22)),
        (Arrival(Channel.ORAL, date(2023, 9, 22)), date(2023, 9, 22)),
        (Arrival(Channel.SIGNED_MAIL, date(2023, 9, 20), signed_for_on=date(2023, 9, 22)), date(2023, 9, 22)),
        (Arrival(Channel.ORDINARY_LETTER, date(2023, 9, 22), confirmed_on=date(2023, 9, 22)), date(2023, 9, 22)),
        (Arrival(Channel.ONLINE, date(2023, 9, 23), confirmed_on=date(2023, 9, 25)), date(2023, 9, 25)),
        (Arrival(Channel.FAX, date(2023, 9, 23)), None),
        (Arrival(Channel.EMAIL, date(2023, 9, 23)), None),
    ],
)
def test_the_receipt_day_follows_article_31_by_channel(arrival: Arrival, expected: date | None) -> None:
    assert receipt_day(arrival) == expected


def test_impossible_receipts_are_refused() -> None:
    with pytest.raises(ReceiptError):
        receipt_day(Arrival(Channel.SIGNED_MAIL, date(2023, 9, 20)))
    with pytest.raises(ReceiptError):
        receipt_day(Arrival(Channel.ONLINE, date(2023, 9, 23), confirmed_on=date(2023, 9, 22)))
