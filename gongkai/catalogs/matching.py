"""Which catalog rows an item belongs to: a score from the words they share, as pure Python.

Staff link items to rows; the suggestions only rank the organ's adopted rows for them. The row's
二级事项 counts double its 公开内容（要素）, the item's keywords count beside its title, and words
every catalog row and notice is full of (信息, 公开, 情况 …) count for nothing.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gongkai.catalogs.columns import RowData

# Two-character words that say nothing about which row an item belongs to.
STOP_BIGRAMS = frozenset(
    {
        "信息",
        "公开",
        "情况",
        "结果",
        "环节",
        "有关",
        "关于",
        "通知",
        "工作",
        "公示",
        "部门",
        "单位",
        "相关",
        "以及",
        "及其",
        "事项",
        "内容",
        "规定",
        "办法",
        "实施",
        "开展",
        "进一步",
        "决定",
    }
)
SECOND_ITEM_WEIGHT = 2.0
CONTENT_WEIGHT = 1.0
WHOLE_PHRASE_BONUS = 1.0
SUGGESTION_THRESHOLD = 0.25

_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def bigrams(text: str) -> set[str]:
    """Overlapping pairs of Chinese characters, run by run, without the stop pairs."""
    found: set[str] = set()
    for run in _NON_CJK.split(unicodedata.normalize("NFKC", text)):
        found.update(run[index : index + 2] for index in range(len(run) - 1))
    return found - STOP_BIGRAMS


def _coverage(row_pairs: set[str], item_pairs: set[str]) -> float:
    return len(row_pairs & item_pairs) / len(row_pairs) if row_pairs else 0.0


def score(row: RowData, title: str, keywords: str = "") -> float:
    """0 to 1: how much of the row's 二级事项 and 公开内容 the item's title and keywords cover."""
    item_text = f"{title} {keywords}"
    item_pairs = bigrams(item_text)
    total = SECOND_ITEM_WEIGHT * _coverage(bigrams(row.second_item), item_pairs)
    total += CONTENT_WEIGHT * _coverage(bigrams(row.content), item_pairs)
    if row.second_item and unicodedata.normalize("NFKC", row.second_item) in unicodedata.normalize("NFKC", item_text):
        total += WHOLE_PHRASE_BONUS
    return round(total / (SECOND_ITEM_WEIGHT + CONTENT_WEIGHT + WHOLE_PHRASE_BONUS), 4)


@dataclass(frozen=True)
class Suggestion:
    row_id: int
    score: float


def suggest(
    rows: Iterable[tuple[int, RowData]], title: str, keywords: str = "", *, limit: int = 5
) -> Sequence[Suggestion]:
    """The best-matching rows above the threshold, best first (ties by row id, for a stable order)."""
    scored = [Suggestion(row_id, score(row, title, keywords)) for row_id, row in rows]
    kept = [suggestion for suggestion in scored if suggestion.score >= SUGGESTION_THRESHOLD]
    return sorted(kept, key=lambda suggestion: (-suggestion.score, suggestion.row_id))[:limit]
