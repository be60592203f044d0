from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.workdays.notice_format import NoticeFormatError, format_days, parse_days


def test_ranges_single_days_and_chinese_dates_are_read() -> None:
    text = "元旦 2027-01-01\n春节：2027年2月6日至2027年2月8日\n\n劳动节 2027/05/01 2027-05-02"

    days = parse_days(text, year=2027)

    assert days == {
        date(2027, 1, 1): "元旦",
        date(2027, 2, 6): "春节",
        date(2027, 2, 7): "春节",
        date(2027, 2, 8): "春节",
        date(2027, 5, 1): "劳动节",
        date(2027, 5, 2): "劳动节",
    }


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("春节", 1, "no_date"),
        ("元旦 2027-01-01\n2027-02-06", 2, "no_festival"),
        ("春节 2027-02-30", 1, "invalid_date"),
        ("春节 2027-02-08~2027-02-06", 1, "range_backwards"),
        ("元旦 2028-01-01", 1, "wrong_year"),
    ],
)
def test_a_bad_line_is_named_with_its_problem(text: str, line: int, problem: str) -> None:
    with pytest.raises(NoticeFormatError) as raised:
        parse_days(text, year=2027)

    assert (raised.value.line_number, raised.value.message) == (line, problem)


festivals = st.sampled_from(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
days_of_2027 = st.integers(min_value=0, max_value=364).map(lambda offset: date(2027, 1, 1) + timedelta(days=offset))


@given(st.dictionaries(days_of_2027, festivals, max_size=30))
def test_formatting_then_parsing_gives_the_same_days(days: dict[date, str]) -> None:
    assert parse_days(format_days(days), year=2027) == days
