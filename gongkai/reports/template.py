"""The national template of the annual report (政府信息公开工作年度报告格式), as data. Pure Python.

Two formats exist: 国办公开办函〔2021〕30号 (reports on 2021 and later) and the trial format of
国办公开办函〔2019〕60号 (reports on 2019 and 2020, and some later ones that kept it). Every label
is copied verbatim from REGULATIONS.md §2.2–2.4, because a report must reproduce them character for
character; the rows of Table B come from ``foi.decisions.OUTCOMES``, the same taxonomy that records
each application's result, so the report and the case files can never disagree on a label.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from gongkai.foi.decisions import GROUP_OTHER, OUTCOMES


class ReportFormat(StrEnum):
    F2021 = "2021"  # 国办公开办函〔2021〕30号
    F2019 = "2019"  # 国办公开办函〔2019〕60号 (试行)


SECTION_HEADINGS: Final = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

# --- Table A: 主动公开政府信息情况 ---------------------------------------------------------------


@dataclass(frozen=True)
class ARow:
    label: str
    keys: tuple[str, ...]  # one cell key per column; a single key spans every column


@dataclass(frozen=True)
class ABlock:
    heading: str  # 第二十条第（一）项
    columns: tuple[str, ...]  # the header cells after 信息内容
    rows: tuple[ARow, ...]


TABLE_A_WIDTH: Final = 3  # value columns; the first column is 信息内容

_DECISIONS = ("本年处理决定数量",)
_PROJECTS_2019 = ("上一年项目数量", "本年增/减", "处理决定数量")

TABLE_A: Final[dict[ReportFormat, tuple[ABlock, ...]]] = {
    ReportFormat.F2021: (
        ABlock(
            "第二十条第（一）项",
            ("本年制发件数", "本年废止件数", "现行有效件数"),
            (
                ARow("规章", ("rules_issued", "rules_repealed", "rules_in_force")),
                ARow("行政规范性文件", ("normative_issued", "normative_repealed", "normative_in_force")),
            ),
        ),
        ABlock("第二十条第（五）项", _DECISIONS, (ARow("行政许可", ("licensing_decisions",)),)),
        ABlock(
            "第二十条第（六）项",
            _DECISIONS,
            (ARow("行政处罚", ("penalty_decisions",)), ARow("行政强制", ("enforcement_decisions",))),
        ),
        ABlock("第二十条第（八）项", ("本年收费金额（单位：万元）",), (ARow("行政事业性收费", ("fee_amount",)),)),
    ),
    ReportFormat.F2019: (
        ABlock(
            "第二十条第（一）项",
            ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
            (
                ARow("规章", ("rules_made", "rules_published", "rules_total")),
                ARow("规范性文件", ("normative_made", "normative_published", "normative_total")),
            ),
        ),
        ABlock(
            "第二十条第（五）项",
            _PROJECTS_2019,
            (
                ARow("行政许可", ("licensing_last_year", "licensing_change", "licensing_decisions")),
                ARow("其他对外管理服务事项", ("services_last_year", "services_change", "services_decisions")),
            ),
        ),
        ABlock(
            "第二十条第（六）项",
            _PROJECTS_2019,
            (
                ARow("行政处罚", ("penalty_last_year", "penalty_change", "penalty_decisions")),
                ARow("行政强制", ("enforcement_last_year", "enforcement_change", "enforcement_decisions")),
            ),
        ),
        ABlock(
            "第二十条第（八）项",
            ("上一年项目数量", "本年增/减"),
            (ARow("行政事业性收费", ("fees_last_year", "fees_change")),),
        ),
        ABlock(
            "第二十条第（九）项",
            ("采购项目数量", "采购总金额"),
            (ARow("政府集中采购", ("procurement_projects", "procurement_amount")),),
        ),
    ),
}

# Cells that may hold a fraction (万元) or a decrease (本年增/减); every other cell is a count.
DECIMAL_KEYS: Final = frozenset({"fee_amount", "procurement_amount"})

# The cells of the 2021 format counted from the platform's own information items; the others are
# entered by staff (or imported), because other systems hold them.
COUNTED_A_KEYS: Final = (
    "rules_issued",
    "rules_repealed",
    "rules_in_force",
    "normative_issued",
    "normative_repealed",
    "normative_in_force",
)
ENTERED_A_KEYS: Final = ("licensing_decisions", "penalty_decisions", "enforcement_decisions", "fee_amount")


def a_keys(report_format: ReportFormat) -> tuple[str, ...]:
    return tuple(key for block in TABLE_A[report_format] for row in block.rows for key in row.keys)


def a_label(report_format: ReportFormat, key: str) -> str:
    """``行政规范性文件 本年制发件数``: how a cell is named in messages and in the API."""
    for block in TABLE_A[report_format]:
        for row in block.rows:
            if key in row.keys:
                column = block.columns[row.keys.index(key)] if len(row.keys) > 1 else block.columns[0]
                return f"{row.label} {column}"
    raise KeyError(key)


def is_signed(key: str) -> bool:
    return key.endswith("_change")


# --- Table B: 收到和处理政府信息公开申请情况 -----------------------------------------------------

CORNER_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEADING: Final = "申请人情况"
NATURAL_PERSON: Final = "自然人"
LEGAL_PERSONS: Final = "法人或其他组织"
LEGAL_PERSON_COLUMNS: Final = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
TOTAL: Final = "总计"
B_COLUMNS: Final = (NATURAL_PERSON, *LEGAL_PERSON_COLUMNS, TOTAL)
RESULTS_SECTION: Final = "三、本年度办理结果"


@dataclass(frozen=True)
class BRow:
    """One numeric row of Table B, with the header cells it sits under."""

    section: str  # 三、本年度办理结果, or "" when the label spans the section column
    group: str  # （三）不予公开, or "" when the label spans the group column
    label: str

    @property
    def path(self) -> str:
        """The row's full name, ``（三）不予公开/1.属于国家秘密``, as published tables are transcribed."""
        return "/".join(part for part in (self.group or self.section, self.label) if part)


