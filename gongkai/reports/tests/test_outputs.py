"""DOCX, PDF and XLSX read back to the same numbers; the XLSX template imports in both formats."""

import io
from decimal import Decimal
from typing import Any

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook

from gongkai.reports import documents, spreadsheet, template
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat
from gongkai.reports.tests.test_validation import consistent, huaian_tables


def report_document(tables: ReportTables) -> documents.ReportDocument:
    return documents.ReportDocument(
        "测试市财政局2025年政府信息公开工作年度报告", "本报告……", ("总体情况正文", "问题", "无"), tables
    )


def test_the_docx_tables_hold_the_numbers_under_their_labels(huaian_2024: tuple[dict[str, Any], str]) -> None:
    tables = huaian_tables(huaian_2024[0])
    word = Document(io.BytesIO(documents.to_docx(report_document(tables))))
    table_a, table_b, table_c = word.tables
    assert [cell.text for cell in table_a.rows[2].cells] == ["规章", "1", "0", "11"]
    assert [cell.text for cell in table_a.rows[13].cells] == [
        "行政事业性收费",
        "96171.6",
        "96171.6",
        "96171.6",
    ]  # merged
    new = table_b.rows[3].cells
    assert [cell.text for cell in new][:3] == ["一、本年新收政府信息公开申请数量"] * 3
    assert [cell.text for cell in new][3:] == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert [cell.text for cell in table_b.rows[27].cells][3:] == ["103", "0", "0", "0", "0", "0", "103"]
    assert [cell.text for cell in table_c.rows[3].cells] == [str(value) for value in tables.c]
    headings = [paragraph.text for paragraph in word.paragraphs if paragraph.text in template.SECTION_HEADINGS]
    assert headings == list(template.SECTION_HEADINGS)


def test_the_pdf_reads_back_to_the_same_numbers(huaian_2024: tuple[dict[str, Any], str]) -> None:
    tables = huaian_tables(huaian_2024[0])
    with pdfplumber.open(io.BytesIO(documents.to_pdf(report_document(tables)))) as pdf:
        extracted = [row for page in pdf.pages for table in page.extract_tables() for row in table]
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    numeric = [[cell for cell in row if cell and cell.replace(".", "").isdigit()] for row in extracted]
    for values in tables.b:
        assert [str(value) for value in values] in numeric
    assert [str(value) for value in tables.c] in numeric
    assert ["1", "0", "11"] in numeric
    assert ["96171.6"] in numeric
    for heading in template.SECTION_HEADINGS:
        assert heading in text


@pytest.mark.parametrize("report_format", list(ReportFormat))
def test_a_filled_template_reads_back_to_the_same_tables(report_format: ReportFormat) -> None:
    blank = ReportTables.blank(report_format)
    b = tuple(tuple(row * 7 + column for column in range(7)) for row in range(len(blank.b)))
    keys = template.a_keys(report_format)
    a = {
        key: Decimal(index) + (Decimal("0.5") if key in template.DECIMAL_KEYS else 0) for index, key in enumerate(keys)
    }
    tables = ReportTables(report_format, a, b, tuple(range(15)))
    assert spreadsheet.read(spreadsheet.write(tables, title="测试"), report_format) == tables


def test_the_blank_template_reads_as_zeros_with_table_a_left_blank() -> None:
    data = spreadsheet.write(ReportTables.blank(ReportFormat.F2021), title="模板", blank=True)
    assert spreadsheet.read(data, ReportFormat.F2021) == ReportTables.blank(ReportFormat.F2021)


def test_a_sheet_of_the_other_format_is_refused_at_its_labels() -> None:
    data = spreadsheet.write(ReportTables.blank(ReportFormat.F2019), title="2019", blank=True)
    with pytest.raises(spreadsheet.SpreadsheetError) as refused:
        spreadsheet.read(data, ReportFormat.F2021)
    assert any("此处应为“本年制发件数”" in str(error) for error in refused.value.errors)


def test_bad_cells_are_named_by_sheet_and_cell() -> None:
    workbook = load_workbook(io.BytesIO(spreadsheet.write(consistent(), title="测试")))
    sheet = workbook[spreadsheet.SHEET_NAMES[1]]
    sheet["D6"] = "三件"
    sheet["E6"] = 1.5
    sheet["F6"] = -2
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(spreadsheet.SpreadsheetError) as refused:
        spreadsheet.read(buffer.getvalue(), ReportFormat.F2021)
    assert [str(error) for error in refused.value.errors] == [
        "表二 依申请 D6：“三件”不是数字。",
        "表二 依申请 E6：1.5 应为整数。",
        "表二 依申请 F6：-2 不能为负数。",
    ]


def test_a_file_that_is_not_a_workbook_is_refused() -> None:
    with pytest.raises(spreadsheet.SpreadsheetError, match="不是有效的 Excel"):
        spreadsheet.read(b"%PDF-1.4", ReportFormat.F2021)
