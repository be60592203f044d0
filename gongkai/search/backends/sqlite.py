"""SQLite: a contentless FTS5 table over the analysed bigram text, rowid = the entry's sort key.

Contentless (content='') keeps the index at about the raw text's size and leaves highlighting to
the application (SEARCH.md §5.2); stdlib SQLite 3.40 has FTS5 but not contentless_delete, so a
delete hands FTS5 the old tokens, regenerated from the entry's stored run text.

A fifth column holds each record's filter tokens (documents.filter_tokens), so a common word with
an organ, year, kind, topic or source filter is intersected inside FTS5 instead of walking every
match of the word; a publication-date range is a rowid range, which FTS5 also seeks to directly.
Each text column also holds one token per organ it names in full (``mentions``), in place of
the full name's dozen bigrams when a query asks for the organ.
"""

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from django.db.backends.utils import CursorWrapper

from gongkai.search import analysis, mentions
from gongkai.search.backends.base import (
    COLUMN_WEIGHTS,
    IndexRow,
    MatchSql,
    Narrowing,
    TextMatch,
    key_range_sql,
    placeholders,
)
from gongkai.search.documents import AnalysedText
from gongkai.search.expressions import Word

READ_CACHE_KIB = 262_144  # 256 MiB per connection, at most
READ_MMAP_BYTES = 2_000_000_000  # SQLite's compiled-in ceiling is just below 2 GiB
SCORE_CHUNK = 2_000  # keys per statement when reading the window's stored text, well below SQLite's 32,766 variables
# At most this many candidates of a word's head are checked in their stored text (see ``_keys_by_heads``):
# a 文号's head matches the document and the few that cite it; a head with more is left to FTS5.
HEAD_CANDIDATES = 200


def _fts_values(row: IndexRow) -> list[Any]:
    return [row.entry_id, *row.tokens, row.filters]


