"""The information processing fee (信息处理费), as pure Python.

条例第四十二条: information is provided free of charge, but a fee may be charged where the number
or frequency of requests clearly exceeds a reasonable range. The scales come from
《政府信息公开信息处理费管理办法》(国办函〔2020〕109号, REGULATIONS.md §3). Both are 超额累进: each
piece or page is charged at the rate of the tier it falls in, never the whole quantity at the top
rate. Amounts are whole yuan.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class FeeMethod(StrEnum):
    """How one application is charged; 109号 Art. 3: one method per application, never both."""

    PER_PIECE = "PER_PIECE"  # 按件计收 (Art. 4)
    PER_PAGE = "PER_PAGE"  # 按量计收 (Art. 5)


# 109号 Art. 4 (按件计收), counted over one applicant's pieces in one calendar month. Each row is
# (last piece of the tier, yuan per piece). From piece 31 on, every further block of 10 pieces
# costs 100元 more per piece; the reading 31–40 = 200元, 41–50 = 300元 is the reference's
# interpretation of "以10件为一档，每增加一档，收费标准提高100元/件".
PIECE_TIERS: Final[tuple[tuple[int, int], ...]] = (
    (10, 0),
    (30, 100),
)
PIECE_BLOCK_SIZE: Final = 10
PIECE_BLOCK_STEP_YUAN: Final = 100

# 109号 Art. 5 (按量计收), pages of one application: (last page of the tier, yuan per page); the
# last tier has no upper end. "Per application" is the reference's reading (UNVERIFIED).
PAGE_TIERS: Final[tuple[tuple[int | None, int], ...]] = (
    (30, 0),
    (100, 10),
    (200, 20),
    (None, 40),
)


@dataclass(frozen=True)
class FeeRules:
    """The parts of the fee procedure that are configurable, because REGULATIONS.md §3 marks them unverified.

    `payment_period_workdays`: the applicant pays within this many working days, counted from the
    day after the fee notice is received (收到收费通知次日起); only a provincial restatement of
    109号 was read. Non-payment in time is 视为放弃申请 (Table B row 22).
    `clock_paused_while_awaiting_payment`: whether the time from the notice to payment is left out
    of the 答复期限; the 109号 clause could not be read.
    """

    payment_period_workdays: int = 20
    clock_paused_while_awaiting_payment: bool = True

    def __post_init__(self) -> None:
        if self.payment_period_workdays < 1:
            raise ValueError(f"payment period must be at least one working day, got {self.payment_period_workdays}")


def _require_non_negative(name: str, value: int) -> None:
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")


def _cumulative_piece_fee(pieces: int) -> int:
    """The fee for the first `pieces` pieces of the month, tier by tier."""
    total = 0
    tier_start = 1
    for last_piece, rate in PIECE_TIERS:
        if pieces < tier_start:
            return total
        total += (min(pieces, last_piece) - tier_start + 1) * rate
        tier_start = last_piece + 1
    rate = PIECE_TIERS[-1][1]
    while pieces >= tier_start:
        rate += PIECE_BLOCK_STEP_YUAN
        block_end = tier_start + PIECE_BLOCK_SIZE - 1
        total += (min(pieces, block_end) - tier_start + 1) * rate
        tier_start = block_end + 1
    return total


def per_piece_fee(pieces_this_month: int, already_charged_pieces: int = 0) -> int:
    """The fee in yuan for `pieces_this_month` new pieces (按件计收).

    `already_charged_pieces` are the same applicant's earlier pieces in the same calendar month:
    the tiers run on the monthly total, so the new pieces cost the cumulative fee of the total
    minus the cumulative fee already reached by the earlier ones.
    """
    _require_non_negative("pieces_this_month", pieces_this_month)
    _require_non_negative("already_charged_pieces", already_charged_pieces)
    return _cumulative_piece_fee(already_charged_pieces + pieces_this_month) - _cumulative_piece_fee(
        already_charged_pieces
    )


def per_page_fee(pages: int) -> int:
    """The fee in yuan for the pages of one application (按量计收)."""
    _require_non_negative("pages", pages)
    total = 0
    tier_start = 1
    for last_page, rate in PAGE_TIERS:
        if pages < tier_start:
            break
        tier_end = pages if last_page is None else min(pages, last_page)
        total += (tier_end - tier_start + 1) * rate
        if last_page is None:
            break
        tier_start = last_page + 1
    return total


def fee(method: FeeMethod, quantity: int, *, already_charged_pieces: int = 0) -> int:
    """The fee in yuan for one application, charged by exactly one method (109号 Art. 3).

    `quantity` is pieces for PER_PIECE and pages for PER_PAGE. Earlier pieces of the month only
    mean something for PER_PIECE; passing them with PER_PAGE is refused rather than ignored.
    """
    if method is FeeMethod.PER_PIECE:
        return per_piece_fee(quantity, already_charged_pieces)
    if already_charged_pieces:
        raise ValueError("already_charged_pieces applies only to the per-piece method")
    return per_page_fee(quantity)
