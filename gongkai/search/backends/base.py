"""The full-text half of the index, which differs by database; everything else is shared SQL."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db.backends.utils import CursorWrapper

from gongkai.search.documents import AnalysedText
from gongkai.search.expressions import Word

# The weights of title, 文号/索引号, organ names and keywords, and body (reference SEARCH.md: title 10×).
COLUMN_WEIGHTS = (10.0, 10.0, 4.0, 1.0)


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

    def add(self, cursor: CursorWrapper, entry_id: int, text: AnalysedText) -> None: ...

    def remove(self, cursor: CursorWrapper, entry_id: int, text: AnalysedText) -> None: ...

    def clear(self, cursor: CursorWrapper) -> None: ...

    def optimise(self, cursor: CursorWrapper) -> None: ...

    def indexed_ids(self, cursor: CursorWrapper) -> set[int]:
        """Ids that have a full-text row, for the drift check."""
        ...

    def prepare_read(self, cursor: CursorWrapper) -> None:
        """Session settings for a search transaction."""
        ...

    def match(self, text: TextMatch) -> MatchSql: ...

    def relevance(self, text: TextMatch) -> tuple[str, list[Any]]:
        """An ORDER BY expression (best first) valid with ``match``'s FROM clause, and its parameters."""
        ...


def placeholders(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))
