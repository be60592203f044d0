"""The one door to the audit trail: every service that changes a record calls `record`."""

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from django.utils import timezone

from gongkai.core import chain
from gongkai.core.models import AuditChainHead, AuditEntry

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.organs.models import Organ

SYSTEM_ACTOR_LABEL = "系统"


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "occurred_at": entry.occurred_at.isoformat(),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "organ_id": entry.organ_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "reason": entry.reason,
        "before": entry.before,
        "after": entry.after,
    }


def _json_safe(value: Mapping[str, Any] | None) -> Any:
    # Round-trip through canonical JSON so the stored value equals the hashed one exactly.
    if value is None:
        return None
    return json.loads(chain.canonical_json(value))


def record(
    *,
    actor: "User | None",
    action: str,
    target: models.Model,
    organ: "Organ | None" = None,
    reason: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction: if the change rolls back, so does the entry."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the transaction of the change it records")
    # Take the lock before reading the previous hash (see AuditChainHead).
    locked = AuditChainHead.objects.filter(pk=1).update(last_entry_id=models.F("last_entry_id"))
    if not locked:
        AuditChainHead.objects.create(pk=1)
    head = AuditChainHead.objects.get(pk=1)
    entry = AuditEntry(
        occurred_at=timezone.now(),
        actor=actor,
        actor_label=actor.display_name if actor is not None else SYSTEM_ACTOR_LABEL,
        organ=organ,
        action=action,
        object_type=target._meta.label,
        object_id=str(target.pk),
        object_repr=str(target)[:300],
        reason=reason,
        before=_json_safe(before),
        after=_json_safe(after),
        previous_hash=head.last_hash or chain.GENESIS_HASH,
    )
    entry.entry_hash = chain.entry_hash(entry.previous_hash, _hashed_fields(entry))
    entry.save()
    head.last_entry_id = entry.pk
    head.last_hash = entry.entry_hash
    head.save(update_fields=["last_entry_id", "last_hash"])
    return entry


def _chain_entries() -> Iterator[chain.ChainEntry]:
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        yield chain.ChainEntry(entry.pk, _hashed_fields(entry), entry.previous_hash, entry.entry_hash)


def verify_chain() -> chain.ChainBreak | None:
    """Return the first entry that breaks the chain, or None when the whole trail is intact."""
    found = chain.find_first_break(_chain_entries())
    if found is not None:
        return found
    head = AuditChainHead.objects.filter(pk=1).first()
    last = AuditEntry.objects.order_by("-id").first()
    if head is None or not head.last_hash:
        return None
    if last is None:
        return chain.ChainBreak(head.last_entry_id, "all_missing")
    if head.last_hash != last.entry_hash:
        # The newest entries were removed: the head remembers a hash the trail no longer ends with.
        return chain.ChainBreak(last.pk, "tail_missing")
    return None


def trail_for(target: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(object_type=target._meta.label, object_id=str(target.pk)).order_by("id")
