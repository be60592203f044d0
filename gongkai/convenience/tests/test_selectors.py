"""Suggestions: ranked, cheap, and never anything the public may not see."""

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.convenience import selectors, services
from gongkai.convenience.domain import Channel
from gongkai.convenience.tests import factories
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db

QUESTION = "请问2021年预算公开的文件在哪里可以看到？"


def test_published_documents_are_suggested_best_first(organ_tree: dict[str, Organ], office: dict[str, User]) -> None:
    department = organ_tree["department"]
    close = factories.published(department, "测试市财政局关于做好2021年预算公开工作的通知")
    loose = factories.published(department, "测试市财政局关于2020年预算执行情况的报告")
    factories.published(department, "测试市财政局关于开展价格监测工作的通知")

    found = selectors.suggestions(QUESTION, department)

    assert found.documents[0] == close
    assert loose not in found.documents[:1]
    assert all("价格监测" not in item.title for item in found.documents)


def test_drafts_and_withdrawn_documents_are_never_suggested_or_linked(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    department = organ_tree["department"]
    public = factories.published(department, "测试市财政局关于做好2021年预算公开工作的通知")
    hidden = [
        factories.draft(department, office["drafter"], "测试市财政局关于做好2021年预算公开工作的通知（草稿）"),
        factories.withdrawn(department, office["handler"], "测试市财政局关于2021年预算公开工作的通知（撤回）"),
        factories.published(
            department,
            "测试市财政局关于2021年预算公开的内部分工",
            attribute="ON_REQUEST",
            legal_basis="ART_16_1",
            attribute_reason="内部事务",
            kind="INTERNAL",
        ),
    ]

    found = selectors.suggestions(QUESTION, department, limit=10)

    assert found.documents == [public]
    assert list(selectors.linkable_items([item.pk for item in [public, *hidden]])) == [public]


def test_a_linked_document_withdrawn_later_drops_out_of_the_reply(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    from gongkai.policies import services as policy_services
    from gongkai.policies.domain import Transition

    department = organ_tree["department"]
    item = factories.published(department, "测试市财政局关于做好2021年预算公开工作的通知")
    reply = services.record_reply(
        organ=department,
        acting_user=office["handler"],
        channel=Channel.TELEPHONE,
        question=QUESTION,
        answer="见所附文件。",
        asked_on=timezone.localdate(),
        item_ids=[item.pk],
    )
    assert list(selectors.public_linked_items(reply)) == [item]

    policy_services.transition(item=item, to=Transition.WITHDRAW, acting_user=office["handler"], comment="有误")

    assert list(selectors.public_linked_items(reply)) == []


def test_earlier_answers_of_the_same_organ_are_suggested(
    organ_tree: dict[str, Organ], office: dict[str, User], staff_with_role: Callable[..., Any]
) -> None:
    department = organ_tree["department"]
    record: dict[str, Any] = {"channel": Channel.TELEPHONE, "answer": "已答复。", "asked_on": timezone.localdate()}
    earlier = services.record_reply(
        organ=department, acting_user=office["handler"], question="2021年预算公开文件在哪里？", **record
    )
    services.record_reply(organ=department, acting_user=office["handler"], question="价格监测结果在哪里看？", **record)
    services.record_reply(
        organ=organ_tree["county"], acting_user=office["outsider"], question="2021年预算公开文件在哪里？", **record
    )

    found = selectors.suggestions(QUESTION, department)

    assert found.replies == [earlier]
    assert selectors.suggestions(QUESTION, department, exclude=earlier.pk).replies == []


def test_an_empty_question_suggests_nothing_without_a_query(
    organ_tree: dict[str, Organ], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(0):
        assert not selectors.suggestions("  ", organ_tree["department"])
        assert not selectors.suggestions("的了吗？", organ_tree["department"])


def test_suggestions_take_a_fixed_number_of_queries(
    organ_tree: dict[str, Organ], django_assert_num_queries: Any
) -> None:
    department = organ_tree["department"]
    for year in range(2010, 2022):
        factories.published(department, f"测试市财政局关于做好{year}年预算公开工作的通知")

    # Candidates and winners for documents, then the reply candidates (none match, so no second query).
    with django_assert_num_queries(3):
        found = selectors.suggestions(QUESTION, department, limit=5)

    assert len(found.documents) == 5
    assert "2021" in found.documents[0].title
