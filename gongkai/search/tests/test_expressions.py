"""Query words → FTS5, tsquery and the exact check; the check must agree with FTS5's phrases.

The agreement test runs the real FTS5 of the standard library's SQLite, not Django's database: the
PostgreSQL backend's exactness rests on it.
"""

import sqlite3
from collections.abc import Iterator

import pytest

from gongkai.search import analysis, expressions


def test_a_word_is_one_phrase_of_its_tokens() -> None:
    words = expressions.parse("忻政办发〔2021〕35号 土地 煤 12345热线")
    assert expressions.fts5_match(words) == (
        '("忻政 政办 办发 2021 35 号" *) AND ("土地") AND ("煤" *) AND ("12345 热线")'
    )
    assert expressions.tsquery(words[1:3]) == "(('土地')) & (('煤':*))"


def test_expansions_become_alternatives() -> None:
    [word] = expressions.parse("市发改委", {"市发改委": ["忻州市发展和改革委员会"]})
    assert word.fts5() == '("市发 发改 改委" OR "忻州 州市 市发 发展 展和 和改 改革 革委 委员 员会")'


def test_a_phrase_indexed_as_one_token_matches_the_token_and_keeps_its_exact_check() -> None:
    full_name = "忻州市发展和改革委员会"
    [word] = expressions.parse("市发改委", {"市发改委": [full_name]}, {full_name: "机4"})
    assert word.fts5() == '("市发 发改 改委" OR "机4")'
    assert word.tsquery() == "(('市发' & '发改' & '改委') | ('机4'))"
    assert word.found_in(f" 根据{full_name}通知 ")
    assert not word.found_in(" 机4 ")  # the check reads the text, never the token
    [typed] = expressions.parse("忻州市發展和改革委員會", indexed_as={full_name: "机4"})  # normalised first
    assert typed.fts5() == '("机4")'


def test_words_are_split_on_any_space_and_punctuation_only_words_dropped() -> None:
    assert expressions.split_words("  十四五\u3000规划 ， 营商环境 ") == ["十四五", "规划", "营商环境"]


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
    yield connection
    connection.close()


# (document text, query word): every case where substring search and bigram phrases could part.
CASES = [
    ("政务公开工作要点", "政务公开"),
    ("政务、公开", "政务公开"),
    ("土地征收", "土地"),
    ("征收土地", "地"),
    ("原煤产量", "煤"),
    ("煤炭", "煤"),
    ("煤", "煤"),
    ("忻政办发〔2021〕35号文件", "忻政办发[2021]35号"),
    ("忻政办发〔2021〕135号", "忻政办发(2021)35号"),
    ("电话0350-2021888", "2021"),
    ("2021年3月", "2021年"),
    ("今年3月", "年3月"),
    ("2021年3月", "年3月"),
    ("12345热线", "12345热线"),
    ("12345 便民热线", "12345热线"),
    ("退役军人事务局", "退役军人"),
    ("ABC公司", "abc"),
    ("abcd公司", "abc"),
    ("第3号", "3号"),
    ("第13号", "3号"),
    ("推进政务公开。开发区建设", "公开发"),  # 公开 and 开发 stand side by side, across the break
    ("忻州，州市", "忻州市"),
    ("公开，开发", "公开，开发"),  # typed with the break, the word still finds it
    ("开、开发", "开、开发"),
]


@pytest.mark.parametrize(("document", "word"), CASES)
def test_the_exact_check_agrees_with_fts5_phrases(fts: sqlite3.Connection, document: str, word: str) -> None:
    fts.execute("DELETE FROM t")
    fts.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", [" ".join(analysis.tokens(document))])
    [parsed] = expressions.parse(word)
    by_fts5 = fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", [parsed.fts5()]).fetchone()[0] == 1
    assert parsed.found_in(analysis.run_text(document)) == by_fts5


def test_a_trailing_one_character_run_is_dropped_from_the_head_only_after_other_runs() -> None:
    [number, year, coal, organ] = expressions.parse("忻政办发〔2021〕35号 2021年 煤 市发改委", {"市发改委": ["发改委"]})
    heads = [word.head() for word in (number, year, coal, organ)]
    assert [head.fts5() if head else None for head in heads] == [
        '("忻政 政办 办发 2021 35")',
        '("2021")',
        None,  # nothing precedes 煤: the prefix is all there is
        None,  # no phrase ends in a one-character run
    ]
    assert heads[0] is not None
    assert heads[0].text == number.text


@pytest.mark.parametrize(("document", "word"), [case for case in CASES if expressions.parse(case[1])[0].head()])
def test_the_head_finds_every_match_of_its_word(fts: sqlite3.Connection, document: str, word: str) -> None:
    fts.execute("DELETE FROM t")
    fts.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", [" ".join(analysis.tokens(document))])
    [parsed] = expressions.parse(word)
    head = parsed.head()
    assert head is not None
    by_word = fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", [parsed.fts5()]).fetchone()[0]
    by_head = fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", [head.fts5()]).fetchone()[0]
    assert by_head >= by_word
    assert parsed.found_in(analysis.run_text(document)) == bool(by_word)
