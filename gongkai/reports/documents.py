"""The report as DOCX and PDF: the six sections, the tables with the template's merged cells.

Both are drawn from ``grid``, the layout the HTML page and the XLSX use, so the four outputs show
the same labels in the same cells. Fonts follow the letters (仿宋 in Word, the built-in CID font in
the PDF, so no font file ships with the platform).
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus import Paragraph as PdfParagraph

from gongkai.foi.letter_layout import BODY_FONT, TITLE_FONT, register_pdf_font, set_run_fonts
from gongkai.reports import grid, template
from gongkai.reports.tables import ReportTables


@dataclass(frozen=True)
class ReportDocument:
    title: str
    preface: str
    sections: tuple[str, str, str]  # 一、五、六
    tables: ReportTables


@dataclass(frozen=True)
class _Part:
    kind: str  # heading, body or table
    text: str = ""
    table: grid.Grid | None = None


def _parts(document: ReportDocument) -> Iterator[_Part]:
    """Headings, paragraphs and tables in the template's order."""
    headings = template.SECTION_HEADINGS
    yield _Part("heading", headings[0])
    yield from (_Part("body", line) for line in _lines(document.sections[0]))
    for heading, table in grid.tables_of(document.tables):
        yield _Part("heading", heading)
        yield _Part("table", table=table)
    for heading, text in zip(headings[4:], document.sections[1:], strict=True):
        yield _Part("heading", heading)
        yield from (_Part("body", line) for line in _lines(text))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


# --- DOCX --------------------------------------------------------------------------------------


def to_docx(document: ReportDocument) -> bytes:
    word = Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    word.core_properties.title = document.title
    normal = word.styles["Normal"]
    normal.font.size = Pt(12)
    set_run_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(document.title)
    run.font.size = Pt(18)
    set_run_fonts(run._r.get_or_add_rPr(), TITLE_FONT)
    if document.preface:
        word.add_paragraph(document.preface)
    for part in _parts(document):
        if part.table is not None:
            _docx_table(word, part.table)
        elif part.kind == "heading":
            word.add_paragraph().add_run(part.text).bold = True
        else:
            word.add_paragraph(part.text).paragraph_format.first_line_indent = Pt(24)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _docx_table(word: Document, table_grid: grid.Grid) -> None:  # type: ignore[valid-type]
    spots = list(grid.placed(table_grid))
    rows = max(spot.row + spot.cell.rowspan for spot in spots)
    table = word.add_table(rows=rows, cols=grid.width(table_grid))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for spot in spots:
        cell = table.cell(spot.row, spot.column)
        if spot.cell.colspan > 1 or spot.cell.rowspan > 1:
            cell = cell.merge(table.cell(spot.row + spot.cell.rowspan - 1, spot.column + spot.cell.colspan - 1))
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if spot.cell.header else WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(spot.cell.text)
        run.font.size = Pt(9)


# --- PDF ---------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    font = register_pdf_font()
    body = ParagraphStyle(
        "body", fontName=font, fontSize=11, leading=18, firstLineIndent=22, alignment=TA_JUSTIFY, wordWrap="CJK"
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=18, leading=28, firstLineIndent=0, alignment=TA_CENTER, spaceAfter=12
        ),
        "heading": ParagraphStyle("heading", parent=body, firstLineIndent=0, spaceBefore=8, spaceAfter=4),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10, firstLineIndent=0, alignment=TA_CENTER),
    }


# Label columns wide enough that Table B (its 22-row merged cell cannot split) fits on one page.
_COLUMN_WEIGHTS = {4: (2.2, 1.0, 1.0, 1.0), 10: (1.0, 1.3, 4.6, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)}


def _pdf_table(table_grid: grid.Grid, styles: dict[str, ParagraphStyle], available: float) -> Table:
    spots = list(grid.placed(table_grid))
    columns = grid.width(table_grid)
    rows = max(spot.row + spot.cell.rowspan for spot in spots)
    data: list[list[object]] = [["" for _ in range(columns)] for _ in range(rows)]
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for spot in spots:
        # Labels wrap in a Paragraph; numbers stay plain strings so they read back as one token.
        data[spot.row][spot.column] = (
            PdfParagraph(escape(spot.cell.text), styles["cell"]) if spot.cell.header else spot.cell.text
        )
        if spot.cell.colspan > 1 or spot.cell.rowspan > 1:
            end = (spot.column + spot.cell.colspan - 1, spot.row + spot.cell.rowspan - 1)
            commands.append(("SPAN", (spot.column, spot.row), end))
    weights = _COLUMN_WEIGHTS.get(columns, (1.0,) * columns)
    widths = [available * weight / sum(weights) for weight in weights]
    return Table(data, colWidths=widths, style=TableStyle(commands))


def to_pdf(document: ReportDocument) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    page = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=document.title,
        invariant=True,
    )
    story: list[Flowable] = [PdfParagraph(escape(document.title), styles["title"])]
    if document.preface:
        story.append(PdfParagraph(escape(document.preface), styles["body"]))
    for part in _parts(document):
        if part.table is not None:
            story += [_pdf_table(part.table, styles, page.width), Spacer(1, 6)]
        else:
            story.append(PdfParagraph(escape(part.text), styles[part.kind]))
    page.build(story)
    return buffer.getvalue()
