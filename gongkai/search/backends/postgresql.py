"""PostgreSQL: a tsvector of the distinct bigram tokens with a GIN index, AND-matched, then checked exactly.

Why this variant (reference SEARCH.md §5.4 and §6.3, measured on this machine's kind):
* GIN stores no positions, so a bigram *phrase* (``<->``) rechecks every candidate against its
  TOASTed tsvector: p95 989 ms at 100k. The AND of the bigrams is answered by GIN alone (no
  recheck): page p95 96 ms at 100k.
* The AND over-matches (a document may hold 政务, 务公 and 公开 apart), so each candidate is then
  checked with ``strpos`` on the stored run text (``expressions.WordPattern``): the results are the
  same as FTS5's phrases, exactly, so one test module passes on both databases.
* The vector is built with ``array_to_tsvector`` from the application's tokens: no PostgreSQL
  parser or dictionary touches the text, and no positions are stored (a smaller vector).
* The index lives in the same database and is written in the publication's transaction: no
  outbox, no worker, nothing to drift. The benchmark decided its reach (docs/benchmarks.md): every
  match a search counts or facets is detoasted and checked, so a common word costs about a second
  from 10k records up; larger PostgreSQL deployments need the FTS5 file as a sidecar fed by an
  outbox (gongkai/search/README.md), which is not built yet.
* ``SET LOCAL enable_seqscan = off``: with literal parameters the planner seq-scans common words
  (486 ms instead of 21 ms at 100k).
"""

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from django.db import transaction
from django.db.backends.utils import CursorWrapper

from gongkai.search import analysis, mentions
from gongkai.search.backends.base import COLUMN_WEIGHTS, IndexRow, MatchSql, Narrowing, TextMatch, key_range_sql
from gongkai.search.documents import AnalysedText
from gongkai.search.expressions import Word

_COLUMNS = ("t.title_text", "t.code_text", "t.tag_text", "t.body_text")
_WEIGHTED_COLUMNS = dict(zip(("title", "codes", "tags"), _COLUMNS[:3], strict=True))


def _pattern_sql(word: Word, columns: tuple[str, ...]) -> tuple[str, list[Any]]:
    """True when any of the word's phrases occurs in any of the columns, exactly as FTS5 would find it."""
    alternatives: list[str] = []
    params: list[Any] = []
    for pattern in word.patterns():
        for column in columns:
            if pattern.regex is None:
                alternatives.append(f"strpos({column}, %s) > 0")
                params.append(pattern.literal)
            else:
                alternatives.append(f"(strpos({column}, %s) > 0 AND {column} ~ %s)")
                params += [pattern.literal, pattern.regex]
    return "(" + " OR ".join(alternatives) + ")", params


class PostgresBackend:
    vendor = "postgresql"

    def create(self, cursor: CursorWrapper) -> None:
        cursor.execute("ALTER TABLE search_entry ADD COLUMN IF NOT EXISTS tokens tsvector")
        cursor.execute("CREATE INDEX IF NOT EXISTS search_entry_tokens ON search_entry USING gin (tokens)")

    def drop(self, cursor: CursorWrapper) -> None:
        cursor.execute("DROP INDEX IF EXISTS search_entry_tokens")
        cursor.execute("ALTER TABLE search_entry DROP COLUMN IF EXISTS tokens")

    def tokens(self, text: AnalysedText) -> list[str]:
        found = {token for column in text.columns() for token in analysis.tokens_of_run_text(column)}
        found.update(mentions.token(organ_id) for ids in text.mentions for organ_id in ids)
        return sorted(found)

    def add(self, cursor: CursorWrapper, rows: Sequence[IndexRow]) -> None:
        cursor.executemany(
            "UPDATE search_entry SET tokens = array_to_tsvector(%s::text[]) WHERE id = %s",
            [(row.tokens, row.entry_id) for row in rows],
        )

    def remove(self, cursor: CursorWrapper, rows: Sequence[IndexRow]) -> None:
        return None  # the vector goes with its entry row

    def clear(self, cursor: CursorWrapper) -> None:
        return None

    def optimise(self, cursor: CursorWrapper) -> None:
        cursor.execute("ANALYZE search_entry")

    def indexed_ids(self, cursor: CursorWrapper) -> set[int]:
        cursor.execute("SELECT id FROM search_entry WHERE tokens IS NOT NULL")
        return {row[0] for row in cursor.fetchall()}

    def mentioning(self, cursor: CursorWrapper, organ_id: int) -> set[int]:
        cursor.execute("SELECT id FROM search_entry WHERE tokens @@ %s::tsquery", [f"'{mentions.token(organ_id)}'"])
        return {row[0] for row in cursor.fetchall()}

    def reading(self) -> AbstractContextManager[Any]:
        return transaction.atomic()  # for SET LOCAL, and one snapshot for the whole search

    def prepare_read(self, cursor: CursorWrapper) -> None:
        cursor.execute("SET LOCAL enable_seqscan = off")

    def concat(self, expression: str) -> str:
        return f"string_agg({expression}, ',')"

    def match(self, cursor: CursorWrapper, text: TextMatch, narrowing: Narrowing) -> MatchSql:
        # GIN only narrows; the exact check below decides. So a word ending in a one-character run
        # (the 号 of a 文号) gives GIN its head (``Word.head``), whose matches include the word's:
        # a prefix lexeme ('号':*) has GIN merge the postings of every lexeme that starts with 号.
        # Filter tokens are not indexed here: the filters' own SQL is as selective on a B-tree scan.
        conditions, params = key_range_sql("e.id", narrowing)
        if not text:
            return MatchSql(from_sql="search_entry e", where_sql=" AND ".join(conditions) or "1 = 1", params=params)
        conditions.append("e.tokens @@ %s::tsquery")
        params.append(" & ".join((word.head() or word).tsquery() for word in text.all_words()))
        for words, columns in (
            (text.words, _COLUMNS),
            (text.title_words, _COLUMNS[:1]),
            (text.code_words, _COLUMNS[1:2]),
        ):
            for word in words:
                sql, word_params = _pattern_sql(word, columns)
                conditions.append(sql)
                params += word_params
        return MatchSql(
            from_sql="search_entry e JOIN search_text t ON t.id = e.id",
            where_sql=" AND ".join(conditions),
            params=params,
        )

    def scores(
        self,
        cursor: CursorWrapper,
        text: TextMatch,
        narrowing: Narrowing,
        entry_ids: Sequence[int],
        *,
        every_match: bool,
    ) -> dict[int, float]:
        """The same weights as on SQLite, from the exact check on the short stored columns, for any window."""
        terms: list[str] = []
        params: list[Any] = []
        for word in text.all_words():
            for columns, weight in COLUMN_WEIGHTS:
                sql, word_params = _pattern_sql(word, tuple(_WEIGHTED_COLUMNS[column] for column in columns))
                terms.append(f"(CASE WHEN {sql} THEN {weight} ELSE 0 END)")
                params += word_params
        if not terms or not entry_ids:
            return {}
        cursor.execute(
            f"SELECT t.id, {' + '.join(terms)} FROM search_text t WHERE t.id = ANY(%s)",  # noqa: S608
            [*params, list(entry_ids)],
        )
        return {entry_id: float(score) for entry_id, score in cursor.fetchall() if score}
