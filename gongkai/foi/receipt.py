"""收到申请之日: the day the clock starts, by channel (条例第三十一条).

An application arriving by ordinary letter, online or by fax has no receipt day until the working
body confirms it with the applicant; until then the clock has not started, and the workbench shows
the application as awaiting confirmation.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Channel(StrEnum):
    IN_PERSON = "IN_PERSON"  # 当面提交
    SIGNED_MAIL = "SIGNED_MAIL"  # 邮寄，需签收
    ORDINARY_LETTER = "ORDINARY_LETTER"  # 平常信函等无需签收
    ONLINE = "ONLINE"  # 互联网渠道
    FAX = "FAX"  # 政府信息公开工作机构的传真
    EMAIL = "EMAIL"  # 电子邮件 (an Internet channel)
    ORAL = "ORAL"  # 口头提出，代为填写 (Art. 29: written down for the applicant in person)


# Channels whose receipt day is the day both sides confirm (Art. 31(三)(四)).
CONFIRMED_CHANNELS = frozenset({Channel.ORDINARY_LETTER, Channel.ONLINE, Channel.FAX, Channel.EMAIL})


@dataclass(frozen=True)
class Arrival:
    channel: Channel
    arrived_on: date  # the day it reached the organ (submitted, delivered, sent)
    signed_for_on: date | None = None  # signed mail: the day the organ signed for it
    confirmed_on: date | None = None  # the day the working body and the applicant confirmed it


class ReceiptError(ValueError):
    pass


def receipt_day(arrival: Arrival) -> date | None:
    """The statutory receipt day, or None while the confirmation the channel needs is outstanding."""
    if arrival.channel in {Channel.IN_PERSON, Channel.ORAL}:
        return arrival.arrived_on
    if arrival.channel == Channel.SIGNED_MAIL:
        if arrival.signed_for_on is None:
            raise ReceiptError("signed mail needs the day it was signed for")
        return arrival.signed_for_on
    if arrival.confirmed_on is not None and arrival.confirmed_on < arrival.arrived_on:
        raise ReceiptError("confirmation before arrival")
    return arrival.confirmed_on
