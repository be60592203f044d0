"""The hash chain as pure functions (no database)."""

from datetime import date

from gongkai.core.chain import GENESIS_HASH, ChainBreak, ChainEntry, canonical_json, entry_hash, find_first_break


def test_canonical_json_has_one_spelling_per_value() -> None:
    assert canonical_json({"b": 1, "a": "公开"}) == canonical_json({"a": "公开", "b": 1}) == '{"a":"公开","b":1}'
    assert canonical_json({"due": date(2023, 10, 26)}) == '{"due":"2023-10-26"}'


def _chain(*payloads: dict[str, str]) -> list[ChainEntry]:
    entries, previous = [], GENESIS_HASH
    for number, fields in enumerate(payloads, start=1):
        digest = entry_hash(previous, fields)
        entries.append(ChainEntry(number, fields, previous, digest))
        previous = digest
    return entries


def test_an_intact_chain_has_no_break() -> None:
    assert find_first_break(_chain({"a": "1"}, {"b": "2"}, {"c": "3"})) is None


def test_a_changed_entry_is_the_first_break() -> None:
    entries = _chain({"a": "1"}, {"b": "2"}, {"c": "3"})
    entries[1] = ChainEntry(2, {"b": "tampered"}, entries[1].previous_hash, entries[1].entry_hash)

    assert find_first_break(entries) == ChainBreak(2, "content_mismatch")


def test_a_removed_entry_breaks_the_link_of_the_next() -> None:
    entries = _chain({"a": "1"}, {"b": "2"}, {"c": "3"})

    assert find_first_break([entries[0], entries[2]]) == ChainBreak(3, "previous_hash_mismatch")


def test_a_rehashed_entry_still_breaks_the_next_link() -> None:
    entries = _chain({"a": "1"}, {"b": "2"}, {"c": "3"})
    forged_fields = {"b": "forged"}
    entries[1] = ChainEntry(
        2, forged_fields, entries[1].previous_hash, entry_hash(entries[1].previous_hash, forged_fields)
    )

    assert find_first_break(entries) == ChainBreak(3, "previous_hash_mismatch")
