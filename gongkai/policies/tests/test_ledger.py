"""Plan item 6: the share of non-proactive documents should fall every year; re-review per Art. 18."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.policies import ledger, selectors, services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, LegalBasis, Status, Transition
from gongkai.policies.models import AttributeDecision, InformationItem


@pytest.mark.parametrize(
    ("counts", "flags"),
    [
        ([(2020, 10, 4), (2021, 10, 2)], [False, False]),  # fell from 40% to 20%
        ([(2020, 10, 2), (2021, 10, 2)], [False, True]),  # stayed at 20%
        ([(2020, 10, 2), (2021, 5, 2)], [False, True]),  # rose to 40%
        ([(2020, 10, 0), (2021, 10, 0)], [False, False]),  # nothing withheld: cannot fall further
        ([(2019, 10, 5), (2021, 10, 5)], [False, False]),  # no previous year to compare with
    ],
)
def test_an_organ_is_flagged_when_its_share_did_not_fall(counts: list[tuple[int, int, int]], flags: list[bool]) -> None:
    rows = ledger.shares(ledger.YearCount(7, year, total, withheld) for year, total, withheld in counts)

    assert [row.did_not_fall for row in rows] == flags


ON_REQUEST = {
    "kind": ItemKind.MEETING,
    "attribute": DisclosureAttribute.ON_REQUEST,
    "legal_basis": LegalBasis.ART_16_2,
    "attribute_reason": "决策尚未作出",
}


@pytest.mark.django_db
def test_year_counts_feed_the_shares(draft: Callable[..., InformationItem]) -> None:
    draft(written_on=date(2020, 3, 1))
    draft(written_on=date(2020, 4, 1), re_review_on=date(2021, 1, 1), **ON_REQUEST)
    draft(written_on=date(2021, 3, 1))
    draft(written_on=date(2021, 5, 1), re_review_on=date(2022, 1, 1), **ON_REQUEST)

    organ_id = InformationItem.objects.first().organ_id  # type: ignore[union-attr]
    rows = ledger.shares(selectors.year_counts([organ_id]))

    assert [(row.year, row.total, row.not_proactive, row.did_not_fall) for row in rows] == [
        (2020, 2, 1, False),
        (2021, 2, 1, True),
    ]


@pytest.mark.django_db
def test_a_due_item_is_kept_with_a_reason_or_converted_and_sent_back_through_release(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    today = timezone.localdate()
    kept = draft(title="会议纪要甲", re_review_on=today - timedelta(days=1), **ON_REQUEST)
    converted = draft(title="会议纪要乙", re_review_on=today, **ON_REQUEST)
    later = draft(title="会议纪要丙", re_review_on=today + timedelta(days=30), **ON_REQUEST)
    for item in (kept, converted):
        for step, who in (
            (Transition.SUBMIT, "drafter"),
            (Transition.REVIEW, "reviewer"),
            (Transition.APPROVE, "approver"),
            (Transition.PUBLISH, "office"),
        ):
            item = services.transition(item=item, to=step, acting_user=desk[who])
    organ_ids = [kept.organ_id]

    due = list(selectors.due_for_re_review(organ_ids, today, services.re_review_cycle_days()))
    assert due == [kept, converted]
    assert later not in due

    with pytest.raises(ValidationError):
        services.re_review(item=kept, acting_user=desk["reviewer"], keep=True, reason="")
    services.re_review(item=kept, acting_user=desk["reviewer"], keep=True, reason="决策仍在研究")
    services.re_review(item=converted, acting_user=desk["reviewer"], keep=False, reason="决策已作出")

    kept.refresh_from_db()
    converted.refresh_from_db()
    assert kept.re_review_on == today + timedelta(days=services.re_review_cycle_days())
    assert (converted.attribute, converted.status) == (DisclosureAttribute.PROACTIVE, Status.REVIEWED)
    assert AttributeDecision.objects.filter(item=converted).last().occasion == AttributeDecision.Occasion.CONVERTED  # type: ignore[union-attr]
    assert not selectors.public_items().filter(pk=converted.pk).exists()
    services.transition(item=converted, to=Transition.APPROVE, acting_user=desk["approver"])
    services.transition(item=converted, to=Transition.PUBLISH, acting_user=desk["office"])
    assert selectors.public_items().filter(pk=converted.pk).exists()
    assert list(selectors.due_for_re_review(organ_ids, today, services.re_review_cycle_days())) == []
