"""The checks a report must pass before publication. Pure Python.

* the corner note of Table B: 第一项加第二项之和，等于第三项加第四项之和, per column;
* the 总计 column equals the six applicant columns, row by row;
* （七）总计 equals the result rows above it, column by column;
* each route of Table C: 维持 + 纠正 + 其他 + 尚未审结 = 总计;
* 上年结转 equals last year's 结转下年度继续办理, column by column (when last year's report exists);
* no negative count (only 本年增/减 of the 2019 format may be negative);
* no number in the narrative that differs from its table cell, and no 【】 left from the draft.

Messages are in Chinese and quote the template's own labels, so they read like an auditor's note.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.reports import narrative, template
from gongkai.reports.tables import ReportTables


@dataclass(frozen=True)
class Finding:
    rule: str  # corner, row_total, results_total, c_total, carry_over, negative, narrative, placeholder
    message: str


def _b_labels(tables: ReportTables) -> tuple[str, ...]:
    return tuple(row.label for row in template.b_rows(tables.report_format))


def _corner(tables: ReportTables) -> list[Finding]:
    found = []
    b = tables.b
    for column, name in enumerate(template.B_COLUMNS):
        left = b[template.NEW_ROW][column] + b[template.CARRIED_IN_ROW][column]
        right = b[template.TOTAL_ROW][column] + b[template.CARRIED_OUT_ROW][column]
        if left != right:
            found.append(
                Finding(
                    "corner",
                    f"表三“{name}”列：第一项加第二项之和为{left}，第三项（七）总计加第四项之和为{right}，两者应相等。",
                )
            )
    return found


def _row_totals(tables: ReportTables) -> list[Finding]:
    return [
        Finding("row_total", f"表三“{label}”：六类申请人之和为{sum(row[:-1])}，总计栏为{row[-1]}。")
        for label, row in zip(_b_labels(tables), tables.b, strict=True)
        if sum(row[:-1]) != row[-1]
    ]


def _results_total(tables: ReportTables) -> list[Finding]:
    found = []
    results = tables.b[template.FIRST_RESULT_ROW : template.TOTAL_ROW]
    for column, name in enumerate(template.B_COLUMNS):
        summed = sum(row[column] for row in results)
        if summed != tables.b[template.TOTAL_ROW][column]:
            found.append(
                Finding(
                    "results_total",
                    f"表三“{name}”列：（一）至（六）各项之和为{summed}，（七）总计为{tables.b[template.TOTAL_ROW][column]}。",
                )
            )
    return found


def _c_totals(tables: ReportTables) -> list[Finding]:
    found = []
    labels = template.c_labels()
    for start in range(0, len(tables.c), len(template.C_RESULTS)):
        parts, total = tables.c[start : start + 4], tables.c[start + 4]
        if sum(parts) != total:
            route = labels[start].rsplit("/", 1)[0]
            found.append(
                Finding("c_total", f"表四“{route}”：维持、纠正、其他结果与尚未审结之和为{sum(parts)}，总计为{total}。")
            )
    return found


def _carry_over(tables: ReportTables, previous: ReportTables) -> list[Finding]:
    found = []
    carried_out = previous.b[template.CARRIED_OUT_ROW]
    for column, name in enumerate(template.B_COLUMNS):
        if tables.b[template.CARRIED_IN_ROW][column] != carried_out[column]:
            found.append(
                Finding(
                    "carry_over",
                    f"表三“{name}”列：上年结转{tables.b[template.CARRIED_IN_ROW][column]}件，"
                    f"上年度报告结转下年度继续办理{carried_out[column]}件，两者应相等。",
                )
            )
    return found


def _negative(tables: ReportTables) -> list[Finding]:
    found = [
        Finding("negative", f"表一“{template.a_label(tables.report_format, key)}”不能为负数。")
        for key, value in tables.a.items()
        if value < 0 and not template.is_signed(key)
    ]
    if any(cell < 0 for row in tables.b for cell in row) or any(cell < 0 for cell in tables.c):
        found.append(Finding("negative", "表三、表四的件数不能为负数。"))
    return found


def _narrative(text: str, tables: ReportTables) -> list[Finding]:
    found = [
        Finding(
            "narrative",
            f"正文“{item.claim.quote}”称{item.claim.number}件，{item.where}为{item.table_value}。",
        )
        for item in narrative.contradictions(text, tables)
    ]
    found += [Finding("placeholder", f"正文仍有待填写的内容：{mark}") for mark in narrative.placeholders(text)]
    return found


def validate(tables: ReportTables, *, previous: ReportTables | None, narrative_text: Sequence[str]) -> list[Finding]:
    """Every inconsistency found; an empty list means the report may be published."""
    findings = _negative(tables) + _row_totals(tables) + _results_total(tables) + _corner(tables) + _c_totals(tables)
    if previous is not None and previous.b:
        findings += _carry_over(tables, previous)
    findings += _narrative("\n".join(narrative_text), tables)
    return findings
