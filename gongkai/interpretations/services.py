"""Writing interpretations: the item goes through ``policies.services`` (drafting, review, release,
seal, search index); what only an interpretation has is written here, in the same transaction."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.interpretations.domain import Channel, Element, FollowUp, Form
from gongkai.interpretations.models import Interpretation, QuestionAnswer
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import POLICY_KINDS, DisclosureAttribute, ItemKind, Status
from gongkai.policies.models import InformationItem


@dataclass(frozen=True)
class Details:
    """What an interpretation holds beside its item: form, the five elements, media, follow-up, Q&A."""

    form: Form
    background: str = ""
    significance: str = ""
    effect: str = ""
    key_terms: str = ""
    differences: str = ""
    media_url: str = ""
    follow_up_of: Interpretation | None = None
    follow_up_kind: str = ""
    answers: Sequence[tuple[str, str]] = ()

    def snapshot(self) -> dict[str, Any]:
        return {
            "form": self.form.value,
            **{element.value: getattr(self, element.value) for element in Element},
            "media_url": self.media_url,
            "follow_up_of": self.follow_up_of.pk if self.follow_up_of else None,
            "follow_up_kind": self.follow_up_kind,
            "answers": [list(pair) for pair in self.answers],
        }


def _check(details: Details, policies: Sequence[InformationItem]) -> None:
    errors: dict[str, str] = {}
    if not policies:
        errors["policies"] = _("Name the policy this interpretation explains.")
    elif any(policy.kind not in POLICY_KINDS for policy in policies):
        errors["policies"] = _("Only rules, normative documents and other policy documents are interpreted.")
    if bool(details.follow_up_of) != bool(details.follow_up_kind):
        errors["follow_up_kind"] = _("A follow-up names both the first interpretation and its kind.")
    if details.follow_up_kind and details.follow_up_kind not in {kind.value for kind in FollowUp}:
        errors["follow_up_kind"] = _("Choose extended or supplementary.")
    if details.form is Form.QA and not details.answers:
        errors["answers"] = _("A question-and-answer interpretation needs at least one question with its answer.")
    if errors:
        raise ValidationError(errors)


def _write_details(interpretation: Interpretation, details: Details, policies: Sequence[InformationItem]) -> None:
    interpretation.form = details.form
    for element in Element:
        setattr(interpretation, element.value, getattr(details, element.value).strip())
    interpretation.media_url = details.media_url
    interpretation.follow_up_of = details.follow_up_of
    interpretation.follow_up_kind = details.follow_up_kind
    interpretation.full_clean(exclude=["item", "policies"])
    interpretation.save()
    interpretation.policies.set(policies)
    interpretation.answers.all().delete()
    QuestionAnswer.objects.bulk_create(
        QuestionAnswer(interpretation=interpretation, position=index, question=question, answer=answer)
        for index, (question, answer) in enumerate(details.answers, start=1)
    )


@transaction.atomic
def create(
    *,
    acting_user: User,
    organ: Organ,
    policies: Sequence[InformationItem],
    details: Details,
    **item_fields: Any,
) -> Interpretation:
    """A draft interpretation: an item of kind 政策解读 (always proactive) and its details."""
    _check(details, policies)
    item = policy_services.create_draft(
        acting_user=acting_user,
        organ=organ,
        kind=ItemKind.INTERPRETATION,
        attribute=DisclosureAttribute.PROACTIVE,
        **item_fields,
    )
    interpretation = Interpretation(item=item)
    _write_details(interpretation, details, policies)
    audit.record(
        actor=acting_user,
        action="interpretations.created",
        target=item,
        organ=organ,
        after={**details.snapshot(), "policies": [policy.pk for policy in policies]},
    )
    return interpretation


def _locked(interpretation: Interpretation) -> Interpretation:
    return Interpretation.objects.select_for_update().select_related("item", "item__organ").get(pk=interpretation.pk)


@transaction.atomic
def update(
    *,
    interpretation: Interpretation,
    acting_user: User,
    policies: Sequence[InformationItem],
    details: Details,
    **item_fields: Any,
) -> Interpretation:
    """Change a draft, its item and its details together; once submitted, only by returning it to draft."""
    interpretation = _locked(interpretation)
    permissions.require(acting_user, Action.DRAFT, interpretation.item.organ)
    if interpretation.item.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be edited."))
    _check(details, policies)
    if item_fields:
        interpretation.item = policy_services.update_draft(
            item=interpretation.item, acting_user=acting_user, **item_fields
        )
    before = {
        "policies": sorted(interpretation.policies.values_list("pk", flat=True)),
        **{element.value: getattr(interpretation, element.value) for element in Element},
        "form": interpretation.form,
    }
    _write_details(interpretation, details, policies)
    audit.record(
        actor=acting_user,
        action="interpretations.updated",
        target=interpretation.item,
        organ=interpretation.item.organ,
        before=before,
        after={**details.snapshot(), "policies": [policy.pk for policy in policies]},
    )
    return interpretation


@transaction.atomic
def record_channels(
    *, interpretation: Interpretation, channels: Sequence[Channel], acting_user: User
) -> Interpretation:
    """Item 12: where the interpretation went out (recorded at any time, also after release)."""
    interpretation = _locked(interpretation)
    permissions.require(acting_user, Action.DRAFT, interpretation.item.organ)
    before = list(interpretation.channels)
    interpretation.channels = [Channel(channel).value for channel in channels]
    interpretation.save(update_fields=["channels", "updated_at"])
    audit.record(
        actor=acting_user,
        action="interpretations.channels",
        target=interpretation.item,
        organ=interpretation.item.organ,
        before={"channels": before},
        after={"channels": interpretation.channels},
    )
    return interpretation
