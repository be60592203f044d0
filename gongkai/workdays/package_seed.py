"""Official arrangements as the chinese-calendar package records them, for seeding the table.

The package is a seed, never the source of truth: it covers 2004–2026 only, and later years are
entered from the State Council's notice (REGULATIONS.md §8.2).
"""

from datetime import date

import chinese_calendar

from gongkai.workdays.domain import YearArrangement

PACKAGE_VERSION = chinese_calendar.__version__

FESTIVAL_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def package_arrangements(first_year: int = 2004) -> dict[int, YearArrangement]:
    holidays: dict[int, dict[date, str]] = {}
    makeup: dict[int, dict[date, str]] = {}
    for day, name in chinese_calendar.holidays.items():
        if day.year >= first_year:
            holidays.setdefault(day.year, {})[day] = FESTIVAL_NAMES.get(name, name)
    for day, name in chinese_calendar.workdays.items():
        if day.year >= first_year:
            makeup.setdefault(day.year, {})[day] = FESTIVAL_NAMES.get(name, name)
    return {
        year: YearArrangement(
            year, dict(sorted(holidays.get(year, {}).items())), dict(sorted(makeup.get(year, {}).items()))
        )
        for year in sorted(holidays.keys() | makeup.keys())
    }
