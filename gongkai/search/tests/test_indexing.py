"""The index follows publication in the same transaction; rebuild and the drift check."""

import importlib
import io
from collections.abc import Callable
from datetime import date
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import transaction

from gongkai.accounts.models import User
from gongkai.organs import services as organ_services
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.policies import services
from gongkai.policies.domain import DisclosureAttribute, LegalBasis, Status, Transition
from gongkai.policies.models import InformationItem
from gongkai.search import analysis, backends, drift, indexing, mentions, store
from gongkai.search.models import SearchEntry, SearchText
from gongkai.search.query import SearchQuery
from gongkai.search.service import search
from gongkai.search.tests.conftest import Publish, index_up_to_date

pytestmark = pytest.mark.django_db


def found(text: str) -> list[int]:
    return [hit.object_id for hit in search(SearchQuery(text=text)).hits]


@pytest.mark.parametrize("steps", [0, 1, 2, 3])
def test_unpublished_items_are_never_found(release: Callable[..., InformationItem], steps: int) -> None:
    release("未发布的测试件", steps)
    assert found("未发布的测试件") == []
    assert not SearchEntry.objects.exists()


def test_non_proactive_published_items_are_never_found(publish: Publish) -> None:
    publish(
        "依申请公开的会议纪要",
        attribute=DisclosureAttribute.ON_REQUEST,
        legal_basis=LegalBasis.ART_16_1,
        attribute_reason="内部事务",
    )
    assert found("会议纪要") == []


