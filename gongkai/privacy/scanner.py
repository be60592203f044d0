"""Find personal information (个人信息) in government document text before publication.

Article 15 of the Regulation on Government Information Disclosure (政府信息公开条例) forbids
publishing information whose disclosure would infringe personal privacy, so a draft is scanned
for identifiers of natural persons before it is approved. Administrative text is full of numbers
that look like identifiers but are not personal data (发文字号, 索引号, dates, amounts, the organ's
own published telephone numbers), so every kind with a standard checksum is validated and the
others are anchored on the shapes that only personal data takes. Precision matters as much as
recall: a reviewer who sees many false alarms stops reading them.

Character offsets in findings always refer to the text as given. Full-width ASCII forms
(１３８, ＠, －, （）) are folded to ASCII for matching only; the folding maps one character to
one character, so offsets are unchanged.
"""

import datetime as dt
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from gongkai.organs.domain import is_valid_credit_code


class FindingKind(StrEnum):
    ID_CARD = "ID_CARD"  # 居民身份证号码 (GB 11643-1999)
    MOBILE = "MOBILE"  # 手机号码
    LANDLINE = "LANDLINE"  # 固定电话
    BANK_CARD = "BANK_CARD"  # 银行卡号 (ISO/IEC 7812)
    EMAIL = "EMAIL"
    CREDIT_CODE_INDIVIDUAL = "CREDIT_CODE_INDIVIDUAL"  # 个体工商户统一社会信用代码 (GB 32100-2015)
    HOME_ADDRESS = "HOME_ADDRESS"  # 详细住址


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    start: int
    end: int
    text: str


# When two candidates overlap the earlier kind in this order wins: an e-mail address may contain a
# mobile number, and an 18-digit identity number may also happen to pass the Luhn check.
_PRIORITY: tuple[FindingKind, ...] = (
    FindingKind.EMAIL,
    FindingKind.ID_CARD,
    FindingKind.CREDIT_CODE_INDIVIDUAL,
    FindingKind.BANK_CARD,
    FindingKind.MOBILE,
    FindingKind.LANDLINE,
    FindingKind.HOME_ADDRESS,
)

_PHONE_KINDS = frozenset({FindingKind.MOBILE, FindingKind.LANDLINE})

# U+FF01..U+FF5E are the full-width forms of U+0021..U+007E; U+3000 is the ideographic space.
_FULLWIDTH_FOLD: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH_FOLD[0x3000] = 0x20


def _fold(text: str) -> str:
    return text.translate(_FULLWIDTH_FOLD)


def _digits(text: str) -> str:
    return "".join(ch for ch in _fold(text) if ch.isascii() and ch.isdigit())


# Chinese has no word boundaries, so \b is useless next to CJK characters; identifiers are instead
# delimited by "no ASCII letter or digit on either side".
_NOT_AFTER_ALNUM = r"(?<![0-9A-Za-z])"
_NOT_BEFORE_ALNUM = r"(?![0-9A-Za-z])"
# A number followed by a decimal part or by 元/万元/亿元 is an amount, not an identifier. (A comma
# is not checked: the full-width enumeration comma folds to "," and often separates two numbers.)
_NOT_AMOUNT = r"(?!\.\d)(?!\s*[万亿]?元)"


# --- 居民身份证号码, GB 11643-1999 ---------------------------------------------------------------

# First two digits are the province-level code of GB/T 2260; 71, 81 and 82 are Taiwan, Hong Kong
# and Macao, which appear on residence permits numbered in the same scheme.
_PROVINCES = frozenset(
    str(code)
    for code in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
    )
)
# GB 11643-1999 §5.2: weight of position i (counted from the right, check digit is position 1)
# is 2^(i-1) mod 11; the check character makes the weighted sum ≡ 1 (mod 11), with 10 written X.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK_CHARS = "10X98765432"

_ID_RE = re.compile(_NOT_AFTER_ALNUM + r"(?:\d{17}[0-9Xx]|\d{15})" + _NOT_BEFORE_ALNUM)
# The 15-digit form (before 1999) has no check digit, so alone it is too weak a signal among the
# many 15-digit numbers in administrative text (old 工商注册号, serial numbers); it is reported
# only when the text names it as an identity number just before.
_ID15_CONTEXT_RE = re.compile(r"身份证[^0-9]{0,8}$")


