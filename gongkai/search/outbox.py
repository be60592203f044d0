"""The outbox beside an index file (``store``): what changed, written in the transaction that changed it.

PostgreSQL hands out row ids before commit and commits in any order, so a reader that took "every
id above the last one seen" would skip a row committed late under a lower id. Rows are taken by
the writing transaction instead: every transaction below the snapshot's ``xmin`` has finished,
so once a file has applied every visible row at or above its horizon it may move the horizon to
that ``xmin``. Rows of transactions still running at that moment stay at or above the new
horizon; the file remembers the last row it applied of each such transaction, so a transaction
that stays open (the drain's own, in a test; a long import elsewhere) is not applied again and
again. Applying a change is idempotent anyway: it re-reads the record.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from gongkai.search.models import IndexHorizon, OutboxKind, SearchOutbox

_INSERT: Final = (
    "INSERT INTO search_outbox (transaction_id, kind, source, object_id, created_at) "
    "VALUES (pg_current_xact_id()::text::bigint, %s, %s, %s, %s)"
)
# Rows a search reads to count what waits (``pending``); more means a backlog left to the task.
PENDING_SCAN: Final = 2_000


def retention() -> timedelta:
    """How long rows are kept for hosts that were away; a file older than that must be rebuilt."""
    return timedelta(days=settings.SEARCH_OUTBOX_RETENTION_DAYS)


def enqueue(kind: OutboxKind, source: str, object_ids: Iterable[int]) -> None:
    """Record changes in the caller's transaction; after its commit a task applies them."""
    now = timezone.now()
    rows = [(kind.value, source, object_id, now) for object_id in sorted(set(object_ids))]
    if not rows:
        return
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.executemany(_INSERT, rows)
    _schedule_drain()


def _schedule_drain() -> None:
    # Once per transaction, however many records it changes (a bulk import changes thousands).
    database = connections[DEFAULT_DB_ALIAS]
    if not any(_enqueue_drain_task in pending_callback for pending_callback in database.run_on_commit):
        transaction.on_commit(_enqueue_drain_task)


def _enqueue_drain_task() -> None:
    from gongkai.search import tasks  # the task module imports the drain, which imports this module

    tasks.drain_search_index.enqueue()


@dataclass(frozen=True)
class Change:
    row_id: int
    transaction_id: int
    kind: str
    source: str
    object_id: int


def snapshot_horizon() -> int:
    """Below it, every transaction has finished: its rows are all visible, or gone for good.

    The oldest transaction still running, or this one if it has written and is older (a drain
    inside the writing transaction, as in a test, must come back for that transaction's later rows).
    """
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, "
            "pg_current_xact_id_if_assigned()::text::bigint"
        )
        row = cursor.fetchone()
    assert row is not None  # noqa: S101  (the functions always return a row)
    oldest, own = row
    return int(min(oldest, own) if own is not None else oldest)


def changes_since(horizon: int, applied: Mapping[int, int]) -> list[Change]:
    """The rows at or above a horizon not applied yet (``applied``: transaction → last row id), oldest first."""
    rows = (
        SearchOutbox.objects.using(DEFAULT_DB_ALIAS)
        .filter(transaction_id__gte=horizon)
        .order_by("id")
        .values_list("id", "transaction_id", "kind", "source", "object_id")
    )
    return [Change(*row) for row in rows if row[0] > applied.get(row[1], 0)]


def pending(horizon: int, applied: Mapping[int, int], cap: int) -> int:
    """How many rows at or above a horizon are not applied yet, counted up to ``cap`` + 1.

    Reads at most PENDING_SCAN rows: a transaction that stays open keeps the rows committed since
    it began above the horizon (applied, but still read), and a search must not read them all.
    """
    rows = (
        SearchOutbox.objects.using(DEFAULT_DB_ALIAS)
        .filter(transaction_id__gte=horizon)
        .order_by("id")
        .values_list("id", "transaction_id")[:PENDING_SCAN]
    )
    waiting = [row_id for row_id, transaction_id in rows if row_id > applied.get(transaction_id, 0)]
    return min(len(waiting), cap + 1) if len(rows) < PENDING_SCAN else cap + 1


def horizon() -> IndexHorizon | None:
    """How far this host's index file has read the outbox (None: the file was never built)."""
    return IndexHorizon.objects.filter(pk=1).first()


def applied_of(horizon: IndexHorizon) -> dict[int, int]:
    return {int(transaction_id): int(row_id) for transaction_id, row_id in horizon.applied.items()}


def mark_built(transaction_id: int, applied: Mapping[int, int] | None = None, now: datetime | None = None) -> None:
    """Record that the file holds every change below ``transaction_id``, and of the transactions at
    or above it the rows up to ``applied``; in the transaction that wrote them."""
    kept = {str(key): row_id for key, row_id in (applied or {}).items() if key >= transaction_id}
    IndexHorizon.objects.update_or_create(
        pk=1, defaults={"transaction_id": transaction_id, "applied": kept, "applied_at": now or timezone.now()}
    )


def prune(now: datetime | None = None) -> int:
    """Delete rows older than the retention; returns how many."""
    cutoff = (now or timezone.now()) - retention()
    deleted, _by_model = SearchOutbox.objects.using(DEFAULT_DB_ALIAS).filter(created_at__lt=cutoff).delete()
    return deleted
