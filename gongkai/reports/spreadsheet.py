"""The tables as an XLSX workbook in the template's layout, and back.

One sheet per table (表一 主动公开, 表二 依申请, 表三 复议诉讼) drawn from ``grid``, with the
template's merged cells, so staff fill in a past report's numbers where the printed report shows
them. Reading checks every label against the chosen format before it reads a number, so a 2019
sheet cannot be read as a 2021 one; errors name the sheet, the cell and the row label, in Chinese.
"""

import io
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.reports import grid, template
from gongkai.reports.tables import B_WIDTH, C_WIDTH, ReportTables, parse_amount
from gongkai.reports.template import ReportFormat

SHEET_NAMES = ("表一 主动公开", "表二 依申请", "表三 复议诉讼")
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def write(tables: ReportTables, *, title: str, blank: bool = False) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, (heading, table) in zip(SHEET_NAMES, grid.tables_of(tables, blank=blank), strict=True):
        sheet = workbook.create_sheet(name)
        sheet.cell(1, 1, f"{title} {heading}").font = Font(bold=True, size=12)
        _draw(sheet, table, first_row=3)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _draw(sheet: Worksheet, table: grid.Grid, *, first_row: int) -> None:
    for spot in grid.placed(table):
        row, column = first_row + spot.row, 1 + spot.column
        cell = sheet.cell(row, column, _typed(spot.cell))
        cell.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="center" if spot.cell.header else "right"
        )
        cell.border = _BORDER
        if spot.cell.header:
            cell.font = Font(bold=spot.row == 0)
        if spot.cell.colspan > 1 or spot.cell.rowspan > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + spot.cell.rowspan - 1,
                end_column=column + spot.cell.colspan - 1,
            )
    for column in range(1, grid.width(table) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14


def _typed(cell: grid.Cell) -> str | int | float:
    if cell.header or not cell.text:
        return cell.text
    value = Decimal(cell.text)
    return int(value) if value == value.to_integral() else float(value)


@dataclass(frozen=True)
class CellError:
    sheet: str
    cell: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet} {self.cell}：{self.message}"


class SpreadsheetError(ValueError):
    def __init__(self, errors: list[CellError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def _text(value: object) -> str:
    return "" if value is None else "".join(str(value).split())


def read(data: bytes, report_format: ReportFormat) -> ReportTables:
    """The tables of a filled-in workbook; raises SpreadsheetError listing every bad cell."""
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises several unrelated types for a file that is not XLSX
        raise SpreadsheetError([CellError("", "", "文件不是有效的 Excel（.xlsx）工作簿。")]) from error
    errors: list[CellError] = []
    values: dict[str, Decimal] = {}
    for name, (_heading, table) in zip(SHEET_NAMES, grid.for_format(report_format), strict=True):
        if name not in workbook.sheetnames:
            errors.append(CellError(name, "", "缺少此工作表，请使用本平台下载的空白模板。"))
            continue
        sheet = workbook[name]
        for spot in grid.placed(table):
            row, column = 3 + spot.row, 1 + spot.column
            where = f"{get_column_letter(column)}{row}"
            found = sheet.cell(row, column).value
            if spot.cell.header:
                if _text(found) != _text(spot.cell.text):
                    errors.append(
                        CellError(
                            name, where, f"此处应为“{spot.cell.text}”，请确认报告格式（{report_format.value}年版）。"
                        )
                    )
                continue
            parsed = _number(found, spot.cell.key, report_format, name, where, errors)
            if parsed is not None:
                values[spot.cell.key] = parsed
    if errors:
        raise SpreadsheetError(errors)
    return _assemble(values, report_format)


def _number(
    value: object, key: str, report_format: ReportFormat, sheet: str, where: str, errors: list[CellError]
) -> Decimal | None:
    if value is None or _text(value) == "":
        if key.startswith("a:"):
            return None  # a Table A figure the report left blank stays blank
        return Decimal(0)
    try:
        number = parse_amount(str(value))
    except ValueError:
        errors.append(CellError(sheet, where, f"“{value}”不是数字。"))
        return None
    name = key.split(":", 1)[1]
    whole_only = not key.startswith("a:") or name not in template.DECIMAL_KEYS
    if whole_only and number != number.to_integral():
        errors.append(CellError(sheet, where, f"{value} 应为整数。"))
    elif number < 0 and not (key.startswith("a:") and template.is_signed(name)):
        errors.append(CellError(sheet, where, f"{value} 不能为负数。"))
    return number


def _assemble(values: dict[str, Decimal], report_format: ReportFormat) -> ReportTables:
    rows = len(template.b_rows(report_format))
    b = tuple(tuple(int(values.get(f"b:{row}:{column}", 0)) for column in range(B_WIDTH)) for row in range(rows))
    c = tuple(int(values.get(f"c:{index}", 0)) for index in range(C_WIDTH))
    a = {key[2:]: value for key, value in values.items() if key.startswith("a:")}
    return ReportTables(report_format, a, b, c)
