"""Applying the outbox to this host's index file (``store``, ``outbox``).

Three callers: the task queued after every transaction that wrote to the outbox, the
``drain_search_index`` command (cron, and hosts the task worker does not run on), and every
search, which first applies what is waiting when that is little, so a record published a moment
ago is found on the next search from any host. A large backlog (a bulk import) is left to the
task: a search then reads the index as it stands, and its hits are still read back through the
public selector, so nothing withdrawn is ever shown.

The file's horizon is written in the same SQLite transaction as the changes it covers; the
transaction begins IMMEDIATE, so two processes on one host drain one after the other.
"""

import logging
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from django.db import OperationalError
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.search import indexing, outbox, store
from gongkai.search.models import IndexHorizon, OutboxKind

# Waiting rows a search applies itself before reading; more are left to the task (a hundred
# records take about half a second to read and index).
CATCH_UP_LIMIT: Final = 100
# How long a search waits for another process's write lock on the file before reading it as it is.
CATCH_UP_WAIT_MS: Final = 200

logger = logging.getLogger(__name__)


class IndexFileError(Exception):
    """The index file cannot be brought up to date from the outbox: it must be rebuilt."""


@dataclass(frozen=True)
class Drained:
    applied: int  # outbox rows applied
    horizon: int


def _current(found: IndexHorizon | None, now: datetime) -> IndexHorizon:
    if found is None:
        raise IndexFileError(_("The search index file has not been built: run rebuild_search_index."))
    if found.applied_at < now - outbox.retention():
        raise IndexFileError(
            _(
                "The search index file was last brought up to date on %(date)s, before the oldest changes kept: run rebuild_search_index."
            )
            % {"date": timezone.localtime(found.applied_at).strftime("%Y-%m-%d %H:%M")}
        )
    return found


def _apply(changes: list[outbox.Change]) -> None:
    records: defaultdict[str, list[int]] = defaultdict(list)
    organs: list[int] = []
    renamed: list[int] = []
    for change in changes:
        if change.kind == OutboxKind.RECORD:
            records[change.source].append(change.object_id)
        elif change.kind == OutboxKind.ORGAN:
            organs.append(change.object_id)
        else:
            renamed.append(change.object_id)
    for organ_id in dict.fromkeys(organs):
        indexing.apply_organ(organ_id)
    for source, object_ids in records.items():
        indexing.apply_refresh(source, object_ids)
    if renamed:
        indexing.apply_mentions(dict.fromkeys(renamed))


def drain(now: datetime | None = None) -> Drained:
    """Apply every change waiting for this file and move its horizon."""
    now = now or timezone.now()
    with store.atomic():
        current = _current(outbox.horizon(), now)
        # Taken before the rows are read: anything committed after it is at or above it.
        next_horizon = max(outbox.snapshot_horizon(), current.transaction_id)
        applied = outbox.applied_of(current)
        changes = outbox.changes_since(current.transaction_id, applied)
        _apply(changes)
        for change in changes:
            applied[change.transaction_id] = max(change.row_id, applied.get(change.transaction_id, 0))
        outbox.mark_built(next_horizon, applied, now)
    return Drained(len(changes), next_horizon)


def catch_up(limit: int = CATCH_UP_LIMIT) -> None:
    """Before a search: apply what is waiting if it is little. A file not built yet is left alone
    (the drift check reports it); its searches find what it holds."""
    found = outbox.horizon()
    if found is None:
        return
    waiting = outbox.pending(found.transaction_id, outbox.applied_of(found), limit)
    if 0 < waiting <= limit:
        try:
            with _waiting_at_most(CATCH_UP_WAIT_MS):
                drain()
        except (IndexFileError, OperationalError) as error:
            # The search goes on with the index as it stands; the task or the command catches up.
            logger.warning("search index file not brought up to date before a search: %s", error)


@contextmanager
def _waiting_at_most(milliseconds: int) -> Iterator[None]:
    """A shorter busy timeout on the file: a search must not queue behind a rebuild's write lock
    for the connection's full timeout (20 s) when another process is already writing."""
    database = store.connection()
    with database.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        (usual,) = cursor.fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        with database.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(usual)}")
