from collections import Counter
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.privacy.scanner import (
    Finding,
    FindingKind,
    id_card_check_char,
    is_valid_id_card,
    luhn_valid,
    mask,
    mask_finding,
    scan,
)
from gongkai.privacy.tests.sample import (
    CARD1,
    CARD2,
    CARD_BAD,
    CARD_NOT_MII,
    CODE1,
    CODE_BAD,
    CODE_ENTERPRISE,
    ID1,
    ID15,
    ID_BAD_CHECK,
    ID_BAD_DATE,
    ID_FUTURE,
    ID_X,
    SAMPLE,
    grouped,
    id_number,
)

ID = FindingKind.ID_CARD
MOB = FindingKind.MOBILE
TEL = FindingKind.LANDLINE
CARD = FindingKind.BANK_CARD
MAIL = FindingKind.EMAIL
CODE = FindingKind.CREDIT_CODE_INDIVIDUAL
ADDR = FindingKind.HOME_ADDRESS


def found(text: str, public_contacts: tuple[str, ...] = ()) -> list[tuple[FindingKind, str]]:
    return [(f.kind, f.text) for f in scan(text, public_contacts=public_contacts)]


# --- Check characters against the standards' own worked examples ------------------------------


def test_id_check_char_matches_gb11643_example():
    # The example number printed in GB 11643-1999.
    assert id_card_check_char("11010519491231002") == "X"
    assert is_valid_id_card("11010519491231002X")
    assert is_valid_id_card("11010519491231002x")


def test_luhn_matches_iso7812_example():
    assert luhn_valid("79927398713")
    assert not luhn_valid("79927398710")
    assert not luhn_valid("7992-7398713")


@pytest.mark.parametrize("body", ["1234", "1101051949123100A", "110105194912310021"])
def test_id_check_char_rejects_malformed_body(body: str):
    with pytest.raises(ValueError, match="17 digits"):
        id_card_check_char(body)


# --- Positives, one table per kind --------------------------------------------------------------

POSITIVES: list[tuple[str, FindingKind, str]] = [
    (f"身份证号码：{ID1}。", ID, ID1),
    (f"身份证号{ID_X}，", ID, ID_X),
    (f"证件号{ID_X.lower()}", ID, ID_X.lower()),
    (f"原身份证号码{ID15}", ID, ID15),
    (f"身份证：{ID1}住忻府区", ID, ID1),
    ("电话13934567890。", MOB, "13934567890"),
    ("手机：139-3456-7890", MOB, "139-3456-7890"),
    ("手机 139 3456 7890 ", MOB, "139 3456 7890"),
    ("+8613934567890", MOB, "+8613934567890"),
    ("电话86 139 3456 7890", MOB, "86 139 3456 7890"),
    ("电话１３９３４５６７８９０。", MOB, "１３９３４５６７８９０"),
    ("电话0350-3021234。", TEL, "0350-3021234"),
    ("电话(0350)3021234", TEL, "(0350)3021234"),
    ("电话（0350）3021234", TEL, "（0350）3021234"),
    ("电话010-65123456", TEL, "010-65123456"),
    ("电话02787654321", TEL, "02787654321"),
    ("电话0351 7654321转8001", TEL, "0351 7654321"),
    (f"账号{CARD1}", CARD, CARD1),
    (f"卡号{grouped(CARD1, (4, 4, 4, 4))}", CARD, grouped(CARD1, (4, 4, 4, 4))),
    (f"卡号{grouped(CARD2, (4, 4, 4), '-')}", CARD, grouped(CARD2, (4, 4, 4), "-")),
    (f"卡号{grouped(CARD1, (6,))}", CARD, grouped(CARD1, (6,))),
    ("邮箱zhangsan@163.com。", MAIL, "zhangsan@163.com"),
    ("邮箱：li.ming_1@mail.example.gov.cn，", MAIL, "li.ming_1@mail.example.gov.cn"),
    ("邮箱ａｂｃ＠ｑｑ．ｃｏｍ", MAIL, "ａｂｃ＠ｑｑ．ｃｏｍ"),
    (f"信用代码：{CODE1}。", CODE, CODE1),
    ("住忻府区幸福小区3号楼2单元501室。", ADDR, "忻府区幸福小区3号楼2单元501室"),
    ("家住东关村三组25号，", ADDR, "东关村三组25号"),
    ("住址：原平市北城街道新建路12号院3-2-101", ADDR, "原平市北城街道新建路12号院3-2-101"),
    ("住锦绣花园6栋2单元", ADDR, "锦绣花园6栋2单元"),
    ("现住丽都小区2号楼1单元101户", ADDR, "丽都小区2号楼1单元101户"),
    ("住县住建局家属院3号楼2单元501室", ADDR, "县住建局家属院3号楼2单元501室"),
]


