"""Pure rules of convenience replies: the channels, the two states and what each channel needs."""

from enum import StrEnum
from typing import Final


class Channel(StrEnum):
    """How the question reached the organ."""

    HOTLINE_12345 = "HOTLINE_12345"  # 12345 政务服务便民热线 work order
    TELEPHONE = "TELEPHONE"  # 电话
    IN_PERSON = "IN_PERSON"  # 现场
    WEBSITE_MESSAGE = "WEBSITE_MESSAGE"  # 网站留言
    FROM_APPLICATION = "FROM_APPLICATION"  # 依申请公开转便民答复
    OTHER = "OTHER"  # 其他


class State(StrEnum):
    PENDING = "PENDING"  # a hotline consultation waiting for the organ's answer
    ANSWERED = "ANSWERED"


# A 12345 work order is identified by its ticket number; the reply goes back under it.
TICKET_REQUIRED: Final = frozenset({Channel.HOTLINE_12345})
# A reply given instead of the formal procedure names the application it came from.
APPLICATION_REQUIRED: Final = frozenset({Channel.FROM_APPLICATION})

# Tokens are shown once as "gkh_" + random text; only the SHA-256 digest is kept.
TOKEN_SCHEME: Final = "gkh_"  # noqa: S105 (a visible marker, not a secret)
TOKEN_PREFIX_LENGTH: Final = 12
