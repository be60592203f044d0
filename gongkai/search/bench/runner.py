"""One benchmark run against the database in use: grow the corpus size by size, index, measure.

For each size: bulk-create the published items (not timed: that is publication, not search), index
them with the indexing module's own insert in batches and optimise (timed: ingest), measure the
index on disk, time the query set through ``service.search`` (warm-up pass, then the portal's
default relevance page and the newest-first page), check recall against the substring truth, and
time the baselines on the same data. Results are plain dicts, written as JSON by the command.

Recall, measured honestly on a capped result (the service never counts past TOTAL_CAP):
* page recall: for every query, the newest-first page 1 and one page in the middle of the pages a
  user can reach (up to TOTAL_CAP results) are compared with the same pages of the truth; recall
  is the share of the truth's documents on those pages that our pages hold, summed over queries;
* count recall: over the queries whose truth is at most TOTAL_CAP, Σ min(our total, truth) / Σ truth,
  and how many totals are exact; above the cap our total must say "10,000+";
* precision: the share of the relevance page's hits that are true.
"""

import gc
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from gongkai.organs.models import Organ
from gongkai.policies import document_number, services
from gongkai.policies.domain import DisclosureAttribute, Status
from gongkai.policies.models import InformationItem, Topic
from gongkai.search import backends, indexing, outbox, service, sources, store
from gongkai.search.bench import baselines, corpus, truth
from gongkai.search.bench.queries import BenchQuery, query_set
from gongkai.search.query import MAX_PAGE, TOTAL_CAP, SearchQuery, Sort

CREATE_BATCH = 2_000
INDEX_BATCH = indexing.BATCH_SIZE
COMMIT_EVERY = 10_000  # documents per transaction while indexing: bounds the SQLite WAL
PAGE_SIZE = 20


@dataclass
class Options:
    seed: int = 1
    sizes: Sequence[int] = (10_000,)
    baselines: frozenset[str] = frozenset({"icontains", "ts_rank", "tantivy"})
    # How many queries each baseline runs at a size: None = all. icontains scans everything.
    samples: Callable[[str, int], int | None] = field(default=lambda name, size: default_sample(name, size))
    var_dir: Path = Path("var/bench")
    # Processes that analyse text while this one writes, as rebuild_search_index runs by default.
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    log: Callable[[str], None] = print
    # Called with a size's result after our figures and again after each baseline (the same dict,
    # growing), so a run stopped during a long baseline still keeps what it measured.
    on_result: Callable[[dict[str, Any]], None] = lambda result: None


def default_sample(name: str, size: int) -> int | None:
    if name == "icontains":
        return None if size <= 10_000 else 50 if size <= 100_000 else 20
    if name == "ts_rank":
        return None if size <= 100_000 else 50
    return None


def sample_positions(total: int, wanted: int | None) -> list[int]:
    """Evenly spread positions, so a sample keeps the mix of query families."""
    if wanted is None or wanted >= total:
        return list(range(total))
    return sorted({round(index * total / wanted) for index in range(wanted)})


