"""公开时限: the catalog's time-limit phrases read into rules the working-day calendar can evaluate.

The phrases come from the published catalogs (REGULATIONS.md §4.3–4.4). Counting follows the
platform's calendar: the day the information was formed or changed never counts (民法典第二百零一条),
工作日 are statutory working days, a bare 日 or 天 is a calendar day. 及时公开 is read as 条例第二十六条
reads it: within 20 working days of formation. A phrase that fits no rule is never guessed at: it
comes back MANUAL, and staff enter the row's rule by hand.
"""

import calendar as month_calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from gongkai.workdays.domain import WorkdayCalendar

ART_26_WORKDAYS = 20  # 条例第二十六条：自该政府信息形成或者变更之日起20个工作日内及时公开
REAL_TIME_WORKDAYS = 1  # 实时公开: by the end of the first working day after formation


class Kind(StrEnum):
    WITHIN = "WITHIN"  # N (working) days from formation or change
    PERIODIC = "PERIODIC"  # one item per month, quarter, half-year or year
    STANDING = "STANDING"  # 长期公开, 动态调整: kept published, no clock
    MANUAL = "MANUAL"  # no rule could be read: staff enter one


class Period(StrEnum):
    MONTH = "MONTH"
    QUARTER = "QUARTER"
    HALF_YEAR = "HALF_YEAR"
    YEAR = "YEAR"


@dataclass(frozen=True)
class Rule:
    """A time limit. WITHIN uses count and workdays. PERIODIC uses period and, when the phrase sets
    a deadline, either a lag after the period ends (count, workdays) or a fixed day (month, day)."""

    kind: Kind
    count: int = 0
    workdays: bool = True
    period: Period | None = None
    month: int = 0  # 每年M月D日前
    day: int = 0  # 每年M月D日前, 每月D日前
    phrase: str = ""

    def describe(self) -> str:
        """The rule in the catalog's own words, for pages and reports."""
        unit = "个工作日" if self.workdays else "日"
        if self.kind == Kind.WITHIN:
            return f"形成或变更之日起{self.count}{unit}内"
        if self.kind == Kind.STANDING:
            return "长期公开，动态更新"
        if self.kind == Kind.MANUAL:
            return "需人工设定规则"
        names = {Period.MONTH: "每月", Period.QUARTER: "每季度", Period.HALF_YEAR: "每半年", Period.YEAR: "每年"}
        text = names[self.period] if self.period else ""
        if self.month:
            return f"{text}{self.month}月{self.day}日前"
        if self.day:
            return f"{text}{self.day}日前"
        if self.count:
            return f"{text}结束后{self.count}{unit}内"
        return text


MANUAL = Rule(Kind.MANUAL)

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """一 … 九十九 and 一百, the numbers a time limit uses; None for anything else."""
    if text.isdigit():
        return int(text)
    if text == "一百":
        return 100
    tens, ten, ones = text.partition("十")
    try:
        if ten:
            return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
        return _DIGITS[text]
    except KeyError:
        return None


def _digits(match: re.Match[str]) -> str:
    number = chinese_number(match.group())
    return match.group() if number is None else str(number)


def normalise(phrase: str) -> str:
    """Width-folded, without spaces or brackets' asides, Chinese numerals before units as digits."""
    text = unicodedata.normalize("NFKC", phrase)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"\((?:法律|法规|法律、法规|另有规定)[^)]*\)", "", text)
    return re.sub(
        r"(?:一百|[零〇一二两三四五六七八九十]+)(?=个?(?:工作日|日|天|月|号|个月))",
        _digits,
        text,
    )


_UNIT = r"(?P<unit>个?工作日|日|天|个自然日|自然日)"
_WITHIN = re.compile(r"(?<![月\d])(?P<count>\d+)" + _UNIT + r"(?:内|以内|之内|前)?")
_PERIOD_WORDS = (
    (Period.QUARTER, r"(?:每|按|逐)季度?|季度"),
    (Period.HALF_YEAR, r"每半年|半年"),
    (Period.MONTH, r"(?:每|按|逐)月"),
    (Period.YEAR, r"(?:每|按|逐)年(?:度)?|年度"),
)
_YEARLY_DATE = re.compile(
    r"每年(?:的)?(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})[日号]|(?P<end>底|末))(?:前|之前|以前|内)"
)
_MONTHLY_DATE = re.compile(r"每月(?:的)?(?P<day>\d{1,2})[日号](?:前|之前|以前|内)")
_AFTER_PERIOD = re.compile(r"(?:结束|终了|期满)(?:后|之日起)" + r"(?P<count>\d+)" + _UNIT + r"(?:内|以内|之内)")
_STANDING = re.compile(r"长期|常态|动态(?:调整|更新)|持续公开|及时更新|随时更新")


def _is_workdays(unit: str) -> bool:
    return "工作日" in unit


