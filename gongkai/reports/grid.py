"""The three tables laid out as the template draws them: header cells, merged cells, value cells.

One layout feeds every output (HTML, DOCX, PDF, XLSX) and the XLSX import, so the merged cells and
labels are written once. Rows hold only the cells that start there, as in HTML; ``placed`` gives
each cell its absolute row and column for the outputs that merge by coordinates. Pure Python.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from gongkai.reports import template
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = True
    key: str = ""
    scope: str = "col"  # of a header cell: col, colgroup, row or rowgroup (for screen readers)  # value cells only: "a:fee_amount", "b:4:6" (row, column), "c:14"


Grid = list[list[Cell]]


def format_value(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    normalised = value.normalize()
    return f"{normalised:f}" if normalised != normalised.to_integral() else str(int(normalised))


def _value(text: str, key: str, colspan: int = 1) -> Cell:
    return Cell(text, colspan=colspan, header=False, key=key)


def table_a(tables: ReportTables, *, blank: bool = False) -> Grid:
    width = template.TABLE_A_WIDTH + 1
    grid: Grid = []
    for block in template.TABLE_A[tables.report_format]:
        grid.append([Cell(block.heading, colspan=width, scope="colgroup")])
        spans = _spans(len(block.columns))
        grid.append(
            [Cell("信息内容"), *(Cell(label, colspan=span) for label, span in zip(block.columns, spans, strict=True))]
        )
        for row in block.rows:
            cells = [Cell(row.label, scope="row")]
            for key, span in zip(row.keys, _spans(len(row.keys)), strict=True):
                cells.append(_value("" if blank else format_value(tables.a.get(key)), f"a:{key}", span))
            grid.append(cells)
    return grid


def _spans(count: int) -> list[int]:
    """How ``count`` cells fill the three value columns: the last one takes what is left."""
    return [1] * (count - 1) + [template.TABLE_A_WIDTH - count + 1]


def table_b(tables: ReportTables, *, blank: bool = False) -> Grid:
    rows = template.b_rows(tables.report_format)
    grid: Grid = [
        [
            Cell(template.CORNER_NOTE, colspan=3, rowspan=3),
            Cell(template.APPLICANT_HEADING, colspan=7, scope="colgroup"),
        ],
        [
            Cell(template.NATURAL_PERSON, rowspan=2),
            Cell(template.LEGAL_PERSONS, colspan=5, scope="colgroup"),
            Cell(template.TOTAL, rowspan=2),
        ],
        [Cell(label) for label in template.LEGAL_PERSON_COLUMNS],
    ]
    section_rows = sum(1 for row in rows if row.section)
    for index, row in enumerate(rows):
        cells: list[Cell] = []
        if row.section and (index == 0 or rows[index - 1].section != row.section):
            cells.append(Cell(row.section, rowspan=section_rows, scope="rowgroup"))
        if row.group and rows[index - 1].group != row.group:
            span = sum(1 for other in rows if other.group == row.group)
            cells.append(Cell(row.group, rowspan=span, scope="rowgroup"))
        label_span = 3 - bool(row.section) - bool(row.group)
        cells.append(Cell(row.label, colspan=label_span, scope="row"))
        values = tables.b[index] if tables.b else (0,) * len(template.B_COLUMNS)
        cells += [_value("" if blank else str(value), f"b:{index}:{column}") for column, value in enumerate(values)]
        grid.append(cells)
    return grid


def table_c(tables: ReportTables, *, blank: bool = False) -> Grid:
    results = template.C_RESULTS
    return [
        [
            Cell(template.RECONSIDERATION, colspan=5, scope="colgroup"),
            Cell(template.LITIGATION, colspan=10, scope="colgroup"),
        ],
        [
            *(Cell(result, rowspan=2) for result in results),
            *(Cell(route, colspan=5, scope="colgroup") for route in template.LITIGATION_ROUTES),
        ],
        [Cell(result) for _route in template.LITIGATION_ROUTES for result in results],
        [_value("" if blank else str(value), f"c:{index}") for index, value in enumerate(tables.c)],
    ]


@dataclass(frozen=True)
class Placed:
    row: int
    column: int
    cell: Cell


def placed(grid: Grid) -> Iterator[Placed]:
    """Every cell with the absolute position it takes once the spans above it are accounted for."""
    taken: set[tuple[int, int]] = set()
    for row_index, row in enumerate(grid):
        column = 0
        for cell in row:
            while (row_index, column) in taken:
                column += 1
            yield Placed(row_index, column, cell)
            for down in range(cell.rowspan):
                for across in range(cell.colspan):
                    taken.add((row_index + down, column + across))
            column += cell.colspan


def width(grid: Grid) -> int:
    return max(spot.column + spot.cell.colspan for spot in placed(grid))


def tables_of(tables: ReportTables, *, blank: bool = False) -> tuple[tuple[str, Grid], ...]:
    """The three grids with the section heading each sits under."""
    return (
        (template.SECTION_HEADINGS[1], table_a(tables, blank=blank)),
        (template.SECTION_HEADINGS[2], table_b(tables, blank=blank)),
        (template.SECTION_HEADINGS[3], table_c(tables, blank=blank)),
    )


def for_format(report_format: ReportFormat) -> tuple[tuple[str, Grid], ...]:
    return tables_of(ReportTables.blank(report_format), blank=True)
