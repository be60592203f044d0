"""The reply letter (政府信息公开申请答复书): what it says, from the decision on each requested item.

The text follows 条例第三十六条 to 第三十九条 (REGULATIONS.md §1.4) and cites, for each item, the
articles of its Table B row (decisions.row_of). The remedy paragraph follows REGULATIONS.md §1.6:
行政复议 within 60 days (行政复议法 2023 Art. 20) or 行政诉讼 within 6 months (行政诉讼法 Art. 46),
and 先申请行政复议 against what is refused (行政复议法 2023 Art. 23(四); see decisions.refuses_some).
Layout and files come from letter_layout; staff may edit the body before approval, and
`missing_elements` checks the edited text still states what the reply standard requires.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from gongkai.foi.decisions import Outcome, needs_reconsideration_first, refuses_some, row_of
from gongkai.foi.letter_layout import OfficialLetter, Paragraph, SealMark, chinese_date, paragraphs

TITLE: Final = "政府信息公开申请答复书"
REGULATION_FULL_NAME: Final = "《中华人民共和国政府信息公开条例》"
FEE_SENTENCE_PREFIX: Final = "依据《政府信息公开信息处理费管理办法》"
RECONSIDERATION_FIRST: Final = "先申请行政复议"
RECONSIDERATION_DAYS: Final = 60
LITIGATION_MONTHS: Final = 6
LITIGATION_AFTER_RECONSIDERATION_DAYS: Final = 15  # 行政诉讼法 Art. 45
CLOSING: Final = "特此答复。"
_ARTICLE_CITED: Final = re.compile(r"条例.{0,40}?第[一二三四五六七八九十百]+条")

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


def remedy_paragraph(outcomes: tuple[Outcome, ...], reconsideration_organ: str, court: str) -> str:
    """救济途径: where and within what time the applicant can challenge the reply."""
    days, months = RECONSIDERATION_DAYS, LITIGATION_MONTHS
    either = (
        f"可以在收到本答复之日起{days}日内向{reconsideration_organ}申请行政复议，"
        f"或者在{months}个月内向{court}提起行政诉讼。"
    )
    if not any(refuses_some(outcome) for outcome in outcomes):
        return f"如您对本答复不服，{either}"
    first = (
        f"如您对本答复中不予公开的决定不服，依照《中华人民共和国行政复议法》第二十三条的规定，"
        f"应当{RECONSIDERATION_FIRST}：可以在收到本答复之日起{days}日内向{reconsideration_organ}申请行政复议；"
        f"对行政复议决定不服的，可以在收到行政复议决定书之日起{LITIGATION_AFTER_RECONSIDERATION_DAYS}日内"
        f"向{court}提起行政诉讼。"
    )
    if all(needs_reconsideration_first(outcome) for outcome in outcomes):
        return first
    return f"{first}如您对本答复的其他内容不服，{either}"


def reply_body(letter: ReplyLetter) -> tuple[str, ...]:
    """The body of the 答复书: the facts of the application, each item's decision, fee, remedies."""
    requested = "；".join(f"“{item.description}”" for item in letter.items)
    intro = (
        f"本机关于{chinese_date(letter.received_on)}收到您提出的政府信息公开申请"
        f"（申请编号：{letter.tracking_number}），您申请公开：{requested}。"
        f"根据{REGULATION_FULL_NAME}（以下简称条例）的规定，经审查，现答复如下："
    )
    body = [intro]
    body.extend(_item_paragraph(index, item) for index, item in enumerate(letter.items, start=1))
    if letter.fee_yuan > 0:
        body.append(
            f"{FEE_SENTENCE_PREFIX}（国办函〔2020〕109号）和条例第四十二条的规定，"
            f"本次申请收取信息处理费{letter.fee_yuan}元。"
        )
    body.append(
        remedy_paragraph(tuple(item.outcome for item in letter.items), letter.reconsideration_organ, letter.court)
    )
    return tuple(body)


def reply_document(
    letter: ReplyLetter, *, body: tuple[str, ...] | None = None, seal: SealMark | None = None
) -> OfficialLetter:
    """The letter ready for layout; `body` is the staff-edited text when it differs from the draft."""
    return OfficialLetter(
        title=TITLE,
        number=letter.document_number,
        addressee=letter.applicant_name,
        body=body if body is not None else reply_body(letter),
        organ_name=letter.organ_name,
        issued_on=letter.issued_on,
        closing=CLOSING,
        seal=seal,
    )


def reply_paragraphs(letter: ReplyLetter) -> list[Paragraph]:
    """The full text of the 答复书, paragraph by paragraph."""
    return paragraphs(reply_document(letter))


def missing_elements(body: tuple[str, ...], *, tracking_number: str, received_on: date) -> list[str]:
    """What an edited reply body no longer states, by the reply standard's list (答复书必备要素).

    Title, number, applicant, organ, date and seal are laid out from the record and cannot be
    edited away; the body must still give the facts of the application, the legal basis and
    the decision, and the applicant's right to reconsideration or a lawsuit with its time limit.
    """
    text = "".join(body)
    checks = [
        ("申请事实（收到申请的日期和申请编号）", tracking_number in text and chinese_date(received_on) in text),
        ("法律依据（条例条文）", _ARTICLE_CITED.search(text) is not None),
        ("复议、诉讼的权利和期限", "行政复议" in text and f"{RECONSIDERATION_DAYS}日" in text),
    ]
    return [name for name, present in checks if not present]