def _result_rows(report_format: ReportFormat) -> tuple[BRow, ...]:
    rows: list[BRow] = []
    for outcome_row in OUTCOMES:
        if outcome_row.group == GROUP_OTHER and report_format is ReportFormat.F2019:
            if not rows or rows[-1].label != GROUP_OTHER:
                rows.append(BRow(RESULTS_SECTION, "", GROUP_OTHER))  # one row until the 2021 split
            continue
        if outcome_row.label == outcome_row.group:
            rows.append(BRow(RESULTS_SECTION, "", outcome_row.label))
        else:
            rows.append(BRow(RESULTS_SECTION, outcome_row.group, outcome_row.label))
    return tuple(rows)


def b_rows(report_format: ReportFormat) -> tuple[BRow, ...]:
    """Rows 1–25 of the 2021 format; 23 rows in the 2019 format, whose （六）其他处理 is one row."""
    return (
        BRow("", "", "一、本年新收政府信息公开申请数量"),
        BRow("", "", "二、上年结转政府信息公开申请数量"),
        *_result_rows(report_format),
        BRow(RESULTS_SECTION, "", "（七）总计"),
        BRow("", "", "四、结转下年度继续办理"),
    )


# Positions in the row list (the same in both formats): new, carried in, results, total, carried out.
NEW_ROW: Final = 0
CARRIED_IN_ROW: Final = 1
FIRST_RESULT_ROW: Final = 2
TOTAL_ROW: Final = -2
CARRIED_OUT_ROW: Final = -1

# --- Table C: 政府信息公开行政复议、行政诉讼情况 -------------------------------------------------

RECONSIDERATION: Final = "行政复议"
LITIGATION: Final = "行政诉讼"
LITIGATION_ROUTES: Final = ("未经复议直接起诉", "复议后起诉")
C_RESULTS: Final = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def c_labels() -> tuple[str, ...]:
    """The 15 cells' names in the template's order, ``行政复议/结果维持`` … ``行政诉讼/复议后起诉/总计``."""
    routes = (RECONSIDERATION, *(f"{LITIGATION}/{route}" for route in LITIGATION_ROUTES))
    return tuple(f"{route}/{result}" for route in routes for result in C_RESULTS)
