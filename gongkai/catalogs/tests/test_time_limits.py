"""公开时限 phrases → rules: every phrase of REGULATIONS.md §4.3–4.4 and the variants counties write."""

from datetime import date

import pytest

from gongkai.catalogs.time_limits import (
    ART_26_WORKDAYS,
    Kind,
    ManualKind,
    Period,
    Rule,
    chinese_number,
    due_after,
    manual_rule,
    parse,
    windows,
)
from gongkai.workdays.domain import WorkdayCalendar, YearArrangement

WITHIN_20 = (Kind.WITHIN, 20, True, None, 0, 0)


def _shape(rule: Rule) -> tuple[object, ...]:
    return (rule.kind, rule.count, rule.workdays, rule.period, rule.month, rule.day)


PHRASES = [
    # §4.3 and §4.4, as printed
    ("自该信息形成或者变更之日起20个工作日内", WITHIN_20),
    ("信息形成之日起20个工作日内", WITHIN_20),
    ("及时公开", (Kind.WITHIN, ART_26_WORKDAYS, True, None, 0, 0)),
    ("实时公开", (Kind.WITHIN, 1, True, None, 0, 0)),
    ("每年1月31日前", (Kind.PERIODIC, 0, True, Period.YEAR, 1, 31)),
    # full-width digits, Chinese numerals, 个 omitted, 以内/之内, spaces
    ("自该信息形成或者变更之日起２０个工作日内", WITHIN_20),
    ("自该信息形成或者变更之日起二十个工作日内", WITHIN_20),
    ("信息形成之日起20工作日内", WITHIN_20),
    ("信息形成之日起 20 个工作日以内", WITHIN_20),
    ("自信息形成之日起二十个工作日之内", WITHIN_20),
    ("形成后二十个工作日", WITHIN_20),
    # calendar days
    ("信息形成之日起7日内", (Kind.WITHIN, 7, False, None, 0, 0)),
    ("作出决定之日起七日内", (Kind.WITHIN, 7, False, None, 0, 0)),
    ("自作出行政处罚决定之日起7个自然日内", (Kind.WITHIN, 7, False, None, 0, 0)),
    ("收到申请后十五天内", (Kind.WITHIN, 15, False, None, 0, 0)),
    ("批复后三十日内", (Kind.WITHIN, 30, False, None, 0, 0)),
    ("部门预算批复后20日内", (Kind.WITHIN, 20, False, None, 0, 0)),
    # periodic
    ("每年一月三十一日前", (Kind.PERIODIC, 0, True, Period.YEAR, 1, 31)),
    ("每年3月底前", (Kind.PERIODIC, 0, True, Period.YEAR, 3, 31)),
    ("每年２月底前", (Kind.PERIODIC, 0, True, Period.YEAR, 2, 28)),
    ("每年的6月30日之前", (Kind.PERIODIC, 0, True, Period.YEAR, 6, 30)),
    ("每季度", (Kind.PERIODIC, 0, True, Period.QUARTER, 0, 0)),
    ("按季度公开", (Kind.PERIODIC, 0, True, Period.QUARTER, 0, 0)),
    ("每季度结束后15日内", (Kind.PERIODIC, 15, False, Period.QUARTER, 0, 0)),
    ("每季度结束后十个工作日内", (Kind.PERIODIC, 10, True, Period.QUARTER, 0, 0)),
    ("每月", (Kind.PERIODIC, 0, True, Period.MONTH, 0, 0)),
    ("按月公开", (Kind.PERIODIC, 0, True, Period.MONTH, 0, 0)),
    ("每月10日前", (Kind.PERIODIC, 0, True, Period.MONTH, 0, 10)),
    ("每半年", (Kind.PERIODIC, 0, True, Period.HALF_YEAR, 0, 0)),
    ("每年", (Kind.PERIODIC, 0, True, Period.YEAR, 0, 0)),
    ("按年度公开", (Kind.PERIODIC, 0, True, Period.YEAR, 0, 0)),
    # standing
    ("长期公开", (Kind.STANDING, 0, True, None, 0, 0)),
    ("动态调整", (Kind.STANDING, 0, True, None, 0, 0)),
    ("动态更新", (Kind.STANDING, 0, True, None, 0, 0)),
    ("常态化公开", (Kind.STANDING, 0, True, None, 0, 0)),
    ("及时公开，动态调整", (Kind.WITHIN, 20, True, None, 0, 0)),
    ("自该信息形成或者变更之日起20个工作日内（法律、法规另有规定的，从其规定）", WITHIN_20),
    # no rule the platform can check
    ("按规定时限公开", (Kind.MANUAL, 0, True, None, 0, 0)),
    ("2021年12月31日前", (Kind.MANUAL, 0, True, None, 0, 0)),
    ("每年13月1日前", (Kind.MANUAL, 0, True, None, 0, 0)),
    ("", (Kind.MANUAL, 0, True, None, 0, 0)),
    ("依法公开", (Kind.MANUAL, 0, True, None, 0, 0)),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_each_phrase_reads_as_its_rule(phrase: str, expected: tuple[object, ...]) -> None:
    assert _shape(parse(phrase)) == expected


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("七", 7), ("十", 10), ("十五", 15), ("二十", 20), ("三十一", 31), ("一百", 100), ("一零", None)],
)
def test_chinese_numerals(numeral: str, value: int | None) -> None:
    assert chinese_number(numeral) == value


