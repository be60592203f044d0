from collections.abc import Callable
from typing import Any

import pytest

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.policies import services
from gongkai.policies.domain import DisclosureAttribute, ItemKind
from gongkai.policies.models import InformationItem, Topic


@pytest.fixture
def topics(db: None) -> dict[str, Topic]:
    services.ensure_topics()
    return {topic.path: topic for topic in Topic.objects.select_related("parent")}


@pytest.fixture
def desk(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> dict[str, User]:
    """The department's drafter, reviewer, approver and openness office."""
    department = organ_tree["department"]
    return {
        "drafter": staff_with_role(department, Role.DRAFTER, username="drafter"),
        "reviewer": staff_with_role(department, Role.REVIEWER, username="reviewer"),
        "approver": staff_with_role(department, Role.APPROVER, username="approver"),
        "office": staff_with_role(department, Role.OPENNESS_OFFICE, username="office"),
    }


@pytest.fixture
def draft(
    organ_tree: dict[str, Organ], desk: dict[str, User], topics: dict[str, Topic]
) -> Callable[..., InformationItem]:
    def make(**overrides: Any) -> InformationItem:
        fields: dict[str, Any] = {
            "title": "测试市财政局关于做好2021年预算公开工作的通知",
            "document_number": "测财发[2021]7号",
            "topic": topics["财政、金融、审计\\财政"],
            "kind": ItemKind.OTHER_DOCUMENT,
            "body": "<p>各县（市、区）财政局：</p><p>现将有关事项通知如下。</p>",
            "attribute": DisclosureAttribute.PROACTIVE,
            **overrides,
        }
        return services.create_draft(acting_user=desk["drafter"], organ=organ_tree["department"], **fields)

    return make