def parse(phrase: str) -> Rule:
    """The rule a 公开时限 phrase states; MANUAL when it states none the platform can check."""
    text = normalise(phrase)
    if not text:
        return MANUAL
    for period, words in _PERIOD_WORDS:
        if not re.search(words, text):
            continue
        if period == Period.YEAR and (found := _YEARLY_DATE.search(text)):
            month = int(found["month"])
            if not 1 <= month <= 12:
                return Rule(Kind.MANUAL, phrase=phrase)
            day = month_calendar.monthrange(2001, month)[1] if found["end"] else int(found["day"])
            if not 1 <= day <= month_calendar.monthrange(2000, month)[1]:
                return Rule(Kind.MANUAL, phrase=phrase)
            return Rule(Kind.PERIODIC, period=Period.YEAR, month=month, day=day, phrase=phrase)
        if period == Period.MONTH and (found := _MONTHLY_DATE.search(text)):
            day = int(found["day"])
            if not 1 <= day <= 28:  # a day every month has
                return Rule(Kind.MANUAL, phrase=phrase)
            return Rule(Kind.PERIODIC, period=Period.MONTH, day=day, phrase=phrase)
        if found := _AFTER_PERIOD.search(text):
            return Rule(
                Kind.PERIODIC,
                period=period,
                count=int(found["count"]),
                workdays=_is_workdays(found["unit"]),
                phrase=phrase,
            )
        if not _WITHIN.search(text):
            return Rule(Kind.PERIODIC, period=period, phrase=phrase)
    if found := _WITHIN.search(text):
        count = int(found["count"])
        if count == 0:
            return Rule(Kind.MANUAL, phrase=phrase)
        return Rule(Kind.WITHIN, count=count, workdays=_is_workdays(found["unit"]), phrase=phrase)
    if "实时" in text:
        return Rule(Kind.WITHIN, count=REAL_TIME_WORKDAYS, phrase=phrase)
    # 及时 beside 动态调整 still sets the clock: a change is published like new information (第二十六条).
    if "及时" in text:
        return Rule(Kind.WITHIN, count=ART_26_WORKDAYS, phrase=phrase)
    if _STANDING.search(text):
        return Rule(Kind.STANDING, phrase=phrase)
    return Rule(Kind.MANUAL, phrase=phrase)


# --- evaluation ---------------------------------------------------------------------------------


def due_after(start: date, count: int, workdays: bool, calendar: WorkdayCalendar) -> date:
    """The last day of a count from `start`, which itself never counts."""
    if workdays:
        return calendar.add_workdays(start, count)
    return start + timedelta(days=count)


@dataclass(frozen=True)
class Window:
    """One period of a periodic rule: an item published in [opens, due] is on time, in (due, late_until] late."""

    label: str
    opens: date
    due: date
    late_until: date


def _period_start(day: date, period: Period) -> date:
    if period == Period.MONTH:
        return day.replace(day=1)
    if period == Period.QUARTER:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if period == Period.HALF_YEAR:
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    return date(day.year, 1, 1)


def _next_start(start: date, period: Period) -> date:
    months = {Period.MONTH: 1, Period.QUARTER: 3, Period.HALF_YEAR: 6, Period.YEAR: 12}[period]
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def _label(start: date, period: Period) -> str:
    if period == Period.MONTH:
        return f"{start.year}年{start.month}月"
    if period == Period.QUARTER:
        return f"{start.year}年第{(start.month - 1) // 3 + 1}季度"
    if period == Period.HALF_YEAR:
        return f"{start.year}年{'上' if start.month == 1 else '下'}半年"
    return f"{start.year}年"


def windows(rule: Rule, since: date, until: date, calendar: WorkdayCalendar) -> list[Window]:
    """The periods of a periodic rule whose deadline falls in [since, until]: those that have come due."""
    if rule.kind != Kind.PERIODIC or rule.period is None:
        raise ValueError("only periodic rules have windows")
    found: list[Window] = []
    start = _period_start(since, rule.period)
    while start <= until:
        following = _next_start(start, rule.period)
        end = following - timedelta(days=1)
        if rule.month:  # 每年M月D日前: the year's item is due on that day of the year
            due = date(start.year, rule.month, min(rule.day, month_calendar.monthrange(start.year, rule.month)[1]))
            window = Window(_label(start, rule.period), start, due, end)
        elif rule.day:  # 每月D日前
            window = Window(_label(start, rule.period), start, start.replace(day=rule.day), end)
        elif rule.count:  # 每季度结束后N日内: the period's item may come until N days after it ends
            due = due_after(end, rule.count, rule.workdays, calendar)
            window = Window(_label(start, rule.period), start, due, _next_start(following, rule.period) - timedelta(1))
        else:  # 每季度: one item within the period
            window = Window(_label(start, rule.period), start, end, end)
        if since <= window.due <= until:
            found.append(window)
        start = following
    return found


class ManualKind(StrEnum):
    WORKDAYS = "WORKDAYS"
    DAYS = "DAYS"
    YEARLY = "YEARLY"


def manual_rule(kind: ManualKind, *, count: int = 0, month: int = 0, day: int = 0) -> Rule:
    """The rule staff enter for a row whose phrase could not be read."""
    if kind == ManualKind.YEARLY:
        if not 1 <= month <= 12 or not 1 <= day <= month_calendar.monthrange(2000, month)[1]:
            raise ValueError("not a day of the year")
        return Rule(Kind.PERIODIC, period=Period.YEAR, month=month, day=day, phrase="人工设定")
    if count < 1:
        raise ValueError("count must be positive")
    return Rule(Kind.WITHIN, count=count, workdays=kind == ManualKind.WORKDAYS, phrase="人工设定")
