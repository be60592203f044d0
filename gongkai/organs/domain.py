"""Pure rules about organs: the 统一社会信用代码 checksum and administrative division codes."""

from enum import StrEnum
from typing import Final

# GB 32100-2015: the 31 characters a credit code may use (no I, O, S, V, Z).
CREDIT_CODE_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_CODE_WEIGHTS: Final = tuple(pow(3, i, 31) for i in range(17))


class CreditCodeError(ValueError):
    pass


def credit_code_check_character(body: str) -> str:
    """The 18th character of a credit code, computed from the first 17 (GB 32100-2015 §4.3)."""
    total = 0
    for char, weight in zip(body, _CREDIT_CODE_WEIGHTS, strict=True):
        value = CREDIT_CODE_ALPHABET.find(char)
        if value < 0:
            raise CreditCodeError(f"character {char!r} is not allowed")
        total += value * weight
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def normalise_credit_code(raw: str) -> str:
    return raw.strip().upper().replace(" ", "")


def validate_credit_code(code: str) -> None:
    """Raise CreditCodeError unless `code` is 18 allowed characters with a correct check character."""
    if len(code) != 18:
        raise CreditCodeError("length")
    if any(char not in CREDIT_CODE_ALPHABET for char in code):
        raise CreditCodeError("alphabet")
    if credit_code_check_character(code[:17]) != code[17]:
        raise CreditCodeError("checksum")


def is_valid_credit_code(code: str) -> bool:
    try:
        validate_credit_code(code)
    except CreditCodeError:
        return False
    return True


def is_valid_division_code(code: str) -> bool:
    """GB/T 2260 county-level codes have 6 digits; township codes in the statistical scheme 9 or 12."""
    return code.isdigit() and len(code) in (6, 9, 12)


class OrganKind(StrEnum):
    GOVERNMENT = "GOVERNMENT"  # 人民政府
    GENERAL_OFFICE = "GENERAL_OFFICE"  # 人民政府办公室
    DEPARTMENT = "DEPARTMENT"  # 政府工作部门及直属机构
    ADMINISTRATIVE_COMMITTEE = "ADMINISTRATIVE_COMMITTEE"  # 管委会
    TOWNSHIP = "TOWNSHIP"  # 乡镇人民政府、街道办事处
    PUBLIC_INSTITUTION = "PUBLIC_INSTITUTION"  # 事业单位


class OrganLevel(StrEnum):
    CITY = "CITY"  # 市级
    COUNTY = "COUNTY"  # 县级
    TOWNSHIP = "TOWNSHIP"  # 乡级
