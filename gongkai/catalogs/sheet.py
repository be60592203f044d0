"""A catalog as an XLSX sheet in the §4.3 column layout, and back from a county's own spreadsheet.

Counties keep their catalogs in Excel as they were printed: a title row or two, a header that may
span two rows (公开事项 over 一级事项/二级事项; 公开对象, 公开方式 and 公开层级 over √ sub-columns),
一级事项 merged down over its rows, notes and blank rows at the end. Reading finds the header by its
labels wherever it is, fills merged cells, and reads text or check-mark columns alike. Every error
names the row and the column in Chinese, and a file with any error yields no rows at all.
"""

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.catalogs import columns
from gongkai.catalogs.columns import RowData

HEADER_SEARCH_ROWS = 15
MAX_LENGTHS = {columns.FIRST_ITEM: 100, columns.SECOND_ITEM: 200, columns.TIME_LIMIT: 300, columns.SUBJECT: 200}
_ALLOWED = {
    columns.AUDIENCE: (columns.WHOLE_SOCIETY, columns.SPECIFIC_GROUPS),
    columns.MANNER: (columns.PROACTIVE, columns.ON_REQUEST),
    columns.LEVELS: columns.CATALOG_LEVELS,
}
_NOTE_PREFIXES = ("注", "备注", "说明", "填表说明")
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class CellError:
    row: int | None
    column: str  # the column's Chinese header, or "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" if self.row else ""
        return f"{where}「{self.column}」：{self.message}" if self.column else f"{where}{self.message}"


class SheetError(ValueError):
    def __init__(self, errors: list[CellError]) -> None:
        super().__init__("；".join(str(error) for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class ParsedRow:
    row: int  # the spreadsheet's own row number, for messages
    data: RowData


@dataclass
class _Layout:
    data_start: int
    text: dict[str, int] = field(default_factory=dict)  # header → column
    marks: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # header → [(column, value)]


def _grid(sheet: Worksheet) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """Every cell's text with merged ranges filled in, and the cells that were filled, not written."""
    grid: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                grid[(cell.row, cell.column)] = columns.clean_text(cell.value)
    filled: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        value = grid.get((merged.min_row, merged.min_col), "")
        for row_number in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                if (row_number, column) != (merged.min_row, merged.min_col):
                    grid[(row_number, column)] = value
                    filled.add((row_number, column))
    return grid, filled


def _mark_value(header: str, sub: str) -> str | None:
    aliases = columns.MARKED_GROUPS[header]
    return aliases.get(sub) or aliases.get(sub.removesuffix("公开"))


def _spans_marks(top: dict[int, str], sub: dict[int, str], header: str) -> bool:
    """A group header over check-mark sub-columns: one label across columns, a different value under each.

    A single data cell under a one-row header (全社会 under 公开对象) is not enough, which keeps a
    plain one-row header from being read as two.
    """
    under = {
        _mark_value(header, sub[column])
        for column, label in top.items()
        if columns.HEADER_ALIASES.get(label) == header and sub[column]
    }
    return len(under - {None}) >= 2


def _layout_at(grid: dict[tuple[int, int], str], row: int, width: int) -> _Layout | None:
    top = {column: columns.header_key(grid.get((row, column), "")) for column in range(1, width + 1)}
    sub = {column: columns.header_key(grid.get((row + 1, column), "")) for column in range(1, width + 1)}
    two_rows = any(
        value in columns.HEADER_ALIASES and value != top[column] and columns.HEADER_ALIASES[value] != columns.SERIAL
        for column, value in sub.items()
    ) or any(_spans_marks(top, sub, header) for header in columns.MARKED_GROUPS)
    layout = _Layout(data_start=row + (2 if two_rows else 1))
    for column in range(1, width + 1):
        below = sub[column] if two_rows else ""
        if below in columns.HEADER_ALIASES and columns.HEADER_ALIASES[below] != columns.SERIAL:
            layout.text.setdefault(columns.HEADER_ALIASES[below], column)
            continue
        header = columns.HEADER_ALIASES.get(top[column])
        if header is None or header == columns.SERIAL:
            continue
        value = _mark_value(header, below) if header in columns.MARKED_GROUPS and below else None
        if value:
            layout.marks.setdefault(header, []).append((column, value))
        else:
            layout.text.setdefault(header, column)
    if columns.FIRST_ITEM in layout.text and columns.SECOND_ITEM in layout.text:
        return layout
    return None


def _find_layout(sheet: Worksheet, grid: dict[tuple[int, int], str]) -> _Layout | None:
    width = sheet.max_column
    for row in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS) + 1):
        layout = _layout_at(grid, row, width)
        if layout is not None:
            return layout
    return None


def _is_note(texts: Sequence[str]) -> bool:
    written = [text for text in texts if text]
    return len(written) == 1 and written[0].startswith(_NOTE_PREFIXES)


def _values(header: str, text: str, marked: list[str], row: int, errors: list[CellError]) -> str:
    found = list(marked)
    if text:
        found += [value for value in columns.split_values(text, columns.MARKED_GROUPS[header]) if value not in found]
    allowed = _ALLOWED[header]
    wrong = [value for value in found if value not in allowed]
    if wrong:
        errors.append(CellError(row, header, f"“{'、'.join(wrong)}”不是可选的值，只能填写{'、'.join(allowed)}"))
    return "、".join(value for value in allowed if value in found)


