"""The share of non-proactive items per organ and year, and whether it fell (plan item 6).

The plan asks that 依申请公开 and 不予公开 documents make up a smaller share every year
(确保依申请公开、不予公开的公文数量占比逐年下降). An organ whose share did not fall is flagged.
"""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class YearCount:
    organ_id: int
    year: int
    total: int
    not_proactive: int


@dataclass(frozen=True)
class ShareRow:
    organ_id: int
    year: int
    total: int
    not_proactive: int
    share: float
    previous_share: float | None
    did_not_fall: bool


def shares(counts: Iterable[YearCount]) -> list[ShareRow]:
    by_key = {(count.organ_id, count.year): count for count in counts}
    rows = []
    for (organ_id, year), count in sorted(by_key.items()):
        share = count.not_proactive / count.total if count.total else 0.0
        previous = by_key.get((organ_id, year - 1))
        previous_share = previous.not_proactive / previous.total if previous and previous.total else None
        # A share already at zero cannot fall further and is not a failure.
        did_not_fall = previous_share is not None and share > 0 and share >= previous_share
        rows.append(ShareRow(organ_id, year, count.total, count.not_proactive, share, previous_share, did_not_fall))
    return rows
