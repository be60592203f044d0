"""发文字号: parse what people type and store the standard form.

GB/T 9704-2012 §7.2.4 writes the number as 机关代字 + 〔年份〕 + 序号 + 号: the year in full inside
六角括号 〔〕, the serial without leading zeros, followed by 号. People type [] () 【】 ［］ （） or
half-width brackets; all are accepted and normalised so the same document is found one way.
"""

import re
from dataclasses import dataclass

_OPEN = "〔[(（【［〖{"
_CLOSE = "〕])）】］〗}"
_PATTERN = re.compile(
    rf"^\s*(?P<prefix>[^\s{re.escape(_OPEN)}]+?)\s*[{re.escape(_OPEN)}]\s*(?P<year>\d{{4}})\s*[{re.escape(_CLOSE)}]"
    r"\s*第?\s*(?P<serial>\d{1,6})\s*号?\s*$"
)


class DocumentNumberError(ValueError):
    """`code` says what is wrong: empty, format, year or serial."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class DocumentNumber:
    prefix: str  # 机关代字, e.g. 忻政办发
    year: int
    serial: int

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.serial}号"


def parse(raw: str, *, earliest_year: int = 1949, latest_year: int = 2100) -> DocumentNumber:
    text = raw.strip().replace("\u3000", " ")
    if not text:
        raise DocumentNumberError("empty")
    match = _PATTERN.match(text)
    if match is None:
        raise DocumentNumberError("format")
    year = int(match["year"])
    if not earliest_year <= year <= latest_year:
        raise DocumentNumberError("year")
    serial = int(match["serial"])
    if serial == 0:
        raise DocumentNumberError("serial")
    return DocumentNumber(match["prefix"].strip(), year, serial)


def normalise(raw: str) -> str:
    """The standard spelling, or DocumentNumberError."""
    return str(parse(raw))


def search_key(raw: str) -> str:
    """A bracket-free key for matching: 忻政办发〔2021〕35号, [2021]35 and (2021)35号 agree."""
    try:
        number = parse(raw)
    except DocumentNumberError:
        return re.sub(r"[\s" + re.escape(_OPEN + _CLOSE) + "号第]", "", raw)
    return f"{number.prefix}{number.year}{number.serial}"
