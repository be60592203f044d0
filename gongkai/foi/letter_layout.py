"""Official-document layout (GB/T 9704-2012, REGULATIONS.md §7) for the letters an application produces.

A letter is a title, a document number, an addressee, body paragraphs, a closing, the issuing
organ and the date; once issued it also carries the seal mark. This module turns that into DOCX
and PDF, pure Python: A4, margins 37/28/26/35 mm, 3号仿宋 body, 2号小标宋 title, 22 lines a page.
"""

import hashlib
import io
import math
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate
from reportlab.platypus import Paragraph as PdfParagraph

Role = Literal["title", "number", "salutation", "body", "closing", "signature", "date", "seal"]

PAGE_WIDTH_MM: Final = 210.0
PAGE_HEIGHT_MM: Final = 297.0
MARGIN_TOP_MM: Final = 37.0
MARGIN_LEFT_MM: Final = 28.0
MARGIN_RIGHT_MM: Final = 26.0
MARGIN_BOTTOM_MM: Final = 35.0

BODY_PT: Final = 16.0  # 3号
TITLE_PT: Final = 22.0  # 2号
SEAL_NOTE_PT: Final = 10.5  # 5号: the verification line under the date
LINE_PT: Final = 29.0  # 22 lines on a 225 mm type area (REGULATIONS.md §7 rendering tip)
BODY_FONT: Final = "仿宋_GB2312"
TITLE_FONT: Final = "方正小标宋简体"
PDF_FONT: Final = "STSong-Light"  # reportlab's built-in CID font: no font file needed
SEAL_RED: Final = Color(0.85, 0.1, 0.1)
SEAL_RADIUS_MM: Final = 21.0  # a 42 mm round seal, the usual size of an organ's 专用章
SEAL_NAME: Final = "政府信息公开专用章"


@dataclass(frozen=True)
class SealMark:
    """What an issued letter shows of its electronic seal: whose it is and how to check it."""

    organ_name: str
    verification: str  # printed under the date, e.g. the signature's fingerprint and where to verify


