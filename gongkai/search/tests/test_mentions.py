"""Organ mentions: found exactly where the full name's phrase check would find it, and stored losslessly."""

import pytest

from gongkai.search import analysis, expressions, mentions

FGW = (4, "忻州市发展和改革委员会")
FINANCE = (5, "忻州市财政局")
NAMES = (FGW, FINANCE, (9, "忻州市人民政府"))


def columns(*texts: str) -> tuple[str, ...]:
    return tuple(analysis.run_text(text) for text in texts)


def test_each_column_lists_the_organs_it_names_in_full() -> None:
    found = mentions.find(
        NAMES,
        columns(
            "忻州市财政局关于预算公开的通知",
            "",
            "忻州市财政局\n忻州市发展和改革委员会",
            "经忻州市人民政府同意，市发改委、财政局联合印发。",
        ),
    )
    assert found == ((5,), (), (4, 5), (9,))


def test_a_mention_is_exactly_the_full_names_exact_check() -> None:
    texts = [
        "忻州市发展和改革委员会关于",  # inside a longer run: found, as the phrase is
        "忻州市发展和改革委员",  # cut short
        "忻州市 发展和改革委员会",  # split by a space
        "忻州市發展和改革委員會",  # traditional: normalised first
        "市发改委",  # a short name is the query's alias, not a mention
    ]
    word = expressions.Word("忻州市发展和改革委员会", (expressions.phrase_of(FGW[1]),))  # type: ignore[arg-type]
    for text in texts:
        [stored] = columns(text)
        assert (mentions.find((FGW,), [stored]) == ((4,),)) == word.found_in(stored), text


def test_a_name_ending_in_a_one_character_run_keeps_its_prefix_rule() -> None:
    names = ((7, "第1中"),)
    assert mentions.find(names, columns("第1中学", "第1中 学", "第12中学")) == ((7,), (7,), ())


def test_no_query_word_can_produce_a_mention_token() -> None:
    assert analysis.tokens(mentions.token(12)) == ["机", "12"]


@pytest.mark.parametrize("found", [mentions.NONE, ((4,), (), (4, 5), (9, 12))])
def test_the_stored_form_round_trips(found: mentions.Mentions) -> None:
    assert mentions.from_text(mentions.to_text(found)) == found


def test_without_organs_nothing_is_found() -> None:
    assert mentions.find((), columns("忻州市财政局", "")) == ((), ())
