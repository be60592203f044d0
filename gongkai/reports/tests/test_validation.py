"""Each check catches its inconsistency, a consistent report passes, and a real report validates."""

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from gongkai.reports import narrative, template
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat
from gongkai.reports.validation import Finding, validate


def consistent() -> ReportTables:
    """3 new + 1 carried in = 3 answered + 1 carried out, in the 自然人 column."""
    rows = [[0] * 7 for _ in range(25)]
    rows[0] = [3, 0, 0, 0, 0, 0, 3]
    rows[1] = [1, 0, 0, 0, 0, 0, 1]
    rows[2] = [2, 0, 0, 0, 0, 0, 2]
    rows[12] = [1, 0, 0, 0, 0, 0, 1]
    rows[23] = [3, 0, 0, 0, 0, 0, 3]
    rows[24] = [1, 0, 0, 0, 0, 0, 1]
    c = (1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1)
    return ReportTables(ReportFormat.F2021, {"rules_issued": Decimal(1)}, tuple(map(tuple, rows)), c)


def with_cell(tables: ReportTables, row: int, column: int, value: int) -> ReportTables:
    rows = [list(r) for r in tables.b]
    rows[row][column] = value
    return dataclasses.replace(tables, b=tuple(map(tuple, rows)))


def rules(findings: list[Finding]) -> set[str]:
    return {finding.rule for finding in findings}


def test_a_consistent_report_passes() -> None:
    text = "本年度新收政府信息公开申请3件，上年结转1件，答复3件，结转下年度继续办理1件。行政复议2件，其中结果维持1件，尚未审结1件。"
    assert validate(consistent(), previous=None, narrative_text=[text]) == []


def test_the_corner_note_is_checked_per_column() -> None:
    # One more 自然人 application carried out, and the total column raised with it: only the corner fails.
    tables = with_cell(with_cell(consistent(), 24, 0, 2), 24, 6, 2)
    findings = validate(tables, previous=None, narrative_text=[])
    assert rules(findings) == {"corner"}
    assert "表三“自然人”列：第一项加第二项之和为4，第三项（七）总计加第四项之和为5" in findings[0].message


def test_the_total_column_is_checked_row_by_row() -> None:
    findings = validate(with_cell(consistent(), 0, 6, 4), previous=None, narrative_text=[])
    assert "row_total" in rules(findings)
    assert any("一、本年新收政府信息公开申请数量" in finding.message for finding in findings)


def test_the_results_total_is_checked_column_by_column() -> None:
    tables = with_cell(with_cell(consistent(), 2, 0, 3), 2, 6, 3)  # 予以公开 3, （七）总计 still 3
    assert "results_total" in rules(validate(tables, previous=None, narrative_text=[]))


def test_table_c_totals_are_checked_per_route() -> None:
    tables = dataclasses.replace(consistent(), c=(1, 0, 0, 1, 3, *consistent().c[5:]))
    findings = validate(tables, previous=None, narrative_text=[])
    assert rules(findings) == {"c_total"}
    assert "行政复议" in findings[0].message


def test_the_carry_over_is_checked_against_last_years_report() -> None:
    last_year = with_cell(with_cell(consistent(), 24, 0, 2), 24, 6, 2)
    findings = validate(consistent(), previous=last_year, narrative_text=[])
    assert rules(findings) == {"carry_over"}
    assert "上年度报告结转下年度继续办理2件" in findings[0].message
    assert validate(consistent(), previous=consistent(), narrative_text=[]) == []