@dataclass(frozen=True)
class OfficialLetter:
    title: str
    number: str
    addressee: str
    body: tuple[str, ...]
    organ_name: str
    issued_on: date
    closing: str
    seal: SealMark | None = None

    def __post_init__(self) -> None:
        if not any(paragraph.strip() for paragraph in self.body):
            raise ValueError("a letter needs a body")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the letter, with its layout role."""

    role: Role
    text: str


def chinese_date(day: date) -> str:
    """GB/T 9704 7.3.5.4: Arabic numerals, full year, no leading zeros (2026年11月28日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def paragraphs(letter: OfficialLetter) -> list[Paragraph]:
    """The letter from title to date, paragraph by paragraph."""
    lines = [Paragraph("title", letter.title)]
    if letter.number:
        lines.append(Paragraph("number", letter.number))
    lines.append(Paragraph("salutation", f"{letter.addressee}："))
    lines.extend(Paragraph("body", text.strip()) for text in letter.body if text.strip())
    lines.extend(
        [
            Paragraph("closing", letter.closing),
            Paragraph("signature", letter.organ_name),
            Paragraph("date", chinese_date(letter.issued_on)),
        ]
    )
    if letter.seal is not None:
        lines.append(Paragraph("seal", f"（{SEAL_NAME}　{letter.seal.verification}）"))
    return lines


def set_run_fonts(rpr: CT_RPr, name: str) -> None:
    """Name the font for Latin and East Asian text alike (python-docx sets only w:ascii/w:hAnsi)."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _indent_chars(paragraph: DocxParagraph, chars: int) -> None:
    """First-line indent in characters (w:firstLineChars), with the equivalent points as a fallback."""
    paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * chars)
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def to_docx(letter: OfficialLetter) -> bytes:
    """The letter as a Word document laid out to GB/T 9704."""
    document = Document()
    section = document.sections[0]
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    document.core_properties.title = letter.title
    document.core_properties.author = letter.organ_name
    document.core_properties.last_modified_by = letter.organ_name

    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = BODY_FONT
    set_run_fonts(normal.element.get_or_add_rPr(), BODY_FONT)

    for item in paragraphs(letter):
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PT)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        run = paragraph.add_run(item.text)
        font_name, size = {
            "title": (TITLE_FONT, TITLE_PT),
            "seal": (BODY_FONT, SEAL_NOTE_PT),
        }.get(item.role, (BODY_FONT, BODY_PT))
        run.font.size = Pt(size)
        set_run_fonts(run._r.get_or_add_rPr(), font_name)
        if item.role == "seal":
            run.font.color.rgb = RGBColor(0xD9, 0x1A, 0x1A)
        if item.role in ("title", "number"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif item.role in ("signature", "date", "seal"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif item.role in ("body", "closing"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _indent_chars(paragraph, 2)
        if item.role == "title":
            fmt.line_spacing = Pt(TITLE_PT * 1.5)
            fmt.space_after = Pt(LINE_PT)
        elif item.role == "number":
            fmt.space_after = Pt(LINE_PT)
        elif item.role == "signature":
            fmt.space_before = Pt(LINE_PT * 2)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _SealStamp(Flowable):
    """The round red seal over the signature: organ name on the arc, star, 政府信息公开专用章."""

    def __init__(self, organ_name: str) -> None:
        super().__init__()
        self.organ_name = organ_name

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 0  # drawn over the lines above it, as a stamp is

    def draw(self) -> None:
        canvas = self.canv
        radius = SEAL_RADIUS_MM * mm
        cx, cy = self.width - radius - 8 * mm, radius + LINE_PT * 0.4
        canvas.saveState()
        canvas.setStrokeColor(SEAL_RED)
        canvas.setFillColor(SEAL_RED)
        canvas.setLineWidth(1.2 * mm)
        canvas.circle(cx, cy, radius - 0.6 * mm)
        star = [
            (
                cx + (5 * mm if k % 2 == 0 else 2 * mm) * math.sin(math.pi * k / 5),
                cy + (5 * mm if k % 2 == 0 else 2 * mm) * math.cos(math.pi * k / 5),
            )
            for k in range(10)
        ]
        path = canvas.beginPath()
        path.moveTo(*star[0])
        for point in star[1:]:
            path.lineTo(*point)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        name = self.organ_name
        span = min(240.0, 22.0 * len(name))
        canvas.setFont(PDF_FONT, 11)
        for index, char in enumerate(name):
            angle = 90 + span / 2 - (span * (index + 0.5) / len(name))
            canvas.saveState()
            canvas.translate(cx, cy)
            canvas.rotate(angle - 90)
            canvas.drawCentredString(0, radius - 6 * mm, char)
            canvas.restoreState()
        canvas.setFont(PDF_FONT, 8)
        canvas.drawCentredString(cx, cy - 10 * mm, SEAL_NAME)
        canvas.restoreState()


def register_pdf_font() -> str:
    """Register the built-in CID font once per process and return its name."""
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    return PDF_FONT


def _pdf_styles() -> dict[Role, ParagraphStyle]:
    register_pdf_font()
    body = ParagraphStyle(
        "body",
        fontName=PDF_FONT,
        fontSize=BODY_PT,
        leading=LINE_PT,
        firstLineIndent=BODY_PT * 2,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    plain = ParagraphStyle("plain", parent=body, firstLineIndent=0, alignment=TA_JUSTIFY)
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontSize=TITLE_PT,
            leading=TITLE_PT * 1.5,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=LINE_PT,
        ),
        "number": ParagraphStyle("number", parent=plain, alignment=TA_CENTER, spaceAfter=LINE_PT),
        "salutation": plain,
        "body": body,
        "closing": body,
        "signature": ParagraphStyle("signature", parent=plain, alignment=TA_RIGHT, spaceBefore=LINE_PT * 2),
        "date": ParagraphStyle("date", parent=plain, alignment=TA_RIGHT),
        "seal": ParagraphStyle(
            "seal", parent=plain, alignment=TA_RIGHT, fontSize=SEAL_NOTE_PT, leading=SEAL_NOTE_PT * 1.5
        ),
    }


def to_pdf(letter: OfficialLetter) -> bytes:
    """The letter as a PDF laid out to GB/T 9704, using a built-in CID font (no font files)."""
    styles = _pdf_styles()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=MARGIN_TOP_MM * mm,
        bottomMargin=MARGIN_BOTTOM_MM * mm,
        leftMargin=MARGIN_LEFT_MM * mm,
        rightMargin=MARGIN_RIGHT_MM * mm,
        title=letter.title,
        author=letter.organ_name,
        invariant=True,  # the same letter gives the same bytes, so its hash is reproducible
    )
    story: list[Flowable] = []
    ending: list[Flowable] = []  # closing, organ, date and seal: never split across pages (GB/T 9704 7.3.5)
    for item in paragraphs(letter):
        target = ending if item.role in ("closing", "signature", "date", "seal") else story
        target.append(PdfParagraph(escape(item.text), styles[item.role]))
        if item.role == "date" and letter.seal is not None:
            target.append(_SealStamp(letter.seal.organ_name))
    story.append(KeepTogether(ending))
    template.build(story)
    return buffer.getvalue()


def letter_hash(data: bytes) -> str:
    """The SHA-256 hex digest that identifies an issued, frozen letter."""
    return hashlib.sha256(data).hexdigest()
