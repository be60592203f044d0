"""The index follows publication in the same transaction; rebuild and the drift check."""

import io
from collections.abc import Callable
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.policies import services
from gongkai.policies.domain import DisclosureAttribute, LegalBasis, Status, Transition
from gongkai.policies.models import InformationItem
from gongkai.search import indexing
from gongkai.search.models import SearchEntry
from gongkai.search.query import SearchQuery
from gongkai.search.service import search
from gongkai.search.tests.conftest import Publish

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
    assert not indexing.check()


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
    assert not indexing.check()
    repealed = search(SearchQuery(text="办法测试件", validity="REPEALED"))
    assert [hit.object_id for hit in repealed.hits] == [old.pk]


def test_the_drift_check_reports_missing_stale_and_extra(publish: Publish) -> None:
    kept, changed, hidden, lost = (publish(f"漂移测试件{n}") for n in "甲乙丙丁")
    assert not indexing.check()
    # Changes that bypass the services, as a direct database edit would.
    InformationItem.objects.filter(pk=changed.pk).update(title="改过的标题")
    InformationItem.objects.filter(pk=hidden.pk).update(status=Status.WITHDRAWN)
    SearchEntry.objects.filter(object_id=lost.pk).delete()  # leaves an orphan FTS5 row on SQLite
    drift = indexing.check()
    assert drift.missing == [f"policies.item:{lost.pk}"]
    assert drift.stale == [f"policies.item:{changed.pk}"]
    assert f"policies.item:{hidden.pk}" in drift.extra
    with pytest.raises(CommandError):
        call_command("check_search_index", stdout=io.StringIO())
    assert kept.pk in found("漂移测试件")


@pytest.mark.parametrize("workers", [0, 2])
def test_rebuild_repairs_every_drift(publish: Publish, workers: int) -> None:
    items = [publish(f"重建测试件{n}", published_on=date(2024, 1, n + 1)) for n in range(3)]
    InformationItem.objects.filter(pk=items[0].pk).update(title="重建后的标题")
    SearchEntry.objects.filter(object_id=items[1].pk).delete()
    call_command("rebuild_search_index", workers=workers, batch_size=2, stdout=io.StringIO())
    assert not indexing.check()
    assert sorted(found("重建")) == sorted(item.pk for item in items)
    call_command("check_search_index", stdout=io.StringIO())


def test_refresh_is_idempotent(publish: Publish) -> None:
    item = publish("幂等测试件")
    before = list(SearchEntry.objects.values_list("id", "text__fingerprint"))
    indexing.refresh_items([item.pk, item.pk])
    assert list(SearchEntry.objects.values_list("id", "text__fingerprint")) == before
