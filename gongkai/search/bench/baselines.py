"""The baselines our search is compared with, each built the way a straightforward implementation would be.

* ``icontains``: Django ``icontains`` (``LIKE '%w%'``) on the items table through ``public_items``,
  newest first, top 20 and ``count()``; every typed word must occur in the title, 文号, keywords or
  body. No index can serve it.
* ``ts_rank`` (PostgreSQL only): a tsvector of rjieba-segmented text under the 'simple'
  configuration with a GIN index; the query is ``plainto_tsquery`` of the segmented words, the page
  ``ORDER BY ts_rank`` over the whole match set, and the total a full ``count(*)``.
* ``tantivy`` (PyPI ``tantivy``): rjieba tokens through the whitespace tokenizer, a word of several
  tokens as a phrase, title boosted 3×, top 20 with count, snippets of the 20 hits, and facet counts
  (organ and year terms aggregations) over the whole match set.

Each returns the number of matches it reports, so its recall against the substring truth is printed too.
"""

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import rjieba
import tantivy
from django.db import connection, transaction
from django.db.models import Q, QuerySet

from gongkai.policies.models import InformationItem
from gongkai.policies.selectors import public_items
from gongkai.search import analysis

BATCH = 2_000


@dataclass(frozen=True)
class BaselineQuery:
    text: str
    organ_id: int | None
    year: int | None
    kind: str
    document_number: str


@dataclass(frozen=True)
class BuildFigures:
    seconds: float
    documents: int
    bytes_on_disk: int


_SEGMENTER = rjieba.Jieba()


def segment(text: str) -> list[str]:
    """jieba-style words of normalised text, punctuation dropped (what a naive index stores)."""
    # jieba cuts punctuation and spaces into tokens of their own; isalnum drops them (CJK counts as alnum).
    return [word for word in _SEGMENTER.cut(analysis.normalize(text), False) if word.isalnum()]


def _items_after(last_pk: int) -> Iterator[list[tuple[int, str, str, str, str, int, date, str]]]:
    while True:
        rows = list(
            InformationItem.objects.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", "title", "document_number", "keywords", "body_text", "organ_id", "published_on", "kind")[
                :BATCH
            ]
        )
        if not rows:
            return
        yield [
            (pk, title, number, keywords, body, organ, published or date.min, kind)
            for (pk, title, number, keywords, body, organ, published, kind) in rows
        ]
        last_pk = rows[-1][0]


# --- icontains -----------------------------------------------------------------------------------


def icontains(query: BaselineQuery) -> int:
    items: QuerySet[InformationItem] = public_items()
    for word in query.text.split():
        items = items.filter(
            Q(title__icontains=word)
            | Q(document_number__icontains=word)
            | Q(keywords__icontains=word)
            | Q(body_text__icontains=word)
        )
    if query.document_number:
        items = items.filter(document_number__icontains=query.document_number)
    if query.organ_id is not None:
        items = items.filter(organ_id=query.organ_id)
    if query.year is not None:
        items = items.filter(published_on__year=query.year)
    if query.kind:
        items = items.filter(kind=query.kind)
    list(items[:20])
    return items.count()


# --- PostgreSQL ts_rank --------------------------------------------------------------------------


class TsRank:
    table = "bench_tsrank"

    def reset(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.table}")
            cursor.execute(f"CREATE TABLE {self.table} (item_id bigint PRIMARY KEY, tsv tsvector NOT NULL)")

    def build(self, last_pk: int) -> BuildFigures:
        """Add the items after ``last_pk``; the GIN index is dropped and rebuilt, as a bulk load would."""
        started = time.perf_counter()
        count = 0
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {self.table}_tsv")
            for batch in _items_after(last_pk):
                rows = [
                    (pk, " ".join(segment(f"{title}\n{number}\n{keywords}\n{body}")))
                    for pk, title, number, keywords, body, *_ in batch
                ]
                with transaction.atomic():
                    cursor.executemany(
                        f"INSERT INTO {self.table} (item_id, tsv) VALUES (%s, to_tsvector('simple', %s))",  # noqa: S608
                        rows,
                    )
                count += len(rows)
            cursor.execute(f"CREATE INDEX {self.table}_tsv ON {self.table} USING gin (tsv)")
            cursor.execute(f"ANALYZE {self.table}")
            cursor.execute(f"SELECT pg_total_relation_size('{self.table}')")
            size = int(cursor.fetchone()[0])
        return BuildFigures(time.perf_counter() - started, count, size)

    def search(self, query: BaselineQuery) -> int:
        words = " ".join(token for word in query.text.split() for token in segment(word))
        conditions = ["b.tsv @@ plainto_tsquery('simple', %s)"]
        params: list[Any] = [words]
        if query.organ_id is not None:
            conditions.append("i.organ_id = %s")
            params.append(query.organ_id)
        if query.year is not None:
            conditions.append("extract(year FROM i.published_on) = %s")
            params.append(query.year)
        if query.kind:
            conditions.append("i.kind = %s")
            params.append(query.kind)
        where = " AND ".join(conditions)
        joined = f"{self.table} b JOIN policies_informationitem i ON i.id = b.item_id"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT i.id, i.title, ts_rank(b.tsv, plainto_tsquery('simple', %s)) AS rank FROM {joined} "  # noqa: S608
                f"WHERE {where} ORDER BY rank DESC LIMIT 20",
                [words, *params],
            )
            cursor.fetchall()
            cursor.execute(f"SELECT count(*) FROM {joined} WHERE {where}", params)  # noqa: S608
            return int(cursor.fetchone()[0])


