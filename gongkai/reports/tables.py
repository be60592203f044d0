"""The report's three tables as values, and how the platform's records count into them. Pure Python.

Counting rules (Table B), from the template's own arithmetic (REGULATIONS.md §2.3):
* an application counts in row 1 in the year it was received (条例第三十一条), and in row 2 of each
  later year it is still undecided at the start of;
* it counts in the result row of its decision in the year it was decided (the reply approved, or
  processing ended after a lapsed period or a withdrawal);
* it counts in row 25 when still undecided at year end.
So row 1 + row 2 = row 24 + row 25 holds by construction, and row 2 equals last year's row 25.

Table C counts the 行政复议 and 行政诉讼 filed in the year, each with its result as it stood at year
end (尚未审结 when undecided then). The template does not say whether a case filed in an earlier year
and decided in this one counts again; counting each case once, in the year it was filed, is our
reading (UNVERIFIED as an official rule).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.foi.applicants import ApplicantKind
from gongkai.foi.decisions import Outcome, row_of
from gongkai.foi.remedies import Challenge, Result, Route, table_c
from gongkai.policies.domain import Validity, validity_on
from gongkai.reports import template
from gongkai.reports.template import ReportFormat

APPLICANT_COLUMN: Mapping[ApplicantKind, int] = {
    ApplicantKind.NATURAL_PERSON: 0,
    ApplicantKind.COMMERCIAL: 1,
    ApplicantKind.RESEARCH: 2,
    ApplicantKind.PUBLIC_WELFARE: 3,
    ApplicantKind.LEGAL_SERVICE: 4,
    ApplicantKind.OTHER_ORGANISATION: 5,
}
B_WIDTH = len(template.B_COLUMNS)
C_WIDTH = len(template.c_labels())


@dataclass(frozen=True)
class ReportTables:
    """Tables A, B and C of one report, in the cell order of its format."""

    report_format: ReportFormat
    a: Mapping[str, Decimal] = field(default_factory=dict)  # cell key → value; a missing key is blank
    b: tuple[tuple[int, ...], ...] = ()  # one row of 7 per template row
    c: tuple[int, ...] = ()  # 15 cells

    @classmethod
    def blank(cls, report_format: ReportFormat) -> "ReportTables":
        rows = len(template.b_rows(report_format))
        return cls(report_format, {}, tuple((0,) * B_WIDTH for _ in range(rows)), (0,) * C_WIDTH)

    def b_total(self, row: int) -> int:
        return self.b[row][-1]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.report_format.value,
            "a": {key: str(value) for key, value in self.a.items()},
            "b": [list(row) for row in self.b],
            "c": list(self.c),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ReportTables":
        return cls(
            ReportFormat(data["format"]),
            {key: Decimal(value) for key, value in data.get("a", {}).items()},
            tuple(tuple(int(cell) for cell in row) for row in data.get("b", [])),
            tuple(int(cell) for cell in data.get("c", [])),
        )


def parse_amount(text: str) -> Decimal:
    """A cell value as staff type it: 96171.6, 1,234 or −3; ValueError when it is not a number."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace("−", "-")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


# --- Table B from applications ----------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationFact:
    applicant_kind: ApplicantKind
    received_on: date
    decided_on: date | None
    outcome: Outcome | None


def _with_totals(rows: list[list[int]]) -> tuple[tuple[int, ...], ...]:
    return tuple((*row, sum(row)) for row in rows)


def count_table_b(facts: Iterable[ApplicationFact], year: int) -> tuple[tuple[int, ...], ...]:
    """The 25 × 7 cells of the 2021 format for one year."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    rows = [[0] * (B_WIDTH - 1) for _ in template.b_rows(ReportFormat.F2021)]
    for fact in facts:
        if fact.received_on > end or (fact.decided_on is not None and fact.decided_on < start):
            continue  # not yet received, or finished before the year began
        column = APPLICANT_COLUMN[fact.applicant_kind]
        rows[template.NEW_ROW if fact.received_on >= start else template.CARRIED_IN_ROW][column] += 1
        if fact.decided_on is not None and fact.decided_on <= end:
            if fact.outcome is None:
                raise ValueError("a decided application has an outcome")
            rows[row_of(fact.outcome).report_row - 1][column] += 1
        else:
            rows[template.CARRIED_OUT_ROW][column] += 1
    results = rows[template.FIRST_RESULT_ROW : template.TOTAL_ROW]
    rows[template.TOTAL_ROW] = [sum(row[column] for row in results) for column in range(B_WIDTH - 1)]
    return _with_totals(rows)


# --- Table C from reconsiderations and lawsuits ----------------------------------------------


@dataclass(frozen=True)
class ChallengeFact:
    route: Route
    result: Result
    filed_on: date
    decided_on: date | None


def count_table_c(facts: Iterable[ChallengeFact], year: int) -> tuple[int, ...]:
    end = date(year, 12, 31)
    as_at_year_end = [
        Challenge(fact.route, fact.result if fact.decided_on is not None and fact.decided_on <= end else Result.PENDING)
        for fact in facts
        if fact.filed_on.year == year
    ]
    return tuple(table_c(as_at_year_end))


# --- Table A from information items ----------------------------------------------------------


@dataclass(frozen=True)
class RuleFact:
    """A 规章 or 行政规范性文件 the organ issued."""

    is_regulation: bool
    issued_on: date
    repealed_on: date | None
    expires_on: date | None
    declared: Validity


def count_table_a(facts: Iterable[RuleFact], year: int) -> dict[str, Decimal]:
    """本年制发件数, 本年废止件数 and 现行有效件数 (valid on 31 December) of 规章 and 行政规范性文件."""
    end = date(year, 12, 31)
    counts = dict.fromkeys(template.COUNTED_A_KEYS, 0)
    for fact in facts:
        prefix = "rules" if fact.is_regulation else "normative"
        if fact.issued_on > end:
            continue
        if fact.issued_on.year == year:
            counts[f"{prefix}_issued"] += 1
        if fact.repealed_on is not None and fact.repealed_on.year == year:
            counts[f"{prefix}_repealed"] += 1
        validity = validity_on(
            today=end, expires_on=fact.expires_on, repealed_on=fact.repealed_on, declared=fact.declared
        )
        if validity is Validity.VALID:
            counts[f"{prefix}_in_force"] += 1
    return {key: Decimal(value) for key, value in counts.items()}
