"""Keeping the index in step with what the public may see: refresh, rebuild, and the drift check.

``refresh`` is called by the services that publish, withdraw or change public records, inside their
transaction: the entry and the full-text row commit or roll back with the change itself, so a
published record is never missing from search and a withdrawn one is never found. Whether a record
belongs in the index is asked of its source's public selector, never decided here.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction

from gongkai.search import backends, sources
from gongkai.search.documents import AnalysedText, IndexDocument, analyse, sort_key
from gongkai.search.models import SearchEntry
from gongkai.search.sources import IndexableSource

BATCH_SIZE = 500


def _stored_text(entry: SearchEntry) -> AnalysedText:
    return AnalysedText(entry.title_text, entry.code_text, entry.tag_text, entry.body_text)


def _insert(source: IndexableSource, document: IndexDocument) -> SearchEntry:
    text = analyse(document)
    entry = SearchEntry.objects.create(
        id=sort_key(document.published_on, source.code, document.object_id),
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
        title_text=text.title,
        code_text=text.codes,
        tag_text=text.tags,
        body_text=text.body,
        fingerprint=document.fingerprint(),
    )
    with connection.cursor() as cursor:
        backends.current().add(cursor, entry.id, text)
    return entry


def _delete(entry: SearchEntry) -> None:
    with connection.cursor() as cursor:
        backends.current().remove(cursor, entry.id, _stored_text(entry))
    entry.delete()


@transaction.atomic
def refresh(source_name: str, object_ids: Iterable[int]) -> None:
    """Bring these records' entries in line with the source's public selector: add, replace or remove."""
    source = sources.get(source_name)
    ids = sorted(set(object_ids))
    if not ids:
        return
    public = {obj.pk: obj for obj in source.public_objects().filter(pk__in=ids)}
    entries = {entry.object_id: entry for entry in SearchEntry.objects.filter(source=source.name, object_id__in=ids)}
    for object_id in ids:
        entry = entries.get(object_id)
        obj = public.get(object_id)
        if obj is None:
            if entry is not None:
                _delete(entry)
            continue
        document = source.document(obj)
        if entry is not None:
            unchanged = entry.fingerprint == document.fingerprint() and entry.id == sort_key(
                document.published_on, source.code, object_id
            )
            if unchanged:
                continue
            _delete(entry)
        _insert(source, document)


def refresh_items(item_ids: Iterable[int]) -> None:
    """The hook for policies.services: call inside the transaction that changed the items."""
    refresh(sources.ITEMS, item_ids)


@transaction.atomic
def refresh_organ(organ_id: int) -> None:
    """An organ was renamed, deactivated or reactivated: its records' names and visibility follow."""
    for source in sources.all_sources():
        indexed = SearchEntry.objects.filter(source=source.name, organ_id=organ_id).values_list("object_id", flat=True)
        public = source.public_objects().filter(**{f"{source.organ_field}_id": organ_id}).values_list("pk", flat=True)
        refresh(source.name, {*indexed, *public})


def _batches(source: IndexableSource, batch_size: int) -> Iterator[list[Any]]:
    # Keyset pagination by primary key: stable while publication goes on, and no OFFSET scans.
    last = 0
    while True:
        batch = list(source.public_objects().filter(pk__gt=last).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


@transaction.atomic
def rebuild(batch_size: int = BATCH_SIZE) -> int:
    """Empty the index and fill it from every source's public selector, in one transaction.

    Readers keep seeing the old index until the commit (WAL on SQLite, MVCC on PostgreSQL).
    """
    backend = backends.current()
    with connection.cursor() as cursor:
        backend.clear(cursor)
    SearchEntry.objects.all().delete()
    count = 0
    for source in sources.all_sources():
        for batch in _batches(source, batch_size):
            for obj in batch:
                _insert(source, source.document(obj))
                count += 1
    with connection.cursor() as cursor:
        backend.optimise(cursor)
    return count


@dataclass
class Drift:
    """Records public but not indexed, indexed but changed since, and indexed but no longer public."""

    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    checked: int = 0

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.extra)


def check(batch_size: int = BATCH_SIZE) -> Drift:
    """Compare the index with every source's public selector; read-only."""
    drift = Drift()
    entries = {
        (source, object_id): (entry_id, fingerprint)
        for entry_id, source, object_id, fingerprint in SearchEntry.objects.values_list(
            "id", "source", "object_id", "fingerprint"
        )
    }
    with connection.cursor() as cursor:
        indexed_ids = backends.current().indexed_ids(cursor)
    seen: set[tuple[str, int]] = set()
    for source in sources.all_sources():
        for batch in _batches(source, batch_size):
            for obj in batch:
                document = source.document(obj)
                key = (source.name, obj.pk)
                seen.add(key)
                drift.checked += 1
                found = entries.get(key)
                if found is None:
                    drift.missing.append(f"{source.name}:{obj.pk}")
                    continue
                expected_id = sort_key(document.published_on, source.code, obj.pk)
                entry_id, fingerprint = found
                if (entry_id, fingerprint) != (expected_id, document.fingerprint()) or entry_id not in indexed_ids:
                    drift.stale.append(f"{source.name}:{obj.pk}")
    drift.extra = [f"{name}:{object_id}" for name, object_id in entries if (name, object_id) not in seen]
    entry_ids = {entry_id for entry_id, _fingerprint in entries.values()}
    drift.extra += [f"index-row:{row_id}" for row_id in sorted(indexed_ids - entry_ids)]
    return drift