def test_negative_counts_are_refused_but_a_2019_decrease_is_not() -> None:
    assert "negative" in rules(
        validate(dataclasses.replace(consistent(), a={"rules_issued": Decimal(-1)}), previous=None, narrative_text=[])
    )
    old = ReportTables.blank(ReportFormat.F2019)
    assert (
        validate(dataclasses.replace(old, a={"licensing_change": Decimal(-12)}), previous=None, narrative_text=[]) == []
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("全年共受理政府信息公开申请4件。", "一、本年新收政府信息公开申请数量"),
        ("答复5件（含上年度结转申请1件）。", "（七）总计"),
        ("另有2件顺延到下年度答复。", "四、结转下年度继续办理"),
        ("政府信息公开行政复议2件，其中结果维持2件。", "行政复议/结果维持"),
        ("政府信息公开行政诉讼3件。", "行政诉讼"),
        ("制发规章2件。", "规章"),
    ],
)
def test_a_number_in_the_text_that_differs_from_its_cell_is_flagged(text: str, where: str) -> None:
    findings = validate(consistent(), previous=None, narrative_text=[text])
    assert rules(findings) == {"narrative"}
    assert where in findings[0].message


def test_placeholders_left_from_the_draft_are_flagged() -> None:
    findings = validate(consistent(), previous=None, narrative_text=["【请填写：培训情况】"])
    assert [finding.rule for finding in findings] == ["placeholder"]


def test_the_draft_narrative_agrees_with_its_tables() -> None:
    tables = consistent()
    facts = narrative.DraftFacts("测试市财政局", 2025, 40, 300, tables)
    overview, problems, other = narrative.draft_sections(facts)
    assert "新收政府信息公开申请3件" in overview
    assert "收取信息处理费300元" in other
    assert rules(validate(tables, previous=None, narrative_text=[overview, problems, other])) == {"placeholder"}


def huaian_tables(data: dict[str, Any]) -> ReportTables:
    """The transcribed tables of the Huai'an 2024 report, row labels checked against the template."""
    table_a = data["table2_主动公开政府信息情况"]
    first = table_a["第二十条第（一）项"]
    a = {
        **dict(zip(("rules_issued", "rules_repealed", "rules_in_force"), map(Decimal, first["规章"]), strict=True)),
        **dict(
            zip(
                ("normative_issued", "normative_repealed", "normative_in_force"),
                map(Decimal, first["行政规范性文件"]),
                strict=True,
            )
        ),
        "licensing_decisions": Decimal(table_a["第二十条第（五）项"]["行政许可_本年处理决定数量"]),
        "penalty_decisions": Decimal(table_a["第二十条第（六）项"]["行政处罚_本年处理决定数量"]),
        "enforcement_decisions": Decimal(table_a["第二十条第（六）项"]["行政强制_本年处理决定数量"]),
        "fee_amount": Decimal(str(table_a["第二十条第（八）项"]["行政事业性收费_本年收费金额_万元"])),
    }
    rows = data["table3_收到和处理政府信息公开申请情况"]["rows"]
    paths = [row.path for row in template.b_rows(ReportFormat.F2021)]
    assert [row["label"] for row in rows] == paths
    table_c = data["table4_政府信息公开行政复议行政诉讼情况"]
    routes = ("行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉")
    c = tuple(table_c[route][result] for route in routes for result in template.C_RESULTS)
    return ReportTables(ReportFormat.F2021, a, tuple(tuple(row["values"]) for row in rows), c)


def test_the_published_huaian_2024_report_validates(huaian_2024: tuple[dict[str, Any], str]) -> None:
    data, text = huaian_2024
    sections = narrative.split_report_text(text)
    assert sections[0].startswith("2024 年，我市坚持")
    assert "3940" in sections[2]
    tables = huaian_tables(data)
    found = {claim.measure for claim in narrative.claims("\n".join(sections))}
    assert {"new", "answered", "carried_in", "carried_out", "reconsideration_总计", "litigation_总计"} <= found
    assert validate(tables, previous=None, narrative_text=sections) == []
    # The same text against a table with one cell changed is caught.
    assert rules(validate(with_cell(tables, 0, 6, 3120), previous=None, narrative_text=sections)) == {
        "row_total",
        "corner",
        "narrative",
    }
