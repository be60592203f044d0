"""The reply letter (政府信息公开申请答复书), as pure Python: text, DOCX, PDF and its hash.

The text follows 条例第三十六条 to 第三十九条 (REGULATIONS.md §1.4) and cites, for each item, the
articles of its Table B row (decisions.row_of). The remedy paragraph follows REGULATIONS.md §1.6:
行政复议 within 60 days (行政复议法 2023 Art. 20) or 行政诉讼 within 6 months (行政诉讼法 Art. 46),
and 先申请行政复议 where an item is refused (不予公开, 行政复议法 2023 Art. 23(四)). The layout follows
GB/T 9704-2012 (REGULATIONS.md §7): A4, margins 37/28/26/35 mm, 3号仿宋 body, 2号小标宋 title.

An approved letter is frozen: the bytes produced here are stored and identified by letter_hash.
"""

import hashlib
import io
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus import Paragraph as PdfParagraph

from gongkai.foi.decisions import Outcome, needs_reconsideration_first, row_of

Role = Literal["title", "number", "salutation", "body", "closing", "signature", "date"]

TITLE: Final = "政府信息公开申请答复书"
REGULATION_FULL_NAME: Final = "《中华人民共和国政府信息公开条例》"
FEE_SENTENCE_PREFIX: Final = "依据《政府信息公开信息处理费管理办法》"
RECONSIDERATION_FIRST: Final = "先申请行政复议"
RECONSIDERATION_DAYS: Final = 60
LITIGATION_MONTHS: Final = 6
LITIGATION_AFTER_RECONSIDERATION_DAYS: Final = 15  # 行政诉讼法 Art. 45

# GB/T 9704-2012 (REGULATIONS.md §7), in millimetres.
PAGE_WIDTH_MM: Final = 210.0
PAGE_HEIGHT_MM: Final = 297.0
MARGIN_TOP_MM: Final = 37.0
MARGIN_LEFT_MM: Final = 28.0
MARGIN_RIGHT_MM: Final = 26.0
MARGIN_BOTTOM_MM: Final = 35.0

BODY_PT: Final = 16.0  # 3号
TITLE_PT: Final = 22.0  # 2号
LINE_PT: Final = 29.0  # 22 lines on a 225 mm type area (REGULATIONS.md §7 rendering tip)
BODY_FONT: Final = "仿宋_GB2312"
TITLE_FONT: Final = "方正小标宋简体"
PDF_FONT: Final = "STSong-Light"  # reportlab's built-in CID font: no font file needed

# Outcomes whose reply must give reasons for what is refused (条例第三十六条第（三）项, 第三十七条).
_REASON_REQUIRED: Final = frozenset(
    {Outcome.PARTLY_DISCLOSED, Outcome.OTHER} | {outcome for outcome in Outcome if needs_reconsideration_first(outcome)}
)

# The decision in words, read after "根据<articles>的规定，".
_DECISION_TEXT: Final[dict[Outcome, str]] = {
    Outcome.DISCLOSED: "该信息属于可以公开的政府信息，本机关予以公开",
    Outcome.PARTLY_DISCLOSED: "该信息中含有不应当公开的内容，但能够作区分处理，本机关向您提供可以公开的部分",
    Outcome.WITHHELD_STATE_SECRET: "该信息属于国家秘密，本机关不予公开",
    Outcome.WITHHELD_PROHIBITED_BY_LAW: "该信息属于法律、行政法规禁止公开的政府信息，本机关不予公开",
    Outcome.WITHHELD_THREE_SECURITIES: "该信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关不予公开",
    Outcome.WITHHELD_THIRD_PARTY: "该信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关不予公开",
    Outcome.WITHHELD_INTERNAL_AFFAIRS: "该信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关不予公开",
    Outcome.WITHHELD_PROCESS_INFORMATION: "该信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关不予公开",
    Outcome.WITHHELD_ENFORCEMENT_FILE: "该信息属于行政执法案卷信息，本机关不予公开",
    Outcome.WITHHELD_ADMINISTRATIVE_QUERY: (
        "该信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，"
        "请您依照有关法律、行政法规的规定办理"
    ),
    Outcome.UNAVAILABLE_NOT_HELD: "本机关未制作或者获取该信息，无法向您提供",
    Outcome.UNAVAILABLE_WOULD_NEED_CREATING: (
        "您申请的信息需要本机关对现有政府信息进行加工、分析后另行制作，本机关不予提供"
    ),
    Outcome.UNAVAILABLE_STILL_UNCLEAR: "您补正后的申请内容仍不明确，本机关无法确定所申请的政府信息，无法向您提供",
    Outcome.NOT_PROCESSED_PETITION: (
        "您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，"
        "本机关不作为政府信息公开申请处理，您可以通过相应渠道提出"
    ),
    Outcome.NOT_PROCESSED_REPEAT: "本机关已就您申请公开的相同政府信息作出答复，对您的重复申请不予重复处理",
    Outcome.NOT_PROCESSED_PUBLICATION: "您申请获取的是政府公报、报刊、书籍等公开出版物，请您通过相应途径获取",
    Outcome.NOT_PROCESSED_EXCESSIVE: "您申请公开政府信息的数量、频次明显超过合理范围，且未说明合理理由，本机关不予处理",
    Outcome.NOT_PROCESSED_CONFIRMATION: (
        "您要求本机关确认或者重新出具您已获取的信息，该要求需要本机关另行制作信息，本机关不予处理"
    ),
    Outcome.OTHER_NO_CORRECTION: "您无正当理由逾期未补正，视为放弃申请，本机关不再处理该申请",
    Outcome.OTHER_FEE_UNPAID: "您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该申请",
    Outcome.OTHER: "本机关对该申请作如下处理",
}

