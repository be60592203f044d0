"""The interpretation rate, synchronisation and the editor's checklist, as the plan states them."""

from datetime import date
from fractions import Fraction

import pytest

from gongkai.interpretations.domain import (
    AnswersError,
    Element,
    PolicyRelease,
    interpretation_rate,
    missing_elements,
    parse_answers,
    percent,
)

DAY = date(2025, 3, 10)


def releases(interpreted: int, waiting: int, lag: int = 0) -> list[PolicyRelease]:
    done = [PolicyRelease(index, DAY, date.fromordinal(DAY.toordinal() + lag)) for index in range(interpreted)]
    return done + [PolicyRelease(100 + index, DAY, None) for index in range(waiting)]


@pytest.mark.parametrize(
    ("interpreted", "waiting", "rate", "meets"),
    [
        (9, 1, Fraction(9, 10), True),  # exactly the 90 % bar
        (8, 1, Fraction(8, 9), False),  # 88.9 %
        (10, 0, Fraction(1), True),
        (0, 3, Fraction(0), False),
    ],
)
def test_the_rate_is_interpreted_over_needing_against_the_ninety_percent_bar(
    interpreted: int, waiting: int, rate: Fraction, meets: bool
) -> None:
    found = interpretation_rate(releases(interpreted, waiting), as_of=date(2025, 12, 31))
    assert (found.needing, found.interpreted, found.rate, found.meets_bar) == (
        interpreted + waiting,
        interpreted,
        rate,
        meets,
    )


def test_a_year_with_nothing_to_interpret_meets_the_bar_and_shows_a_dash() -> None:
    found = interpretation_rate([], as_of=DAY)
    assert found.rate is None
    assert found.meets_bar
    assert percent(found.rate) == "—"
    assert percent(Fraction(12, 13)) == "92.3%"


def test_an_interpretation_published_after_the_cut_off_does_not_count_yet() -> None:
    late = [PolicyRelease(1, DAY, date(2025, 4, 1))]
    assert interpretation_rate(late, as_of=date(2025, 3, 31)).interpreted == 0
    assert interpretation_rate(late, as_of=date(2025, 4, 1)).interpreted == 1


def test_synchronisation_counts_same_day_releases_and_measures_the_delay() -> None:
    mixed = [
        PolicyRelease(1, DAY, DAY),  # together
        PolicyRelease(2, DAY, date(2025, 3, 9)),  # interpretation first: still together
        PolicyRelease(3, DAY, date(2025, 3, 17)),  # a week late
        PolicyRelease(4, DAY, None),
    ]
    found = interpretation_rate(mixed, as_of=date(2025, 12, 31))
    assert found.lags == (0, -1, 7)
    assert found.released_together == 2
    assert found.longest_lag == 7


def test_the_checklist_names_the_elements_not_yet_written() -> None:
    texts = {Element.BACKGROUND: "为落实……", Element.EFFECT: "  ", Element.KEY_TERMS: "放管服"}
    assert missing_elements(texts) == [Element.SIGNIFICANCE, Element.EFFECT, Element.DIFFERENCES]


def test_questions_and_answers_are_read_from_the_editor() -> None:
    text = "问：哪些企业可以申请？\n答：在本市登记的小微企业。\n符合条件的个体工商户参照执行。\n\n问:何时截止？\n答:2025年12月31日。"
    assert parse_answers(text) == [
        ("哪些企业可以申请？", "在本市登记的小微企业。\n符合条件的个体工商户参照执行。"),
        ("何时截止？", "2025年12月31日。"),
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("答：没有问题", 1),
        ("问：一\n问：二\n答：三", 1),
        ("问：只有问题", 1),
        ("随便写的一行", 1),
    ],
)
def test_malformed_questions_and_answers_name_the_line(text: str, line: int) -> None:
    with pytest.raises(AnswersError) as refused:
        parse_answers(text)
    assert refused.value.line == line
