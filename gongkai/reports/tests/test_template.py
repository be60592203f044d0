"""The template's labels, row for row as REGULATIONS.md §2.2–2.4 prints them, and the grids' geometry."""

import pytest

from gongkai.foi.tests.test_decisions import TABLE_B_LABELS
from gongkai.reports import grid, template
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat

# REGULATIONS.md §2.3, Table B, rows 1–25 of the 2021 format: rows 3–23 as the decision taxonomy's test copies them.
TABLE_B_2021 = (
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    *TABLE_B_LABELS,
    "（七）总计",
    "四、结转下年度继续办理",
)
GROUPS = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}


def test_table_b_rows_are_the_templates_labels_in_order() -> None:
    assert tuple(row.label for row in template.b_rows(ReportFormat.F2021)) == TABLE_B_2021


def test_the_2019_format_has_one_other_row() -> None:
    labels = [row.label for row in template.b_rows(ReportFormat.F2019)]
    assert len(labels) == 23
    assert labels[20] == "（六）其他处理"
    assert labels[:20] == list(TABLE_B_2021[:20])


@pytest.mark.parametrize("report_format", list(ReportFormat))
def test_every_grid_row_fills_the_table_width(report_format: ReportFormat) -> None:
    for _heading, table in grid.for_format(report_format):
        covered: dict[int, int] = {}
        for spot in grid.placed(table):
            for down in range(spot.cell.rowspan):
                covered[spot.row + down] = covered.get(spot.row + down, 0) + spot.cell.colspan
        assert set(covered.values()) == {grid.width(table)}


def test_table_b_grid_merges_cells_as_the_template() -> None:
    table = grid.table_b(ReportTables.blank(ReportFormat.F2021))
    corner, applicants = table[0]
    assert (corner.text, corner.colspan, corner.rowspan) == (template.CORNER_NOTE, 3, 3)
    assert (applicants.text, applicants.colspan) == ("申请人情况", 7)
    assert [(cell.text, cell.colspan, cell.rowspan) for cell in table[1]] == [
        ("自然人", 1, 2),
        ("法人或其他组织", 5, 1),
        ("总计", 1, 2),
    ]
    assert [cell.text for cell in table[2]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    section = table[5][0]
    assert (section.text, section.rowspan) == ("三、本年度办理结果", 22)
    spans = {cell.text: cell.rowspan for row in table for cell in row if cell.text in GROUPS}
    assert spans == GROUPS


def test_table_c_has_fifteen_cells_under_their_routes() -> None:
    table = grid.table_c(ReportTables.blank(ReportFormat.F2021))
    assert [(cell.text, cell.colspan) for cell in table[0]] == [("行政复议", 5), ("行政诉讼", 10)]
    assert [cell.text for cell in table[1]][5:] == ["未经复议直接起诉", "复议后起诉"]
    assert len(table[3]) == 15


def test_table_a_labels_of_both_formats() -> None:
    assert template.a_label(ReportFormat.F2021, "normative_in_force") == "行政规范性文件 现行有效件数"
    assert template.a_label(ReportFormat.F2021, "fee_amount") == "行政事业性收费 本年收费金额（单位：万元）"
    assert template.a_label(ReportFormat.F2019, "normative_published") == "规范性文件 本年新公开数量"
    assert template.a_label(ReportFormat.F2019, "procurement_amount") == "政府集中采购 采购总金额"
