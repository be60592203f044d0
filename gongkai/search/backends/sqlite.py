"""SQLite: a contentless FTS5 table over the analysed bigram text, rowid = the entry's sort key.

Contentless (content='') keeps the index at about the raw text's size and leaves highlighting to
the application (SEARCH.md §5.2); stdlib SQLite 3.40 has FTS5 but not contentless_delete, so a
delete hands FTS5 the old tokens, regenerated from the entry's stored run text.
"""

from typing import Any

from django.db.backends.utils import CursorWrapper

from gongkai.search import analysis
from gongkai.search.backends.base import COLUMN_WEIGHTS, MatchSql, TextMatch
from gongkai.search.documents import AnalysedText

READ_CACHE_KIB = 262_144  # 256 MiB per connection, at most
READ_MMAP_BYTES = 2_000_000_000  # SQLite's compiled-in ceiling is just below 2 GiB


class SqliteBackend:
    vendor = "sqlite"

    def create(self, cursor: CursorWrapper) -> None:
        # unicode61 only splits on the spaces between tokens; diacritics are left to the analyser.
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "title, codes, tags, body, content='', tokenize='unicode61 remove_diacritics 0')"
        )

    def drop(self, cursor: CursorWrapper) -> None:
        cursor.execute("DROP TABLE IF EXISTS search_fts")

    def add(self, cursor: CursorWrapper, entry_id: int, text: AnalysedText) -> None:
        cursor.execute(
            "INSERT INTO search_fts(rowid, title, codes, tags, body) VALUES (%s, %s, %s, %s, %s)",
            [entry_id, *(analysis.index_text(column) for column in text.columns())],
        )

    def remove(self, cursor: CursorWrapper, entry_id: int, text: AnalysedText) -> None:
        cursor.execute(
            "INSERT INTO search_fts(search_fts, rowid, title, codes, tags, body) VALUES ('delete', %s, %s, %s, %s, %s)",
            [entry_id, *(analysis.index_text(column) for column in text.columns())],
        )

    def clear(self, cursor: CursorWrapper) -> None:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")

    def optimise(self, cursor: CursorWrapper) -> None:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    def indexed_ids(self, cursor: CursorWrapper) -> set[int]:
        cursor.execute("SELECT rowid FROM search_fts")
        return {row[0] for row in cursor.fetchall()}

    def prepare_read(self, cursor: CursorWrapper) -> None:
        # A search joins thousands of FTS5 matches to their (wide) search_entry rows; SQLite's default
        # 2 MB page cache re-reads them from the OS on every search: the count and the facets of a
        # common word took twice as long at 10k records (docs/benchmarks.md). The cache grows only
        # as pages are read; memory-mapped reads skip a system call per page.
        cursor.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")

    def match(self, text: TextMatch) -> MatchSql:
        if not text:
            return MatchSql(from_sql="search_entry e", where_sql="1 = 1")
        parts = [word.fts5() for word in text.words]
        parts += [f"title : {word.fts5()}" for word in text.title_words]
        parts += [f"codes : {word.fts5()}" for word in text.code_words]
        # CROSS JOIN keeps FTS5 as the outer loop, so ORDER BY rowid DESC LIMIT n walks only n matches.
        return MatchSql(
            from_sql="search_fts CROSS JOIN search_entry e ON e.id = search_fts.rowid",
            where_sql="search_fts MATCH %s",
            params=[" AND ".join(parts)],
            newest_first="search_fts.rowid DESC",
        )

    def relevance(self, text: TextMatch) -> tuple[str, list[Any]]:
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        # bm25 is negative: the smaller, the better.
        return f"bm25(search_fts, {weights}) ASC, search_fts.rowid DESC", []
