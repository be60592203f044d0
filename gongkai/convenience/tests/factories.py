"""Documents in every state the suggestions must tell apart, made through the policy services."""

from datetime import date
from typing import Any

from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
from gongkai.policies.models import InformationItem, Topic


def _fields(title: str, **extra: Any) -> dict[str, Any]:
    policy_services.ensure_topics()
    return {
        "title": title,
        "topic": Topic.objects.get(name="财政", parent__name="财政、金融、审计"),
        "kind": ItemKind.OTHER_DOCUMENT,
        "body": f"<p>{title}</p>",
        "attribute": DisclosureAttribute.PROACTIVE,
        **extra,
    }


def published(organ: Organ, title: str, **extra: Any) -> InformationItem:
    return policy_services.import_published(
        acting_user=None, organ=organ, published_on=date(2021, 3, 1), source="测试", **_fields(title, **extra)
    )


def draft(organ: Organ, drafter: User, title: str) -> InformationItem:
    return policy_services.create_draft(acting_user=drafter, organ=organ, **_fields(title))


def withdrawn(organ: Organ, office: User, title: str) -> InformationItem:
    item = published(organ, title)
    return policy_services.transition(item=item, to=Transition.WITHDRAW, acting_user=office, comment="有误")