# --- tantivy -------------------------------------------------------------------------------------


class Tantivy:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        builder = tantivy.SchemaBuilder()
        builder.add_unsigned_field("item_id", stored=True, indexed=True, fast=True)
        builder.add_text_field("title", stored=True, tokenizer_name="whitespace")
        builder.add_text_field("body", stored=True, tokenizer_name="whitespace")
        builder.add_unsigned_field("organ", indexed=True, fast=True)
        builder.add_unsigned_field("year", indexed=True, fast=True)
        builder.add_text_field("kind", tokenizer_name="raw")
        self.schema = builder.build()
        self.index: tantivy.Index | None = None

    def reset(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True)
        self.index = tantivy.Index(self.schema, path=str(self.directory))

    def build(self, last_pk: int) -> BuildFigures:
        if self.index is None:
            self.reset()
        assert self.index is not None  # noqa: S101 (narrowing for the type checker)
        started = time.perf_counter()
        writer = self.index.writer(heap_size=400_000_000, num_threads=2)
        count = 0
        for batch in _items_after(last_pk):
            for pk, title, number, keywords, body, organ, published_on, kind in batch:
                document = tantivy.Document()
                document.add_unsigned("item_id", pk)
                document.add_text("title", " ".join(segment(f"{title}\n{number}")))
                document.add_text("body", " ".join(segment(f"{keywords}\n{body}")))
                document.add_unsigned("organ", organ)
                document.add_unsigned("year", published_on.year)
                document.add_text("kind", kind)
                writer.add_document(document)
                count += 1
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        size = sum(path.stat().st_size for path in self.directory.rglob("*") if path.is_file())
        return BuildFigures(time.perf_counter() - started, count, size)

    def _query(self, query: BaselineQuery) -> tantivy.Query:
        must: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for word in [*query.text.split(), *query.document_number.split()]:
            tokens = segment(word)
            if not tokens:
                continue
            fields: list[tantivy.Query] = []
            for field, boost in (("title", 3.0), ("body", 1.0)):
                if len(tokens) == 1:
                    matched = tantivy.Query.term_query(self.schema, field, tokens[0])
                else:
                    matched = tantivy.Query.phrase_query(self.schema, field, list(tokens))
                fields.append(tantivy.Query.boost_query(matched, boost))
            either = tantivy.Query.boolean_query([(tantivy.Occur.Should, field_query) for field_query in fields])
            must.append((tantivy.Occur.Must, either))
        if query.organ_id is not None:
            must.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "organ", query.organ_id)))
        if query.year is not None:
            must.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "year", query.year)))
        if query.kind:
            must.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "kind", query.kind)))
        return tantivy.Query.boolean_query(must) if must else tantivy.Query.all_query()

    def search(self, query: BaselineQuery) -> int:
        assert self.index is not None  # noqa: S101 (narrowing for the type checker)
        searcher = self.index.searcher()
        parsed = self._query(query)
        result = searcher.search(parsed, 20, count=True)
        snippets = tantivy.SnippetGenerator.create(searcher, parsed, self.schema, "body")
        for _score, address in result.hits:
            snippets.snippet_from_doc(searcher.doc(address)).to_html()
        searcher.aggregate(parsed, {"organ": {"terms": {"field": "organ"}}, "year": {"terms": {"field": "year"}}})
        return int(getattr(result, "count", 0) or 0)  # asked for with count=True; the stub omits it


def timed(search: Callable[[BaselineQuery], int], query: BaselineQuery) -> tuple[float, int]:
    started = time.perf_counter()
    found = search(query)
    return (time.perf_counter() - started) * 1000, found