class SqliteBackend:
    vendor = "sqlite"

    def create(self, cursor: CursorWrapper) -> None:
        # unicode61 only splits on the spaces between tokens; diacritics are left to the analyser.
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, codes, tags, body, filters, "
            "content='', tokenize='unicode61 remove_diacritics 0')"
        )

    def drop(self, cursor: CursorWrapper) -> None:
        cursor.execute("DROP TABLE IF EXISTS search_fts")

    def tokens(self, text: AnalysedText) -> tuple[str, ...]:
        # Mention tokens go in the column that names the organ, so a title mention weighs as one.
        return tuple(
            f"{analysis.index_text(column)} {mentions.column_tokens(ids)}" if ids else analysis.index_text(column)
            for column, ids in zip(text.columns(), text.mentions, strict=True)
        )

    def add(self, cursor: CursorWrapper, rows: Sequence[IndexRow]) -> None:
        cursor.executemany(
            "INSERT INTO search_fts(rowid, title, codes, tags, body, filters) VALUES (%s, %s, %s, %s, %s, %s)",
            [_fts_values(row) for row in rows],
        )

    def remove(self, cursor: CursorWrapper, rows: Sequence[IndexRow]) -> None:
        cursor.executemany(
            "INSERT INTO search_fts(search_fts, rowid, title, codes, tags, body, filters) "
            "VALUES ('delete', %s, %s, %s, %s, %s, %s)",
            [_fts_values(row) for row in rows],
        )

    def clear(self, cursor: CursorWrapper) -> None:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")

    def optimise(self, cursor: CursorWrapper) -> None:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        # Planner statistics for the whole database: without them SQLite reads 20 hits by walking
        # the (status, attribute) index over every published item, 40 ms at 100k records, instead
        # of 20 primary-key lookups (2 ms).
        cursor.execute("ANALYZE")

    def indexed_ids(self, cursor: CursorWrapper) -> set[int]:
        cursor.execute("SELECT rowid FROM search_fts")
        return {row[0] for row in cursor.fetchall()}

    def mentioning(self, cursor: CursorWrapper, organ_id: int) -> set[int]:
        cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [f'"{mentions.token(organ_id)}"'])
        return {row[0] for row in cursor.fetchall()}

    def reading(self) -> AbstractContextManager[Any]:
        # No transaction: the connection begins IMMEDIATE (settings), which would queue a search
        # behind every writer (150 ms seen under load). Each statement reads its own WAL snapshot,
        # and the count, the facets and the newest page come from one statement.
        return nullcontext()

    def prepare_read(self, cursor: CursorWrapper) -> None:
        # The facets of a common word read ten thousand entry rows; SQLite's default 2 MB page cache
        # re-read them from the OS on every search. The cache grows only as pages are read;
        # memory-mapped reads skip a system call per page.
        cursor.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")

    def _match_parts(self, text: TextMatch, narrowing: Narrowing, *, heads: bool = False) -> list[str]:
        def form(word: Word) -> str:
            return ((word.head() if heads else None) or word).fts5()

        def anywhere(word: Word) -> str:
            # Free words are text, never the filter tokens (o12, y2024). Those are ASCII, so only a
            # phrase of ASCII tokens alone could match them; only such words pay FTS5's column
            # check, which costs a common word's walk about 18% at a million records.
            if any(all(token.isascii() for token in phrase.tokens) for phrase in word.phrases):
                return f"{{title codes tags body}} : {form(word)}"
            return form(word)

        parts = [anywhere(word) for word in text.words]
        parts += [f"title : {form(word)}" for word in text.title_words]
        parts += [f"codes : {form(word)}" for word in text.code_words]
        parts += [f"filters : ({' OR '.join(group)})" for group in narrowing.token_groups]
        return parts

    def concat(self, expression: str) -> str:
        return f"group_concat({expression}, ',')"

    def match(self, cursor: CursorWrapper, text: TextMatch, narrowing: Narrowing) -> MatchSql:
        keys = self._keys_by_heads(cursor, text, narrowing)
        if keys is not None:
            conditions, params = key_range_sql("e.id", narrowing)
            conditions.append(f"e.id IN ({placeholders(keys)})" if keys else "1 = 0")
            return MatchSql(from_sql="search_entry e", where_sql=" AND ".join(conditions), params=[*params, *keys])
        parts = self._match_parts(text, narrowing)
        conditions, params = key_range_sql("search_fts.rowid" if parts else "e.id", narrowing)
        if parts:
            conditions.insert(0, "search_fts MATCH %s")
            params.insert(0, " AND ".join(parts))
        where = " AND ".join(conditions) or "1 = 1"
        if not parts:
            return MatchSql(from_sql="search_entry e", where_sql=where, params=params)
        # CROSS JOIN keeps FTS5 as the outer loop, so ORDER BY rowid DESC LIMIT n walks only n matches.
        return MatchSql(
            from_sql="search_fts CROSS JOIN search_entry e ON e.id = search_fts.rowid",
            where_sql=where,
            params=params,
            newest_first="search_fts.rowid DESC",
        )

    def _keys_by_heads(self, cursor: CursorWrapper, text: TextMatch, narrowing: Narrowing) -> list[int] | None:
        """Every match, found through the words' heads, when a word ends in a one-character run and the heads are rare.

        A 文号 typed in full ends in one (号), which FTS5 answers as a prefix by merging the doclist
        of every token that starts with 号: 270 ms at a million records, against 32 ms for the
        rest of the number. So the query is first matched with each such word's head
        (``Word.head``), newest first and at most HEAD_CANDIDATES + 1 matches. If it finds no
        more than HEAD_CANDIDATES, they hold every match, and the words that were cut are checked
        exactly in the candidates' stored text. Otherwise (2021年, whose head is everywhere) the
        result is None and the caller matches the full words; the walk that found out stopped early.
        """
        if not any(word.head() for word in text.all_words()):
            return None
        conditions, params = key_range_sql("rowid", narrowing)
        conditions.insert(0, "search_fts MATCH %s")
        params.insert(0, " AND ".join(self._match_parts(text, narrowing, heads=True)))
        cursor.execute(
            f"SELECT rowid FROM search_fts WHERE {' AND '.join(conditions)} ORDER BY rowid DESC LIMIT %s",  # noqa: S608
            [*params, HEAD_CANDIDATES + 1],
        )
        candidates = [row[0] for row in cursor.fetchall()]
        if len(candidates) > HEAD_CANDIDATES:
            return None
        # Positions in the row read below: free words may occur in any column, as in FTS5.
        groups = ((text.words, (0, 1, 2, 3)), (text.title_words, (0,)), (text.code_words, (1,)))
        checks = [(word, columns) for words, columns in groups for word in words if word.head() is not None]
        keys: list[int] = []
        if candidates:
            cursor.execute(
                "SELECT id, title_text, code_text, tag_text, body_text FROM search_text "  # noqa: S608
                f"WHERE id IN ({placeholders(candidates)})",
                candidates,
            )
            for entry_id, *stored in cursor.fetchall():
                if all(any(word.found_in(stored[column]) for column in columns) for word, columns in checks):
                    keys.append(entry_id)
        return sorted(keys, reverse=True)

    def scores(
        self,
        cursor: CursorWrapper,
        text: TextMatch,
        narrowing: Narrowing,
        entry_ids: Sequence[int],
        *,
        every_match: bool,
    ) -> dict[int, float]:
        """Walk FTS5 again within the window's rowid range, unless the window holds every match.

        The window of a larger match set is the newest part of it, dense in its rowid range, so a
        walk per word and column group stays short (4–8 ms for a common word at a million records,
        against 35–43 ms to read its 5,000 rows). When the window holds every match, the matches
        may lie anywhere in the library, and words that are common alone but rare together would
        have their doclists read end to end again (1.5 s for 市人社局 双拥工作 at a million
        records, against 41 ms from the stored text).
        """
        if not entry_ids:
            return {}
        if every_match:
            return self._stored_text_scores(cursor, text, entry_ids)
        return self._walk_scores(cursor, text, narrowing, entry_ids)

    def _walk_scores(
        self, cursor: CursorWrapper, text: TextMatch, narrowing: Narrowing, entry_ids: Sequence[int]
    ) -> dict[int, float]:
        # The entries are known matches, so only the filter tokens are repeated: they keep the walk
        # of a sparse organ or year short without matching every word's phrase a second time.
        wanted = set(entry_ids)
        low, high = min(wanted), max(wanted)
        filters = self._match_parts(TextMatch(), narrowing)
        scores: dict[int, float] = {}
        for word in text.all_words():
            for columns, weight in COLUMN_WEIGHTS:
                cursor.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s",
                    [" AND ".join([*filters, f"{{{' '.join(columns)}}} : {word.fts5()}"]), low, high],
                )
                for (entry_id,) in cursor.fetchall():
                    if entry_id in wanted:
                        scores[entry_id] = scores.get(entry_id, 0.0) + weight
        return scores

    def _stored_text_scores(self, cursor: CursorWrapper, text: TextMatch, entry_ids: Sequence[int]) -> dict[int, float]:
        # The exact check on the short stored columns, as PostgreSQL scores every window.
        checks = [(word.patterns(), columns, weight) for word in text.all_words() for columns, weight in COLUMN_WEIGHTS]
        scores: dict[int, float] = {}
        for start in range(0, len(entry_ids), SCORE_CHUNK):
            chunk = list(entry_ids[start : start + SCORE_CHUNK])
            cursor.execute(
                f"SELECT id, title_text, code_text, tag_text FROM search_text WHERE id IN ({placeholders(chunk)})",  # noqa: S608
                chunk,
            )
            for entry_id, title, codes, tags in cursor.fetchall():
                stored = {"title": title, "codes": codes, "tags": tags}
                score = sum(
                    weight
                    for patterns, columns, weight in checks
                    if any(pattern.found_in(stored[column]) for pattern in patterns for column in columns)
                )
                if score:
                    scores[entry_id] = score
        return scores
