"""The tokeniser and ranking behind suggestions: pure, so no database."""

import pytest

from gongkai.convenience import matching


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("低保", ["低保"]),
        ("请问低保的申请条件是什么？", ["低保", "申请", "请条", "条件"]),
        ("不动产登记", ["不动", "动产", "产登", "登记"]),
        ("关于印发2021年实施方案的通知", ["印发", "2021", "年实", "实施", "施方", "方案"]),
        ("２０２１年５Ｇ基站", ["2021", "年", "5g", "基站"]),
        ("税，费", ["税", "费"]),
        ("的了吗？！。", []),
        ("", []),
        ("低保低保", ["低保", "保低"]),
    ],
)
def test_tokens_are_bigrams_of_chinese_runs_and_ascii_words(text: str, expected: list[str]) -> None:
    assert matching.tokens(text) == expected


@pytest.mark.parametrize(
    ("query", "candidate", "low", "high"),
    [
        ("不动产登记", "不动产登记", 1.0, 1.0),
        ("不动产登记", "关于做好2021年不动产登记工作的通知", 0.8, 0.95),
        ("不动产登记", "关于开展价格监测工作的通知", 0.0, 0.0),
        ("", "不动产登记", 0.0, 0.0),
        ("2021年预算", "2020年预算公开", 0.4, 0.6),
    ],
)
def test_score_is_mostly_how_much_of_the_question_the_candidate_covers(
    query: str, candidate: str, low: float, high: float
) -> None:
    value = matching.score(matching.tokens(query), matching.tokens(candidate))

    assert low <= value <= high


def test_a_shared_year_outweighs_a_shared_chinese_pair() -> None:
    wanted = matching.tokens("2021年预算")

    assert matching.score(wanted, matching.tokens("2021年决算")) > matching.score(wanted, matching.tokens("预算"))


def test_rank_orders_by_score_drops_unrelated_and_keeps_input_order_on_ties() -> None:
    candidates = [
        (1, "关于开展价格监测工作的通知"),
        (2, "关于做好不动产登记工作的通知"),
        (3, "不动产登记"),
        (4, "不动产登记"),
    ]

    assert matching.rank("不动产登记需要什么材料", candidates, limit=10) == [3, 4, 2]
    assert matching.rank("不动产登记需要什么材料", candidates, limit=1) == [3]


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, []), (2, ["a", "c"]), (4, ["a", "b", "c", "d"]), (9, ["a", "b", "c", "d"])],
)
def test_sample_spreads_over_the_whole_sequence(count: int, expected: list[str]) -> None:
    assert matching.sample(["a", "b", "c", "d"], count) == expected
