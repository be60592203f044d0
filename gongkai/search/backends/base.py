"""The full-text half of the index, which differs by database; everything else is shared SQL."""

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from django.db.backends.utils import CursorWrapper

from gongkai.search.documents import AnalysedText
from gongkai.search.expressions import Word

# Relevance: each word found in the title or the 文号/索引号 counts ten, in the organ names and
# keywords four (reference SEARCH.md: title 10×); a match in the body alone ranks by date.
# Columns grouped under one weight are tested together (one index walk per group).
COLUMN_WEIGHTS: Final = ((("title", "codes"), 10.0), (("tags",), 4.0))


@dataclass(frozen=True)
class TextMatch:
    """What must match: free-text words anywhere, and words restricted to the title or the 文号 column."""

    words: tuple[Word, ...] = ()
    title_words: tuple[Word, ...] = ()
    code_words: tuple[Word, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.title_words or self.code_words)

    def all_words(self) -> tuple[Word, ...]:
        return self.words + self.title_words + self.code_words


@dataclass(frozen=True)
class Narrowing:
    """What the filters allow, in the form a full-text index can use before any row is read.

    ``token_groups``: every group must hold one of the record's filter tokens (documents.filter_tokens);
    ``low_key``/``high_key``: the sort-key range [low, high) of the publication dates. A backend may
    ignore any of it: the SQL filters decide, this only lets an index skip what they would refuse.
    """

    token_groups: tuple[tuple[str, ...], ...] = ()
    low_key: int | None = None
    high_key: int | None = None


def key_range_sql(key: str, narrowing: Narrowing) -> tuple[list[str], list[Any]]:
    """The publication-date range as conditions on a sort-key column."""
    conditions: list[str] = []
    params: list[Any] = []
    if narrowing.low_key is not None:
        conditions.append(f"{key} >= %s")
        params.append(narrowing.low_key)
    if narrowing.high_key is not None:
        conditions.append(f"{key} < %s")
        params.append(narrowing.high_key)
    return conditions, params


@dataclass(frozen=True)
class IndexRow:
    """One entry's full-text row: its id, analysed text, filter tokens and the backend's tokens of the text."""

    entry_id: int
    text: AnalysedText
    filters: str
    tokens: Any


@dataclass(frozen=True)
class MatchSql:
    """FROM and WHERE fragments over the alias ``e`` (search_entry), and the newest-first order."""

    from_sql: str
    where_sql: str
    params: list[Any] = field(default_factory=list)
    newest_first: str = "e.id DESC"


class Backend(Protocol):
    vendor: str

    def create(self, cursor: CursorWrapper) -> None: ...

    def drop(self, cursor: CursorWrapper) -> None: ...

    def tokens(self, text: AnalysedText) -> Any:
        """The text's tokens in the form ``add`` writes them. Pure, so it may run in a worker process."""
        ...

    def add(self, cursor: CursorWrapper, rows: Sequence[IndexRow]) -> None: ...

    def remove(self, cursor: CursorWrapper, rows: Sequence[IndexRow]) -> None: ...

    def clear(self, cursor: CursorWrapper) -> None: ...

    def optimise(self, cursor: CursorWrapper) -> None: ...

    def indexed_ids(self, cursor: CursorWrapper) -> set[int]:
        """Ids that have a full-text row, for the drift check."""
        ...

    def mentioning(self, cursor: CursorWrapper, organ_id: int) -> set[int]:
        """Ids whose full-text row holds the organ's mention token (``mentions``)."""
        ...

    def reading(self) -> AbstractContextManager[Any]:
        """The transaction a search reads in."""
        ...

    def prepare_read(self, cursor: CursorWrapper) -> None:
        """Session settings for a search."""
        ...

    def concat(self, expression: str) -> str:
        """The aggregate joining a text expression's values with commas."""
        ...

    def match(self, cursor: CursorWrapper, text: TextMatch, narrowing: Narrowing) -> MatchSql:
        """The SQL of the matches; the backend may read the index to choose the cheaper form."""
        ...

    def scores(
        self,
        cursor: CursorWrapper,
        text: TextMatch,
        narrowing: Narrowing,
        entry_ids: Sequence[int],
        *,
        every_match: bool,
    ) -> dict[int, float]:
        """Relevance of these matching entries by COLUMN_WEIGHTS; entries with no weighted hit may be left out.

        ``every_match``: the entries are the whole match set, not the newest part of a larger one.
        """
        ...


def placeholders(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))
