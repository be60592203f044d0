"""Keeping the index in step with what the public may see: the hooks, their application, and rebuild.

``refresh`` is called by the services that publish, withdraw or change public records, inside their
transaction: the entry and the full-text row commit or roll back with the change itself, so a
published record is never missing from search and a withdrawn one is never found. Where the index
is a file of its own (``store``), the hooks write the change to the outbox in that transaction
instead, and ``index_file`` applies it with the ``apply_*`` functions. Whether a record
belongs in the index is asked of its source's public selector, never decided here.

Records are written in batches (one multi-row insert per table), and a rebuild may analyse the text
in worker processes while the main process writes: analysis is pure Python, about 1 ms per
3,000-character body, as much as the full-text insert itself.
"""

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from django.db.backends.utils import CursorWrapper

from gongkai.organs import selectors as organ_selectors
from gongkai.search import backends, expressions, mentions, outbox, sources, store
from gongkai.search.backends import Backend, IndexRow, Narrowing, TextMatch
from gongkai.search.backends.base import placeholders
from gongkai.search.documents import AnalysedText, IndexDocument, analyse, filter_tokens, sort_key
from gongkai.search.models import OutboxKind, SearchEntry, SearchText
from gongkai.search.sources import IndexableSource

BATCH_SIZE = 500


@dataclass(frozen=True)
class Prepared:
    """What analysis makes of one document: the stored text, the backend's tokens and the fingerprint."""

    text: AnalysedText
    tokens: Any
    fingerprint: str


def prepare(vendor: str, documents: Sequence[IndexDocument], organ_names: mentions.Names) -> list[Prepared]:
    """Analyse documents for the backend of ``vendor``. Pure: runs in worker processes too."""
    backend = backends.by_vendor(vendor)
    prepared = []
    for document in documents:
        text = analyse(document, organ_names)
        prepared.append(Prepared(text, backend.tokens(text), document.fingerprint()))
    return prepared


def _filters(source: IndexableSource, document: IndexDocument) -> str:
    return filter_tokens(
        source_code=source.code,
        organ_id=document.organ_id,
        year=document.published_on.year,
        kind=document.kind,
        topic_ids=(document.topic_id, document.topic_parent_id),
    )


def _write(source: IndexableSource, documents: Sequence[IndexDocument], prepared: Sequence[Prepared]) -> None:
    entries: list[SearchEntry] = []
    texts: list[SearchText] = []
    rows: list[IndexRow] = []
    for document, analysed in zip(documents, prepared, strict=True):
        entry_id = sort_key(document.published_on, source.code, document.object_id)
        filters = _filters(source, document)
        entries.append(
            SearchEntry(
                id=entry_id,
                source=source.name,
                object_id=document.object_id,
                organ_id=document.organ_id,
                topic_id=document.topic_id,
                topic_parent_id=document.topic_parent_id,
                kind=document.kind,
                document_number_key=document.document_number_key,
                written_on=document.written_on,
                published_on=document.published_on,
                published_year=document.published_on.year,
                declared_validity=document.declared_validity,
                expires_on=document.expires_on,
                repealed_on=document.repealed_on,
            )
        )
        text = analysed.text
        texts.append(
            SearchText(
                entry_id=entry_id,
                title_text=text.title,
                code_text=text.codes,
                tag_text=text.tags,
                body_text=text.body,
                filter_text=filters,
                mention_text=mentions.to_text(text.mentions),
                fingerprint=analysed.fingerprint,
            )
        )
        rows.append(IndexRow(entry_id, text, filters, analysed.tokens))
    SearchEntry.objects.bulk_create(entries)
    SearchText.objects.bulk_create(texts)
    with store.connection().cursor() as cursor:
        backends.current().add(cursor, rows)


def _delete(entry_ids: Sequence[int]) -> None:
    if not entry_ids:
        return
    backend = backends.current()
    rows = [
        IndexRow(stored.entry_id, _stored_text(stored), stored.filter_text, backend.tokens(_stored_text(stored)))
        for stored in SearchText.objects.filter(entry_id__in=entry_ids)
    ]
    with store.connection().cursor() as cursor:
        backend.remove(cursor, rows)
    SearchText.objects.filter(entry_id__in=entry_ids).delete()
    SearchEntry.objects.filter(id__in=entry_ids).delete()


def _stored_text(stored: SearchText) -> AnalysedText:
    return AnalysedText(
        stored.title_text,
        stored.code_text,
        stored.tag_text,
        stored.body_text,
        mentions.from_text(stored.mention_text),
    )