@pytest.mark.parametrize(("text", "kind", "matched"), POSITIVES)
def test_positive(text: str, kind: FindingKind, matched: str):
    assert found(text) == [(kind, matched)]


# --- Lookalikes, one table per kind -------------------------------------------------------------

NEGATIVES: list[tuple[str, str]] = [
    ("id: wrong check", f"身份证号码{ID_BAD_CHECK}"),
    ("id: impossible date", f"身份证号码{ID_BAD_DATE}"),
    ("id: future birth date", f"身份证号码{ID_FUTURE}"),
    ("id: inside a longer run", f"编号{ID1}9"),
    ("id: preceded by letters", f"编号AB{ID1}"),
    ("id: 15 digits without context", f"批次号{ID15}"),
    ("id: already masked", "身份证号1409**********123X"),
    ("mobile: not an allocated segment", "执法证号14090021003"),
    ("mobile: amount", "收入15803501234元"),
    ("mobile: decimal amount", "金额13934567890.50"),
    ("mobile: twelve digits", "编号139345678901"),
    ("mobile: already masked", "手机138****0000"),
    ("landline: hotline", "热线12345"),
    ("landline: 400 number", "热线400-123-4567"),
    ("landline: postcode", "邮编034000"),
    ("landline: subscriber starting with 0", "电话0350-0021234"),
    ("landline: dash is not a hyphen", "电话0350—3021234"),
    ("bank: Luhn fails", f"账号{CARD_BAD}"),
    ("bank: not a card prefix", f"证书编号{CARD_NOT_MII}"),
    ("bank: twenty digits", "合同编号20210305123456789012"),
    ("bank: five groups of four", f"编号{grouped(CARD1[:16] + '1234', (4, 4, 4, 4))}"),
    ("email: no domain suffix", "用户名zhang@localhost"),
    ("credit: enterprise", f"信用代码{CODE_ENTERPRISE}"),
    ("credit: wrong check", f"信用代码{CODE_BAD}"),
    ("credit: lowercase", f"信用代码{CODE1.lower()}"),
    ("index number", "索引号：11140900GK0000017X/2021-00035"),
    ("document number", "忻政办发〔2021〕35号"),
    ("dates", "2021年3月5日、20210305、2021-03-05"),
    ("amount", "12345678.00元"),
    ("year", "2021年度"),
    ("address: office", "忻州市和平街1号市政府大楼"),
    ("address: office room", "忻州市和平街1号市政府大楼305室"),
    ("address: service window", "市政务服务中心一楼3号窗口"),
    ("address: households", "涉及东关村5户群众"),
    ("address: layout", "幸福小区3室2厅"),
    ("address: street number only", "住忻府区顿村中街6号"),
    ("address: no place", "请到301室领取"),
    ("address: date with dashes", "于2021-3-5报送"),
    ("address: group without house number", "南关村二组、三组"),
]


@pytest.mark.parametrize("text", [t for _, t in NEGATIVES], ids=[n for n, _ in NEGATIVES])
def test_lookalike_is_not_a_finding(text: str):
    assert found(text) == []


# --- Scanning behaviour --------------------------------------------------------------------------


def test_findings_are_ordered_and_spans_index_the_original_text():
    text = f"张某，（０３５０）３０２１２３４，{ID1}，手机１３９３４５６７８９０。"
    findings = scan(text)
    assert [f.kind for f in findings] == [TEL, ID, MOB]
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_email_wins_over_the_mobile_number_inside_it():
    assert found("13934567890@139.com") == [(MAIL, "13934567890@139.com")]


@pytest.mark.parametrize(
    ("text", "contacts"),
    [
        ("电话0350-3021234", ("0350-3021234",)),
        ("电话(0350)3021234", ("03503021234",)),
        ("电话0350 3021234", ("3021234",)),
        ("手机139-3456-7890", ("13934567890",)),
        ("手机+8613934567890", ("139 3456 7890",)),
        ("邮箱XZSZFB@163.com", ("xzszfb@163.com",)),
    ],
)
def test_public_contacts_are_not_findings(text: str, contacts: tuple[str, ...]):
    assert found(text, contacts) == []