def read(data: bytes) -> list[ParsedRow]:
    """The catalog rows of the first sheet that has a catalog header; raises SheetError."""
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SheetError([CellError(None, "", "无法读取该文件，请上传Excel（.xlsx）格式的目录表")]) from None
    for sheet in workbook.worksheets:
        grid, filled = _grid(sheet)
        layout = _find_layout(sheet, grid)
        if layout is not None:
            return _rows(sheet, grid, filled, layout)
    raise SheetError(
        [CellError(None, "", f"未找到目录表头：表头行须含「{columns.FIRST_ITEM}」和「{columns.SECOND_ITEM}」")]
    )


def _rows(
    sheet: Worksheet, grid: dict[tuple[int, int], str], filled: set[tuple[int, int]], layout: _Layout
) -> list[ParsedRow]:
    errors = [
        CellError(None, header, "表头中缺少该列")
        for header in columns.REQUIRED
        if header not in layout.text and header not in layout.marks
    ]
    if errors:
        raise SheetError(errors)
    parsed: list[ParsedRow] = []
    seen: dict[tuple[str, str], int] = {}
    previous_first = ""
    for row in range(layout.data_start, sheet.max_row + 1):
        texts = {header: grid.get((row, column), "") for header, column in layout.text.items()}
        marked = {
            header: [value for column, value in spots if grid.get((row, column), "") in columns.CHECKED_MARKS]
            for header, spots in layout.marks.items()
        }
        if not any(texts.values()) and not any(marked.values()):
            continue
        if _is_note([grid.get((row, column), "") for column in range(1, sheet.max_column + 1)]):
            continue
        # A 二级事项 merged down over several rows is one item whose content the rows continue.
        second_column = layout.text[columns.SECOND_ITEM]
        if parsed and (row, second_column) in filled and texts[columns.SECOND_ITEM] == parsed[-1].data.second_item:
            parsed[-1] = ParsedRow(parsed[-1].row, _continued(parsed[-1].data, texts))
            continue
        if not texts.get(columns.FIRST_ITEM) and previous_first:
            texts[columns.FIRST_ITEM] = previous_first
        row_errors: list[CellError] = []
        for header in columns.REQUIRED:
            if not texts.get(header):
                row_errors.append(CellError(row, header, "不能为空"))
        for header, limit in MAX_LENGTHS.items():
            if len(texts.get(header, "")) > limit:
                row_errors.append(CellError(row, header, f"不能超过{limit}个字"))
        values = {
            header: _values(header, texts.get(header, ""), marked.get(header, []), row, row_errors)
            for header in columns.MARKED_GROUPS
        }
        row_data = RowData(
            **{
                columns.FIELD_BY_HEADER[header]: values[header] if header in values else texts.get(header, "")
                for header in columns.HEADERS
            }
        )
        if not row_errors and row_data.key in seen:
            row_errors.append(
                CellError(row, columns.SECOND_ITEM, f"与第{seen[row_data.key]}行的一级事项、二级事项重复")
            )
        errors += row_errors
        previous_first = texts.get(columns.FIRST_ITEM, "") or previous_first
        if not row_errors:
            seen[row_data.key] = row
            parsed.append(ParsedRow(row, row_data))
    if not parsed and not errors:
        errors.append(CellError(None, "", "表头下没有目录行"))
    if errors:
        raise SheetError(errors)
    return parsed


def _continued(data: RowData, texts: dict[str, str]) -> RowData:
    merged = {}
    for header in (columns.CONTENT, columns.BASIS, columns.TIME_LIMIT, columns.SUBJECT, columns.CHANNELS):
        name = columns.FIELD_BY_HEADER[header]
        before, more = getattr(data, name), texts.get(header, "")
        merged[name] = before if not more or more == before else f"{before}\n{more}" if before else more
    return RowData(**{**{name: getattr(data, name) for name in columns.FIELD_BY_HEADER.values()}, **merged})


def write(title: str, rows: Iterable[RowData]) -> bytes:
    """The §4.3 layout: a title row, the header (序号 and the ten columns), 一级事项 merged down."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = "标准目录"
    headers = (columns.SERIAL, *columns.HEADERS)
    sheet.cell(1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(2, column, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    row_number = 2
    run_start, run_value = 3, None
    for serial, row in enumerate(rows, start=1):
        row_number = 2 + serial
        if row.first_item != run_value:
            _merge_run(sheet, run_start, row_number - 1)
            run_start, run_value = row_number, row.first_item
        values: tuple[int | str, ...] = (serial, *row.values())
        for column, value in enumerate(values, start=1):
            # 一级事项 is written once per run; the merge over the run carries it.
            written = None if column == 2 and row_number != run_start else value
            cell = sheet.cell(row_number, column, written)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            cell.border = _BORDER
    _merge_run(sheet, run_start, row_number)
    widths = (6, 14, 22, 40, 30, 22, 16, 24, 10, 10, 10)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _merge_run(sheet: Worksheet, first: int, last: int) -> None:
    if last > first:
        sheet.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)


def write_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[str | int | None]]) -> bytes:
    """A plain table with a title row, for reports (the gap report, spot-check findings)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = "报告"
    sheet.cell(1, 1, title).font = Font(bold=True, size=14)
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(2, column, header)
        cell.font = Font(bold=True)
        cell.border = _BORDER
        sheet.column_dimensions[get_column_letter(column)].width = 20
    for row_number, row in enumerate(rows, start=3):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row_number, column, value)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = _BORDER
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
