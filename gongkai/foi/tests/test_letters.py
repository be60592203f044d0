"""The reply letter (答复书): its text, and the DOCX and PDF read back (no database)."""

import io
import re
from dataclasses import replace
from datetime import date
from functools import cache

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from gongkai.foi.decisions import Outcome, needs_reconsideration_first, refuses_some, row_of
from gongkai.foi.letter_layout import (
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    SealMark,
    chinese_date,
    letter_hash,
)
from gongkai.foi.letter_layout import to_docx as layout_docx
from gongkai.foi.letter_layout import to_pdf as layout_pdf
from gongkai.foi.letters import (
    FEE_SENTENCE_PREFIX,
    RECONSIDERATION_FIRST,
    TITLE,
    ItemResult,
    ReplyLetter,
    chinese_ordinal,
    missing_elements,
    reply_body,
    reply_document,
    reply_paragraphs,
)


def to_docx(letter: ReplyLetter) -> bytes:
    return layout_docx(reply_document(letter))


def to_pdf(letter: ReplyLetter) -> bytes:
    return layout_pdf(reply_document(letter))


ORGAN = "某市生态环境局"
NUMBER = "某环公复〔2026〕3号"
APPLICANT = "张三"
TRACKING = "YSGK-2026-000123"
RECONSIDERATION_ORGAN = "某市人民政府"
COURT = "某市某区人民法院"
REFERRED = "某市自然资源和规划局（联系电话：0000-12345678）"
SEARCH = "本机关在公文管理系统和档案室以“某项目环评批复”为关键词检索了2020年至2026年的收文、发文和档案"


def _item(outcome: Outcome, *, description: str = "某项目环境影响评价批复文件") -> ItemResult:
    return ItemResult(
        description=description,
        outcome=outcome,
        reason="其中涉及企业商业秘密的工艺参数已作区分处理" if outcome is not Outcome.DISCLOSED else "",
        search_record=SEARCH,
        referred_to=REFERRED if outcome is Outcome.UNAVAILABLE_NOT_HELD else "",
    )


def _letter(items: tuple[ItemResult, ...], fee_yuan: int = 0) -> ReplyLetter:
    return ReplyLetter(
        organ_name=ORGAN,
        document_number=NUMBER,
        applicant_name=APPLICANT,
        tracking_number=TRACKING,
        received_on=date(2026, 11, 2),
        items=items,
        fee_yuan=fee_yuan,
        reconsideration_organ=RECONSIDERATION_ORGAN,
        court=COURT,
        issued_on=date(2026, 11, 28),
    )


# One letter per outcome; a fee on alternate outcomes, so "only when a fee is due" is exercised both ways.
CASES: list[tuple[str, ReplyLetter]] = [
    (outcome.value, _letter((_item(outcome),), fee_yuan=100 * (index % 2))) for index, outcome in enumerate(Outcome)
]
CASES.append(
    (
        "PARTLY_DISCLOSED_TWO_ITEMS",
        _letter(
            (
                _item(Outcome.PARTLY_DISCLOSED, description="某项目环境影响评价批复文件"),
                replace(_item(Outcome.DISCLOSED, description="某项目验收意见"), search_record=""),
            ),
            fee_yuan=300,
        ),
    )
)


def _squash(text: str) -> str:
    """pypdf breaks long Chinese lines; compare with all whitespace removed."""
    return re.sub(r"\s+", "", text)


@cache
def _rendered(case_id: str) -> tuple[bytes, bytes]:
    letter = dict(CASES)[case_id]
    return to_docx(letter), to_pdf(letter)