_DIGITS: Final = "〇一二三四五六七八九"


@dataclass(frozen=True)
class ItemResult:
    """The decision on one requested item of an application."""

    description: str
    outcome: Outcome
    reason: str = ""
    search_record: str = ""  # 检索过程: where and how the organ searched
    referred_to: str = ""  # for UNAVAILABLE_NOT_HELD: the organ responsible, with contact details

    def __post_init__(self) -> None:
        if not self.description.strip():
            raise ValueError("an item needs a description")
        if self.outcome in _REASON_REQUIRED and not self.reason.strip():
            raise ValueError(f"{self.outcome} needs a reason (条例第三十六条第（三）项、第三十七条)")


@dataclass(frozen=True)
class ReplyLetter:
    """Everything a 答复书 states; the text and files are derived from it."""

    organ_name: str
    document_number: str  # 发文字号, e.g. ××政公复〔2026〕3号
    applicant_name: str
    tracking_number: str
    received_on: date
    items: tuple[ItemResult, ...]
    fee_yuan: int
    reconsideration_organ: str
    court: str
    issued_on: date

    def __post_init__(self) -> None:
        if not self.items:
            raise ValueError("a reply letter answers at least one item")
        if self.fee_yuan < 0:
            raise ValueError("fee_yuan cannot be negative")
        if self.issued_on < self.received_on:
            raise ValueError("a reply cannot be issued before the application was received")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the letter, with its layout role."""

    role: Role
    text: str


def chinese_date(day: date) -> str:
    """GB/T 9704 7.3.5.4: Arabic numerals, full year, no leading zeros (2026年11月28日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_ordinal(number: int) -> str:
    """一, 二, … 九十九: the 一、 heading numbers of GB/T 9704 7.3.3."""
    if not 1 <= number <= 99:
        raise ValueError("ordinal out of range 1–99")
    tens, ones = divmod(number, 10)
    text = ""
    if tens:
        text = ("" if tens == 1 else _DIGITS[tens]) + "十"
    if ones:
        text += _DIGITS[ones]
    return text


def _sentence(text: str) -> str:
    """The text as a sentence ending in 。, without doubling the full stop."""
    text = text.strip().rstrip("。；;.")
    return f"{text}。" if text else ""


def _item_paragraph(index: int, item: ItemResult) -> str:
    articles = "、".join(row_of(item.outcome).articles)
    parts = [f"{chinese_ordinal(index)}、关于您申请公开的“{item.description}”。"]
    if item.search_record.strip():
        parts.append(f"检索过程：{_sentence(item.search_record)}")
    parts.append(f"根据{articles}的规定，{_DECISION_TEXT[item.outcome]}。")
    if item.outcome is Outcome.PARTLY_DISCLOSED:
        parts.append(f"不予公开的内容及理由：{_sentence(item.reason)}")
    elif needs_reconsideration_first(item.outcome):
        parts.append(f"不予公开的理由：{_sentence(item.reason)}")
    elif item.reason.strip():
        parts.append(_sentence(item.reason))
    if item.outcome is Outcome.UNAVAILABLE_NOT_HELD and item.referred_to.strip():
        parts.append(
            f"该信息不属于本机关负责公开，负责公开该政府信息的行政机关为{item.referred_to.strip()}，"
            "您可以向其提出申请。"
        )
    return "".join(parts)


def _remedy_paragraph(letter: ReplyLetter) -> str:
    days, months = RECONSIDERATION_DAYS, LITIGATION_MONTHS
    organ, court = letter.reconsideration_organ, letter.court
    either = f"可以在收到本答复之日起{days}日内向{organ}申请行政复议，或者在{months}个月内向{court}提起行政诉讼。"
    if not any(needs_reconsideration_first(item.outcome) for item in letter.items):
        return f"如您对本答复不服，{either}"
    first = (
        f"如您对本答复中不予公开的决定不服，依照《中华人民共和国行政复议法》第二十三条的规定，"
        f"应当{RECONSIDERATION_FIRST}：可以在收到本答复之日起{days}日内向{organ}申请行政复议；"
        f"对行政复议决定不服的，可以在收到行政复议决定书之日起{LITIGATION_AFTER_RECONSIDERATION_DAYS}日内"
        f"向{court}提起行政诉讼。"
    )
    if all(needs_reconsideration_first(item.outcome) for item in letter.items):
        return first
    return f"{first}如您对本答复的其他内容不服，{either}"


def reply_paragraphs(letter: ReplyLetter) -> list[Paragraph]:
    """The full text of the 答复书, paragraph by paragraph."""
    requested = "；".join(f"“{item.description}”" for item in letter.items)
    intro = (
        f"本机关于{chinese_date(letter.received_on)}收到您提出的政府信息公开申请"
        f"（申请编号：{letter.tracking_number}），您申请公开：{requested}。"
        f"根据{REGULATION_FULL_NAME}（以下简称条例）的规定，经审查，现答复如下："
    )
    paragraphs = [
        Paragraph("title", TITLE),
        Paragraph("number", letter.document_number),
        Paragraph("salutation", f"{letter.applicant_name}："),
        Paragraph("body", intro),
    ]
    paragraphs.extend(
        Paragraph("body", _item_paragraph(index, item)) for index, item in enumerate(letter.items, start=1)
    )
    if letter.fee_yuan > 0:
        paragraphs.append(
            Paragraph(
                "body",
                f"{FEE_SENTENCE_PREFIX}（国办函〔2020〕109号）和条例第四十二条的规定，"
                f"本次申请收取信息处理费{letter.fee_yuan}元。",
            )
        )
    paragraphs.extend(
        [
            Paragraph("body", _remedy_paragraph(letter)),
            Paragraph("closing", "特此答复。"),
            Paragraph("signature", letter.organ_name),
            Paragraph("date", chinese_date(letter.issued_on)),
        ]
    )
    return paragraphs


def _set_fonts(rpr: CT_RPr, name: str) -> None:
    """Name the font for Latin and East Asian text alike (python-docx sets only w:ascii/w:hAnsi)."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _indent_chars(paragraph: DocxParagraph, chars: int) -> None:
    """First-line indent in characters (w:firstLineChars), with the equivalent points as a fallback."""
    paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * chars)
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def to_docx(letter: ReplyLetter) -> bytes:
    """The letter as a Word document laid out to GB/T 9704."""
    document = Document()
    section = document.sections[0]
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)

    normal = document.styles["Normal"]
    normal_font = normal.font
    normal_font.size = Pt(BODY_PT)
    normal_font.name = BODY_FONT
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)

    for item in reply_paragraphs(letter):
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PT)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        run = paragraph.add_run(item.text)
        font_name, size = (TITLE_FONT, TITLE_PT) if item.role == "title" else (BODY_FONT, BODY_PT)
        run.font.size = Pt(size)
        _set_fonts(run._r.get_or_add_rPr(), font_name)
        if item.role in ("title", "number"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif item.role in ("signature", "date"):
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


def _pdf_styles() -> dict[Role, ParagraphStyle]:
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
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
    }


def to_pdf(letter: ReplyLetter) -> bytes:
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
        title=TITLE,
        author=letter.organ_name,
        invariant=True,  # the same letter gives the same bytes, so its hash is reproducible
    )
    story: list[Flowable] = [PdfParagraph(escape(item.text), styles[item.role]) for item in reply_paragraphs(letter)]
    template.build(story)
    return buffer.getvalue()


def letter_hash(data: bytes) -> str:
    """The SHA-256 hex digest that identifies an approved, frozen letter."""
    return hashlib.sha256(data).hexdigest()
