"""Organ short forms, did-you-mean and the government dictionary (pure; no database)."""

import pytest

from gongkai.search import vocabulary

FGW = vocabulary.OrganName(4, "忻州市发展和改革委员会", vocabulary.organ_aliases("忻州市发展和改革委员会", "市发改委"))
FINANCE = vocabulary.OrganName(5, "忻州市财政局", vocabulary.organ_aliases("忻州市财政局", "市财政局"))
COUNTY = vocabulary.OrganName(
    6, "原平市发展和改革局", vocabulary.organ_aliases("原平市发展和改革局", "原平市政府发改局")
)


@pytest.mark.parametrize(
    ("name", "short", "expected"),
    [
        ("忻州市发展和改革委员会", "市发改委", {"市发改委", "忻州市发改委", "忻州发改委"}),
        ("忻州市人力资源和社会保障局", "市人社局", {"市人社局", "忻州市人社局"}),
        ("忻府区人民政府办公室", "忻府区政府办", {"忻府区政府办"}),
        ("忻州市市场监督管理局", "市市场局", {"市市场监管局", "忻州市场监管局"}),
    ],
)
def test_organ_aliases(name: str, short: str, expected: set[str]) -> None:
    aliases = vocabulary.organ_aliases(name, short)
    assert name in aliases
    assert expected <= aliases


def test_an_alias_expands_to_the_full_name() -> None:
    expansions = vocabulary.organ_expansions([FGW, FINANCE])
    assert expansions["市发改委"] == ["忻州市发展和改革委员会"]
    assert "忻州市发展和改革委员会" not in expansions["忻州市发展和改革委员会"]


@pytest.mark.parametrize(
    ("typed", "alias", "organ_id"),
    [
        ("市发改", "市发改委", 4),  # a part of the short form
        ("市发该委", "市发改委", 4),  # one character off
        ("财政", "市财政局", 5),
    ],
)
def test_near_misses_suggest_the_organ(typed: str, alias: str, organ_id: int) -> None:
    [first, *_rest] = vocabulary.suggest_organs(typed, [FGW, FINANCE, COUNTY])
    assert (first.alias, first.organ_id) == (alias, organ_id)


def test_an_exact_alias_or_a_single_character_suggests_nothing() -> None:
    assert vocabulary.suggest_organs("市发改委", [FGW, FINANCE]) == []
    assert vocabulary.suggest_organs("市", [FGW, FINANCE]) == []


def test_unspaced_text_is_cut_with_the_government_dictionary() -> None:
    assert vocabulary.segment("十四五规划营商环境放管服") == ["十四五", "规划", "营商环境", "放管服"]
    assert vocabulary.segment("市发改委价格监测", ["市发改委"])[0] == "市发改委"