def refresh(source_name: str, object_ids: Iterable[int]) -> None:
    """The hook: these records changed. Call inside the transaction that changed them."""
    if store.sidecar():
        outbox.enqueue(OutboxKind.RECORD, source_name, object_ids)
    else:
        apply_refresh(source_name, object_ids)


def apply_refresh(source_name: str, object_ids: Iterable[int]) -> None:
    """Bring these records' entries in line with the source's public selector: add, replace or remove."""
    source = sources.get(source_name)
    ids = sorted(set(object_ids))
    if ids:
        with store.atomic():
            _refresh(source, ids)


def _refresh(source: IndexableSource, ids: list[int]) -> None:
    public = {obj.pk: obj for obj in source.public_objects().filter(pk__in=ids)}
    indexed = {
        object_id: (entry_id, fingerprint)
        for object_id, entry_id, fingerprint in SearchEntry.objects.filter(
            source=source.name, object_id__in=ids
        ).values_list("object_id", "id", "text__fingerprint")
    }
    stale: list[int] = []
    documents: list[IndexDocument] = []
    for object_id in ids:
        found = indexed.get(object_id)
        obj = public.get(object_id)
        document = source.document(obj) if obj is not None else None
        if found is not None:
            if document is not None and found == (
                sort_key(document.published_on, source.code, object_id),
                document.fingerprint(),
            ):
                continue
            stale.append(found[0])
        if document is not None:
            documents.append(document)
    _delete(stale)
    if documents:
        _write(source, documents, prepare(store.connection().vendor, documents, organ_selectors.names_by_id()))


def refresh_items(item_ids: Iterable[int]) -> None:
    """The hook for policies.services: call inside the transaction that changed the items."""
    refresh(sources.ITEMS, item_ids)


def refresh_organ(organ_id: int) -> None:
    """The hook: an organ was renamed, deactivated or reactivated. Call inside that transaction."""
    if store.sidecar():
        outbox.enqueue(OutboxKind.ORGAN, "", [organ_id])
    else:
        apply_organ(organ_id)


def apply_organ(organ_id: int) -> None:
    """An organ's records' names and visibility follow the organ."""
    with store.atomic():
        for source in sources.all_sources():
            indexed = SearchEntry.objects.filter(source=source.name, organ_id=organ_id).values_list(
                "object_id", flat=True
            )
            public = (
                source.public_objects().filter(**{f"{source.organ_field}_id": organ_id}).values_list("pk", flat=True)
            )
            if ids := sorted({*indexed, *public}):
                _refresh(source, ids)


# --- Organ mentions ----------------------------------------------------------------------------
# Which records name an organ in full depends on the organs' names (``mentions``), not only on
# the record. These functions read and write search_text with plain SQL, so the migration that
# introduced mentions fills them with the same code.


def _naming(cursor: CursorWrapper, backend: Backend, name: str) -> set[int]:
    """Entries whose text holds the name, matched as a phrase (not by its mention token)."""
    phrase = expressions.phrase_of(name)
    if phrase is None:
        return set()
    match = backend.match(cursor, TextMatch(words=(expressions.Word(name, (phrase,)),)), Narrowing())
    cursor.execute(f"SELECT e.id FROM {match.from_sql} WHERE {match.where_sql}", match.params)  # noqa: S608
    return {row[0] for row in cursor.fetchall()}


def _mention_candidates(
    cursor: CursorWrapper, backend: Backend, organ_ids: Iterable[int], names: mentions.Names
) -> list[int]:
    """Entries whose mentions of these organs may be out of date: tagged but not naming, or naming but not tagged.

    Where the two agree the mention is right, so only the difference is checked in the stored
    text (the phrase match may over-match across runs on SQLite, which that check settles).
    """
    by_id = dict(names)
    candidates: set[int] = set()
    for organ_id in organ_ids:
        name = by_id.get(organ_id)
        candidates |= backend.mentioning(cursor, organ_id) ^ (_naming(cursor, backend, name) if name else set())
    return sorted(candidates)


