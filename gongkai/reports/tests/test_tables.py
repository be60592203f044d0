"""Counting the records into Tables A, B and C: every cell of a year with known records."""

from datetime import date
from decimal import Decimal

from gongkai.foi.applicants import ApplicantKind
from gongkai.foi.decisions import Outcome
from gongkai.foi.remedies import Result, Route
from gongkai.policies.domain import Validity
from gongkai.reports.tables import (
    ApplicationFact,
    ChallengeFact,
    ReportTables,
    RuleFact,
    count_table_a,
    count_table_b,
    count_table_c,
)
from gongkai.reports.template import ReportFormat

PERSON, FIRM, LAWYER = ApplicantKind.NATURAL_PERSON, ApplicantKind.COMMERCIAL, ApplicantKind.LEGAL_SERVICE


def fact(
    kind: ApplicantKind, received: date, decided: date | None = None, outcome: Outcome | None = None
) -> ApplicationFact:
    return ApplicationFact(kind, received, decided, outcome)


FACTS = [
    # Received in 2025 and decided in 2025.
    fact(PERSON, date(2025, 3, 1), date(2025, 3, 20), Outcome.DISCLOSED),
    fact(PERSON, date(2025, 4, 1), date(2025, 4, 20), Outcome.DISCLOSED),
    fact(FIRM, date(2025, 5, 1), date(2025, 5, 20), Outcome.PARTLY_DISCLOSED),
    fact(PERSON, date(2025, 6, 1), date(2025, 6, 20), Outcome.WITHHELD_THIRD_PARTY),
    fact(LAWYER, date(2025, 7, 1), date(2025, 7, 9), Outcome.UNAVAILABLE_NOT_HELD),
    fact(PERSON, date(2025, 8, 1), date(2025, 8, 5), Outcome.NOT_PROCESSED_REPEAT),
    fact(PERSON, date(2025, 9, 1), date(2025, 10, 9), Outcome.OTHER_NO_CORRECTION),
    fact(FIRM, date(2025, 9, 2), date(2025, 10, 9), Outcome.OTHER_FEE_UNPAID),
    fact(PERSON, date(2025, 9, 3), date(2025, 9, 4), Outcome.OTHER),
    # Carried in from 2024 and decided in 2025.
    fact(PERSON, date(2024, 12, 20), date(2025, 1, 10), Outcome.DISCLOSED),
    # Carried in from 2024 and still open at the end of 2025.
    fact(FIRM, date(2024, 12, 28)),
    # Received in 2025, decided in 2026: carried out.
    fact(LAWYER, date(2025, 12, 24), date(2026, 1, 8), Outcome.DISCLOSED),
    # Outside the year: decided in 2024, or received in 2026.
    fact(PERSON, date(2024, 5, 1), date(2024, 5, 20), Outcome.DISCLOSED),
    fact(PERSON, date(2026, 1, 5)),
]

#           自然人 商业 科研 公益 法律 其他 总计
EXPECTED_B = {
    1: (6, 2, 0, 0, 2, 0, 10),
    2: (1, 1, 0, 0, 0, 0, 2),
    3: (3, 0, 0, 0, 0, 0, 3),
    4: (0, 1, 0, 0, 0, 0, 1),
    8: (1, 0, 0, 0, 0, 0, 1),
    13: (0, 0, 0, 0, 1, 0, 1),
    17: (1, 0, 0, 0, 0, 0, 1),
    21: (1, 0, 0, 0, 0, 0, 1),
    22: (0, 1, 0, 0, 0, 0, 1),
    23: (1, 0, 0, 0, 0, 0, 1),
    24: (7, 2, 0, 0, 1, 0, 10),
    25: (0, 1, 0, 0, 1, 0, 2),
}


def test_every_cell_of_table_b() -> None:
    table = count_table_b(FACTS, 2025)
    assert len(table) == 25
    for number, row in enumerate(table, start=1):
        assert row == EXPECTED_B.get(number, (0,) * 7), f"row {number}"


def test_the_carry_over_equals_last_years_carry_forward() -> None:
    assert count_table_b(FACTS, 2025)[1] == count_table_b(FACTS, 2024)[-1]
    assert count_table_b(FACTS, 2026)[1] == count_table_b(FACTS, 2025)[-1]


def test_table_c_counts_cases_filed_in_the_year_with_their_result_at_year_end() -> None:
    facts = [
        ChallengeFact(Route.RECONSIDERATION, Result.UPHELD, date(2025, 2, 1), date(2025, 4, 1)),
        ChallengeFact(Route.RECONSIDERATION, Result.CORRECTED, date(2025, 3, 1), date(2025, 5, 1)),
        ChallengeFact(Route.RECONSIDERATION, Result.UPHELD, date(2025, 11, 1), date(2026, 1, 10)),  # 尚未审结 then
        ChallengeFact(Route.LITIGATION_DIRECT, Result.OTHER, date(2025, 6, 1), date(2025, 9, 1)),
        ChallengeFact(Route.LITIGATION_AFTER_RECONSIDERATION, Result.PENDING, date(2025, 7, 1), None),
        ChallengeFact(Route.RECONSIDERATION, Result.UPHELD, date(2024, 7, 1), date(2025, 1, 3)),  # filed in 2024
    ]
    assert count_table_c(facts, 2025) == (1, 1, 0, 1, 3, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1)


def test_table_a_counts_issued_repealed_and_in_force_at_year_end() -> None:
    facts = [
        RuleFact(True, date(2025, 3, 1), None, None, Validity.VALID),  # issued, in force
        RuleFact(True, date(2019, 3, 1), date(2025, 6, 1), None, Validity.VALID),  # repealed in 2025
        RuleFact(False, date(2025, 5, 1), None, date(2030, 5, 1), Validity.VALID),
        RuleFact(False, date(2020, 5, 1), None, date(2025, 5, 1), Validity.VALID),  # expired in 2025
        RuleFact(False, date(2023, 5, 1), None, None, Validity.VALID),
        RuleFact(False, date(2026, 2, 1), None, None, Validity.VALID),  # issued after the year
    ]
    assert count_table_a(facts, 2025) == {
        "rules_issued": Decimal(1),
        "rules_repealed": Decimal(1),
        "rules_in_force": Decimal(1),
        "normative_issued": Decimal(1),
        "normative_repealed": Decimal(0),
        "normative_in_force": Decimal(2),
    }


def test_tables_round_trip_through_json() -> None:
    tables = ReportTables(ReportFormat.F2021, {"fee_amount": Decimal("96171.6")}, count_table_b(FACTS, 2025), (0,) * 15)
    assert ReportTables.from_json(tables.to_json()) == tables
