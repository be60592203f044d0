"""Who may do what, where: the whole role × action × organ-relation matrix.

The expected table is written out by hand from the rules (岗位职责 and 不相容岗位分离), so a change
to the rules shows up here as a readable diff.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from gongkai.accounts import domain, permissions
from gongkai.accounts.domain import Action, Refusal, Relation, Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ

SAME, BELOW, ABOVE, UNRELATED = Relation.SAME, Relation.BELOW, Relation.ABOVE, Relation.UNRELATED
TOP = "top-level organ"

# role → action → where it is allowed. Platform-wide actions are allowed only at a top-level organ.
EXPECTED: dict[Role, dict[Action, set[Relation | str]]] = {
    Role.DRAFTER: {Action.VIEW_RECORDS: {SAME}, Action.DRAFT: {SAME}},
    Role.REVIEWER: {Action.VIEW_RECORDS: {SAME}, Action.REVIEW: {SAME}},
    Role.APPROVER: {Action.VIEW_RECORDS: {SAME}, Action.APPROVE: {SAME}},
    Role.OPENNESS_OFFICE: {
        Action.VIEW_RECORDS: {SAME, BELOW},
        Action.DRAFT: {SAME},
        Action.HANDLE_APPLICATIONS: {SAME},
        Action.MANAGE_PUBLICATIONS: {SAME},
    },
    Role.ASSESSOR: {Action.VIEW_RECORDS: {SAME, BELOW}, Action.ASSESS: {SAME, BELOW}},
    Role.ADMINISTRATOR: {
        Action.MANAGE_ORGAN: {SAME, BELOW},
        Action.MANAGE_CALENDAR: {TOP},
        Action.CONFIRM_CALENDAR: {TOP},
    },
}
PLATFORM_WIDE = {Action.MANAGE_CALENDAR, Action.CONFIRM_CALENDAR}
SEPARATED = {Action.REVIEW, Action.APPROVE, Action.CONFIRM_CALENDAR}

# A small tree: 1 city government → 2 city department, 3 county government → 4 county department.
PARENTS: dict[int, int | None] = {1: None, 2: 1, 3: 1, 4: 3}
# relation → (organ where the role is held, target organ)
PLACES = {SAME: (2, 2), BELOW: (1, 2), ABOVE: (2, 1), UNRELATED: (4, 2)}
ACTOR, SOMEONE_ELSE = 10, 11


def test_the_expected_table_names_every_role_and_only_real_actions() -> None:
    assert set(EXPECTED) == set(Role)
    assert set().union(*(actions.keys() for actions in EXPECTED.values())) == set(Action)


MATRIX = [(role, action, where) for role in Role for action in Action for where in (SAME, BELOW, ABOVE, UNRELATED)]


@pytest.mark.parametrize(("role", "action", "where"), MATRIX)
def test_every_role_action_and_relation(role: Role, action: Action, where: Relation) -> None:
    held_at, target = PLACES[where]
    allowed_where = EXPECTED[role].get(action, set())
    if action in PLATFORM_WIDE:
        expected = TOP in allowed_where and PARENTS[held_at] is None
        target_id: int | None = None
    else:
        expected = where in allowed_where
        target_id = target

    decision = domain.decide(
        actor_id=ACTOR,
        memberships=[domain.Membership(held_at, role)],
        action=action,
        target_organ_id=target_id,
        parents=PARENTS,
        originator_id=SOMEONE_ELSE,
    )

    assert decision.allowed is expected


@pytest.mark.parametrize("action", sorted(SEPARATED))
def test_nobody_reviews_approves_or_confirms_their_own_work(action: Action) -> None:
    role = next(role for role, actions in EXPECTED.items() if action in actions)
    held_at, target = (1, None) if action in PLATFORM_WIDE else PLACES[SAME]

    decision = domain.decide(
        actor_id=ACTOR,
        memberships=[domain.Membership(held_at, role)],
        action=action,
        target_organ_id=target,
        parents=PARENTS,
        originator_id=ACTOR,
    )

    assert decision == domain.Decision(False, Refusal.OWN_RECORD)


def test_roles_held_in_two_organs_combine() -> None:
    memberships = [domain.Membership(4, Role.DRAFTER), domain.Membership(2, Role.REVIEWER)]

    def can(action: Action, target: int) -> bool:
        return domain.decide(
            actor_id=ACTOR, memberships=memberships, action=action, target_organ_id=target, parents=PARENTS
        ).allowed

    assert can(Action.DRAFT, 4)
    assert not can(Action.DRAFT, 2)
    assert can(Action.REVIEW, 2)
    assert not can(Action.REVIEW, 4)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_the_matrix_holds_through_the_permission_module_on_real_records(
    role: Role, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    organs = {
        1: organ_tree["city"],
        2: organ_tree["department"],
        3: organ_tree["county"],
        4: organ_tree["county_department"],
    }
    holders = {organ_id: staff_with_role(organ, role) for organ_id, organ in organs.items()}
    other = staff_with_role(organs[3], Role.DRAFTER)

    for action in Action:
        for where, (held_at, target) in PLACES.items():
            allowed_where = EXPECTED[role].get(action, set())
            if action in PLATFORM_WIDE:
                expected = TOP in allowed_where and PARENTS[held_at] is None
                target_organ = None
            else:
                expected = where in allowed_where
                target_organ = organs[target]
            actual = permissions.can(holders[held_at], action, target_organ, originator=other)
            assert actual is expected, (role, action, where)


@pytest.mark.django_db
def test_the_issue_examples(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> None:
    county_drafter = staff_with_role(organ_tree["county"], Role.DRAFTER)
    city_office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    reviewer = staff_with_role(organ_tree["department"], Role.REVIEWER)
    department = organ_tree["department"]

    # A county's staff cannot change a city department's records.
    assert not permissions.can(county_drafter, Action.DRAFT, department)
    # A parent government's openness office can read a department's records but not alter them.
    assert permissions.can(city_office, Action.VIEW_RECORDS, department)
    assert not permissions.can(city_office, Action.DRAFT, department)
    assert not permissions.can(city_office, Action.MANAGE_PUBLICATIONS, department)
    # Nobody approves their own draft.
    assert not permissions.can(reviewer, Action.REVIEW, department, originator=reviewer)
    assert permissions.can(reviewer, Action.REVIEW, department, originator=county_drafter)


@pytest.mark.django_db
def test_require_refuses_with_a_chinese_reason(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_drafter = staff_with_role(organ_tree["county"], Role.DRAFTER)

    with pytest.raises(PermissionDenied, match="职责范围以外"):
        permissions.require(county_drafter, Action.DRAFT, organ_tree["department"])
    with pytest.raises(PermissionDenied, match="无权执行此操作"):
        permissions.require(county_drafter, Action.APPROVE, organ_tree["county"])


@pytest.mark.django_db
def test_anonymous_and_inactive_users_may_do_nothing(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    office.is_active = False
    office.save()

    assert not permissions.can(AnonymousUser(), Action.VIEW_RECORDS, organ_tree["city"])
    assert not permissions.can(office, Action.VIEW_RECORDS, organ_tree["city"])


@pytest.mark.django_db
def test_organs_for_lists_where_an_action_is_allowed(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_office = staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE)

    visible = permissions.organs_for(county_office, Action.VIEW_RECORDS)
    editable = permissions.organs_for(county_office, Action.MANAGE_PUBLICATIONS)

    assert set(visible) == {organ_tree["county"], organ_tree["county_department"]}
    assert editable == [organ_tree["county"]]
