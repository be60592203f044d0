"""Suggest related texts for a question in Chinese, without a search engine.

Chinese has no spaces between words, so a text is cut into overlapping character pairs (bigrams)
of each run of Chinese characters, plus its ASCII words and numbers. Two texts are related when
they share many of these tokens. Function characters (的、了、吗) and question phrases (请问、怎么)
carry no subject, so they split runs and are dropped.
"""

import re
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from typing import Final, TypeVar

Key = TypeVar("Key", bound=Hashable)

# Characters that join words rather than name a subject; they end a run of Chinese text.
STOP_CHARACTERS: Final = frozenset("的了吗呢吧啊呀和与及或并在是我你您他她它们这那个就都也还又被把给从向对")
# Phrases common to questions and document titles that say nothing about the subject; like the
# stop characters they end a run, so 请问低保 gives 低保 and not the stray pair 问低.
STOP_PHRASES: Final = frozenset(
    {
        "请问",
        "什么",
        "怎么",
        "怎样",
        "如何",
        "哪里",
        "哪些",
        "哪个",
        "多少",
        "是否",
        "可以",
        "能否",
        "需要",
        "有关",
        "关于",
        "通知",
        "一下",
        "咨询",
        "问题",
        "情况",
        "相关",
        "办理",
    }
)

_STOP_PHRASE = re.compile("|".join(sorted(STOP_PHRASES)))
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RUNS = re.compile(rf"[{_CJK}]+|[a-z0-9]+")
_CJK_RUN = re.compile(rf"[{_CJK}]")

# Containment (how much of the question the candidate covers) decides; Jaccard breaks ties in
# favour of the shorter, more specific candidate.
CONTAINMENT_WEIGHT: Final = 0.75
JACCARD_WEIGHT: Final = 0.25
# Words and numbers (a year, a document number, "5G") are rarer than any one Chinese pair.
ASCII_WORD_WEIGHT: Final = 2.0
MIN_SCORE: Final = 0.2


def _runs(text: str) -> list[str]:
    # NFKC turns full-width letters and digits (２０２１) into ASCII ones.
    normalised = unicodedata.normalize("NFKC", text).lower()
    without_phrases = _STOP_PHRASE.sub(" ", normalised)
    cleaned = "".join(" " if char in STOP_CHARACTERS else char for char in without_phrases)
    return _TOKEN_RUNS.findall(cleaned)


def tokens(text: str) -> list[str]:
    """The text's tokens in order of appearance, each once."""
    found: dict[str, None] = {}
    for run in _runs(text):
        if not _CJK_RUN.match(run):
            found[run] = None
        elif len(run) == 1:
            found[run] = None  # a lone character between stop characters is still a subject
        else:
            for start in range(len(run) - 1):
                found[run[start : start + 2]] = None
    return list(found)


def weight(token: str) -> float:
    return ASCII_WORD_WEIGHT if token.isascii() else 1.0


def score(query: Iterable[str], candidate: Iterable[str]) -> float:
    """A weighted blend of containment of the query in the candidate and of Jaccard similarity."""
    wanted, offered = set(query), set(candidate)
    if not wanted or not offered:
        return 0.0
    shared = sum(weight(token) for token in wanted & offered)
    if not shared:
        return 0.0
    containment = shared / sum(weight(token) for token in wanted)
    jaccard = shared / sum(weight(token) for token in wanted | offered)
    return CONTAINMENT_WEIGHT * containment + JACCARD_WEIGHT * jaccard


def sample(items: Sequence[str], count: int) -> list[str]:
    """Up to `count` items spread evenly over the sequence, so a long question is sampled whole."""
    if count <= 0:
        return []
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(index * step)] for index in range(count)]


def rank(question: str, candidates: Iterable[tuple[Key, str]], limit: int, min_score: float = MIN_SCORE) -> list[Key]:
    """The keys of the candidates related to the question, best first; ties keep the input order."""
    wanted = tokens(question)
    scored = [(value, key) for key, text in candidates if (value := score(wanted, tokens(text))) >= min_score]
    # sorted() is stable, so equal scores stay in the order the caller gave (newest first).
    ranked = sorted(scored, key=lambda pair: pair[0], reverse=True)
    return [key for _, key in ranked[:limit]]
