"""The notices of an application's procedure, as text: 补正告知书, 延期答复告知书, 征求意见函, 收费通知书.

Each follows the article that requires it and states what the reply standard asks of it (the
Jiangsu standard forwarded by the State Council openness office, ../shared/reference): the 补正
notice names what to supply, a reasonable period and the consequence of not supplying it
(Art. 30); the extension notice names the approval and the new date (Art. 33 para. 2); the
consultation letter gives the third party 15 working days and says what happens if it is silent
(Art. 32) and never names the applicant; the fee notice states method, quantity, amount, period
and consequence (109号).
"""

from dataclasses import dataclass
from datetime import date
from typing import Final

from gongkai.foi.clock import CONSULTATION_REPLY_WORKDAYS
from gongkai.foi.fees import FeeMethod
from gongkai.foi.letter_layout import OfficialLetter, SealMark, chinese_date

CORRECTION_TITLE: Final = "政府信息公开申请补正告知书"
EXTENSION_TITLE: Final = "政府信息公开申请延期答复告知书"
CONSULTATION_TITLE: Final = "政府信息公开征求意见函"
FEE_TITLE: Final = "政府信息公开信息处理费缴费通知书"
MAX_CORRECTION_PERIOD_WORKDAYS: Final = 15  # the reply standard: 一般不超过15个工作日

_FEE_UNITS: Final = {FeeMethod.PER_PIECE: ("按件计收", "件"), FeeMethod.PER_PAGE: ("按量计收", "页")}


@dataclass(frozen=True)
class Header:
    """What every notice about one application shares."""

    organ_name: str
    number: str
    addressee: str
    tracking_number: str
    received_on: date
    issued_on: date


def _received(header: Header, who: str = "您") -> str:
    return (
        f"本机关于{chinese_date(header.received_on)}收到{who}提出的政府信息公开申请"
        f"（申请编号：{header.tracking_number}）"
    )


def _letter(header: Header, title: str, body: list[str], closing: str, seal: SealMark | None) -> OfficialLetter:
    return OfficialLetter(
        title=title,
        number=header.number,
        addressee=header.addressee,
        body=tuple(body),
        organ_name=header.organ_name,
        issued_on=header.issued_on,
        closing=closing,
        seal=seal,
    )


def correction_notice(
    header: Header, *, what_to_supply: str, period_workdays: int, seal: SealMark | None = None
) -> OfficialLetter:
    """Art. 30: one notice, within 7 working days of receipt, naming everything to supply."""
    if not 1 <= period_workdays <= MAX_CORRECTION_PERIOD_WORKDAYS:
        raise ValueError(f"a correction period is 1 to {MAX_CORRECTION_PERIOD_WORKDAYS} working days")
    if not what_to_supply.strip():
        raise ValueError("say what the applicant must supply")
    body = [
        f"{_received(header)}。经审查，您的申请需要补正以下内容：{what_to_supply.strip().rstrip('。')}。",
        f"根据《中华人民共和国政府信息公开条例》第三十条的规定，请您自收到本告知书之日起"
        f"{period_workdays}个工作日内补正上述内容并提交本机关。答复期限自本机关收到补正后的申请之日起计算。",
        "您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ]
    return _letter(header, CORRECTION_TITLE, body, "特此告知。", seal)


def extension_notice(
    header: Header, *, reason: str, workdays: int, new_due: date, seal: SealMark | None = None
) -> OfficialLetter:
    """Art. 33 para. 2: approved by the head of the working body, at most 20 working days."""
    if not reason.strip():
        raise ValueError("an extension needs its reason")
    body = [
        f"{_received(header)}。因{reason.strip().rstrip('。')}，本机关不能在法定期限内作出答复。",
        f"根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，"
        f"答复期限延长{workdays}个工作日，本机关将于{chinese_date(new_due)}前作出答复。",
    ]
    return _letter(header, EXTENSION_TITLE, body, "特此告知。", seal)


def consultation_letter(
    header: Header, *, information: str, concern: str, seal: SealMark | None = None
) -> OfficialLetter:
    """Art. 32 (a third party) or Art. 34 (another organ): 15 working days to give an opinion."""
    body = [
        f"{_received(header, '申请人')}，申请公开：“{information.strip()}”。",
        f"经审查，{concern.strip().rstrip('。')}。根据《中华人民共和国政府信息公开条例》第三十二条、第三十四条的规定，"
        f"现书面征求你方意见。请你方自收到本函之日起{CONSULTATION_REPLY_WORKDAYS}个工作日内提出书面意见，"
        "不同意公开的，请说明理由。",
        "逾期未提出意见的，由本机关依照条例的规定决定是否公开。",
    ]
    return _letter(header, CONSULTATION_TITLE, body, "特此函告。", seal)


def fee_notice(
    header: Header,
    *,
    method: FeeMethod,
    quantity: int,
    fee_yuan: int,
    payment_period_workdays: int,
    how_to_pay: str,
    seal: SealMark | None = None,
) -> OfficialLetter:
    """109号: the fee, how it was counted, how and by when to pay, and what non-payment means."""
    if fee_yuan <= 0:
        raise ValueError("a fee notice is only for a fee due")
    method_words, unit = _FEE_UNITS[method]
    body = [
        f"{_received(header)}。您申请公开政府信息的数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》"
        f"第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关{method_words}信息处理费："
        f"共{quantity}{unit}，计{fee_yuan}元。",
        f"请您自收到本通知之日起{payment_period_workdays}个工作日内缴纳。缴费方式：{how_to_pay.strip().rstrip('。')}。",
        "您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ]
    return _letter(header, FEE_TITLE, body, "特此通知。", seal)
