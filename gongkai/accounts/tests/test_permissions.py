"""Who may do what, where: every role × every action × every organ relation.

The expected tables are written out by hand from the rules (岗位职责 and 不相容岗位分离), one row per
role and action, so that a change to the rules shows up here as a readable diff.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from gongkai.accounts import domain, permissions
from gongkai.accounts.domain import Action, Refusal, Relation, Role
from gongkai.accounts.models import ROLE_LABELS, User
from gongkai.organs.domain import OrganKind, OrganLevel
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory

Y, N = True, False

# The organ tree of every case, by id:
#   1 city government (top level)
#   ├── 2 city department
#   ├── 3 county A government
#   │   └── 4 county A education bureau
#   │       └── 5 county A school
#   └── 6 county B government
#       └── 7 county B department
PARENTS: dict[int, int | None] = {1: None, 2: 1, 3: 1, 4: 3, 5: 4, 6: 1, 7: 6}
CITY, CITY_DEPARTMENT, COUNTY_A, COUNTY_A_BUREAU, COUNTY_A_SCHOOL, COUNTY_B, COUNTY_B_DEPARTMENT = range(1, 8)

# Actions on one organ's records. The role is held at county A's government; the target is that
# organ itself (own), its bureau (child), the bureau's school (grandchild), the city government
# (parent), or a department of county B (other county). "own record" is the own organ again, on a
# record the actor originated.
ON_OWN, ON_CHILD, ON_GRANDCHILD, ON_PARENT, ON_OTHER_COUNTY = (
    COUNTY_A,
    COUNTY_A_BUREAU,
    COUNTY_A_SCHOOL,
    CITY,
    COUNTY_B_DEPARTMENT,
)
HELD_AT = COUNTY_A
PLACES = (ON_OWN, ON_CHILD, ON_GRANDCHILD, ON_PARENT, ON_OTHER_COUNTY)

# fmt: off
ORGAN_ACTIONS = [
    # role                  action                      own child grandchild parent other-county own-record
    (Role.DRAFTER,          Action.VIEW_RECORDS,        Y,  N,    N,         N,     N,           Y),
    (Role.DRAFTER,          Action.DRAFT,               Y,  N,    N,         N,     N,           Y),
    (Role.DRAFTER,          Action.REVIEW,              N,  N,    N,         N,     N,           N),
    (Role.DRAFTER,          Action.APPROVE,             N,  N,    N,         N,     N,           N),
    (Role.DRAFTER,          Action.HANDLE_APPLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.DRAFTER,          Action.MANAGE_PUBLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.DRAFTER,          Action.ASSESS,              N,  N,    N,         N,     N,           N),
    (Role.DRAFTER,          Action.MANAGE_ORGAN,        N,  N,    N,         N,     N,           N),

    (Role.REVIEWER,         Action.VIEW_RECORDS,        Y,  N,    N,         N,     N,           Y),
    (Role.REVIEWER,         Action.DRAFT,               N,  N,    N,         N,     N,           N),
    (Role.REVIEWER,         Action.REVIEW,              Y,  N,    N,         N,     N,           N),
    (Role.REVIEWER,         Action.APPROVE,             N,  N,    N,         N,     N,           N),
    (Role.REVIEWER,         Action.HANDLE_APPLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.REVIEWER,         Action.MANAGE_PUBLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.REVIEWER,         Action.ASSESS,              N,  N,    N,         N,     N,           N),
    (Role.REVIEWER,         Action.MANAGE_ORGAN,        N,  N,    N,         N,     N,           N),

    (Role.APPROVER,         Action.VIEW_RECORDS,        Y,  N,    N,         N,     N,           Y),
    (Role.APPROVER,         Action.DRAFT,               N,  N,    N,         N,     N,           N),
    (Role.APPROVER,         Action.REVIEW,              N,  N,    N,         N,     N,           N),
    (Role.APPROVER,         Action.APPROVE,             Y,  N,    N,         N,     N,           N),
    (Role.APPROVER,         Action.HANDLE_APPLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.APPROVER,         Action.MANAGE_PUBLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.APPROVER,         Action.ASSESS,              N,  N,    N,         N,     N,           N),
    (Role.APPROVER,         Action.MANAGE_ORGAN,        N,  N,    N,         N,     N,           N),

    # A government's openness office reads its departments' records but does not alter them.
    (Role.OPENNESS_OFFICE,  Action.VIEW_RECORDS,        Y,  Y,    Y,         N,     N,           Y),
    (Role.OPENNESS_OFFICE,  Action.DRAFT,               Y,  N,    N,         N,     N,           Y),
    (Role.OPENNESS_OFFICE,  Action.REVIEW,              N,  N,    N,         N,     N,           N),
    (Role.OPENNESS_OFFICE,  Action.APPROVE,             N,  N,    N,         N,     N,           N),
    (Role.OPENNESS_OFFICE,  Action.HANDLE_APPLICATIONS, Y,  N,    N,         N,     N,           Y),
    (Role.OPENNESS_OFFICE,  Action.MANAGE_PUBLICATIONS, Y,  N,    N,         N,     N,           Y),
    (Role.OPENNESS_OFFICE,  Action.ASSESS,              N,  N,    N,         N,     N,           N),
    (Role.OPENNESS_OFFICE,  Action.MANAGE_ORGAN,        N,  N,    N,         N,     N,           N),

    # Assessment (考核) reaches every organ below the assessor's government.
    (Role.ASSESSOR,         Action.VIEW_RECORDS,        Y,  Y,    Y,         N,     N,           Y),
    (Role.ASSESSOR,         Action.DRAFT,               N,  N,    N,         N,     N,           N),
    (Role.ASSESSOR,         Action.REVIEW,              N,  N,    N,         N,     N,           N),
    (Role.ASSESSOR,         Action.APPROVE,             N,  N,    N,         N,     N,           N),
    (Role.ASSESSOR,         Action.HANDLE_APPLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.ASSESSOR,         Action.MANAGE_PUBLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.ASSESSOR,         Action.ASSESS,              Y,  Y,    Y,         N,     N,           Y),
    (Role.ASSESSOR,         Action.MANAGE_ORGAN,        N,  N,    N,         N,     N,           N),

    # Administrators manage organs and accounts, but do not read the records themselves.
    (Role.ADMINISTRATOR,    Action.VIEW_RECORDS,        N,  N,    N,         N,     N,           N),
    (Role.ADMINISTRATOR,    Action.DRAFT,               N,  N,    N,         N,     N,           N),
    (Role.ADMINISTRATOR,    Action.REVIEW,              N,  N,    N,         N,     N,           N),
    (Role.ADMINISTRATOR,    Action.APPROVE,             N,  N,    N,         N,     N,           N),
    (Role.ADMINISTRATOR,    Action.HANDLE_APPLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.ADMINISTRATOR,    Action.MANAGE_PUBLICATIONS, N,  N,    N,         N,     N,           N),
    (Role.ADMINISTRATOR,    Action.ASSESS,              N,  N,    N,         N,     N,           N),
    (Role.ADMINISTRATOR,    Action.MANAGE_ORGAN,        Y,  Y,    Y,         N,     N,           Y),
]

# Actions on the platform as a whole: no target organ; what matters is where the role is held.
PLATFORM_ACTIONS = [
    # role                  action                   at-city at-city-department at-county own-proposal(at city)
    (Role.DRAFTER,          Action.MANAGE_CALENDAR,  N,      N,                 N,        N),
    (Role.DRAFTER,          Action.CONFIRM_CALENDAR, N,      N,                 N,        N),
    (Role.REVIEWER,         Action.MANAGE_CALENDAR,  N,      N,                 N,        N),
    (Role.REVIEWER,         Action.CONFIRM_CALENDAR, N,      N,                 N,        N),
    (Role.APPROVER,         Action.MANAGE_CALENDAR,  N,      N,                 N,        N),
    (Role.APPROVER,         Action.CONFIRM_CALENDAR, N,      N,                 N,        N),
    (Role.OPENNESS_OFFICE,  Action.MANAGE_CALENDAR,  N,      N,                 N,        N),
    (Role.OPENNESS_OFFICE,  Action.CONFIRM_CALENDAR, N,      N,                 N,        N),
    (Role.ASSESSOR,         Action.MANAGE_CALENDAR,  N,      N,                 N,        N),
    (Role.ASSESSOR,         Action.CONFIRM_CALENDAR, N,      N,                 N,        N),
    (Role.ADMINISTRATOR,    Action.MANAGE_CALENDAR,  Y,      N,                 N,        Y),
    # A second administrator confirms: nobody confirms their own entry.
    (Role.ADMINISTRATOR,    Action.CONFIRM_CALENDAR, Y,      N,                 N,        N),
]
# fmt: on
PLATFORM_PLACES = (CITY, CITY_DEPARTMENT, COUNTY_A)

ACTOR, SOMEONE_ELSE = 10, 11

ORGAN_CASES = [
    pytest.param(role, action, place, allowed, id=f"{role}-{action}-{column}")
    for role, action, *cells in ORGAN_ACTIONS
    for place, allowed, column in zip(
        PLACES, cells[:-1], ("own", "child", "grandchild", "parent", "other-county"), strict=True
    )
]
OWN_RECORD_CASES = [
    pytest.param(role, action, cells[0], cells[-1], id=f"{role}-{action}") for role, action, *cells in ORGAN_ACTIONS
]
PLATFORM_CASES = [
    pytest.param(role, action, place, allowed, id=f"{role}-{action}-{column}")
    for role, action, *cells in PLATFORM_ACTIONS
    for place, allowed, column in zip(PLATFORM_PLACES, cells[:-1], ("city", "city-department", "county"), strict=True)
]
PLATFORM_OWN_CASES = [
    pytest.param(role, action, cells[-1], id=f"{role}-{action}") for role, action, *cells in PLATFORM_ACTIONS
]


def _decide(role: Role, action: Action, held_at: int, target: int | None, originator: int) -> domain.Decision:
    return domain.decide(
        actor_id=ACTOR,
        memberships=[domain.Membership(held_at, role)],
        action=action,
        target_organ_id=target,
        parents=PARENTS,
        originator_id=originator,
    )


def test_the_tables_name_every_role_and_action_exactly_once() -> None:
    pairs = [(role, action) for role, action, *_ in ORGAN_ACTIONS + PLATFORM_ACTIONS]

    assert sorted(pairs) == sorted((role, action) for role in Role for action in Action)
    assert {action for _, action, *_ in PLATFORM_ACTIONS} == set(domain.PLATFORM_WIDE)


def test_the_tree_gives_each_column_its_relation() -> None:
    relations = [domain.relation(HELD_AT, place, PARENTS) for place in PLACES]

    assert relations == [Relation.SAME, Relation.BELOW, Relation.BELOW, Relation.ABOVE, Relation.UNRELATED]


@pytest.mark.parametrize(("role", "action", "target", "allowed"), ORGAN_CASES)
def test_every_role_action_and_organ_relation(role: Role, action: Action, target: int, allowed: bool) -> None:
    assert _decide(role, action, HELD_AT, target, SOMEONE_ELSE).allowed is allowed


@pytest.mark.parametrize(("role", "action", "allowed_for_others", "allowed"), OWN_RECORD_CASES)
def test_every_role_and_action_on_a_record_the_actor_originated(
    role: Role, action: Action, allowed_for_others: bool, allowed: bool
) -> None:
    decision = _decide(role, action, HELD_AT, ON_OWN, ACTOR)

    assert decision.allowed is allowed
    if allowed_for_others and not allowed:
        assert decision.refusal == Refusal.OWN_RECORD


@pytest.mark.parametrize(("role", "action", "held_at", "allowed"), PLATFORM_CASES)
def test_every_role_and_platform_action_by_where_the_role_is_held(
    role: Role, action: Action, held_at: int, allowed: bool
) -> None:
    assert _decide(role, action, held_at, None, SOMEONE_ELSE).allowed is allowed


@pytest.mark.parametrize(("role", "action", "allowed"), PLATFORM_OWN_CASES)
def test_every_role_and_platform_action_on_the_actors_own_proposal(role: Role, action: Action, allowed: bool) -> None:
    assert _decide(role, action, CITY, None, ACTOR).allowed is allowed


@pytest.mark.parametrize(
    ("role", "action", "held_at", "target", "originator", "refusal"),
    [
        (Role.DRAFTER, Action.APPROVE, COUNTY_A, COUNTY_A, SOMEONE_ELSE, Refusal.NO_ROLE),
        (Role.DRAFTER, Action.DRAFT, COUNTY_A, CITY_DEPARTMENT, SOMEONE_ELSE, Refusal.OUTSIDE_SCOPE),
        (Role.OPENNESS_OFFICE, Action.DRAFT, CITY, COUNTY_A, SOMEONE_ELSE, Refusal.OUTSIDE_SCOPE),
        (Role.APPROVER, Action.APPROVE, COUNTY_A, COUNTY_A, ACTOR, Refusal.OWN_RECORD),
        (Role.ADMINISTRATOR, Action.CONFIRM_CALENDAR, CITY, None, ACTOR, Refusal.OWN_RECORD),
        (Role.ADMINISTRATOR, Action.MANAGE_CALENDAR, COUNTY_A, None, SOMEONE_ELSE, Refusal.TOP_LEVEL_ONLY),
    ],
)
def test_each_refusal_names_its_reason(
    role: Role, action: Action, held_at: int, target: int | None, originator: int, refusal: Refusal
) -> None:
    assert _decide(role, action, held_at, target, originator) == domain.Decision(False, refusal)


def test_an_organ_action_without_a_target_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="needs a target organ"):
        _decide(Role.DRAFTER, Action.DRAFT, COUNTY_A, None, SOMEONE_ELSE)


def test_no_role_at_all_is_refused() -> None:
    decision = domain.decide(
        actor_id=ACTOR, memberships=[], action=Action.VIEW_RECORDS, target_organ_id=CITY, parents=PARENTS
    )

    assert decision == domain.Decision(False, Refusal.NO_ROLE)
    assert not decision


def test_roles_held_in_two_organs_combine() -> None:
    memberships = [domain.Membership(COUNTY_B_DEPARTMENT, Role.DRAFTER), domain.Membership(2, Role.REVIEWER)]

    def can(action: Action, target: int) -> bool:
        return domain.decide(
            actor_id=ACTOR, memberships=memberships, action=action, target_organ_id=target, parents=PARENTS
        ).allowed

    assert can(Action.DRAFT, COUNTY_B_DEPARTMENT)
    assert not can(Action.DRAFT, CITY_DEPARTMENT)
    assert can(Action.REVIEW, CITY_DEPARTMENT)
    assert not can(Action.REVIEW, COUNTY_B_DEPARTMENT)


def test_a_cycle_in_the_tree_does_not_hang_the_decision() -> None:
    cyclic: dict[int, int | None] = {1: 2, 2: 1, 3: None}

    assert domain.relation(1, 3, cyclic) == Relation.UNRELATED


# --- The same tables through the permission module, on real organs and accounts ---


@pytest.fixture
def tree(db: None) -> dict[int, Organ]:
    city = OrganFactory.create(name="测试市人民政府", kind=OrganKind.GOVERNMENT)
    county_a = OrganFactory.create(
        name="测试甲县人民政府", kind=OrganKind.GOVERNMENT, level=OrganLevel.COUNTY, parent=city
    )
    bureau = OrganFactory.create(name="测试甲县教育局", level=OrganLevel.COUNTY, parent=county_a)
    county_b = OrganFactory.create(
        name="测试乙县人民政府", kind=OrganKind.GOVERNMENT, level=OrganLevel.COUNTY, parent=city
    )
    return {
        CITY: city,
        CITY_DEPARTMENT: OrganFactory.create(name="测试市财政局", parent=city),
        COUNTY_A: county_a,
        COUNTY_A_BUREAU: bureau,
        COUNTY_A_SCHOOL: OrganFactory.create(
            name="测试甲县第一中学", kind=OrganKind.PUBLIC_INSTITUTION, level=OrganLevel.COUNTY, parent=bureau
        ),
        COUNTY_B: county_b,
        COUNTY_B_DEPARTMENT: OrganFactory.create(name="测试乙县财政局", level=OrganLevel.COUNTY, parent=county_b),
    }


@pytest.mark.parametrize("role", list(Role))
def test_the_tables_hold_through_the_permission_module(
    role: Role, tree: dict[int, Organ], staff_with_role: Callable[..., User]
) -> None:
    holders = {place: staff_with_role(tree[place], role) for place in (HELD_AT, *PLATFORM_PLACES)}
    someone_else = staff_with_role(tree[COUNTY_B], Role.DRAFTER)

    for row_role, action, *cells in ORGAN_ACTIONS:
        if row_role != role:
            continue
        actor = holders[HELD_AT]
        for place, allowed in zip(PLACES, cells[:-1], strict=True):
            assert permissions.can(actor, action, tree[place], originator=someone_else) is allowed, (action, place)
        assert permissions.can(actor, action, tree[ON_OWN], originator=actor) is cells[-1], (action, "own record")
    for row_role, action, *cells in PLATFORM_ACTIONS:
        if row_role != role:
            continue
        for place, allowed in zip(PLATFORM_PLACES, cells[:-1], strict=True):
            assert permissions.can(holders[place], action, originator=someone_else) is allowed, (action, place)
        assert permissions.can(holders[CITY], action, originator=holders[CITY]) is cells[-1], (action, "own")


@pytest.mark.django_db
def test_the_issue_examples(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> None:
    county_drafter = staff_with_role(organ_tree["county"], Role.DRAFTER)
    county_office = staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE)
    city_office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    drafter = staff_with_role(organ_tree["department"], Role.DRAFTER, Role.APPROVER)
    department = organ_tree["department"]

    # A county's staff cannot change a city department's records.
    assert not permissions.can(county_drafter, Action.DRAFT, department)
    assert not permissions.can(county_office, Action.MANAGE_PUBLICATIONS, department)
    assert not permissions.can(county_office, Action.VIEW_RECORDS, department)
    # A parent government's openness office can read a department's records but not alter them.
    assert permissions.can(city_office, Action.VIEW_RECORDS, department)
    assert not permissions.can(city_office, Action.DRAFT, department)
    assert not permissions.can(city_office, Action.MANAGE_PUBLICATIONS, department)
    assert not permissions.can(city_office, Action.HANDLE_APPLICATIONS, department)
    # Nobody approves their own draft, even holding both roles.
    assert permissions.can(drafter, Action.DRAFT, department)
    assert not permissions.can(drafter, Action.APPROVE, department, originator=drafter)
    assert permissions.can(drafter, Action.APPROVE, department, originator=county_drafter)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "action", "held_at", "target", "own", "message"),
    [
        (Role.DRAFTER, Action.APPROVE, "county", "county", False, "无权执行此操作"),
        (Role.DRAFTER, Action.DRAFT, "county", "department", False, "职责范围以外"),
        (Role.REVIEWER, Action.REVIEW, "department", "department", True, "不相容岗位分离"),
        (Role.ADMINISTRATOR, Action.MANAGE_CALENDAR, "county", None, False, "市级平台"),
    ],
)
def test_require_refuses_with_a_chinese_reason(
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    role: Role,
    action: Action,
    held_at: str,
    target: str | None,
    own: bool,
    message: str,
) -> None:
    actor = staff_with_role(organ_tree[held_at], role)

    with pytest.raises(PermissionDenied) as raised:
        permissions.require(actor, action, organ_tree[target] if target else None, originator=actor if own else None)

    assert str(raised.value).strip()
    assert message in str(raised.value)


@pytest.mark.django_db
def test_require_lets_an_allowed_action_through_and_stops_the_same_action_elsewhere(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    drafter = staff_with_role(organ_tree["department"], Role.DRAFTER)

    permissions.require(drafter, Action.DRAFT, organ_tree["department"])
    with pytest.raises(PermissionDenied):
        permissions.require(drafter, Action.DRAFT, organ_tree["county"])


def test_every_refusal_has_its_own_message() -> None:
    messages = [permissions.refusal_message(refusal) for refusal in Refusal]

    assert all(message.strip() for message in messages)
    assert len(set(messages)) == len(Refusal)
    assert permissions.refusal_message(None).strip()


@pytest.mark.django_db
def test_anonymous_and_inactive_users_may_do_nothing(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    assert permissions.can(office, Action.VIEW_RECORDS, organ_tree["city"])
    office.is_active = False
    office.save()

    assert not permissions.can(AnonymousUser(), Action.VIEW_RECORDS, organ_tree["city"])
    assert not permissions.can(office, Action.VIEW_RECORDS, organ_tree["city"])
    with pytest.raises(PermissionDenied):
        permissions.require(office, Action.VIEW_RECORDS, organ_tree["city"])
    with pytest.raises(PermissionDenied):
        permissions.require(AnonymousUser(), Action.VIEW_RECORDS, organ_tree["city"])


@pytest.mark.django_db
def test_a_role_at_a_deactivated_organ_no_longer_counts(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    drafter = staff_with_role(organ_tree["department"], Role.DRAFTER)
    Organ.objects.filter(pk=organ_tree["department"].pk).update(is_active=False)

    assert permissions.memberships_of(drafter) == []
    assert not permissions.can(drafter, Action.DRAFT, organ_tree["department"])


@pytest.mark.django_db
def test_organs_for_lists_where_an_action_is_allowed(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_office = staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE)
    city_admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)

    visible = permissions.organs_for(county_office, Action.VIEW_RECORDS)
    editable = permissions.organs_for(county_office, Action.MANAGE_PUBLICATIONS)

    assert set(visible) == {organ_tree["county"], organ_tree["county_department"]}
    assert editable == [organ_tree["county"]]
    assert permissions.organs_for(county_office, Action.APPROVE) == []
    assert set(permissions.organs_for(city_admin, Action.MANAGE_ORGAN)) == set(organ_tree.values())


@pytest.mark.django_db
def test_organs_for_lists_organs_in_official_order_and_skips_inactive_ones(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    city_office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    Organ.objects.filter(pk=organ_tree["city"].pk).update(sort_order=1)
    Organ.objects.filter(pk=organ_tree["county"].pk).update(sort_order=2)
    Organ.objects.filter(pk=organ_tree["department"].pk).update(sort_order=3)
    Organ.objects.filter(pk=organ_tree["county_department"].pk).update(is_active=False)

    assert permissions.organs_for(city_office, Action.VIEW_RECORDS) == [
        organ_tree["city"],
        organ_tree["county"],
        organ_tree["department"],
    ]


def test_every_role_has_its_own_label() -> None:
    labels = [str(ROLE_LABELS[role]) for role in Role]

    assert set(ROLE_LABELS) == set(Role)
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(Role)