def id_card_check_char(body: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of an identity number."""
    if len(body) != 17 or not body.isdigit():
        raise ValueError("an identity number body is 17 digits")
    return _ID_CHECK_CHARS[sum(int(ch) * w for ch, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _today() -> dt.date:
    return dt.datetime.now(tz=dt.UTC).date()


def _valid_birth_date(year: int, month: int, day: int) -> bool:
    if year < 1900:
        return False
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return False
    return born <= _today()


def is_valid_id_card(number: str) -> bool:
    """True for an 18-digit identity number with a known province, a real birth date and a valid check."""
    number = number.upper()
    if len(number) != 18 or not number[:17].isdigit() or number[:2] not in _PROVINCES:
        return False
    if not _valid_birth_date(int(number[6:10]), int(number[10:12]), int(number[12:14])):
        return False
    return id_card_check_char(number[:17]) == number[17]


def _is_valid_id15(number: str) -> bool:
    # 15-digit form: 6-digit area, YYMMDD birth date in the 1900s, 3-digit sequence.
    return (
        number.isdigit()
        and number[:2] in _PROVINCES
        and _valid_birth_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    )


def _find_id_cards(folded: str) -> Iterator[tuple[int, int]]:
    for m in _ID_RE.finditer(folded):
        number = m.group()
        if len(number) == 18:
            if is_valid_id_card(number):
                yield m.span()
        elif _is_valid_id15(number) and _ID15_CONTEXT_RE.search(folded, max(0, m.start() - 12), m.start()):
            yield m.span()


# --- 统一社会信用代码, GB 32100-2015 -------------------------------------------------------------

# GB 32100-2015 §4.3: the code alphabet omits I, O, S, V and Z; check character by §4.3.3 with
# weights 3^(i-1) mod 31 and C18 = 31 - (Σ Ci·Wi mod 31), where 31 is written 0.
# Registration authority 9 (市场监督管理部门) with type 2 (个体工商户). A 个体工商户 is usually one
# natural person trading under their own name, so the code identifies a person; codes of legal
# persons (91…, 11…, 12…) are public registration data and are not reported.
_CREDIT_RE = re.compile(_NOT_AFTER_ALNUM + r"92\d{6}[0-9A-HJ-NPQRTUWXY]{10}" + _NOT_BEFORE_ALNUM)


def _find_credit_codes(folded: str) -> Iterator[tuple[int, int]]:
    for m in _CREDIT_RE.finditer(folded):
        if m.group()[2:4] in _PROVINCES and is_valid_credit_code(m.group()):
            yield m.span()


# --- 银行卡号, ISO/IEC 7812 ----------------------------------------------------------------------

_BANK_RE = re.compile(
    _NOT_AFTER_ALNUM
    + r"(?<!\d[ -])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?|\d{6}[ -]\d{10,13})"
    + _NOT_BEFORE_ALNUM
    + r"(?![ -]\d)"
    + _NOT_AMOUNT
)


def luhn_valid(number: str) -> bool:
    """The ISO/IEC 7812-1 Annex B (Luhn mod 10) check over a string of digits."""
    if not number.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _find_bank_cards(folded: str) -> Iterator[tuple[int, int]]:
    for m in _BANK_RE.finditer(folded):
        digits = _digits(m.group())
        # ISO/IEC 7812-1 major industry identifier: 3 travel (JCB, American Express), 4 and 5
        # banking (Visa, Mastercard), 6 banking and merchandising (银联 62…). Other leading digits
        # are not payment cards, which keeps serial numbers that merely pass Luhn out.
        if 16 <= len(digits) <= 19 and digits[0] in "3456" and luhn_valid(digits):
            yield m.span()


# --- 手机号码 and 固定电话 ------------------------------------------------------------------------

# Mainland mobile numbers are 11 digits, optionally written with the +86 country code and grouped
# 3-4-4. Only the allocated public segments are accepted, not the whole 13x–19x range: 140–144
# hold 13-digit IoT numbers, so an 11-digit "140…" is far more often a local serial number whose
# first digits are an area code (忻州 is 1409…, as in 执法证号 14090021003).
_MOBILE_SEGMENT = r"1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])"
_MOBILE_RE = re.compile(
    rf"(?<![0-9A-Za-z+])(?:\+?86[ -]?)?{_MOBILE_SEGMENT}[ -]?\d{{4}}[ -]?\d{{4}}" + _NOT_BEFORE_ALNUM + _NOT_AMOUNT
)
# Trunk prefix 0 plus area code: 010 and 02x are three digits, all others four. Subscriber numbers
# are 7 or 8 digits and never start with 0 or 1 (those prefixes are for trunk and special services).
_AREA_CODE = r"(?:010|02\d|0[3-9]\d{2})"
_LANDLINE_RE = re.compile(
    _NOT_AFTER_ALNUM
    + rf"(?:\({_AREA_CODE}\)[ -]?|{_AREA_CODE}[ -]?)(?P<local>[2-8]\d{{6,7}})"
    + _NOT_BEFORE_ALNUM
    + _NOT_AMOUNT
)


def _phone_key(text: str) -> str:
    digits = _digits(text)
    if len(digits) == 13 and digits.startswith("861"):
        return digits[2:]
    return digits


def _find_mobiles(folded: str) -> Iterator[tuple[int, int]]:
    for m in _MOBILE_RE.finditer(folded):
        yield m.span()


def _find_landlines(folded: str) -> Iterator[tuple[int, int]]:
    for m in _LANDLINE_RE.finditer(folded):
        yield m.span()


# --- E-mail ---------------------------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"(?<![0-9A-Za-z._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])"
)


def _find_emails(folded: str) -> Iterator[tuple[int, int]]:
    for m in _EMAIL_RE.finditer(folded):
        yield m.span()


# --- 详细住址 ---------------------------------------------------------------------------------------

# A detailed address is recognised by its numeric tail (楼号、单元、室/户, or 组+号 in villages, or
# the 楼-单元-室 shorthand 3-2-101) following a place name. A street number alone ("和平街1号")
# locates an office or a shop as often as a home, so it is not enough.
_CN_NUMERALS = "一二三四五六七八九十"
_UNIT = rf"(?:\d+|[{_CN_NUMERALS}]+)(?:号院|号楼|号|栋|幢|座|单元|层|楼|室|户|组|排|队)"
_BUILDING_UNIT_ROOM = r"\d{1,3}-\d{1,2}-\d{2,4}(?:号|室)?(?![\d-])"
_ADDRESS_TAIL = rf"(?:{_UNIT})+(?:{_BUILDING_UNIT_ROOM})?|{_BUILDING_UNIT_ROOM}"
# "3室2厅" describes a flat's layout, not its number.
_ADDRESS_TAIL_RE = re.compile(rf"(?<![\d{_CN_NUMERALS}])(?:{_ADDRESS_TAIL})(?!\d)(?![{_CN_NUMERALS}\d]*[厅卫])")
_ADDRESS_TAIL_AT_END_RE = re.compile(rf"(?<![\d{_CN_NUMERALS}])(?:{_ADDRESS_TAIL})$")
_ADDRESS_UNIT_RE = re.compile(_UNIT)
# Words that introduce an address; the address starts after the last one in its clause.
_ADDRESS_LEAD_RE = re.compile(
    r"(?:现住址|家庭住址|户籍地址|户籍所在地|户籍地|住址|住所地|住所|家住|现住|居住于|居住在|居住|"
    r"坐落于|坐落在|坐落|位于|地址|迁至|迁入|搬至|住(?![建房宅户])|在)[为是在于:]?"
)
# The place part must end in a word for a residential compound, village, road or building.
_PLACE_SUFFIXES = frozenset("区村苑园院寓城庄屯街路巷弄里道厦楼坊邸府居舍墅湾郡庭台阁轩社组队镇乡寨堡营沟坪峪岭")
# Offices, courts, hospitals and businesses have room numbers too, but their addresses are public.
_INSTITUTION_RE = re.compile(
    r"政府|人大|政协|机关|委员会|局|厅|办公|大楼|写字楼|中心|大厅|法院|检察院|医院|卫生院|学院|学校|中学|小学|"
    r"公司|银行|宾馆|酒店|派出所|司法所|会议|馆"
)
_RESIDENTIAL_RE = re.compile(r"家属院|家属楼|宿舍|小区|新村|公寓")
_ADDRESS_CHAR_RE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z#·-]")
_ADDRESS_MAX_PREFIX = 40


def _address_tail_accepted(tail: str) -> bool:
    units = [m.group() for m in _ADDRESS_UNIT_RE.finditer(tail)]
    if re.search(_BUILDING_UNIT_ROOM, tail) or any(u.endswith("单元") for u in units):
        return True
    if any(u.endswith("室") for u in units):
        return True
    # "户" alone also counts households ("涉及东关村5户"), so it needs a building or unit before it.
    if len(units) >= 2 and units[-1].endswith("户"):
        return True
    group_at = next((i for i, u in enumerate(units) if u.endswith("组")), None)
    return group_at is not None and any("号" in u for u in units[group_at + 1 :])


def _find_addresses(folded: str) -> Iterator[tuple[int, int]]:
    for m in _ADDRESS_TAIL_RE.finditer(folded):
        if not _address_tail_accepted(m.group()):
            continue
        start = m.start()
        limit = max(0, m.start() - _ADDRESS_MAX_PREFIX)
        while start > limit and _ADDRESS_CHAR_RE.match(folded[start - 1]):
            start -= 1
        leads = list(_ADDRESS_LEAD_RE.finditer(folded, start, m.start()))
        if leads:
            start = leads[-1].end()
        place = folded[start : m.start()]
        if len(place) < 2 or place[-1] not in _PLACE_SUFFIXES:
            continue
        if _INSTITUTION_RE.search(place) and not _RESIDENTIAL_RE.search(place):
            continue
        yield start, m.end()


# --- Scanning ---------------------------------------------------------------------------------------

_FINDERS = {
    FindingKind.EMAIL: _find_emails,
    FindingKind.ID_CARD: _find_id_cards,
    FindingKind.CREDIT_CODE_INDIVIDUAL: _find_credit_codes,
    FindingKind.BANK_CARD: _find_bank_cards,
    FindingKind.MOBILE: _find_mobiles,
    FindingKind.LANDLINE: _find_landlines,
    FindingKind.HOME_ADDRESS: _find_addresses,
}


def _is_public_contact(finding: Finding, phone_keys: frozenset[str], emails: frozenset[str]) -> bool:
    if finding.kind is FindingKind.EMAIL:
        return _fold(finding.text).lower() in emails
    if finding.kind not in _PHONE_KINDS:
        return False
    key = _phone_key(finding.text)
    if key in phone_keys:
        return True
    # A contact list may give a landline without its area code.
    return finding.kind is FindingKind.LANDLINE and any(len(k) >= 7 and key.endswith(k) for k in phone_keys)


def scan(text: str, *, public_contacts: Collection[str] = ()) -> list[Finding]:
    """Personal information in ``text``, in order of position, without overlaps.

    ``public_contacts`` are the organ's own published telephone numbers (compared by digits, so
    any formatting matches) and e-mail addresses; they are not personal data and are not reported.
    """
    folded = _fold(text)
    taken: list[Finding] = []
    for kind in _PRIORITY:
        for start, end in _FINDERS[kind](folded):
            if any(start < f.end and f.start < end for f in taken):
                continue
            taken.append(Finding(kind, start, end, text[start:end]))
    phone_keys = frozenset(k for c in public_contacts if "@" not in c and (k := _phone_key(c)))
    emails = frozenset(_fold(c).strip().lower() for c in public_contacts if "@" in c)
    return sorted(
        (f for f in taken if not _is_public_contact(f, phone_keys, emails)),
        key=lambda f: f.start,
    )


# --- Masking ----------------------------------------------------------------------------------------


def _mask_digits(text: str, keep: Iterable[int]) -> str:
    """Replace every digit of ``text`` by * except those at the given digit indexes."""
    kept = set(keep)
    out: list[str] = []
    index = 0
    for ch in text:
        if _fold(ch).isdigit() and _fold(ch).isascii():
            out.append(ch if index in kept else "*")
            index += 1
        else:
            out.append(ch)
    return "".join(out)


def mask_finding(finding: Finding) -> str:
    """The masked form of one finding, following the usual display conventions for each kind."""
    text = finding.text
    folded = _fold(text)
    match finding.kind:
        case FindingKind.ID_CARD:
            return text[:6] + "*" * (len(text) - 10) + text[-4:]
        case FindingKind.MOBILE:
            digits = _digits(text)
            offset = len(digits) - 11  # leading country code digits are kept
            return _mask_digits(text, [i for i in range(len(digits)) if not offset + 3 <= i < offset + 7])
        case FindingKind.BANK_CARD:
            count = len(_digits(text))
            return _mask_digits(text, range(count - 4, count))
        case FindingKind.LANDLINE:
            m = _LANDLINE_RE.fullmatch(folded)
            local_start = m.start("local") if m else 0
            return text[:local_start] + "****" + text[-2:]
        case FindingKind.EMAIL:
            local, _, domain = text.partition("@")
            return local[:1] + "***@" + domain
        case FindingKind.CREDIT_CODE_INDIVIDUAL:
            return text[:8] + "*" * (len(text) - 8)
        case FindingKind.HOME_ADDRESS:
            tail = _ADDRESS_TAIL_AT_END_RE.search(folded)
            return text[: tail.start() if tail else 0] + "****"


def mask(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with each finding replaced by its masked form; overlapping findings after the first are ignored."""
    out: list[str] = []
    pos = 0
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if finding.start < pos:
            continue
        out.append(text[pos : finding.start])
        out.append(mask_finding(finding))
        pos = finding.end
    out.append(text[pos:])
    return "".join(out)
