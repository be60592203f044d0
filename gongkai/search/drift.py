"""The drift check: does the index hold exactly what the public may see, as it is now?

Where the index is a file of its own (``store``), the check first applies what waits in the
outbox: changes on their way are lag, not drift. What it then reports are edits that bypassed the
services' hooks, which ``rebuild_search_index`` repairs.
"""

from dataclasses import dataclass, field

from gongkai.organs import selectors as organ_selectors
from gongkai.search import backends, index_file, indexing, sources, store
from gongkai.search.documents import sort_key
from gongkai.search.models import SearchEntry


@dataclass
class Drift:
    """Records public but not indexed, indexed but changed since, and indexed but no longer public."""

    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    checked: int = 0

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.extra)


def check(batch_size: int = indexing.BATCH_SIZE) -> Drift:
    """Compare the index with every source's public selector and the organs' names.

    Read-only, but for applying the outbox to an index file first.
    """
    if store.sidecar():
        index_file.drain()
    drift = Drift()
    entries = {
        (source, object_id): (entry_id, fingerprint)
        for entry_id, source, object_id, fingerprint in SearchEntry.objects.values_list(
            "id", "source", "object_id", "text__fingerprint"
        )
    }
    with store.connection().cursor() as cursor:
        indexed_ids = backends.current().indexed_ids(cursor)
    seen: set[tuple[str, int]] = set()
    for source in sources.all_sources():
        for batch in indexing.public_batches(source, indexing.public_ids(source), batch_size):
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
    # Rows whose organ mentions no longer match the organs' names (one renamed by a direct edit).
    records = {entry_id: f"{name}:{object_id}" for (name, object_id), (entry_id, _fp) in entries.items()}
    names = organ_selectors.names_by_id()
    with store.connection().cursor() as cursor:
        differing = indexing.sync_mentions(
            cursor, backends.current(), [organ_id for organ_id, _ in names], names, write=False
        )
    already = set(drift.stale)
    drift.stale += [records[entry_id] for entry_id in differing if records[entry_id] not in already]
    drift.extra = [f"{name}:{object_id}" for name, object_id in entries if (name, object_id) not in seen]
    entry_ids = {entry_id for entry_id, _fingerprint in entries.values()}
    drift.extra += [f"index-row:{row_id}" for row_id in sorted(indexed_ids - entry_ids)]
    return drift