class _Library:
    """The organs, topics and items of the corpus in the database, and each document's item id."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        services.ensure_topics()
        names = [organ.name for organ in corpus.organs()]
        existing = {organ.name: organ.pk for organ in Organ.objects.filter(name__in=names)}
        new = [
            Organ(
                name=spec.name,
                short_name=spec.short_name,
                slug=f"bench-{position}",
                kind=spec.kind,
                level=spec.level,
                credit_code=f"11140900BENCH{position:05d}",
                division_code="140900",
                sort_order=position,
            )
            for position, spec in enumerate(corpus.organs())
            if spec.name not in existing
        ]
        Organ.objects.bulk_create(new)
        by_name = {organ.name: organ.pk for organ in Organ.objects.filter(name__in=names)}
        self.organ_ids = [by_name[name] for name in names]
        self.topic_ids = {
            (topic.parent.name if topic.parent else topic.name, topic.name if topic.parent else ""): topic.pk
            for topic in Topic.objects.select_related("parent")
        }
        self.item_ids: list[int] = []

    def grow(self, size: int) -> None:
        for start in range(len(self.item_ids), size, CREATE_BATCH):
            items = [
                self._item(document) for document in corpus.documents(self.seed, start, min(start + CREATE_BATCH, size))
            ]
            with transaction.atomic():
                created = InformationItem.objects.bulk_create(items)
            self.item_ids += [item.pk for item in created]
        if connection.vendor == "postgresql":
            # Autovacuum would, but may be off (it is on the benchmark machine): with the statistics
            # of an empty table PostgreSQL reads the 20 hits by walking the (status, attribute)
            # index over every published item, 270 ms at 364k items, instead of 20 key lookups.
            # (On SQLite the index's optimise analyses the whole database.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE policies_informationitem")

    def _item(self, document: corpus.Document) -> InformationItem:
        number = document.document_number
        return InformationItem(
            organ_id=self.organ_ids[document.organ],
            index_number=document.index_number,
            title=document.title,
            document_number=number,
            document_number_key=document_number.search_key(number) if number else "",
            written_on=document.written_on,
            formed_on=document.written_on,
            published_on=document.published_on,
            topic_id=self.topic_ids[document.topic],
            kind=document.kind,
            declared_validity=document.declared_validity,
            expires_on=document.expires_on,
            keywords=document.keywords,
            # Search reads body_text; the HTML body is left empty to halve the disk a 1M run needs.
            body="",
            body_text=document.body,
            attribute=DisclosureAttribute.PROACTIVE,
            status=Status.PUBLISHED,
            content_hash="bench",
        )


def _ingest(item_ids: Sequence[int], workers: int) -> None:
    """Index these items as ``indexing.rebuild`` does (batches, analysis in worker processes), then optimise.

    An index file beside PostgreSQL is then marked built, so every search also asks the outbox
    what waits, as it does in production.
    """
    source = sources.get(sources.ITEMS)
    horizon = outbox.snapshot_horizon() if store.sidecar() else None
    for start in range(0, len(item_ids), COMMIT_EVERY):
        with store.atomic():
            indexing.index_records(
                source, item_ids[start : start + COMMIT_EVERY], workers=workers, batch_size=INDEX_BATCH
            )
    with store.atomic(), store.connection().cursor() as cursor:
        backends.current().optimise(cursor)
        if horizon is not None:
            outbox.mark_built(horizon)


def backend_label() -> str:
    """The backend as the report names it: the database, and where the index lives if apart."""
    return f"{connection.vendor}+file" if store.sidecar() else connection.vendor


def _sqlite_bytes(cursor: Any, table_pattern: str) -> int:
    cursor.execute("SELECT name FROM sqlite_master WHERE tbl_name LIKE %s", [table_pattern])
    total = 0
    for name in [row[0] for row in cursor.fetchall()]:
        cursor.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = %s", [name])
        total += int(cursor.fetchone()[0])
    return total


def index_bytes() -> dict[str, int]:
    """On-disk bytes of the search index (entries and full text) and, for scale, of the items table."""
    sizes: dict[str, int] = {}
    index_database = store.connection()
    with index_database.cursor() as cursor:
        if index_database.vendor == "sqlite":
            sizes["index"] = _sqlite_bytes(cursor, "search_%")
        else:
            cursor.execute("SELECT pg_total_relation_size('search_entry'), pg_relation_size('search_entry_tokens')")
            sizes["index"], sizes["gin"] = (int(value) for value in cursor.fetchone())
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            sizes["items"] = _sqlite_bytes(cursor, "policies_informationitem")
        else:
            cursor.execute("SELECT pg_total_relation_size('policies_informationitem')")
            sizes["items"] = int(cursor.fetchone()[0])
    return sizes


def _search_query(query: BenchQuery, library: _Library, sort: Sort, page: int = 1, facets: bool = True) -> SearchQuery:
    organ_ids = (library.organ_ids[[o.name for o in corpus.organs()].index(query.organ)],) if query.organ else ()
    return SearchQuery(
        text=query.text,
        document_number=query.document_number,
        organ_ids=organ_ids,
        years=(query.year,) if query.year else (),
        kinds=(query.kind,) if query.kind else (),
        sort=sort,
        page=page,
        page_size=PAGE_SIZE,
        with_facets=facets,
    )


def _time_ours(queries: Sequence[BenchQuery], library: _Library, sort: Sort) -> list[float]:
    timings = []
    for query in queries:
        started = time.perf_counter()
        service.search(_search_query(query, library, sort))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _recall(
    queries: Sequence[BenchQuery], library: _Library, truths: Sequence[truth.QueryTruth], worker: Any
) -> dict[str, Any]:
    index_of = {pk: index for index, pk in enumerate(library.item_ids)}
    page_true = page_found = 0
    count_true = count_found = exact_counts = under_cap = over_cap_flagged = over_cap = 0
    relevance_hits: list[tuple[int, list[int]]] = []
    misses: list[str] = []
    for position, (query, expected) in enumerate(zip(queries, truths, strict=True)):
        result = service.search(_search_query(query, library, Sort.NEWEST, facets=False))
        pages = [(result, expected.newest)]
        if expected.deep_page > 1:
            deep = service.search(_search_query(query, library, Sort.NEWEST, page=expected.deep_page, facets=False))
            pages.append((deep, expected.deep))
        for shown, wanted in pages:
            got = {index_of.get(hit.object_id, -1) for hit in shown.hits}
            page_true += len(wanted)
            page_found += sum(1 for index in wanted if index in got)
        if expected.count <= TOTAL_CAP:
            under_cap += 1
            count_true += expected.count
            count_found += min(result.total, expected.count)
            exact_counts += result.total == expected.count
            if result.total != expected.count:
                misses.append(f"{query.describe()}: {result.total} of {expected.count}")
        else:
            over_cap += 1
            over_cap_flagged += not result.total_exact
        relevance = service.search(_search_query(query, library, Sort.RELEVANCE, facets=False))
        relevance_hits.append((position, [index_of.get(hit.object_id, -1) for hit in relevance.hits]))
    worker.send(("contains", relevance_hits))
    true_hits = sum(worker.recv())
    shown_hits = sum(len(indexes) for _position, indexes in relevance_hits)
    return {
        "page_recall": page_found / page_true if page_true else 1.0,
        "page_documents": page_true,
        "count_recall": count_found / count_true if count_true else 1.0,
        "exact_counts": exact_counts,
        "queries_under_cap": under_cap,
        "queries_over_cap": over_cap,
        "over_cap_flagged": over_cap_flagged,
        "precision": true_hits / shown_hits if shown_hits else 1.0,
        "count_misses": misses[:20],
    }


def _baseline_query(query: BenchQuery, library: _Library) -> baselines.BaselineQuery:
    organ = library.organ_ids[[o.name for o in corpus.organs()].index(query.organ)] if query.organ else None
    return baselines.BaselineQuery(query.text, organ, query.year, query.kind, query.document_number)


def _run_baseline(
    name: str,
    search: Callable[[baselines.BaselineQuery], int],
    queries: Sequence[BenchQuery],
    truths: Sequence[truth.QueryTruth],
    library: _Library,
    positions: list[int],
    *,
    warm_up: int = 5,
) -> dict[str, Any]:
    # A few queries warm the structures; a baseline fast enough for it gets a whole pass, as ours does.
    for position in positions[:warm_up]:
        search(_baseline_query(queries[position], library))
    timings, counts = [], []
    for position in positions:
        elapsed, found = baselines.timed(search, _baseline_query(queries[position], library))
        timings.append(elapsed)
        counts.append(found)
    wanted = sum(truths[position].count for position in positions)
    found_true = sum(min(found, truths[position].count) for found, position in zip(counts, positions, strict=True))
    return {
        "name": name,
        "positions": positions,
        "ms": timings,
        "counts": counts,
        "count_recall": found_true / wanted if wanted else 1.0,
    }


def run(options: Options) -> list[dict[str, Any]]:
    queries = query_set(options.seed)
    library = _Library(options.seed)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    worker = context.Process(target=truth.serve, args=(theirs, options.seed, queries), daemon=True)
    worker.start()
    tantivy_index = baselines.Tantivy(options.var_dir / f"tantivy-{backend_label().replace('+', '-')}")
    ts_rank = baselines.TsRank()
    results: list[dict[str, Any]] = []
    try:
        for size in sorted(options.sizes):
            results.append(_one_size(options, size, queries, library, ours, tantivy_index, ts_rank))
    finally:
        ours.send(("stop", None))
        worker.join(timeout=30)
    return results


def _one_size(
    options: Options,
    size: int,
    queries: Sequence[BenchQuery],
    library: _Library,
    worker: Any,
    tantivy_index: baselines.Tantivy,
    ts_rank: baselines.TsRank,
) -> dict[str, Any]:
    log = options.log
    vendor = backend_label()
    first_pk = library.item_ids[-1] if library.item_ids else 0
    indexed_before = len(library.item_ids)
    worker.send(("grow", size))
    started = time.perf_counter()
    library.grow(size)
    log(f"[{vendor} {size:,}] items created in {time.perf_counter() - started:.0f} s; waiting for the truth scan")
    worker.recv()
    worker.send(("answer", (PAGE_SIZE, min(TOTAL_CAP, MAX_PAGE * PAGE_SIZE))))
    truths: list[truth.QueryTruth] = worker.recv()
    started = time.perf_counter()
    _ingest(library.item_ids[indexed_before:], options.workers)
    ingest_seconds = time.perf_counter() - started
    added = size - indexed_before
    log(f"[{vendor} {size:,}] indexed {added:,} documents in {ingest_seconds:.0f} s ({added / ingest_seconds:,.0f}/s)")
    sizes = index_bytes()
    _time_ours(queries, library, Sort.RELEVANCE)  # warm-up pass
    gc.freeze()  # as config/wsgi.py does in every server worker
    # Other work on the machine skews every figure: the 1-minute load average is kept with them.
    load_before = os.getloadavg()[0]
    relevance = _time_ours(queries, library, Sort.RELEVANCE)
    newest = _time_ours(queries, library, Sort.NEWEST)
    load_after = os.getloadavg()[0]
    log(f"[{vendor} {size:,}] query set timed; checking recall")
    recall = _recall(queries, library, truths, worker)
    result: dict[str, Any] = {
        "backend": vendor,
        "size": size,
        "seed": options.seed,
        "queries": [query.describe() for query in queries],
        "truth_counts": [expected.count for expected in truths],
        "ingest": {"documents": added, "seconds": ingest_seconds},
        "bytes": sizes,
        "ours": {"relevance": relevance, "newest": newest},
        "recall": recall,
        "load_average": [load_before, load_after],
        "baselines": {},
    }
    options.on_result(result)
    every = list(range(len(queries)))
    if "icontains" in options.baselines:
        positions = sample_positions(len(queries), options.samples("icontains", size))
        result["baselines"]["icontains"] = _run_baseline(
            "icontains", baselines.icontains, queries, truths, library, positions
        )
        log(f"[{vendor} {size:,}] icontains done")
        options.on_result(result)
    if "ts_rank" in options.baselines and connection.vendor == "postgresql":
        if indexed_before == 0:
            ts_rank.reset()
        build = ts_rank.build(first_pk)
        positions = sample_positions(len(queries), options.samples("ts_rank", size))
        figures = _run_baseline("ts_rank", ts_rank.search, queries, truths, library, positions)
        figures["build"] = {"documents": build.documents, "seconds": build.seconds, "bytes": build.bytes_on_disk}
        result["baselines"]["ts_rank"] = figures
        log(f"[{vendor} {size:,}] ts_rank done")
        options.on_result(result)
    if "tantivy" in options.baselines:
        if indexed_before == 0:
            tantivy_index.reset()
        build = tantivy_index.build(first_pk)
        figures = _run_baseline("tantivy", tantivy_index.search, queries, truths, library, every, warm_up=len(every))
        figures["build"] = {"documents": build.documents, "seconds": build.seconds, "bytes": build.bytes_on_disk}
        result["baselines"]["tantivy"] = figures
        log(f"[{vendor} {size:,}] tantivy done")
    result["finished"] = date.today().isoformat()  # noqa: DTZ011 (a label for the record)
    options.on_result(result)
    return result
