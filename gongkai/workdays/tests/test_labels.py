"""Every pure code of the calendar has a UI label (no database)."""

from gongkai.workdays import notice_format, services
from gongkai.workdays.domain import DayReason
from gongkai.workdays.labels import REASON_LABELS, reason_label


def test_every_day_reason_has_its_own_label() -> None:
    labels = [str(reason_label(reason)) for reason in DayReason]

    assert set(REASON_LABELS) == set(DayReason)
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(labels)


def test_every_problem_the_notice_parser_names_has_a_message() -> None:
    problems = {"no_date", "no_festival", "invalid_date", "range_backwards", "wrong_year", "extra_text"}
    raised = set()
    for text in (
        "春节",
        "2027-01-01",
        "春节 2027-02-30",
        "春节 2027-02-08~2027-02-06",
        "元旦 2028-01-01",
        "春节 2027-02-06 放假",
    ):
        try:
            notice_format.parse_days(text, year=2027)
        except notice_format.NoticeFormatError as error:
            raised.add(error.message)

    assert raised == problems
    assert set(services.NOTICE_ERRORS) == problems
    assert all(str(message).strip() for message in services.NOTICE_ERRORS.values())
