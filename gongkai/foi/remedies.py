"""行政复议 and 行政诉讼 over information applications, counted as the annual report's Table C.

Table C (REGULATIONS.md §2.4) has 15 cells: reconsideration (维持, 纠正, 其他, 尚未审结, 总计),
litigation without reconsideration (the same five) and litigation after reconsideration (the same five).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Route(StrEnum):
    RECONSIDERATION = "RECONSIDERATION"  # 行政复议
    LITIGATION_DIRECT = "LITIGATION_DIRECT"  # 未经复议直接起诉
    LITIGATION_AFTER_RECONSIDERATION = "LITIGATION_AFTER_RECONSIDERATION"  # 复议后起诉


class Result(StrEnum):
    UPHELD = "UPHELD"  # 结果维持
    CORRECTED = "CORRECTED"  # 结果纠正
    OTHER = "OTHER"  # 其他结果
    PENDING = "PENDING"  # 尚未审结


@dataclass(frozen=True)
class Challenge:
    route: Route
    result: Result


ROUTES = (Route.RECONSIDERATION, Route.LITIGATION_DIRECT, Route.LITIGATION_AFTER_RECONSIDERATION)
RESULTS = (Result.UPHELD, Result.CORRECTED, Result.OTHER, Result.PENDING)


def table_c(challenges: Iterable[Challenge]) -> list[int]:
    """The 15 cells in the template's order: for each route, its four results and their total."""
    counts = {(route, result): 0 for route in ROUTES for result in RESULTS}
    for challenge in challenges:
        counts[(challenge.route, challenge.result)] += 1
    cells: list[int] = []
    for route in ROUTES:
        row = [counts[(route, result)] for result in RESULTS]
        cells.extend([*row, sum(row)])
    return cells
