"""The audit hash chain, as pure functions.

Each entry's hash covers its own fields and the previous entry's hash, so changing, deleting or
reordering any stored entry breaks every hash after it.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, non-ASCII kept, dates as ISO strings."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(previous_hash: str, fields: Mapping[str, Any]) -> str:
    payload = previous_hash + "\n" + canonical_json(dict(fields))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainEntry:
    id: int
    fields: Mapping[str, Any]
    previous_hash: str
    entry_hash: str


@dataclass(frozen=True)
class ChainBreak:
    """The first entry that does not fit; `problem` is a code the command turns into words."""

    entry_id: int
    problem: str


def find_first_break(entries: Iterable[ChainEntry]) -> ChainBreak | None:
    """Walk the entries in id order; return the first one that does not fit the chain."""
    expected_previous = GENESIS_HASH
    for entry in entries:
        if entry.previous_hash != expected_previous:
            return ChainBreak(entry.id, "previous_hash_mismatch")
        if entry_hash(entry.previous_hash, entry.fields) != entry.entry_hash:
            return ChainBreak(entry.id, "content_mismatch")
        expected_previous = entry.entry_hash
    return None
