"""Every write to organs: creation and changes, each audited."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import model_to_dict

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action, Refusal
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.organs import domain
from gongkai.organs.models import Organ

EDITABLE_FIELDS = (
    "name",
    "short_name",
    "kind",
    "level",
    "parent",
    "credit_code",
    "division_code",
    "sort_order",
    "is_active",
    "disclosure_office",
    "office_address",
    "postcode",
    "office_hours",
    "phone",
    "fax",
    "email",
    "website",
    "functions",
    "letter_code",
    "reconsideration_organ",
    "court",
)


def _snapshot(organ: Organ) -> dict[str, Any]:
    return model_to_dict(organ, fields=EDITABLE_FIELDS)


def _require_placing_under(acting_user: User, parent: Organ | None) -> None:
    """Placing an organ under a parent changes the parent's subtree, so it needs rights there.

    The top of the tree is nobody's subtree: only the system places an organ there, because a role
    held at a top-level organ grants the platform-wide actions.
    """
    if parent is None:
        raise PermissionDenied(permissions.refusal_message(Refusal.OUTSIDE_SCOPE))
    permissions.require(acting_user, Action.MANAGE_ORGAN, parent)


@transaction.atomic
def create_organ(*, acting_user: User | None, slug: str, **fields: Any) -> Organ:
    """Create an organ; `acting_user` None is the system (demo loading, first installation)."""
    if acting_user is not None:
        _require_placing_under(acting_user, fields.get("parent"))
    organ = Organ(slug=slug, **fields)
    organ.credit_code = domain.normalise_credit_code(organ.credit_code)
    organ.full_clean()
    organ.save()
    audit.record(actor=acting_user, action="organs.organ_created", target=organ, organ=organ, after=_snapshot(organ))
    return organ


@transaction.atomic
def update_organ(*, organ: Organ, acting_user: User | None, reason: str = "", **changes: Any) -> Organ:
    if acting_user is not None:
        permissions.require(acting_user, Action.MANAGE_ORGAN, organ)
    organ = Organ.objects.select_for_update().get(pk=organ.pk)
    before = _snapshot(organ)
    for field, value in changes.items():
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"{field} is not editable")
        setattr(organ, field, value)
    if acting_user is not None and organ.parent_id != before["parent"]:
        _require_placing_under(acting_user, organ.parent)
    # Field validators run before Organ.clean, so normalise here as create_organ does.
    organ.credit_code = domain.normalise_credit_code(organ.credit_code)
    organ.full_clean()
    organ.save()
    after = _snapshot(organ)
    if after != before:
        audit.record(
            actor=acting_user,
            action="organs.organ_updated",
            target=organ,
            organ=organ,
            reason=reason,
            before={k: v for k, v in before.items() if after[k] != v},
            after={k: v for k, v in after.items() if before[k] != v},
        )
    return organ
