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
  outbox, no worker, nothing to drift. Beyond about 100k records per query the planned next step
  is the same FTS5 file as a sidecar (README), which the benchmark command must decide.
* ``SET LOCAL enable_seqscan = off``: with literal parameters the planner seq-scans common words
  (486 ms instead of 21 ms at 100k).
"""

from typing import Any

from django.db.backends.utils import CursorWrapper

from gongkai.search import analysis
from gongkai.search.backends.base import COLUMN_WEIGHTS, MatchSql, TextMatch
from gongkai.search.documents import AnalysedText
from gongkai.search.expressions import Word

_COLUMNS = ("e.title_text", "e.code_text", "e.tag_text", "e.body_text")
# How many body occurrences of a word count towards relevance: beyond it, repetition is not relevance.
_BODY_OCCURRENCES_CAP = 10


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

    def add(self, cursor: CursorWrapper, entry_id: int, text: AnalysedText) -> None:
        distinct = sorted({token for column in text.columns() for token in analysis.tokens_of_run_text(column)})
        cursor.execute(
            "UPDATE search_entry SET tokens = array_to_tsvector(%s::text[]) WHERE id = %s", [distinct, entry_id]
        )

    def remove(self, cursor: CursorWrapper, entry_id: int, text: AnalysedText) -> None:
        return None  # the vector goes with its entry row

    def clear(self, cursor: CursorWrapper) -> None:
        return None

    def optimise(self, cursor: CursorWrapper) -> None:
        cursor.execute("ANALYZE search_entry")

    def indexed_ids(self, cursor: CursorWrapper) -> set[int]:
        cursor.execute("SELECT id FROM search_entry WHERE tokens IS NOT NULL")
        return {row[0] for row in cursor.fetchall()}

    def prepare_read(self, cursor: CursorWrapper) -> None:
        cursor.execute("SET LOCAL enable_seqscan = off")

    def match(self, text: TextMatch) -> MatchSql:
        if not text:
            return MatchSql(from_sql="search_entry e", where_sql="1 = 1")
        conditions = ["e.tokens @@ %s::tsquery"]
        params: list[Any] = [" & ".join(word.tsquery() for word in text.all_words())]
        for words, columns in (
            (text.words, _COLUMNS),
            (text.title_words, _COLUMNS[:1]),
            (text.code_words, _COLUMNS[1:2]),
        ):
            for word in words:
                sql, word_params = _pattern_sql(word, columns)
                conditions.append(sql)
                params += word_params
        return MatchSql(from_sql="search_entry e", where_sql=" AND ".join(conditions), params=params)

    def relevance(self, text: TextMatch) -> tuple[str, list[Any]]:
        """A field-weighted score over the words' literals: title and 文号 count ten times the body."""
        terms: list[str] = []
        params: list[Any] = []
        for word in text.all_words():
            for pattern in word.patterns():
                literal = pattern.literal
                for column, weight in zip(_COLUMNS[:3], COLUMN_WEIGHTS[:3], strict=True):
                    terms.append(f"(CASE WHEN strpos({column}, %s) > 0 THEN {weight} ELSE 0 END)")
                    params.append(literal)
                terms.append(
                    f"LEAST((length(e.body_text) - length(replace(e.body_text, %s, ''))) / %s, {_BODY_OCCURRENCES_CAP})"
                )
                params += [literal, max(len(literal), 1)]
        if not terms:
            return "e.id DESC", []
        return "(" + " + ".join(terms) + ") DESC, e.id DESC", params
