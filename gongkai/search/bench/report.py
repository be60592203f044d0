"""The benchmark's printed table: percentiles, ratios and the goals, from the runs' result dicts. Pure."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from gongkai.search.bench.queries import query_set

MB: Final = 1024 * 1024
GOAL_P95_MS: Final = {"sqlite": 50.0, "postgresql": 100.0, "postgresql+file": 100.0}
GOAL_RECALL: Final = 0.99
GOAL_LIKE_SPEEDUP: Final = 100.0
GOAL_TANTIVY_FACTOR: Final = 2.0
GOAL_INGEST: Final = 2_000.0


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), so p50 of [1, 2, 3, 4] is 2.5."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Spread:
    p50: float
    p95: float
    p99: float

    @classmethod
    def of(cls, values: Sequence[float]) -> "Spread":
        return cls(percentile(values, 0.50), percentile(values, 0.95), percentile(values, 0.99))

    def __str__(self) -> str:
        return f"{self.p50:,.1f} / {self.p95:,.1f} / {self.p99:,.1f}"


def ratio(theirs: float, ours: float) -> float:
    """How many times slower the baseline is (above 1: ours is faster)."""
    return theirs / ours if ours > 0 else float("inf")


def _rate(documents: int, seconds: float) -> float:
    return documents / seconds if seconds > 0 else float("nan")


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(header[column]), *(len(row[column]) for row in rows)) for column in range(len(header))]
    lines = [_row(header, widths), "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
    return lines + [_row(row, widths) for row in rows]


def _ours_rows(runs: Sequence[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for run in runs:
        ingest = run["ingest"]
        recall = run["recall"]
        rows.append(
            [
                f"ours, {run['backend']}",
                f"{_rate(ingest['documents'], ingest['seconds']):,.0f}",
                f"{run['bytes']['index'] / MB:,.0f}",
                str(Spread.of(run["ours"]["relevance"])),
                str(Spread.of(run["ours"]["newest"])),
                f"{recall['page_recall']:.4f} / {recall['count_recall']:.4f}",
                f"{recall['exact_counts']}/{recall['queries_under_cap']}, {recall['over_cap_flagged']}/{recall['queries_over_cap']}",
                f"{recall['precision']:.4f}",
            ]
        )
    return rows


def _baseline_rows(runs: Sequence[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for run in runs:
        for name, figures in run["baselines"].items():
            build = figures.get("build")
            spread = Spread.of(figures["ms"])
            ratios = []
            for other in runs:
                mine = [other["ours"]["relevance"][position] for position in figures["positions"]]
                mine_spread = Spread.of(mine)
                ratios.append(
                    f"{other['backend']}: {ratio(spread.p50, mine_spread.p50):,.1f}× / {ratio(spread.p95, mine_spread.p95):,.1f}×"
                )
            rows.append(
                [
                    f"{name} (in the {run['backend']} run)",
                    f"{_rate(build['documents'], build['seconds']):,.0f}" if build else "–",
                    f"{build['bytes'] / MB:,.0f}" if build else "0",
                    str(spread),
                    str(len(figures["ms"])),
                    f"{figures['count_recall']:.4f}",
                    "; ".join(ratios),
                ]
            )
    return rows


def goals(runs: Sequence[dict[str, Any]]) -> list[str]:
    """Each goal of issue 7, met or not, for this size (the goals are stated for 1,000,000 documents)."""
    lines = []
    for run in runs:
        backend = run["backend"]
        p95 = Spread.of(run["ours"]["relevance"]).p95
        limit = GOAL_P95_MS[backend]
        rate = _rate(run["ingest"]["documents"], run["ingest"]["seconds"])
        recall = min(run["recall"]["page_recall"], run["recall"]["count_recall"])
        lines.append(f"- {backend}: page p95 {p95:,.1f} ms ≤ {limit:.0f} ms: {'met' if p95 <= limit else 'NOT met'}")
        lines.append(
            f"- {backend}: recall {recall:.4f} ≥ {GOAL_RECALL}: {'met' if recall >= GOAL_RECALL else 'NOT met'}"
        )
        lines.append(
            f"- {backend}: ingest {rate:,.0f} docs/s ≥ {GOAL_INGEST:,.0f}: {'met' if rate >= GOAL_INGEST else 'NOT met'}"
        )
        for other in runs:
            for name, figures in other["baselines"].items():
                if name not in ("icontains", "tantivy") or (name == "icontains" and other is not run):
                    continue
                mine = Spread.of([run["ours"]["relevance"][position] for position in figures["positions"]])
                theirs = Spread.of(figures["ms"])
                if name == "icontains":
                    speedup = ratio(theirs.p95, mine.p95)
                    verdict = "met" if speedup >= GOAL_LIKE_SPEEDUP else "NOT met"
                    lines.append(f"- {backend}: {speedup:,.0f}× faster than icontains at p95 (≥ 100×): {verdict}")
                else:
                    factor = mine.p95 / theirs.p95 if theirs.p95 > 0 else float("inf")
                    verdict = "met" if factor <= GOAL_TANTIVY_FACTOR else "NOT met"
                    lines.append(f"- {backend}: p95 {factor:,.1f}× tantivy's (≤ 2×): {verdict}")
    return lines


def family_rows(run: dict[str, Any]) -> list[list[str]]:
    """Our relevance page by query family, the slowest p95 first: which kinds of query miss the goal.

    The families are the query set's own labels; a run whose queries are not the query set of its
    seed (an older generator) has none.
    """
    queries = query_set(run["seed"])
    if [query.describe() for query in queries] != run["queries"]:
        return []
    timings: dict[str, list[float]] = defaultdict(list)
    for query, milliseconds in zip(queries, run["ours"]["relevance"], strict=True):
        timings[query.label].append(milliseconds)
    spreads = sorted(timings.items(), key=lambda pair: -Spread.of(pair[1]).p95)
    return [
        [
            label,
            str(len(values)),
            f"{Spread.of(values).p50:,.1f}",
            f"{Spread.of(values).p95:,.1f}",
            f"{max(values):,.1f}",
        ]
        for label, values in spreads
    ]


def render(results: Sequence[dict[str, Any]]) -> str:
    """One section per corpus size: our search on each backend, then every baseline with ratios."""
    lines: list[str] = []
    for size in sorted({run["size"] for run in results}):
        runs = [run for run in results if run["size"] == size]
        first = runs[0]
        lines.append(f"### {size:,} documents (seed {first['seed']}, {len(first['queries'])} queries)")
        lines.append("")
        for run in runs:
            if "load_average" in run:
                before, after = run["load_average"]
                lines.append(f"{run['backend']}: 1-minute load average {before:.1f} → {after:.1f} while timing ours")
        lines.append("")
        lines += _table(
            [
                "search",
                "ingest docs/s",
                "index MB",
                "page ms p50 / p95 / p99 (relevance, facets)",
                "newest-first p50 / p95 / p99",
                "recall page / count",
                "exact totals, 10,000+ flagged",
                "precision",
            ],
            _ours_rows(runs),
        )
        lines.append("")
        baseline_rows = _baseline_rows(runs)
        if baseline_rows:
            lines += _table(
                [
                    "baseline",
                    "build docs/s",
                    "index MB",
                    "page ms p50 / p95 / p99",
                    "queries",
                    "count recall",
                    "slower than ours on the same queries, p50 / p95",
                ],
                baseline_rows,
            )
            lines.append("")
        lines.append("Goals (stated for 1,000,000 documents):")
        lines += goals(runs)
        lines.append("")
        for run in runs:
            if rows := family_rows(run):
                lines.append(f"Our relevance page on {run['backend']} by query family, the slowest first:")
                lines.append("")
                lines += _table(["family", "queries", "p50 ms", "p95 ms", "max ms"], rows)
                lines.append("")
    return "\n".join(lines)
