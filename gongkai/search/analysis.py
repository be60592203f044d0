"""Chinese text analysis for search: one normaliser and one tokenizer shared by every backend.

Text is normalised (NFKC full-width → half-width, traditional → simplified, lower case, every 文号
bracket style → one pair, zero-width characters dropped) and cut into *runs*: a maximal run of CJK
characters, or a maximal run of other letters and digits. Everything else separates runs.

A CJK run is indexed as its overlapping bigrams (a one-character run as itself), a letter/digit run
as one token. A query word then becomes the phrase of its tokens, which is exact-substring search:
recall ≈ 1.0 against a substring oracle, where dictionary segmentation loses 土地 inside 土地征收
(reference SEARCH.md §5.3). The tokens feed SQLite FTS5 and PostgreSQL alike, so the two backends
cannot disagree about what a word is.

Two CJK runs whose break repeats a character (公开。开发) get ``RUN_BREAK`` between their tokens:
otherwise 公开 and 开发 would stand side by side, as in 公开发, and a phrase would match across
the break. Queries put it where their own runs do, so a word typed with the break still matches.

Changing how text becomes runs changes the stored text: raise ``ANALYSER_VERSION`` and rebuild the
index. Changing only how runs become tokens can be applied by a migration that rewrites the
full-text rows from the stored text, as search migration 0004 does.
"""

import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

from gongkai.search.traditional import TO_SIMPLIFIED

ANALYSER_VERSION: Final = 1

_CJK_RANGES: Final = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_CLASS: Final = f"[{_CJK_RANGES}]"
_RUN: Final = re.compile(f"({CJK_CLASS}+)|([^\\W_{_CJK_RANGES}]+)")

# After NFKC, full-width （）［］ are already half-width; the rest are mapped here.
_BRACKETS: Final = {ord(c): "(" for c in "〔[【〖{⦅〘"} | {ord(c): ")" for c in "〕]】〗}⦆〙"}
_INVISIBLE: Final = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}
_TABLE: Final = {**TO_SIMPLIFIED, **_BRACKETS, **_INVISIBLE}
_TRANSLATED: Final = re.compile("[" + re.escape("".join(chr(code) for code in _TABLE)) + "]")
# Full-width ASCII and the ideographic space: their NFKC forms, which Chinese text is full of.
_WIDE: Final = re.compile("[\u3000\uff01-\uff5e]")


def _translate(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())] or ""


def _narrow(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\u3000" else chr(ord(char) - 0xFEE0)


def normalize(text: str) -> str:
    """The comparable form of any text: what is indexed and what a query is matched against.

    Equal to ``NFKC(text).lower().translate(_TABLE)``, computed faster (indexing normalises every
    body): full-width punctuation, nearly every Chinese text's only NFKC change, is mapped to its
    NFKC form first, so the full normalisation runs only when the quick check still fails; and the
    table replaces the few characters it names instead of looking up every character.
    """
    text = _WIDE.sub(_narrow, text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    return _TRANSLATED.sub(_translate, text) if _TRANSLATED.search(text) else text


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalize`` character by character, with the raw offset of every normalised character.

    Used only to highlight the raw text of the shown hits; indexing uses the whole-string form,
    which differs only for combining sequences that Chinese text does not contain.
    """
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        normal = normalize(char)
        parts.append(normal)
        offsets.extend([index] * len(normal))
    return "".join(parts), offsets


_CJK_START: Final = re.compile(CJK_CLASS)


def is_cjk(run: str) -> bool:
    return _CJK_START.match(run) is not None


def runs(text: str) -> list[str]:
    """The runs of already normalised text, in order."""
    return [match.group(0) for match in _RUN.finditer(text)]


# A CJK character glued to a digit: the runs above never produce one, so no text or query word can.
RUN_BREAK: Final = "断0"


def _run_pieces(found: Iterable[str]) -> Iterator[str]:
    """Each run's tokens joined by spaces, with RUN_BREAK between CJK runs whose break repeats a character."""
    previous = ""
    for run in found:
        cjk = is_cjk(run)
        if cjk and previous[-1:] == run[0]:
            yield RUN_BREAK
        yield " ".join(map(operator.add, run, run[1:])) if cjk and len(run) > 1 else run  # overlapping bigrams
        previous = run


def tokens_of_runs(found: Iterable[str]) -> list[str]:
    return " ".join(_run_pieces(found)).split()


def tokens(text: str) -> list[str]:
    """The index tokens of raw text."""
    return tokens_of_runs(runs(normalize(text)))


def run_text(text: str) -> str:
    """Raw text in its stored, analysed form: runs separated by single spaces, with a space at each end.

    The tokens can be regenerated from it (FTS5's contentless delete needs the old tokens), and an
    exact check of a query word is a plain substring test on it (see ``query.WordPattern``).
    """
    found = runs(normalize(text))
    return f" {' '.join(found)} " if found else ""


def tokens_of_run_text(stored: str) -> list[str]:
    """The tokens of text already in ``run_text`` form."""
    return tokens_of_runs(stored.split())


def index_text(stored: str) -> str:
    """The space-joined tokens handed to the index for one field in ``run_text`` form."""
    return " ".join(_run_pieces(stored.split()))
