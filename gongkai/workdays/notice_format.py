"""Parse the lines an administrator types from the State Council's holiday notice.

One festival per line: its name, then dates or ranges, for example
    国庆节 2027-10-01~2027-10-07
    春节 2027-02-06至2027-02-13
    劳动节 2027-05-01 2027-05-02
Dates may be written 2027-10-01, 2027/10/01 or 2027年10月1日, each with its year; nothing but
dates and ranges may follow the festival name.
"""

import re
from datetime import date, timedelta

_DATE = r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?"
_RANGE = re.compile(_DATE + r"(?:\s*(?:~|～|至|到|—|–|-{1,2})\s*" + _DATE + r")?")
# Between and after the dates only spaces and list punctuation may remain: a range end written
# without its year (2027年10月1日至7日) or a remark (共8天) would otherwise be dropped silently.
_SEPARATORS_ONLY = re.compile(r"[\s,，、;；]*")


class NoticeFormatError(ValueError):
    def __init__(self, line_number: int, message: str) -> None:
        super().__init__(message)
        self.line_number = line_number
        self.message = message


def _make_date(line_number: int, year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise NoticeFormatError(line_number, "invalid_date") from error


def parse_days(text: str, *, year: int) -> dict[date, str]:
    """Map every listed date to its festival; raise NoticeFormatError naming the bad line."""
    days: dict[date, str] = {}
    for line_number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        first = _RANGE.search(line)
        if first is None:
            raise NoticeFormatError(line_number, "no_date")
        festival = line[: first.start()].strip(" :：,，、")
        if not festival:
            raise NoticeFormatError(line_number, "no_festival")
        if not _SEPARATORS_ONLY.fullmatch(_RANGE.sub(" ", line[first.start() :])):
            raise NoticeFormatError(line_number, "extra_text")
        for match in _RANGE.finditer(line):
            start = _make_date(line_number, *match.groups()[:3])
            end = _make_date(line_number, *match.groups()[3:]) if match.group(4) else start
            if end < start:
                raise NoticeFormatError(line_number, "range_backwards")
            day = start
            while day <= end:
                if day.year != year:
                    raise NoticeFormatError(line_number, "wrong_year")
                days[day] = festival
                day += timedelta(days=1)
    return days


def format_days(days: dict[date, str]) -> str:
    """The inverse of parse_days: consecutive dates of one festival become one range per line."""
    lines: list[str] = []
    ordered = sorted(days.items())
    index = 0
    while index < len(ordered):
        festival = ordered[index][1]
        spans: list[tuple[date, date]] = []
        while index < len(ordered) and ordered[index][1] == festival:
            day = ordered[index][0]
            if spans and spans[-1][1] + timedelta(days=1) == day:
                spans[-1] = (spans[-1][0], day)
            else:
                spans.append((day, day))
            index += 1
        parts = [f"{a:%Y-%m-%d}" if a == b else f"{a:%Y-%m-%d}~{b:%Y-%m-%d}" for a, b in spans]
        lines.append(f"{festival} {' '.join(parts)}")
    return "\n".join(lines)
