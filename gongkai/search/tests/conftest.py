"""A small library of published items, made through the policies services like the real thing."""

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

import pytest

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.policies import services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
from gongkai.policies.models import InformationItem, Topic
from gongkai.search import index_file, store

RELEASE = [
    (Transition.SUBMIT, "drafter"),
    (Transition.REVIEW, "reviewer"),
    (Transition.APPROVE, "approver"),
    (Transition.PUBLISH, "office"),
]


def index_up_to_date() -> None:
    """Before reading the index directly: an index file applies the outbox first, as a search does."""
    if store.sidecar():
        index_file.drain()


class Publish(Protocol):
    def __call__(
        self, title: str, body: str = "", *, organ: str | Organ = "department", **fields: Any
    ) -> InformationItem: ...


@pytest.fixture
def topics(db: None) -> dict[str, Topic]:
    services.ensure_topics()
    return {
        "finance": Topic.objects.get(name="财政", parent__name="财政、金融、审计"),
        "land": Topic.objects.filter(parent__name="国土资源、能源").order_by("sort_order").first() or Topic(),
    }


@pytest.fixture
def publish(organ_tree: dict[str, Organ], topics: dict[str, Topic]) -> Publish:
    """Import an item as published (the legacy path), with sensible defaults."""

    def make(title: str, body: str = "", *, organ: str | Organ = "department", **fields: Any) -> InformationItem:
        values: dict[str, Any] = {
            "topic": topics["finance"],
            "kind": ItemKind.OTHER_DOCUMENT,
            "attribute": DisclosureAttribute.PROACTIVE,
            "body": f"<p>{body or title}</p>",
            "published_on": date(2024, 3, 1),
            **fields,
        }
        published_on = values.pop("published_on")
        return services.import_published(
            acting_user=None,
            organ=organ_tree[organ] if isinstance(organ, str) else organ,
            published_on=published_on,
            source="测试",
            title=title,
            **values,
        )

    return make


@pytest.fixture
def desk(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> dict[str, User]:
    department = organ_tree["department"]
    return {
        "drafter": staff_with_role(department, Role.DRAFTER),
        "reviewer": staff_with_role(department, Role.REVIEWER),
        "approver": staff_with_role(department, Role.APPROVER),
        "office": staff_with_role(department, Role.OPENNESS_OFFICE),
    }


@pytest.fixture
def release(
    organ_tree: dict[str, Organ], desk: dict[str, User], topics: dict[str, Topic]
) -> Callable[..., InformationItem]:
    """Draft an item and take it through ``steps`` of review and release."""

    def make(title: str, steps: int) -> InformationItem:
        item = services.create_draft(
            acting_user=desk["drafter"],
            organ=organ_tree["department"],
            title=title,
            topic=topics["finance"],
            kind=ItemKind.OTHER_DOCUMENT,
            body=f"<p>{title}的正文</p>",
            attribute=DisclosureAttribute.PROACTIVE,
        )
        for transition, who in RELEASE[:steps]:
            item = services.transition(item=item, to=transition, acting_user=desk[who])
        return item

    return make