def test_public_contacts_do_not_hide_other_numbers():
    assert found("电话0350-3021235", ("0350-3021234",)) == [(TEL, "0350-3021235")]


def test_findings_are_frozen():
    finding = scan("13934567890")[0]
    with pytest.raises(AttributeError):
        finding.start = 1  # type: ignore[misc]


@given(
    area=st.sampled_from(["140902", "140921", "110105", "370102", "440305", "650102"]),
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    seq=st.integers(min_value=0, max_value=999),
)
def test_every_valid_id_number_is_found_in_chinese_text(area: str, born: date, seq: int):
    number = id_number(area, born.strftime("%Y%m%d"), f"{seq:03d}")
    assert found(f"当事人身份证号{number}住本市") == [(ID, number)]


# --- Masking -------------------------------------------------------------------------------------

MASKS: list[tuple[FindingKind, str, str]] = [
    (ID, "11010519491231002X", "110105********002X"),
    (ID, "140902850315123", "140902*****5123"),
    (MOB, "13800000000", "138****0000"),
    (MOB, "138-0000-0000", "138-****-0000"),
    (MOB, "+86 138 0000 0000", "+86 138 **** 0000"),
    (CARD, "6222021234567890123", "***************0123"),
    (CARD, "6222 0212 3456 7890", "**** **** **** 7890"),
    (TEL, "0350-3021234", "0350-****34"),
    (TEL, "（0350）3021234", "（0350）****34"),
    (TEL, "02787654321", "027****21"),
    (MAIL, "zhangsan@163.com", "z***@163.com"),
    (CODE, "92140902MA0K2B3C4D", "92140902**********"),
    (ADDR, "忻府区幸福小区3号楼2单元501室", "忻府区幸福小区****"),
    (ADDR, "东关村三组25号", "东关村****"),
    (ADDR, "新建路12号院3-2-101", "新建路****"),
]


@pytest.mark.parametrize(("kind", "text", "masked"), MASKS)
def test_mask_finding(kind: FindingKind, text: str, masked: str):
    assert mask_finding(Finding(kind, 0, len(text), text)) == masked


def test_mask_replaces_every_finding_in_place():
    text = f"当事人李某，身份证号码{ID1}，电话13934567890，住东关村三组25号。"
    assert mask(text, scan(text)) == (
        f"当事人李某，身份证号码{ID1[:6]}********{ID1[-4:]}，电话139****7890，住东关村****。"
    )


def test_mask_without_findings_returns_text_unchanged():
    assert mask("忻政办发〔2021〕35号", []) == "忻政办发〔2021〕35号"


def test_mask_of_the_whole_sample_leaves_no_finding_behind():
    for item in SAMPLE:
        masked = mask(item.text, scan(item.text, public_contacts=item.public_contacts))
        assert scan(masked, public_contacts=item.public_contacts) == [], masked


# --- Precision and recall over the labelled sample ----------------------------------------------


def test_sample_is_large_and_has_enough_lookalikes():
    assert len(SAMPLE) >= 120
    assert sum(1 for item in SAMPLE if not item.expected) >= 40
    assert {kind for item in SAMPLE for kind, _ in item.expected} == set(FindingKind)


def test_sample_labels_are_substrings_of_their_text():
    for item in SAMPLE:
        for _, text in item.expected:
            assert text in item.text, (item.text, text)


def test_precision_and_recall_over_sample():
    true_positive = false_positive = false_negative = 0
    for item in SAMPLE:
        got = Counter((f.kind, f.text) for f in scan(item.text, public_contacts=item.public_contacts))
        expected = Counter(item.expected)
        true_positive += sum((got & expected).values())
        false_positive += sum((got - expected).values())
        false_negative += sum((expected - got).values())
    p = true_positive / (true_positive + false_positive)
    r = true_positive / (true_positive + false_negative)
    # The figures are printed so that a run with -s records them alongside the pass/fail result.
    print(f"privacy scanner precision={p:.3f} recall={r:.3f}")  # noqa: T201
    print(f"  sample: {len(SAMPLE)} snippets, TP={true_positive} FP={false_positive} FN={false_negative}")  # noqa: T201
    assert p >= 0.95
    assert r >= 0.95
