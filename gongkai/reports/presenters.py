"""A report as its pages, files and API show it: sections in the template's order, grids, JSON labels."""

from dataclasses import dataclass
from typing import Any

from gongkai.reports import documents, grid, selectors, spreadsheet, template
from gongkai.reports.models import AnnualReport
from gongkai.reports.tables import ReportTables


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    table: grid.Grid | None = None
    table_id: str = ""


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip())


def preface(report: AnnualReport) -> str:
    """The opening statement every report carries: its legal basis and the period it covers."""
    return (
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。"
        f"报告所列统计期限自{report.year}年1月1日至{report.year}年12月31日。"
    )


def sections(report: AnnualReport, tables: ReportTables) -> list[Section]:
    headings = template.SECTION_HEADINGS
    grids = grid.tables_of(tables)
    return [
        Section(headings[0], _paragraphs(report.overview)),
        *(Section(heading, table=table, table_id=f"table-{index}") for index, (heading, table) in enumerate(grids, 1)),
        Section(headings[4], _paragraphs(report.problems)),
        Section(headings[5], _paragraphs(report.other_matters)),
    ]


def document(report: AnnualReport, tables: ReportTables) -> documents.ReportDocument:
    return documents.ReportDocument(report.title, preface(report), report.narrative(), tables)


def file_bytes(report: AnnualReport, fmt: str) -> bytes:
    """The report as ``docx``, ``pdf`` or ``xlsx`` (the tables only); KeyError for another format."""
    tables = selectors.tables_of(report)
    makers = {
        "docx": lambda: documents.to_docx(document(report, tables)),
        "pdf": lambda: documents.to_pdf(document(report, tables)),
        "xlsx": lambda: spreadsheet.write(tables, title=report.title),
    }
    return makers[fmt]()


def as_json(report: AnnualReport, tables: ReportTables) -> dict[str, Any]:
    """The tables with the template's own row and column labels, for the API."""
    report_format = tables.report_format
    table_a = [
        {
            "item": block.heading,
            "rows": [
                {
                    "label": row.label,
                    "values": {
                        (block.columns[index] if len(row.keys) > 1 else block.columns[0]): grid.format_value(
                            tables.a.get(key)
                        )
                        or None
                        for index, key in enumerate(row.keys)
                    },
                }
                for row in block.rows
            ],
        }
        for block in template.TABLE_A[report_format]
    ]
    table_b = {
        "note": template.CORNER_NOTE,
        "columns": list(template.B_COLUMNS),
        "rows": [
            {"label": row.path, "values": dict(zip(template.B_COLUMNS, values, strict=True))}
            for row, values in zip(template.b_rows(report_format), tables.b, strict=True)
        ],
    }
    return {
        "organ": report.organ.name,
        "year": report.year,
        "title": report.title,
        "format": report_format.value,
        "published_on": report.published_on.isoformat() if report.published_on else None,
        "sections": {
            template.SECTION_HEADINGS[0]: report.overview,
            template.SECTION_HEADINGS[4]: report.problems,
            template.SECTION_HEADINGS[5]: report.other_matters,
        },
        "table_a": table_a,
        "table_b": table_b,
        "table_c": dict(zip(template.c_labels(), tables.c, strict=True)),
        "findings": report.findings,
        "override_reason": report.override_reason,
    }


@dataclass(frozen=True)
class Comparison:
    label: str
    last_year: int
    this_year: int

    @property
    def change(self) -> str:
        difference = self.this_year - self.last_year
        return f"{difference:+d}" if difference else "0"


def _headline_figures(tables: ReportTables) -> list[tuple[str, int]]:
    """The figures readers compare from year to year, in both formats."""
    return [
        ("本年新收政府信息公开申请数量", tables.b[template.NEW_ROW][-1]),
        ("本年度办理结果总计", tables.b[template.TOTAL_ROW][-1]),
        ("结转下年度继续办理", tables.b[template.CARRIED_OUT_ROW][-1]),
        ("行政复议总计", tables.c[4]),
        ("行政诉讼总计", tables.c[9] + tables.c[14]),
    ]


def year_on_year(tables: ReportTables, previous: ReportTables | None) -> list[Comparison]:
    """This year's headline figures beside last year's report, imported or generated."""
    if previous is None or not previous.b:
        return []
    return [
        Comparison(label, last, this)
        for (label, this), (_label, last) in zip(_headline_figures(tables), _headline_figures(previous), strict=True)
    ]
