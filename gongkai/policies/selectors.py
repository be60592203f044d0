"""Reads of government information. `public_items` is the one door to what the public may see."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from gongkai.policies.domain import DisclosureAttribute, Status, Validity, validity_on
from gongkai.policies.models import InformationItem


def public_items() -> QuerySet[InformationItem]:
    """Only published, proactive items of active organs: every public page, feed and API reads this."""
    return (
        InformationItem.objects.filter(
            status=Status.PUBLISHED, attribute=DisclosureAttribute.PROACTIVE, organ__is_active=True
        )
        .select_related("organ", "topic", "topic__parent")
        .order_by("-published_on", "-id")
    )


def public_item(key: str) -> InformationItem:
    """By 索引号 or by id; raises InformationItem.DoesNotExist for anything the public may not see."""
    lookup = Q(index_number=key) | Q(pk=int(key)) if key.isdigit() else Q(index_number=key)
    return public_items().get(lookup)


def validity_of(item: InformationItem, today: date) -> Validity:
    return validity_on(
        today=today, expires_on=item.expires_on, repealed_on=item.repealed_on, declared=Validity(item.declared_validity)
    )


@dataclass(frozen=True)
class Successor:
    pk: int
    title: str
    index_number: str


def public_successors(item: InformationItem) -> list[Successor]:
    """The published documents that repealed or amended this one, for the validity banner."""
    replacing = public_items().filter(Q(repeals=item) | Q(amends=item)).distinct()
    return [Successor(other.pk, other.title, other.index_number) for other in replacing]


def items_for_organs(organ_ids: list[int]) -> QuerySet[InformationItem]:
    return (
        InformationItem.objects.filter(organ_id__in=organ_ids)
        .select_related("organ", "topic", "topic__parent", "created_by")
        .order_by("-updated_at", "-id")
    )


def with_validity(items: QuerySet[InformationItem], validity: Validity, today: date) -> QuerySet[InformationItem]:
    """The database form of domain.validity_on, so lists filter without loading every row."""
    repealed = Q(declared_validity=Validity.REPEALED) | Q(repealed_on__lte=today)
    expired = (Q(expires_on__lt=today) | Q(declared_validity=Validity.EXPIRED)) & ~repealed
    if validity == Validity.REPEALED:
        return items.filter(repealed)
    if validity == Validity.EXPIRED:
        return items.filter(expired)
    return items.exclude(repealed).exclude(expired).filter(declared_validity=Validity.VALID)
