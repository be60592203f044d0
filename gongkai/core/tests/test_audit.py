"""The audit trail on the real database: written with the change, rolled back with it, tamper-evident."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.core.chain import GENESIS_HASH, ChainBreak
from gongkai.core.models import AuditChainHead, AuditEntry
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory

pytestmark = pytest.mark.django_db


def _write_entries(count: int) -> list[AuditEntry]:
    organ = OrganFactory.create()
    entries = []
    for number in range(count):
        with transaction.atomic():
            entries.append(
                audit.record(
                    actor=None,
                    action="test.changed",
                    target=organ,
                    organ=organ,
                    reason=f"第{number}次修改",
                    before={"phone": "0350-1"},
                    after={"phone": "0350-2"},
                )
            )
    return entries


def test_each_entry_carries_the_hash_of_the_one_before() -> None:
    first, second = _write_entries(2)

    assert second.previous_hash == first.entry_hash
    assert AuditChainHead.objects.get().last_hash == second.entry_hash
    assert audit.verify_chain() is None


def _change_then_fail(organ: Organ) -> None:
    with transaction.atomic():
        Organ.objects.filter(pk=organ.pk).update(phone="0350-9999999")
        audit.record(actor=None, action="test.changed", target=organ)
        raise RuntimeError("rolled back")


def test_a_rolled_back_change_leaves_no_entry() -> None:
    organ = OrganFactory.create()
    with pytest.raises(RuntimeError, match="rolled back"):
        _change_then_fail(organ)

    assert AuditEntry.objects.count() == 0
    assert Organ.objects.get(pk=organ.pk).phone == organ.phone
    _write_entries(1)
    assert audit.verify_chain() is None


@pytest.mark.django_db(transaction=True)
def test_recording_outside_a_transaction_is_refused() -> None:
    organ = OrganFactory.create()

    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit.record(actor=None, action="test.changed", target=organ)


def test_entries_cannot_be_edited_or_deleted_through_the_model() -> None:
    entry = _write_entries(1)[0]
    entry.reason = "改写"

    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_a_tampered_entry_is_named_by_the_verify_command() -> None:
    entries = _write_entries(3)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEntry._meta.db_table} SET reason = %s WHERE id = %s",  # noqa: S608 - table name from the model
            ["篡改后的理由", entries[1].pk],
        )

    with pytest.raises(CommandError, match=f"第 {entries[1].pk} 条记录处断开：其内容在写入后被改动"):
        call_command("verify_audit_chain")


def test_a_deleted_tail_is_caught() -> None:
    entries = _write_entries(3)
    AuditEntry.objects.filter(pk=entries[2].pk)._raw_delete(AuditEntry.objects.db)

    broken = audit.verify_chain()

    assert broken is not None
    assert (broken.entry_id, broken.problem) == (entries[1].pk, "tail_missing")


def test_a_deleted_middle_entry_is_caught() -> None:
    entries = _write_entries(3)
    AuditEntry.objects.filter(pk=entries[1].pk)._raw_delete(AuditEntry.objects.db)

    broken = audit.verify_chain()

    assert broken is not None
    assert (broken.entry_id, broken.problem) == (entries[2].pk, "previous_hash_mismatch")


def test_an_emptied_trail_is_caught() -> None:
    _write_entries(2)
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)

    assert audit.verify_chain() is not None


def test_the_command_reports_an_intact_chain(capsys: pytest.CaptureFixture[str]) -> None:
    _write_entries(2)

    call_command("verify_audit_chain")

    assert "审计链完整：共 2 条记录" in capsys.readouterr().out


def test_the_first_entry_links_to_the_genesis_hash_and_stores_what_was_hashed(
    django_user_model: type[User],
) -> None:
    organ = OrganFactory.create(name="忻州市测试局")
    actor = django_user_model.objects.create(username="recorder", full_name="周敏")

    with transaction.atomic():
        entry = audit.record(
            actor=actor,
            action="test.changed",
            target=organ,
            organ=organ,
            reason="更正电话",
            before={"phone": "0350-1", "on": date(2023, 9, 22)},
            after={"phone": "0350-2"},
        )

    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.previous_hash == GENESIS_HASH
    assert len(stored.entry_hash) == 64
    assert (stored.actor, stored.actor_label, stored.organ) == (actor, "周敏", organ)
    assert (stored.object_type, stored.object_id, stored.object_repr) == ("organs.Organ", str(organ.pk), "忻州市测试局")
    assert stored.before == {"phone": "0350-1", "on": "2023-09-22"}
    assert list(audit.trail_for(organ)) == [stored]
    assert audit.verify_chain() is None


def test_the_system_is_named_when_there_is_no_actor() -> None:
    entry = _write_entries(1)[0]

    assert (entry.actor, entry.actor_label) == (None, audit.SYSTEM_ACTOR_LABEL)


TAMPERING = [
    # field changed with a queryset update (bypassing the model guard), entry index, problem found
    ("reason", "篡改后的理由", 0, "content_mismatch"),
    ("reason", "篡改后的理由", 1, "content_mismatch"),
    ("reason", "篡改后的理由", 2, "content_mismatch"),
    ("actor_label", "他人", 1, "content_mismatch"),
    ("object_id", "999999", 1, "content_mismatch"),
    ("after", {"phone": "0350-8"}, 1, "content_mismatch"),
    ("entry_hash", "f" * 64, 2, "content_mismatch"),
    ("previous_hash", "e" * 64, 1, "previous_hash_mismatch"),
]


@pytest.mark.parametrize(("field", "value", "index", "problem"), TAMPERING)
def test_a_changed_stored_field_is_found_by_verification_and_the_command(
    field: str, value: object, index: int, problem: str
) -> None:
    entries = _write_entries(3)
    AuditEntry.objects.filter(pk=entries[index].pk).update(**{field: value})

    assert audit.verify_chain() == ChainBreak(entries[index].pk, problem)
    with pytest.raises(CommandError, match=f"第 {entries[index].pk} 条记录处断开"):
        call_command("verify_audit_chain")


def test_with_two_tampered_entries_the_first_is_named() -> None:
    entries = _write_entries(4)
    AuditEntry.objects.filter(pk__in=[entries[1].pk, entries[3].pk]).update(reason="篡改")

    broken = audit.verify_chain()

    assert broken is not None
    assert broken.entry_id == entries[1].pk


def test_the_command_names_the_entry_before_a_deleted_tail() -> None:
    entries = _write_entries(3)
    AuditEntry.objects.filter(pk=entries[2].pk)._raw_delete(AuditEntry.objects.db)

    with pytest.raises(CommandError, match=f"第 {entries[1].pk} 条记录处断开：其后写入的记录已被删除"):
        call_command("verify_audit_chain")


def test_an_empty_trail_never_written_is_intact(capsys: pytest.CaptureFixture[str]) -> None:
    assert audit.verify_chain() is None

    call_command("verify_audit_chain")

    assert "共 0 条记录" in capsys.readouterr().out