def sync_mentions(
    cursor: CursorWrapper, backend: Backend, organ_ids: Iterable[int], names: mentions.Names, *, write: bool = True
) -> list[int]:
    """Bring the stored mentions of these organs in line with ``names``; returns the entries that differed.

    ``write=False`` only reports them (the drift check).
    """
    differing: list[int] = []
    candidates = _mention_candidates(cursor, backend, organ_ids, names)
    for start in range(0, len(candidates), BATCH_SIZE):
        chunk = candidates[start : start + BATCH_SIZE]
        cursor.execute(
            "SELECT id, title_text, code_text, tag_text, body_text, filter_text, mention_text "  # noqa: S608
            f"FROM search_text WHERE id IN ({placeholders(chunk)})",
            chunk,
        )
        old_rows: list[IndexRow] = []
        new_rows: list[IndexRow] = []
        for entry_id, title, codes, tags, body, filters, stored in cursor.fetchall():
            old = AnalysedText(title, codes, tags, body, mentions.from_text(stored))
            new = replace(old, mentions=mentions.find(names, old.columns()))
            if new.mentions != old.mentions:
                differing.append(entry_id)
                old_rows.append(IndexRow(entry_id, old, filters, backend.tokens(old)))
                new_rows.append(IndexRow(entry_id, new, filters, backend.tokens(new)))
        if write and new_rows:
            backend.remove(cursor, old_rows)
            backend.add(cursor, new_rows)
            cursor.executemany(
                "UPDATE search_text SET mention_text = %s WHERE id = %s",
                [(mentions.to_text(row.text.mentions), row.entry_id) for row in new_rows],
            )
    return differing


def refresh_mentions(organ_ids: Iterable[int]) -> None:
    """The hook: these organs were created or renamed. Call inside that transaction."""
    if store.sidecar():
        outbox.enqueue(OutboxKind.MENTIONS, "", organ_ids)
    else:
        apply_mentions(organ_ids)


def apply_mentions(organ_ids: Iterable[int]) -> int:
    """Rewrite the rows of the records that name these organs now or did; returns how many changed."""
    with store.atomic(), store.connection().cursor() as cursor:
        return len(sync_mentions(cursor, backends.current(), organ_ids, organ_selectors.names_by_id()))


def public_batches(source: IndexableSource, ids: Sequence[int], batch_size: int) -> Iterator[list[Any]]:
    """The public records among ``ids``, batch by batch, in id order.

    Batches name their ids: a keyset batch (``pk > last ORDER BY pk LIMIT n``) made SQLite walk and
    sort every public item once per batch, which is quadratic (30 records/s at a million).
    """
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        yield list(source.public_objects().filter(pk__in=chunk).order_by("pk"))


def public_ids(source: IndexableSource) -> list[int]:
    return list(source.public_objects().order_by("pk").values_list("pk", flat=True))


def _analysed(
    source: IndexableSource, batches: Iterator[list[Any]], workers: int
) -> Iterator[tuple[list[IndexDocument], list[Prepared]]]:
    """Each batch's documents with their analysis; with workers, analysed ahead in other processes.

    Records are read in this process only (its database connection and transaction); the workers
    receive plain documents and return plain results.
    """
    vendor = store.connection().vendor
    names = organ_selectors.names_by_id()
    if workers <= 0:
        for batch in batches:
            documents = [source.document(obj) for obj in batch]
            yield documents, prepare(vendor, documents, names)
        return
    # fork: the workers need the loaded code, not the settings or a connection; they only analyse.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        pending: deque[tuple[list[IndexDocument], Future[list[Prepared]]]] = deque()
        for batch in batches:
            documents = [source.document(obj) for obj in batch]
            pending.append((documents, pool.submit(prepare, vendor, documents, names)))
            if len(pending) > 2 * workers:
                done_documents, future = pending.popleft()
                yield done_documents, future.result()
        while pending:
            done_documents, future = pending.popleft()
            yield done_documents, future.result()


def index_records(
    source: IndexableSource, ids: Sequence[int], *, workers: int = 0, batch_size: int = BATCH_SIZE
) -> int:
    """Add the public records among ``ids``, none of them indexed yet; returns how many were added.

    The caller owns the transaction (a rebuild commits once; a bulk load may commit every so many).
    """
    count = 0
    for documents, prepared in _analysed(source, public_batches(source, ids, batch_size), workers):
        _write(source, documents, prepared)
        count += len(documents)
    return count


def rebuild(batch_size: int = BATCH_SIZE, workers: int = 0) -> int:
    """Empty the index and fill it from every source's public selector, in one transaction.

    Readers keep seeing the old index until the commit (WAL on SQLite, MVCC on PostgreSQL). An
    index file then holds every outbox change below the horizon taken before the first read.
    """
    horizon = outbox.snapshot_horizon() if store.sidecar() else None
    backend = backends.current()
    with store.atomic():
        with store.connection().cursor() as cursor:
            backend.clear(cursor)
        SearchText.objects.all().delete()
        SearchEntry.objects.all().delete()
        count = 0
        for source in sources.all_sources():
            count += index_records(source, public_ids(source), workers=workers, batch_size=batch_size)
        with store.connection().cursor() as cursor:
            backend.optimise(cursor)
        if horizon is not None:
            outbox.mark_built(horizon)
    return count
