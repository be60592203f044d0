"""The one place that decides staff access: views and services ask here, never check roles themselves."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from gongkai.accounts import domain
from gongkai.accounts.domain import Action, Decision, Refusal
from gongkai.accounts.models import Membership, User
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.models import Organ


def memberships_of(user: User) -> list[domain.Membership]:
    return [
        domain.Membership(organ_id=organ_id, role=domain.Role(role))
        for organ_id, role in Membership.objects.filter(user=user, organ__is_active=True).values_list(
            "organ_id", "role"
        )
    ]


def decide(
    user: User | AnonymousUser,
    action: Action,
    organ: Organ | None = None,
    *,
    originator: User | None = None,
) -> Decision:
    if not isinstance(user, User) or not user.is_active:
        return Decision(False, Refusal.NO_ROLE)
    return domain.decide(
        actor_id=user.pk,
        memberships=memberships_of(user),
        action=action,
        target_organ_id=organ.pk if organ is not None else None,
        parents=organ_selectors.parent_map(),
        originator_id=originator.pk if originator is not None else None,
    )


def can(
    user: User | AnonymousUser, action: Action, organ: Organ | None = None, *, originator: User | None = None
) -> bool:
    return decide(user, action, organ, originator=originator).allowed


def refusal_message(refusal: Refusal | None) -> str:
    messages = {
        Refusal.NO_ROLE: _("Your roles do not include this action."),
        Refusal.OUTSIDE_SCOPE: _("This record belongs to an organ outside your responsibility."),
        Refusal.OWN_RECORD: _("Separation of duties: you cannot review, approve or confirm your own work."),
        Refusal.TOP_LEVEL_ONLY: _("Only an administrator of the city-level platform may do this."),
    }
    return messages.get(refusal, _("Not permitted.")) if refusal else _("Not permitted.")


def require(
    user: User | AnonymousUser, action: Action, organ: Organ | None = None, *, originator: User | None = None
) -> None:
    """Raise PermissionDenied, with the reason in Chinese, unless the action is allowed."""
    decision = decide(user, action, organ, originator=originator)
    if not decision.allowed:
        raise PermissionDenied(refusal_message(decision.refusal))


def organs_for(user: User, action: Action) -> list[Organ]:
    """The organs where `user` may take `action`: the workbench's organ switcher lists these."""
    parents = organ_selectors.parent_map()
    held = memberships_of(user)
    allowed_ids = [
        organ_id
        for organ_id in parents
        if domain.decide(actor_id=user.pk, memberships=held, action=action, target_organ_id=organ_id, parents=parents)
    ]
    return list(organ_selectors.organs_in_official_order().filter(pk__in=allowed_ids))
