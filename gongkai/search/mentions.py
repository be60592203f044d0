"""Organ names found in a record's text, indexed as one token per organ: its *mentions*.

A search for an organ's short name (市发改委) also finds the records that name it in full
(忻州市发展和改革委员会: ``vocabulary.organ_expansions``). As a phrase, a full name is a dozen
bigrams, several of them in most documents (委员, 员会, 发展), whose doclists FTS5 merges on every
such search: 96 ms to walk the newest 10,001 matches at a million records, against 10 ms for the
short name's three bigrams (docs/benchmarks.md). So indexing finds each organ's full name in each
column and adds one token for it to that column, and the query matches the token in place of the
phrase.

A mention means exactly what the phrase's exact check means (``expressions.WordPattern`` on the
column's run text), so it changes the cost of a search, never its results. The vocabulary is every
organ, active or not, so deactivating one changes nothing here; a new organ or a new name changes
which records mention it, and ``indexing.refresh_mentions`` rewrites those records' rows.

A token is a CJK character glued to digits (机12). The analyser splits CJK from letters and digits,
so no query word can produce one. Pure Python.
"""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final

import ahocorasick

from gongkai.search import expressions
from gongkai.search.expressions import WordPattern

# Per column of ``documents.AnalysedText`` (title, codes, tags, body): the organ ids named there, ascending.
Mentions = tuple[tuple[int, ...], ...]
NONE: Final[Mentions] = ((), (), (), ())
# (organ id, full name) of every organ: the key that says which vocabulary found a record's mentions.
Names = tuple[tuple[int, str], ...]


def token(organ_id: int) -> str:
    return f"机{organ_id}"


@lru_cache(maxsize=4)
def _automaton(names: Names) -> Any:
    """Every name's literal in one Aho-Corasick automaton: one pass over a column finds them all.

    Testing 172 names one by one took 196 µs per 2,700-character body, the automaton 22 µs.
    """
    by_literal: dict[str, list[tuple[int, WordPattern]]] = {}
    for organ_id, name in names:
        phrase = expressions.phrase_of(name)
        if phrase is not None:
            pattern = phrase.pattern()
            by_literal.setdefault(pattern.literal, []).append((organ_id, pattern))
    if not by_literal:
        return None
    automaton = ahocorasick.Automaton()
    for literal, organs in by_literal.items():
        automaton.add_word(literal, tuple(organs))
    automaton.make_automaton()
    return automaton


def find(names: Names, columns: Sequence[str]) -> Mentions:
    """The organs whose full name each column (in ``analysis.run_text`` form) holds."""
    automaton = _automaton(names)
    if automaton is None:
        return tuple(() for _column in columns)
    found: list[tuple[int, ...]] = []
    for column in columns:
        ids: set[int] = set()
        for _end, organs in automaton.iter(column):
            # The literal is the whole check unless the name ends in a one-character prefix run.
            ids.update(organ_id for organ_id, pattern in organs if pattern.regex is None or pattern.found_in(column))
        found.append(tuple(sorted(ids)))
    return tuple(found)


def column_tokens(ids: Sequence[int]) -> str:
    return " ".join(token(organ_id) for organ_id in ids)


def to_text(mentions: Mentions) -> str:
    """The stored form: each column's ids space-separated, columns separated by ';'; empty for none."""
    return ";".join(" ".join(map(str, ids)) for ids in mentions) if any(mentions) else ""


def from_text(stored: str) -> Mentions:
    if not stored:
        return NONE
    return tuple(tuple(int(organ_id) for organ_id in column.split()) for column in stored.split(";"))