# 2021: National Day holiday 1–7 October, make-up working days 26 September and 9 October.
CALENDAR = WorkdayCalendar(
    {
        2021: YearArrangement(
            2021,
            holidays={date(2021, 10, day): "国庆节" for day in range(1, 8)},
            makeup_workdays={date(2021, 9, 26): "国庆节", date(2021, 10, 9): "国庆节"},
        )
    }
)


def test_working_days_skip_the_holiday_and_count_the_make_up_days() -> None:
    # From Thursday 23 September: 24, 26 (Sunday, make-up), 27, 28, 29, 30, then 8 and 9 October.
    assert due_after(date(2021, 9, 23), 8, True, CALENDAR) == date(2021, 10, 9)
    assert due_after(date(2021, 9, 23), 8, False, CALENDAR) == date(2021, 10, 1)


def test_a_yearly_date_has_one_window_a_year_late_until_the_year_ends() -> None:
    rule = parse("每年1月31日前")
    found = windows(rule, date(2020, 6, 1), date(2022, 2, 1), CALENDAR)
    assert [(window.label, window.due, window.late_until) for window in found] == [
        ("2021年", date(2021, 1, 31), date(2021, 12, 31)),
        ("2022年", date(2022, 1, 31), date(2022, 12, 31)),
    ]


def test_a_quarter_with_a_lag_is_due_after_it_ends() -> None:
    found = windows(parse("每季度结束后15日内"), date(2021, 1, 1), date(2021, 7, 31), CALENDAR)
    assert [(window.label, window.opens, window.due) for window in found] == [
        ("2021年第1季度", date(2021, 1, 1), date(2021, 4, 15)),
        ("2021年第2季度", date(2021, 4, 1), date(2021, 7, 15)),
    ]


def test_a_plain_month_is_due_on_its_last_day() -> None:
    found = windows(parse("每月"), date(2021, 2, 10), date(2021, 4, 5), CALENDAR)
    assert [(window.label, window.due) for window in found] == [
        ("2021年2月", date(2021, 2, 28)),
        ("2021年3月", date(2021, 3, 31)),
    ]


def test_staff_enter_a_rule_of_working_days_calendar_days_or_a_yearly_date() -> None:
    assert _shape(manual_rule(ManualKind.WORKDAYS, count=15)) == (Kind.WITHIN, 15, True, None, 0, 0)
    assert _shape(manual_rule(ManualKind.DAYS, count=30)) == (Kind.WITHIN, 30, False, None, 0, 0)
    assert _shape(manual_rule(ManualKind.YEARLY, month=3, day=31)) == (Kind.PERIODIC, 0, True, Period.YEAR, 3, 31)
    with pytest.raises(ValueError, match="day of the year"):
        manual_rule(ManualKind.YEARLY, month=2, day=30)
    with pytest.raises(ValueError, match="positive"):
        manual_rule(ManualKind.DAYS, count=0)


@pytest.mark.parametrize(
    ("phrase", "description"),
    [
        ("信息形成之日起20个工作日内", "形成或变更之日起20个工作日内"),
        ("每年1月31日前", "每年1月31日前"),
        ("每季度结束后15日内", "每季度结束后15日内"),
        ("动态调整", "长期公开，动态更新"),
        ("按规定", "需人工设定规则"),
    ],
)
def test_rules_describe_themselves_in_the_catalog_words(phrase: str, description: str) -> None:
    assert parse(phrase).describe() == description
