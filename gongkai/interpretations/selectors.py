"""Interpretations and the policies they explain, as the public and the rate see them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Min, Q, QuerySet

from gongkai.interpretations import domain
from gongkai.interpretations.models import Interpretation
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.domain import POLICY_KINDS, ItemKind
from gongkai.policies.models import InformationItem


def public_interpretations_of(policy: InformationItem) -> QuerySet[Interpretation]:
    """The published interpretations of a policy, oldest first (the first one, then its follow-ups)."""
    return (
        Interpretation.objects.filter(policies=policy, item__in=policy_selectors.public_items())
        .select_related("item")
        .order_by("item__published_on", "item_id")
    )


def public_policies_of(interpretation: Interpretation) -> QuerySet[InformationItem]:
    return policy_selectors.public_items().filter(interpretations=interpretation)


def public_follow_ups(interpretation: Interpretation) -> QuerySet[Interpretation]:
    return interpretation.follow_ups.filter(item__in=policy_selectors.public_items()).select_related("item")


def interpretation_of(item: InformationItem) -> Interpretation | None:
    if item.kind != ItemKind.INTERPRETATION:
        return None
    return Interpretation.objects.filter(item=item).prefetch_related("answers").first()


def needing_interpretation() -> Q:
    """The items plan item 11 wants interpreted: 行政规范性文件, and policies flagged as major."""
    return Q(kind=ItemKind.NORMATIVE_DOCUMENT) | Q(is_major_policy=True, kind__in=list(POLICY_KINDS))


def awaits_interpretation(item: InformationItem) -> bool:
    """ "解读待发布": the policy needs an interpretation and none is published yet."""
    if not InformationItem.objects.filter(needing_interpretation(), pk=item.pk).exists():
        return False
    return not public_interpretations_of(item).exists()


def releases(organ: Organ, year: int) -> list[domain.PolicyRelease]:
    """The organ's policies of the year that need interpretation, with their first interpretation's date."""
    interpreted = Min(
        "interpretations__item__published_on",
        filter=Q(interpretations__item__in=policy_selectors.public_items()),
    )
    rows = (
        policy_selectors.public_items()
        .filter(needing_interpretation(), organ=organ, published_on__year=year)
        .annotate(interpreted_on=interpreted)
        .values_list("pk", "published_on", "interpreted_on")
        .order_by("published_on", "pk")
    )
    return [domain.PolicyRelease(pk, published, interpreted_on) for pk, published, interpreted_on in rows if published]


@dataclass(frozen=True)
class OrganRate:
    organ: Organ
    rate: domain.InterpretationRate
    percent: str
    pending: list[InformationItem]


def organ_rate(organ: Organ, year: int, today: date) -> OrganRate:
    found = releases(organ, year)
    rate = domain.interpretation_rate(found, as_of=today)
    waiting = [release.policy_id for release in found if release.interpreted_on is None]
    pending = list(policy_selectors.public_items().filter(pk__in=waiting))
    return OrganRate(organ, rate, domain.percent(rate.rate), pending)
