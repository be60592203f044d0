"""Highlighting in the application, from the raw text of the shown hits only (SEARCH.md §5.2).

A query word is found in the raw text through its normalised form (so 國務院 highlights for 国务院
and 〔2021〕 for [2021]) with any separators between its runs; the text is HTML-escaped and each
match wrapped in <mark>. No Django: the caller marks the result safe.
"""

import html
import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from gongkai.search import analysis
from gongkai.search.expressions import Phrase

SNIPPET_CHARS: Final = 120
_SEPARATORS: Final = r"[\W_]*"


def _pattern(phrases: Sequence[Phrase]) -> re.Pattern[str] | None:
    alternatives = sorted(
        {_SEPARATORS.join(re.escape(run) for run in phrase.runs) for phrase in phrases},
        key=len,
        reverse=True,  # the longest alternative first, so 忻州市发展和改革委员会 wins over 发改
    )
    return re.compile("|".join(alternatives)) if alternatives else None


def _spans(normalised: str, offsets: list[int], pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Raw-text spans of the matches (end exclusive)."""
    return [(offsets[m.start()], offsets[m.end() - 1] + 1) for m in pattern.finditer(normalised) if m.end() > m.start()]


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= cursor or span_start >= end:
            continue
        span_start = max(span_start, cursor)
        span_end = min(span_end, end)
        pieces.append(html.escape(text[cursor:span_start]))
        pieces.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(html.escape(text[cursor:end]))
    return "".join(pieces)


def _raw_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The matches' spans in the raw text.

    The character-by-character offset map costs about 3 ms for a 3,000-character body, twenty
    times a page; when normalising keeps the text's length, every character maps to itself (NFKC
    and the traditional table are one to one for Chinese text), so the map is skipped.
    """
    normalised = analysis.normalize(text)
    if len(normalised) == len(text):
        return [(m.start(), m.end()) for m in pattern.finditer(normalised) if m.end() > m.start()]
    normalised, offsets = analysis.normalize_with_offsets(text)
    return _spans(normalised, offsets, pattern)


def highlight(text: str, phrases: Sequence[Phrase]) -> str:
    """The whole text, escaped, with every match marked (titles)."""
    pattern = _pattern(phrases)
    if pattern is None:
        return html.escape(text)
    return _render(text, 0, len(text), _raw_spans(text, pattern))


def snippet(text: str, phrases: Sequence[Phrase], width: int = SNIPPET_CHARS) -> str:
    """A window of about ``width`` characters around the densest matches, escaped and marked."""
    pattern = _pattern(phrases)
    spans = _raw_spans(text, pattern) if pattern is not None else []
    if not spans:
        end = min(len(text), width)
        return html.escape(text[:end]) + ("…" if end < len(text) else "")
    # The window that holds the most matches, starting a little before its first one.
    starts = [span_start for span_start, _end in spans]
    best_start, best_count = starts[0], 0
    for position, span_start in enumerate(starts):
        count = bisect_left(starts, span_start + width, lo=position) - position
        if count > best_count:
            best_start, best_count = span_start, count
    start = max(0, best_start - width // 6)
    end = min(len(text), start + width)
    start = max(0, end - width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + _render(text, start, end, spans) + suffix
