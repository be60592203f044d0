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
        # The notice's own shorthand leaves the year off the range's end; reading it as the first
        # day alone would lose six holidays, so every such line is refused.
        ("国庆节 2027年10月1日至7日", 1, "extra_text"),
        ("国庆节 2027-10-01~10-07", 1, "extra_text"),
        ("国庆节 2027-10-01（星期五）至2027-10-07", 1, "extra_text"),
        ("元旦 2027-01-01\n春节 2027-02-06~2027-02-13 共8天", 2, "extra_text"),
        ("春节 2027-02-06 放假", 1, "extra_text"),
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


@pytest.mark.parametrize(
    "line",
    [
        "国庆节 2027-10-01~2027-10-03",
        "国庆节 2027-10-01～2027-10-03",
        "国庆节 2027-10-01至2027-10-03",
        "国庆节 2027-10-01 到 2027-10-03",
        "国庆节 2027-10-01—2027-10-03",
        "国庆节 2027-10-01--2027-10-03",
        "国庆节：2027年10月1日至2027年10月3日",
        "国庆节, 2027/10/01-2027/10/03",
        "国庆节 2027.10.01 2027.10.02 2027.10.03",
        "  国庆节 2027-10-01~2027-10-02  2027-10-03  ",
    ],
)
def test_every_way_a_notice_writes_a_range_is_read(line: str) -> None:
    assert parse_days(line, year=2027) == {date(2027, 10, day): "国庆节" for day in (1, 2, 3)}


def test_consecutive_days_of_one_festival_are_written_as_one_range() -> None:
    days = {
        date(2027, 1, 1): "元旦",
        date(2027, 2, 6): "春节",
        date(2027, 2, 7): "春节",
        date(2027, 2, 8): "春节",
        date(2027, 2, 10): "春节",
    }

    assert format_days(days) == "元旦 2027-01-01\n春节 2027-02-06~2027-02-08 2027-02-10"


def test_nothing_formats_to_an_empty_text_and_back() -> None:
    assert format_days({}) == ""
    assert parse_days("", year=2027) == {}
    assert parse_days("\n  \n", year=2027) == {}


def test_a_later_line_names_its_own_line_number() -> None:
    with pytest.raises(NoticeFormatError) as raised:
        parse_days("元旦 2027-01-01\n\n春节 2027-13-01", year=2027)

    assert (raised.value.line_number, raised.value.message) == (3, "invalid_date")


def test_a_range_crossing_into_another_year_is_refused() -> None:
    with pytest.raises(NoticeFormatError) as raised:
        parse_days("元旦 2027-12-31~2028-01-01", year=2027)

    assert raised.value.message == "wrong_year"


@given(
    st.lists(days_of_2027, min_size=1, max_size=5, unique=True),
    st.sampled_from(["{:%Y-%m-%d}", "{:%Y/%m/%d}", "{0.year}年{0.month}月{0.day}日", "{:%Y.%m.%d}"]),
)
def test_every_date_spelling_is_read_as_the_same_day(listed: list[date], spelling: str) -> None:
    line = "春节 " + " ".join(spelling.format(day) for day in listed)

    assert parse_days(line, year=2027) == dict.fromkeys(listed, "春节")


def test_list_punctuation_between_dates_is_accepted() -> None:
    assert parse_days("国庆节：2027-10-01、2027-10-02，2027-10-03；", year=2027) == {
        date(2027, 10, day): "国庆节" for day in (1, 2, 3)
    }
