"""Reads of government information. `public_items` is the one door to what the public may see."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, Q, QuerySet

from gongkai.policies import ledger
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


def ledger_items(organ_ids: list[int], year: int | None, attribute: str) -> QuerySet[InformationItem]:
    """公文公开属性认定台账: items by the year they were formed, with what the ledger shows."""
    items = (
        InformationItem.objects.filter(organ_id__in=organ_ids)
        .select_related("organ", "topic", "topic__parent")
        .order_by("organ__sort_order", "formed_on", "id")
    )
    if year:
        items = items.filter(formed_on__year=year)
    if attribute:
        items = items.filter(attribute=attribute)
    return items


def year_counts(organ_ids: list[int]) -> list[ledger.YearCount]:
    rows = (
        InformationItem.objects.filter(organ_id__in=organ_ids)
        .values("organ_id", "formed_on__year")
        .annotate(total=Count("id"), not_proactive=Count("id", filter=~Q(attribute=DisclosureAttribute.PROACTIVE)))
        .order_by()
    )
    return [
        ledger.YearCount(row["organ_id"], row["formed_on__year"], row["total"], row["not_proactive"]) for row in rows
    ]


def due_for_re_review(organ_ids: list[int], today: date, cycle_days: int) -> QuerySet[InformationItem]:
    """条例第十八条: non-proactive items whose re-review date has come, or whose last decision is a cycle old."""
    stale = today - timedelta(days=cycle_days)
    return (
        InformationItem.objects.filter(organ_id__in=organ_ids)
        .exclude(attribute=DisclosureAttribute.PROACTIVE)
        .annotate(last_decided=Max("attribute_decisions__decided_on"))
        .filter(Q(re_review_on__lte=today) | Q(re_review_on__isnull=True, last_decided__lte=stale))
        .select_related("organ")
        .order_by("re_review_on", "id")
    )


def awaiting_publication(organ_ids: list[int]) -> QuerySet[InformationItem]:
    """Proactive items not yet published: 条例第二十六条 gives them 20 working days from formation."""
    return (
        InformationItem.objects.filter(
            organ_id__in=organ_ids,
            attribute=DisclosureAttribute.PROACTIVE,
            status__in=[Status.DRAFT, Status.SUBMITTED, Status.REVIEWED, Status.APPROVED],
        )
        .select_related("organ")
        .order_by("formed_on", "id")
    )
