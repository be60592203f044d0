"""The index as a file of its own beside PostgreSQL, fed by the outbox (store, outbox, index_file).

Every other search test also runs in this layout in CI (a PostgreSQL step with GONGKAI_SEARCH_INDEX
set); the tests here are about the outbox itself: what a transaction writes, what a drain applies,
in what order transactions may commit, and what happens after a crash or a long absence.
"""

import io
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.policies import services
from gongkai.policies.domain import Transition
from gongkai.policies.models import InformationItem
from gongkai.search import backends, drift, index_file, indexing, outbox, store, tasks
from gongkai.search.models import IndexHorizon, OutboxKind, SearchEntry, SearchOutbox
from gongkai.search.query import SearchQuery
from gongkai.search.routers import IndexRouter
from gongkai.search.service import search
from gongkai.search.tests.conftest import Publish

needs_index_file = pytest.mark.skipif(
    not store.sidecar(),
    reason="needs GONGKAI_SEARCH_INDEX on PostgreSQL (CI's index-file step sets it)",
)


def found(text: str) -> list[int]:
    return [hit.object_id for hit in search(SearchQuery(text=text)).hits]


def indexed(object_id: int) -> bool:
    return SearchEntry.objects.filter(object_id=object_id).exists()


def records_waiting() -> list[int]:
    """Record rows in the outbox (creating the test's organs also wrote rows, of their mentions)."""
    return list(SearchOutbox.objects.filter(kind=OutboxKind.RECORD).order_by("id").values_list("object_id", flat=True))


def test_the_router_keeps_the_outbox_in_the_main_database() -> None:
    router = IndexRouter()
    assert router.allow_migrate("search", "search", model_name="searchentry") is True
    assert router.allow_migrate("search", "search", model_name="searchtext") is True
    assert router.allow_migrate("search", "search", model_name="indexhorizon") is True
    assert router.allow_migrate("search", "search") is True  # the search app's data migrations
    assert router.allow_migrate("search", "search", model_name="searchoutbox") is False
    assert router.allow_migrate("search", "policies", model_name="informationitem") is False
    assert router.allow_migrate("default", "search", model_name="searchoutbox") is None


@needs_index_file
def test_publication_writes_the_outbox_and_the_next_search_applies_it(publish: Publish) -> None:
    item = publish("关于印发边车索引试点方案的通知")
    assert records_waiting() == [item.pk]
    assert not indexed(item.pk)  # the publication wrote to PostgreSQL only
    assert found("边车索引") == [item.pk]  # the search applied the outbox first
    assert indexed(item.pk)


@needs_index_file
def test_a_rolled_back_publication_leaves_nothing_to_apply(publish: Publish) -> None:
    def publish_then_fail() -> None:
        with transaction.atomic():
            publish("回滚的发布")
            raise RuntimeError("the service failed after publishing")

    with pytest.raises(RuntimeError):
        publish_then_fail()
    assert records_waiting() == []
    assert found("回滚的发布") == []


@needs_index_file
def test_a_drain_applies_each_row_once(publish: Publish) -> None:
    index_file.drain()  # the organs' rows
    first = publish("第一份文件")
    assert index_file.drain().applied == 1
    assert index_file.drain().applied == 0  # the test's transaction is still open: remembered, not re-read
    second = publish("第二份文件")
    assert index_file.drain().applied == 1
    assert indexed(first.pk)
    assert indexed(second.pk)


@needs_index_file
def test_withdrawal_reaches_the_file(release: Callable[..., InformationItem], desk: dict[str, User]) -> None:
    item = release("将被撤回的文件", 4)
    assert found("将被撤回") == [item.pk]
    services.transition(item=item, to=Transition.WITHDRAW, acting_user=desk["office"], comment="有误")
    assert found("将被撤回") == []
    assert not indexed(item.pk)