def test_publishing_makes_an_item_findable_in_the_same_transaction(
    release: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = release("即将发布的测试件", 3)
    with transaction.atomic():
        services.transition(item=item, to=Transition.PUBLISH, acting_user=desk["office"])
        assert found("即将发布") == [item.pk]


def test_a_rolled_back_publication_leaves_nothing_in_search(
    release: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = release("回滚的测试件", 3)

    def publish_then_fail() -> None:
        with transaction.atomic():
            services.transition(item=item, to=Transition.PUBLISH, acting_user=desk["office"])
            raise RuntimeError("the rest of the request failed")

    with pytest.raises(RuntimeError):
        publish_then_fail()
    assert found("回滚的测试件") == []
    assert not SearchEntry.objects.exists()


@pytest.mark.parametrize("to", [Transition.WITHDRAW, Transition.EXPIRE])
def test_withdrawing_removes_the_item(
    release: Callable[..., InformationItem], desk: dict[str, User], to: Transition
) -> None:
    item = release("将撤回的测试件", 4)
    assert found("将撤回") == [item.pk]
    services.transition(item=item, to=to, acting_user=desk["office"], comment="有误")
    assert found("将撤回") == []
    assert not drift.check()


def test_items_of_an_inactive_organ_are_not_found(publish: Publish, organ_tree: dict[str, Organ]) -> None:
    item = publish("停用机关的测试件")
    organ = organ_tree["department"]
    organ.is_active = False
    organ.save()
    assert found("停用机关") == []
    assert not SearchEntry.objects.filter(object_id=item.pk).exists()
    organ.is_active = True
    organ.save()
    assert found("停用机关") == [item.pk]


def test_a_repeal_on_publication_updates_the_repealed_items_validity(
    publish: Publish, release: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    old = publish("旧办法测试件")
    new = release("新办法测试件", 3)
    new.repeals.set([old])
    services.transition(item=new, to=Transition.PUBLISH, acting_user=desk["office"])
    assert not drift.check()
    repealed = search(SearchQuery(text="办法测试件", validity="REPEALED"))
    assert [hit.object_id for hit in repealed.hits] == [old.pk]


def test_the_drift_check_reports_missing_stale_and_extra(publish: Publish) -> None:
    kept, changed, hidden, lost = (publish(f"漂移测试件{n}") for n in "甲乙丙丁")
    assert not drift.check()
    # Changes that bypass the services, as a direct database edit would.
    InformationItem.objects.filter(pk=changed.pk).update(title="改过的标题")
    InformationItem.objects.filter(pk=hidden.pk).update(status=Status.WITHDRAWN)
    SearchEntry.objects.filter(object_id=lost.pk).delete()  # leaves an orphan FTS5 row on SQLite
    reported = drift.check()
    assert reported.missing == [f"policies.item:{lost.pk}"]
    assert reported.stale == [f"policies.item:{changed.pk}"]
    assert f"policies.item:{hidden.pk}" in reported.extra
    with pytest.raises(CommandError):
        call_command("check_search_index", stdout=io.StringIO())
    assert kept.pk in found("漂移测试件")


@pytest.mark.parametrize("workers", [0, 2])
def test_rebuild_repairs_every_drift(publish: Publish, workers: int) -> None:
    items = [publish(f"重建测试件{n}", published_on=date(2024, 1, n + 1)) for n in range(3)]
    InformationItem.objects.filter(pk=items[0].pk).update(title="重建后的标题")
    SearchEntry.objects.filter(object_id=items[1].pk).delete()
    call_command("rebuild_search_index", workers=workers, batch_size=2, stdout=io.StringIO())
    assert not drift.check()
    assert sorted(found("重建")) == sorted(item.pk for item in items)
    call_command("check_search_index", stdout=io.StringIO())


def test_refresh_is_idempotent(publish: Publish) -> None:
    item = publish("幂等测试件")
    before = list(SearchEntry.objects.values_list("id", "text__fingerprint"))
    indexing.refresh_items([item.pk, item.pk])
    assert list(SearchEntry.objects.values_list("id", "text__fingerprint")) == before


# --- Organ mentions: a record naming an organ in full holds its token, whatever changes first ---


def mentioned(organ: Organ) -> set[int]:
    """Object ids whose full-text row holds the organ's mention token."""
    index_up_to_date()
    with store.connection().cursor() as cursor:
        entry_ids = backends.current().mentioning(cursor, organ.pk)
    return set(SearchEntry.objects.filter(id__in=entry_ids).values_list("object_id", flat=True))


def test_a_record_naming_an_organ_in_full_is_found_by_its_short_name(
    publish: Publish, organ_tree: dict[str, Organ]
) -> None:
    fgw = OrganFactory.create(name="测试市发展和改革委员会", short_name="市发改委", parent=organ_tree["city"])
    item = publish("关于价格监测的通知", "经测试市发展和改革委员会同意，现印发给你们。")
    assert found("市发改委") == [item.pk]
    assert mentioned(fgw) == {item.pk}
    stored = SearchText.objects.get(entry__object_id=item.pk).mention_text
    assert mentions.from_text(stored)[3] == (fgw.pk,)  # the body names it; the tags name the finance bureau


def test_an_organ_created_after_the_records_naming_it_finds_them(
    publish: Publish, organ_tree: dict[str, Organ]
) -> None:
    item = publish("关于卫生健康工作的通知", "测试市卫生健康委员会负责解释。")
    assert found("市卫健委") == []
    health = OrganFactory.create(name="测试市卫生健康委员会", short_name="市卫健委", parent=organ_tree["city"])
    assert found("市卫健委") == [item.pk]
    assert mentioned(health) == {item.pk}
    assert not drift.check()


def test_renaming_an_organ_moves_its_mentions(publish: Publish, organ_tree: dict[str, Organ]) -> None:
    health = OrganFactory.create(name="测试市卫生健康委员会", short_name="市卫健委", parent=organ_tree["city"])
    old = publish("旧名称的测试件", "测试市卫生健康委员会负责解释。")
    new = publish("新名称的测试件", "测试市卫生健康局负责解释。")
    assert mentioned(health) == {old.pk}
    organ_services.update_organ(organ=health, acting_user=None, name="测试市卫生健康局", short_name="市卫健局")
    assert mentioned(health) == {new.pk}
    assert found("市卫健局") == [new.pk]
    assert found("市卫健委") == []
    assert not drift.check()


def test_only_a_new_name_looks_for_the_rows_naming_an_organ(
    organ_tree: dict[str, Organ], monkeypatch: pytest.MonkeyPatch
) -> None:
    looked: list[list[int]] = []

    def refresh_mentions(organ_ids: list[int]) -> int:
        looked.append(list(organ_ids))
        return 0

    monkeypatch.setattr(indexing, "refresh_mentions", refresh_mentions)
    health = OrganFactory.create(name="测试市卫生健康委员会", short_name="市卫健委", parent=organ_tree["city"])
    organ_services.update_organ(organ=health, acting_user=None, phone="0350-1234567")
    organ_services.update_organ(organ=health, acting_user=None, name="测试市卫生健康局")
    assert looked == [[health.pk], [health.pk]]  # created, then renamed; the new phone number is not a name


def test_removing_a_record_removes_its_mention_tokens(
    release: Callable[..., InformationItem], desk: dict[str, User], organ_tree: dict[str, Organ]
) -> None:
    fgw = OrganFactory.create(name="测试市发展和改革委员会", short_name="市发改委", parent=organ_tree["city"])
    item = release("测试市发展和改革委员会的测试件", 4)
    assert mentioned(fgw) == {item.pk}
    services.transition(item=item, to=Transition.WITHDRAW, acting_user=desk["office"], comment="有误")
    # On SQLite the contentless delete must hand FTS5 the very tokens it was given, mentions included.
    index_up_to_date()
    with store.connection().cursor() as cursor:
        assert backends.current().mentioning(cursor, fgw.pk) == set()
    assert not drift.check()


def test_the_drift_check_reports_a_rename_that_bypassed_the_hook(
    publish: Publish, organ_tree: dict[str, Organ]
) -> None:
    health = OrganFactory.create(name="测试市卫生健康委员会", short_name="市卫健委", parent=organ_tree["city"])
    item = publish("绕过钩子的测试件", "测试市卫生健康局负责解释。")
    index_up_to_date()  # an index file applied the publication before the edit
    Organ.objects.filter(pk=health.pk).update(name="测试市卫生健康局", short_name="市卫健局")
    assert drift.check().stale == [f"policies.item:{item.pk}"]
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert not drift.check()
    assert found("市卫健局") == [item.pk]


def test_the_migration_finds_the_mentions_of_rows_indexed_without_them(
    publish: Publish, organ_tree: dict[str, Organ]
) -> None:
    fgw = OrganFactory.create(name="测试市发展和改革委员会", short_name="市发改委", parent=organ_tree["city"])
    item = publish("迁移测试件", "经测试市发展和改革委员会同意。")
    migration = importlib.import_module("gongkai.search.migrations.0003_organ_mentions")
    index_up_to_date()
    editor = SimpleNamespace(connection=store.connection())
    migration.drop_mentions(django_apps, editor)
    assert mentioned(fgw) == set()
    assert SearchText.objects.get(entry__object_id=item.pk).mention_text == ""
    assert drift.check().stale == [f"policies.item:{item.pk}"]
    migration.find_mentions(django_apps, editor)
    assert mentioned(fgw) == {item.pk}
    assert not drift.check()


def test_the_run_break_migration_ends_phrases_matching_across_a_break(publish: Publish) -> None:
    across = publish("断点测试件", "推进政务公开。开发区建设")  # 公开 and 开发 on either side of 。
    within = publish("连写测试件", "依法公开发布")
    migration = importlib.import_module("gongkai.search.migrations.0004_run_breaks")
    index_up_to_date()
    editor = SimpleNamespace(connection=store.connection())
    migration.remove_breaks(django_apps, editor)  # the rows as indexed before run breaks
    if store.connection().vendor == "sqlite":  # PostgreSQL's exact check never matched across the break
        assert set(found("公开发")) == {across.pk, within.pk}
    migration.add_breaks(django_apps, editor)
    assert found("公开发") == [within.pk]
    assert found("公开。开发") == [across.pk]
    assert not drift.check()
    InformationItem.objects.filter(pk=across.pk).update(status=Status.WITHDRAWN)
    indexing.refresh_items([across.pk])
    index_up_to_date()
    if store.connection().vendor == "sqlite":  # the contentless delete handed back the break too
        with store.connection().cursor() as cursor:
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [f'"{analysis.RUN_BREAK}"'])
            assert cursor.fetchall() == []