def _docx_text(data: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _required(letter: ReplyLetter) -> list[str]:
    """Every element the letter must state, whatever the file format."""
    required = [
        TITLE,
        NUMBER,
        f"{APPLICANT}：",
        TRACKING,
        "2026年11月2日",
        "60日内",
        f"向{RECONSIDERATION_ORGAN}申请行政复议",
        COURT,
        ORGAN,
        "2026年11月28日",
    ]
    for item in letter.items:
        required.append(item.description)
        required.extend(row_of(item.outcome).articles)
        if item.search_record:
            required.append(item.search_record)
        if item.referred_to:
            required.append(item.referred_to)
        if item.outcome is Outcome.PARTLY_DISCLOSED:
            required.extend(["不予公开的内容及理由", item.reason])
    if letter.fee_yuan > 0:
        required.extend([FEE_SENTENCE_PREFIX, f"信息处理费{letter.fee_yuan}元"])
    return required


def _check(letter: ReplyLetter, text: str) -> None:
    flat = _squash(text)
    missing = [element for element in _required(letter) if _squash(element) not in flat]
    assert not missing, f"missing from the letter: {missing}"
    reconsideration_first = any(refuses_some(item.outcome) for item in letter.items)
    assert (RECONSIDERATION_FIRST in flat) is reconsideration_first
    assert ("6个月内" in flat) is not all(needs_reconsideration_first(item.outcome) for item in letter.items)
    assert (FEE_SENTENCE_PREFIX in flat) is (letter.fee_yuan > 0)


@pytest.mark.parametrize(("case_id", "letter"), CASES, ids=[case_id for case_id, _ in CASES])
def test_text_states_every_required_element(case_id: str, letter: ReplyLetter) -> None:
    paragraphs = reply_paragraphs(letter)
    _check(letter, "\n".join(paragraph.text for paragraph in paragraphs))
    roles = [paragraph.role for paragraph in paragraphs]
    assert roles[:3] == ["title", "number", "salutation"]
    assert roles[-3:] == ["closing", "signature", "date"]
    assert paragraphs[-2].text == ORGAN
    assert paragraphs[-1].text == "2026年11月28日"


@pytest.mark.parametrize(("case_id", "letter"), CASES, ids=[case_id for case_id, _ in CASES])
def test_docx_states_every_required_element(case_id: str, letter: ReplyLetter) -> None:
    data, _ = _rendered(case_id)
    _check(letter, _docx_text(data))


@pytest.mark.parametrize(("case_id", "letter"), CASES, ids=[case_id for case_id, _ in CASES])
def test_pdf_states_every_required_element(case_id: str, letter: ReplyLetter) -> None:
    _, data = _rendered(case_id)
    assert data.startswith(b"%PDF-")
    _check(letter, _pdf_text(data))


def test_refusals_and_partial_disclosure_are_exactly_the_reconsideration_first_ones() -> None:
    refused = {outcome for outcome in Outcome if row_of(outcome).group == "（三）不予公开"}
    refused.add(Outcome.PARTLY_DISCLOSED)  # its withheld part is a refusal (行政复议法 Art. 23(四))
    for outcome in Outcome:
        text = "".join(paragraph.text for paragraph in reply_paragraphs(_letter((_item(outcome),))))
        assert (RECONSIDERATION_FIRST in text) is (outcome in refused), outcome


def test_partial_disclosure_keeps_the_choice_for_the_disclosed_part() -> None:
    remedy = reply_body(_letter((_item(Outcome.PARTLY_DISCLOSED),)))[-1]
    assert RECONSIDERATION_FIRST in remedy
    assert "如您对本答复的其他内容不服" in remedy
    assert f"6个月内向{COURT}提起行政诉讼" in remedy


def test_missing_elements_finds_what_an_edit_removed() -> None:
    letter = _letter((_item(Outcome.DISCLOSED),))
    body = reply_body(letter)
    assert missing_elements(body, tracking_number=TRACKING, received_on=letter.received_on) == []
    without_remedy = body[:-1]
    assert missing_elements(without_remedy, tracking_number=TRACKING, received_on=letter.received_on) == [
        "复议、诉讼的权利和期限"
    ]
    without_basis = tuple(paragraph.replace("条例第", "") for paragraph in body)
    assert "法律依据（条例条文）" in missing_elements(
        without_basis, tracking_number=TRACKING, received_on=letter.received_on
    )
    without_facts = tuple(paragraph.replace(TRACKING, "") for paragraph in body)
    assert missing_elements(without_facts, tracking_number=TRACKING, received_on=letter.received_on) == [
        "申请事实（收到申请的日期和申请编号）"
    ]


def test_sealed_pdf_carries_the_seal_mark_and_check_code() -> None:
    letter = _letter((_item(Outcome.DISCLOSED),))
    sealed = reply_document(letter, seal=SealMark(ORGAN, "电子签章校验码 ABCD1234"))
    text = _squash(_pdf_text(layout_pdf(sealed)))
    assert "政府信息公开专用章" in text
    assert "ABCD1234" in text
    assert "ABCD1234" in _docx_text(layout_docx(sealed))


def test_mixed_letter_gives_both_remedies() -> None:
    letter = _letter((_item(Outcome.WITHHELD_STATE_SECRET), _item(Outcome.DISCLOSED, description="某项目验收意见")))
    remedy = reply_paragraphs(letter)[-4].text
    assert RECONSIDERATION_FIRST in remedy
    assert f"6个月内向{COURT}提起行政诉讼" in remedy
    assert "二、关于您申请公开的“某项目验收意见”" in reply_paragraphs(letter)[5].text


def test_docx_layout_follows_gb_t_9704() -> None:
    data, _ = _rendered(CASES[0][0])
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    expected = {
        "page_width": 210.0,
        "page_height": 297.0,
        "top_margin": MARGIN_TOP_MM,
        "left_margin": MARGIN_LEFT_MM,
        "right_margin": MARGIN_RIGHT_MM,
        "bottom_margin": MARGIN_BOTTOM_MM,
    }
    assert (MARGIN_TOP_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_BOTTOM_MM) == (37.0, 28.0, 26.0, 35.0)
    for name, millimetres in expected.items():
        length = getattr(section, name)
        assert length is not None
        assert length.mm == pytest.approx(millimetres, abs=0.5), name

    paragraphs = document.paragraphs
    title, number = paragraphs[0], paragraphs[1]
    assert title.text == TITLE
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert paragraphs[-2].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert paragraphs[-1].alignment == WD_ALIGN_PARAGRAPH.RIGHT

    body = paragraphs[3]
    ind = body._p.pPr.find(qn("w:ind")) if body._p.pPr is not None else None
    assert ind is not None
    assert ind.get(qn("w:firstLineChars")) == "200"
    rfonts = body.runs[0]._r.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size is not None
    assert body.runs[0].font.size.pt == 16
    assert title.runs[0].font.size is not None
    assert title.runs[0].font.size.pt == 22


def test_pdf_is_a4() -> None:
    _, data = _rendered(CASES[0][0])
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(box.width) / 72 * 25.4 == pytest.approx(210, abs=0.5)
    assert float(box.height) / 72 * 25.4 == pytest.approx(297, abs=0.5)


def test_letter_hash_is_stable() -> None:
    data, pdf = _rendered(CASES[0][0])
    assert letter_hash(data) == letter_hash(bytes(data))
    assert re.fullmatch(r"[0-9a-f]{64}", letter_hash(data))
    assert letter_hash(data) != letter_hash(data + b"\0")
    # The PDF is built invariant, so re-rendering the same letter gives the same hash.
    assert letter_hash(to_pdf(CASES[0][1])) == letter_hash(pdf)


def test_dates_and_ordinals() -> None:
    assert chinese_date(date(2026, 1, 8)) == "2026年1月8日"
    assert [chinese_ordinal(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


def test_validation() -> None:
    with pytest.raises(ValueError, match="reason"):
        ItemResult("某文件", Outcome.WITHHELD_STATE_SECRET)
    with pytest.raises(ValueError, match="at least one item"):
        _letter(())
    with pytest.raises(ValueError, match="negative"):
        _letter((_item(Outcome.DISCLOSED),), fee_yuan=-1)
