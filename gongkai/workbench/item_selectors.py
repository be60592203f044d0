"""Reads for the government-information pages of the workbench."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.policies import selectors as policy_selectors
from gongkai.policies import services as policy_services
from gongkai.policies.domain import WORKFLOW, Status, Transition, allowed_transitions
from gongkai.policies.labels import TRANSITION_LABELS
from gongkai.policies.models import STATUS_LABELS, InformationItem

ROW_LIMIT = 200


def status_choices() -> list[tuple[str, str]]:
    return [(status.value, str(label)) for status, label in STATUS_LABELS.items()]


def transition_label(step: Transition) -> str:
    return str(TRANSITION_LABELS[step])


def item_rows(user: User, status: str) -> list[InformationItem]:
    organ_ids = [organ.pk for organ in permissions.organs_for(user, Action.VIEW_RECORDS)]
    items = policy_selectors.items_for_organs(organ_ids)
    if status in Status.__members__:
        items = items.filter(status=status)
    return list(items[:ROW_LIMIT])


@dataclass(frozen=True)
class StepButton:
    value: str
    label: str
    comment_required: bool


def _steps_for(user: User, item: InformationItem) -> list[StepButton]:
    buttons = []
    for step in allowed_transitions(Status(item.status)):
        move = WORKFLOW[step]
        originator = item.created_by if move.separated else None
        if permissions.can(user, Action(move.action), item.organ, originator=originator):
            buttons.append(StepButton(step.value, transition_label(step), move.comment_required))
    return buttons


def item_detail(user: User, item: InformationItem) -> dict[str, Any]:
    seal_row = item.seals.select_related("key").order_by("-id").first()
    public = policy_selectors.public_items().filter(pk=item.pk).exists()
    return {
        "title": item.title,
        "item": item,
        "steps": _steps_for(user, item),
        "can_edit": item.status == Status.DRAFT and permissions.can(user, Action.DRAFT, item.organ),
        "decisions": item.attribute_decisions.select_related("decided_by").order_by("id"),
        "findings": item.privacy_findings.select_related("resolved_by").order_by("id"),
        "can_resolve_findings": permissions.can(user, Action.REVIEW, item.organ),
        "trail": audit.trail_for(item),
        "seal": seal_row,
        "seal_valid": policy_services.verify_seal(seal_row) if seal_row else None,
        "public_url": reverse("portal:item", args=[item.pk]) if public else "",
        "publication_due_on": policy_services.publication_due_on(item) if item.attribute == "PROACTIVE" else None,
    }