@needs_index_file
def test_a_failed_drain_leaves_the_file_and_its_horizon_as_they_were(
    publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_file.drain()  # the organs' rows
    item = publish("崩溃测试文件")
    before = IndexHorizon.objects.values("transaction_id", "applied").get()

    def crash(source: str, object_ids: list[int]) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(indexing, "apply_refresh", crash)
    with pytest.raises(OSError, match="disk full"):
        index_file.drain()
    assert IndexHorizon.objects.values("transaction_id", "applied").get() == before
    monkeypatch.undo()
    assert index_file.drain().applied == 1
    assert indexed(item.pk)


@needs_index_file
def test_a_large_backlog_is_left_to_the_task(publish: Publish) -> None:
    index_file.drain()  # the organs' rows
    items = [publish(f"批量导入文件{n}") for n in range(3)]
    index_file.catch_up(limit=2)
    assert not any(indexed(item.pk) for item in items)  # the search reads the file as it stands
    assert tasks.drain_search_index.call() == 3
    assert all(indexed(item.pk) for item in items)


@needs_index_file
def test_one_task_is_queued_per_transaction(publish: Publish) -> None:
    for n in range(3):
        publish(f"同一事务的文件{n}")
    assert len(records_waiting()) == 3
    # The test is one transaction, in which creating its organs already wrote rows.
    queued = [entry for entry in connections[DEFAULT_DB_ALIAS].run_on_commit if outbox._enqueue_drain_task in entry]
    assert len(queued) == 1


@needs_index_file
def test_an_organ_rename_reaches_the_file(publish: Publish, organ_tree: dict[str, Organ]) -> None:
    health = OrganFactory.create(name="测试市卫生健康委员会", short_name="市卫健委", parent=organ_tree["city"])
    item = publish("关于健康的通知", "经测试市卫生健康局同意。")
    assert found("市卫健局") == []
    health.name, health.short_name = "测试市卫生健康局", "市卫健局"
    health.save()
    assert SearchOutbox.objects.filter(kind=OutboxKind.MENTIONS, object_id=health.pk).count() == 2  # created, renamed
    assert found("市卫健局") == [item.pk]
    assert not drift.check()


@needs_index_file
def test_a_file_not_built_is_reported_not_guessed(publish: Publish) -> None:
    IndexHorizon.objects.all().delete()
    publish("未建索引时发布的文件")
    assert found("未建索引") == []  # the search goes on with what the file holds
    with pytest.raises(CommandError, match="rebuild_search_index"):
        call_command("check_search_index", stdout=io.StringIO())
    call_command("rebuild_search_index", "--workers", "0", stdout=io.StringIO())
    assert found("未建索引") != []
    assert not drift.check()


@needs_index_file
def test_a_file_older_than_the_outbox_retention_must_be_rebuilt(publish: Publish) -> None:
    item = publish("久未更新的文件")
    IndexHorizon.objects.update(applied_at=timezone.now() - outbox.retention() - timedelta(hours=1))
    with pytest.raises(index_file.IndexFileError):
        index_file.drain()
    with pytest.raises(CommandError, match="rebuild_search_index"):
        call_command("drain_search_index", stdout=io.StringIO())
    call_command("rebuild_search_index", "--workers", "0", stdout=io.StringIO())
    assert found("久未更新") == [item.pk]


@needs_index_file
def test_rows_past_the_retention_are_pruned(publish: Publish) -> None:
    old, new = publish("旧文件"), publish("新文件")
    SearchOutbox.objects.filter(object_id=old.pk).update(created_at=timezone.now() - outbox.retention() - timedelta(1))
    assert outbox.prune() == 1
    assert records_waiting() == [new.pk]


def _clear_full_text() -> None:
    with store.connection().cursor() as cursor:
        backends.current().clear(cursor)


@pytest.fixture
def committed_index() -> Iterator[None]:
    """An empty full-text table before and after: the flush that ends a transactional test empties
    only the model tables, so an earlier one (the benchmark's tiny run) may have left FTS5 rows."""
    _clear_full_text()
    yield
    _clear_full_text()


@needs_index_file
@pytest.mark.django_db(transaction=True)
def test_a_transaction_committing_after_a_later_one_is_not_skipped(
    publish: Publish, organ_tree: dict[str, Organ], committed_index: None
) -> None:
    # The slow transaction (an organ renamed) takes the lower outbox id but commits last: a drain
    # in between must not move past it, as "every id above the last one seen" would. (Two
    # publications cannot interleave like this: each takes the audit chain's head row lock.)
    health = OrganFactory.create(name="测试市卫生健康委员会", short_name="市卫健委", parent=organ_tree["city"])
    named = publish("关于健康的通知", "经测试市卫生健康局同意。")
    index_file.drain()
    started, finish = threading.Event(), threading.Event()
    slow_rows: list[int] = []

    def rename_slowly() -> None:
        try:
            with transaction.atomic():
                health.name, health.short_name = "测试市卫生健康局", "市卫健局"
                health.save()
                slow_rows.extend(SearchOutbox.objects.filter(object_id=health.pk).values_list("pk", flat=True))
                started.set()
                finish.wait(30)
        finally:
            connections[DEFAULT_DB_ALIAS].close()

    thread = threading.Thread(target=rename_slowly)
    thread.start()
    assert started.wait(30)
    fast = publish("后写先提交的文件")
    assert SearchOutbox.objects.get(kind=OutboxKind.RECORD, object_id=fast.pk).pk > max(slow_rows)
    index_file.drain()
    assert indexed(fast.pk)
    assert found("市卫健局") == []  # the rename is not committed yet
    finish.set()
    thread.join(30)
    index_file.drain()
    assert found("市卫健局") == [named.pk]
    assert not drift.check()


@needs_index_file
@pytest.mark.django_db(transaction=True)
def test_a_search_does_not_queue_behind_another_writer_of_the_file(
    publish: Publish, committed_index: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(outbox, "_enqueue_drain_task", lambda: None)  # no task after the commit
    waits: list[int] = []
    drain = index_file.drain

    def drain_noting_the_wait() -> index_file.Drained:
        with store.connection().cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            waits.append(cursor.fetchone()[0])
        return drain()

    monkeypatch.setattr(index_file, "drain", drain_noting_the_wait)
    other = sqlite3.connect(store.connection().settings_dict["NAME"], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a rebuild in another process holds the write lock
    try:
        item = publish("等待写锁时发布的文件")
        with caplog.at_level(logging.WARNING, logger="gongkai.search.index_file"):
            assert found("等待写锁") == []  # read as it stands rather than wait 20 s for the lock
        assert "not brought up to date before a search" in caplog.text
        assert waits == [index_file.CATCH_UP_WAIT_MS]
    finally:
        other.execute("ROLLBACK")
        other.close()
    with store.connection().cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == settings.SQLITE_OPTIONS["timeout"] * 1000
    assert found("等待写锁") == [item.pk]
