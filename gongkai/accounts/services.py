"""Every write to staff accounts and role assignments, each audited."""

from django.db import transaction

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action, Role
from gongkai.accounts.models import Membership, User
from gongkai.core import audit
from gongkai.organs.models import Organ


@transaction.atomic
def create_staff_account(
    *, acting_user: User | None, username: str, full_name: str, password: str, email: str = ""
) -> User:
    user = User(username=username, full_name=full_name, email=email, is_staff=False)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    audit.record(actor=acting_user, action="accounts.account_created", target=user, after={"username": username})
    return user


@transaction.atomic
def grant_role(*, acting_user: User | None, user: User, organ: Organ, role: Role, reason: str = "") -> Membership:
    if acting_user is not None:
        permissions.require(acting_user, Action.MANAGE_ORGAN, organ)
    membership, created = Membership.objects.get_or_create(user=user, organ=organ, role=role)
    if created:
        audit.record(
            actor=acting_user,
            action="accounts.role_granted",
            target=user,
            organ=organ,
            reason=reason,
            after={"organ": organ.pk, "role": role.value},
        )
    return membership


@transaction.atomic
def revoke_role(*, acting_user: User, membership: Membership, reason: str) -> None:
    permissions.require(acting_user, Action.MANAGE_ORGAN, membership.organ)
    audit.record(
        actor=acting_user,
        action="accounts.role_revoked",
        target=membership.user,
        organ=membership.organ,
        reason=reason,
        before={"organ": membership.organ_id, "role": membership.role},
    )
    membership.delete()
