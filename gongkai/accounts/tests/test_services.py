"""Staff accounts and role assignments: every write audited, refused writes leave nothing behind."""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts import permissions, services
from gongkai.accounts.domain import Action, Role
from gongkai.accounts.models import Membership, User
from gongkai.core import audit
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db


def _state() -> tuple[int, int, int]:
    return User.objects.count(), Membership.objects.count(), AuditEntry.objects.count()


def test_a_new_account_is_audited_and_keeps_only_a_password_hash(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)

    user = services.create_staff_account(
        acting_user=admin, username="czj.drafter", full_name="李明", password="Xin-Zhou-2026", email="a@example.gov.cn"
    )

    assert user.display_name == "李明"
    assert not user.is_staff
    assert user.password != "Xin-Zhou-2026"
    assert User.objects.get(pk=user.pk).check_password("Xin-Zhou-2026")
    entry = AuditEntry.objects.get(action="accounts.account_created")
    assert (entry.actor, entry.object_id, entry.after) == (admin, str(user.pk), {"username": "czj.drafter"})
    assert "password" not in str(entry.after)
    assert audit.verify_chain() is None


def test_a_duplicate_username_is_refused_and_nothing_is_written(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    existing = staff_with_role(organ_tree["city"], Role.DRAFTER)
    before = _state()

    with pytest.raises(ValidationError) as raised:
        services.create_staff_account(acting_user=None, username=existing.username, full_name="重名", password="x")

    assert "username" in raised.value.message_dict
    assert _state() == before


def test_granting_a_role_is_audited_once_and_takes_effect(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    user = services.create_staff_account(acting_user=admin, username="u1", full_name="王红", password="pw-2026-x")
    department = organ_tree["department"]
    assert not permissions.can(user, Action.DRAFT, department)

    first = services.grant_role(acting_user=admin, user=user, organ=department, role=Role.DRAFTER, reason="新进人员")
    again = services.grant_role(acting_user=admin, user=user, organ=department, role=Role.DRAFTER)

    assert first == again
    assert permissions.can(user, Action.DRAFT, department)
    entry = AuditEntry.objects.get(action="accounts.role_granted")
    assert (entry.actor, entry.organ, entry.reason) == (admin, department, "新进人员")
    assert entry.after == {"organ": department.pk, "role": "DRAFTER"}


def test_a_county_administrator_cannot_grant_roles_at_a_city_department(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_admin = staff_with_role(organ_tree["county"], Role.ADMINISTRATOR)
    user = staff_with_role(organ_tree["county"], Role.DRAFTER)
    before = _state()

    with pytest.raises(PermissionDenied):
        services.grant_role(acting_user=county_admin, user=user, organ=organ_tree["department"], role=Role.APPROVER)

    assert _state() == before
    services.grant_role(acting_user=county_admin, user=user, organ=organ_tree["county_department"], role=Role.APPROVER)
    assert Membership.objects.filter(user=user, organ=organ_tree["county_department"]).exists()


def test_revoking_a_role_is_audited_with_what_was_held(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    drafter = staff_with_role(organ_tree["department"], Role.DRAFTER)
    membership = Membership.objects.get(user=drafter)

    services.revoke_role(acting_user=admin, membership=membership, reason="调离")

    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not permissions.can(drafter, Action.DRAFT, organ_tree["department"])
    entry = AuditEntry.objects.get(action="accounts.role_revoked")
    assert (entry.actor, entry.object_id, entry.reason) == (admin, str(drafter.pk), "调离")
    assert entry.before == {"organ": organ_tree["department"].pk, "role": "DRAFTER"}


@pytest.mark.parametrize("revoker_role", [Role.OPENNESS_OFFICE, Role.DRAFTER])
def test_only_an_administrator_above_the_organ_revokes_roles(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], revoker_role: Role
) -> None:
    revoker = staff_with_role(organ_tree["department"], revoker_role)
    county_admin = staff_with_role(organ_tree["county"], Role.ADMINISTRATOR)
    membership = Membership.objects.get(user=staff_with_role(organ_tree["department"], Role.DRAFTER))
    before = _state()

    for outsider in (revoker, county_admin):
        with pytest.raises(PermissionDenied):
            services.revoke_role(acting_user=outsider, membership=membership, reason="越权")

    assert Membership.objects.filter(pk=membership.pk).exists()
    assert _state() == before


def test_an_inactive_administrator_is_refused(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    user = staff_with_role(organ_tree["department"], Role.DRAFTER)
    User.objects.filter(pk=admin.pk).update(is_active=False)
    admin.refresh_from_db()
    before = _state()

    with pytest.raises(PermissionDenied):
        services.grant_role(acting_user=admin, user=user, organ=organ_tree["department"], role=Role.REVIEWER)

    assert _state() == before
