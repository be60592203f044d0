"""The 信息处理费 scales of 国办函〔2020〕109号, checked against REGULATIONS.md §3 (no database)."""

import dataclasses

import pytest

from gongkai.foi.fees import FeeMethod, FeeRules, fee, per_page_fee, per_piece_fee

# REGULATIONS.md §3 worked example first, then every tier boundary on both sides.
PIECE_CASES = [
    # pieces, yuan,  why
    (45, 5_500, "worked example: 10×0 + 20×100 + 10×200 + 5×300"),
    (0, 0, "nothing requested"),
    (1, 0, "first piece is free"),
    (10, 0, "last free piece"),
    (11, 100, "first piece at 100元"),
    (30, 2_000, "last piece at 100元"),
    (31, 2_200, "first piece at 200元"),
    (40, 4_000, "last piece at 200元"),
    (41, 4_300, "first piece at 300元"),
    (50, 7_000, "last piece at 300元"),
    (51, 7_400, "first piece at 400元"),
    (100, 37_000, "pieces 51–100 run from 400元 to 800元 in blocks of 10"),
]


@pytest.mark.parametrize(("pieces", "expected", "why"), PIECE_CASES)
def test_per_piece_fee_is_progressive_on_the_monthly_count(pieces: int, expected: int, why: str) -> None:
    assert per_piece_fee(pieces) == expected, why


PAGE_CASES = [
    # pages, yuan,  why
    (250, 4_700, "worked example: 30×0 + 70×10 + 100×20 + 50×40"),
    (0, 0, "nothing to copy"),
    (30, 0, "last free page"),
    (31, 10, "first page at 10元"),
    (100, 700, "last page at 10元"),
    (101, 720, "first page at 20元"),
    (200, 2_700, "last page at 20元"),
    (201, 2_740, "first page at 40元"),
]


@pytest.mark.parametrize(("pages", "expected", "why"), PAGE_CASES)
def test_per_page_fee_is_progressive_on_the_page_count(pages: int, expected: int, why: str) -> None:
    assert per_page_fee(pages) == expected, why


INCREMENTAL_CASES = [
    # earlier, new, yuan,  why
    (25, 20, 4_000, "pieces 26–45: 5×100 + 10×200 + 5×300 = 5,500 − 1,500"),
    (0, 45, 5_500, "no earlier pieces: same as the one-off count"),
    (5, 5, 0, "still inside the free ten"),
    (10, 1, 100, "the 11th piece of the month is charged even if it is the applicant's first today"),
    (45, 0, 0, "no new pieces cost nothing"),
    (30, 10, 2_000, "pieces 31–40 are all at 200元"),
]


@pytest.mark.parametrize(("earlier", "new", "expected", "why"), INCREMENTAL_CASES)
def test_per_piece_fee_for_new_pieces_counts_the_earlier_pieces_of_the_month(
    earlier: int, new: int, expected: int, why: str
) -> None:
    assert per_piece_fee(new, already_charged_pieces=earlier) == expected, why


def test_splitting_a_month_into_several_charges_costs_the_same_as_one_charge() -> None:
    batches = [3, 9, 14, 1, 18, 7]
    charged = 0
    total = 0
    for batch in batches:
        total += per_piece_fee(batch, already_charged_pieces=charged)
        charged += batch
    assert total == per_piece_fee(charged)


@pytest.mark.parametrize(
    ("call", "why"),
    [
        (lambda: per_piece_fee(-1), "negative pieces"),
        (lambda: per_piece_fee(5, already_charged_pieces=-1), "negative earlier pieces"),
        (lambda: per_page_fee(-1), "negative pages"),
        (lambda: fee(FeeMethod.PER_PAGE, -3), "negative pages through fee()"),
        (lambda: fee(FeeMethod.PER_PAGE, 40, already_charged_pieces=5), "earlier pieces with the page method"),
    ],
)
def test_invalid_input_is_refused(call, why: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        call()


@pytest.mark.parametrize(
    ("method", "quantity", "earlier", "expected"),
    [
        (FeeMethod.PER_PIECE, 45, 0, 5_500),
        (FeeMethod.PER_PIECE, 20, 25, 4_000),
        (FeeMethod.PER_PAGE, 250, 0, 4_700),
    ],
)
def test_fee_charges_one_application_by_exactly_one_method(
    method: FeeMethod, quantity: int, earlier: int, expected: int
) -> None:
    assert fee(method, quantity, already_charged_pieces=earlier) == expected


def test_fee_rules_default_to_the_provincial_restatement_and_are_immutable() -> None:
    rules = FeeRules()
    assert rules.payment_period_workdays == 20
    assert rules.clock_paused_while_awaiting_payment is True
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.payment_period_workdays = 30  # type: ignore[misc]


def test_fee_rules_can_be_configured_but_refuse_an_empty_payment_period() -> None:
    assert FeeRules(payment_period_workdays=15, clock_paused_while_awaiting_payment=False).payment_period_workdays == 15
    with pytest.raises(ValueError, match="at least one working day"):
        FeeRules(payment_period_workdays=0)
