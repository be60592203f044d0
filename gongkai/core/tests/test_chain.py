"""The hash chain as pure functions (no database)."""

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

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


def test_nested_keys_are_sorted_and_chinese_is_kept_as_characters() -> None:
    value = {"z": {"乙": 2, "甲": [{"b": 1, "a": 0}]}, "a": None}

    assert canonical_json(value) == '{"a":null,"z":{"乙":2,"甲":[{"a":0,"b":1}]}}'
    assert "\\u" not in canonical_json({"name": "忻州市人民政府"})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet="公开政务abc123 "),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3),
    max_leaves=10,
)


@given(st.dictionaries(st.text(max_size=6), json_values, max_size=6))
def test_key_order_never_changes_the_spelling_or_the_hash(value: dict[str, object]) -> None:
    reordered = dict(reversed(list(value.items())))

    assert canonical_json(reordered) == canonical_json(value)
    assert entry_hash(GENESIS_HASH, reordered) == entry_hash(GENESIS_HASH, value)
    assert json.loads(canonical_json(value)) == value


def test_the_hash_covers_the_previous_hash() -> None:
    fields = {"action": "test.changed", "reason": "公开"}

    assert entry_hash(GENESIS_HASH, fields) != entry_hash("1" * 64, fields)
    assert entry_hash(GENESIS_HASH, fields) == entry_hash(GENESIS_HASH, dict(fields))
    assert len(entry_hash(GENESIS_HASH, fields)) == 64


def test_an_empty_chain_has_no_break() -> None:
    assert find_first_break([]) is None


def test_the_first_entry_must_start_from_the_genesis_hash() -> None:
    fields = {"a": "1"}
    orphan = ChainEntry(1, fields, "1" * 64, entry_hash("1" * 64, fields))

    assert find_first_break([orphan]) == ChainBreak(1, "previous_hash_mismatch")
