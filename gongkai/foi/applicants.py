"""Who applies (条例第二十九条): identity documents, applicant kinds, tracking numbers and query codes."""

import hashlib
import hmac
import secrets
from enum import StrEnum
from typing import Final

from gongkai.organs.domain import is_valid_credit_code
from gongkai.privacy.scanner import is_valid_id_card


class ApplicantKind(StrEnum):
    """The annual report's applicant columns (Table B): 自然人 and the five kinds of 法人或其他组织."""

    NATURAL_PERSON = "NATURAL_PERSON"  # 自然人
    COMMERCIAL = "COMMERCIAL"  # 商业企业
    RESEARCH = "RESEARCH"  # 科研机构
    PUBLIC_WELFARE = "PUBLIC_WELFARE"  # 社会公益组织
    LEGAL_SERVICE = "LEGAL_SERVICE"  # 法律服务机构
    OTHER_ORGANISATION = "OTHER_ORGANISATION"  # 其他


class IdType(StrEnum):
    RESIDENT_ID = "RESIDENT_ID"  # 居民身份证
    PASSPORT = "PASSPORT"  # 护照
    HK_MACAO_PERMIT = "HK_MACAO_PERMIT"  # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "TAIWAN_PERMIT"  # 台湾居民来往大陆通行证
    FOREIGN_PERMANENT_RESIDENT = "FOREIGN_PERMANENT_RESIDENT"  # 外国人永久居留身份证
    OTHER = "OTHER"


class IdentityError(ValueError):
    """`code` names the problem for the form: id_checksum, id_format, credit_code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_personal_id(id_type: IdType, number: str) -> str:
    """Return the number in its stored form, or raise IdentityError.

    A 居民身份证 number is checked by its GB 11643 check character and birth date; other documents
    only by plausible length, since their formats vary by issuing country or year.
    """
    cleaned = number.strip().replace(" ", "").upper()
    if id_type == IdType.RESIDENT_ID:
        if not is_valid_id_card(cleaned):
            raise IdentityError("id_checksum")
        return cleaned
    if not 5 <= len(cleaned) <= 30:
        raise IdentityError("id_format")
    return cleaned


def check_organisation_code(code: str) -> str:
    cleaned = code.strip().replace(" ", "").upper()
    if not is_valid_credit_code(cleaned):
        raise IdentityError("credit_code")
    return cleaned


def tracking_number(year: int, organ_number: int, serial: int) -> str:
    """依申请公开 number shown to the applicant and on every letter, e.g. YSQ2026-0012-00042.

    Each organ numbers its own applications, so the organ's number is part of the tracking number:
    two organs' first applications of a year must not share one.
    """
    return f"YSQ{year}-{organ_number:04d}-{serial:05d}"


# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: the code is read aloud on the phone and typed from paper.
QUERY_CODE_ALPHABET: Final = "34679ACDEFGHJKMNPQRTUVWXY"
QUERY_CODE_LENGTH: Final = 10


def new_query_code() -> str:
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def normalise_query_code(typed: str) -> str:
    return "".join(typed.split()).upper().replace("-", "")


def applicant_key(*, id_type: str, id_number: str, credit_code: str, secret: bytes) -> str:
    """The same applicant's applications share this key; it reveals neither number nor name.

    A keyed digest (HMAC-SHA256) rather than a plain hash: an identity number has too few
    possible values for a plain hash to hide it. Organisations are keyed by credit code, people
    by document type and number. An application with neither gets an empty key (no matching).
    """
    if credit_code.strip():
        subject = f"ORG:{credit_code.strip().upper()}"
    elif id_number.strip():
        subject = f"{id_type}:{id_number.strip().upper()}"
    else:
        return ""
    return hmac.new(secret, subject.encode("utf-8"), hashlib.sha256).hexdigest()
