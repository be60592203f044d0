"""Who may do what to which organ's records: the whole rule on one screen, without Django.

Roles are held per organ. An action on an organ's records is allowed when the actor holds, at
that organ, a role that grants the action; supervision reaches down the organ tree only for the
actions in SUPERVISION (a government's openness office reads its departments' records but does
not alter them). Platform-wide actions need the role at a top-level organ. Separated duties
never let the originator of a record act on it again (nobody approves their own draft).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Role(StrEnum):
    DRAFTER = "DRAFTER"  # 拟稿人
    REVIEWER = "REVIEWER"  # 审核人
    APPROVER = "APPROVER"  # 分管负责人
    OPENNESS_OFFICE = "OPENNESS_OFFICE"  # 公开办
    ASSESSOR = "ASSESSOR"  # 考核员
    ADMINISTRATOR = "ADMINISTRATOR"  # 系统管理员


class Action(StrEnum):
    VIEW_RECORDS = "VIEW_RECORDS"  # read drafts, applications, ledgers
    DRAFT = "DRAFT"  # create and edit drafts, propose the disclosure attribute
    REVIEW = "REVIEW"  # review attribute and content
    APPROVE = "APPROVE"  # approve and apply the disclosure seal
    HANDLE_APPLICATIONS = "HANDLE_APPLICATIONS"  # register and process 依申请公开 applications
    MANAGE_PUBLICATIONS = "MANAGE_PUBLICATIONS"  # columns, catalogs, annual report, gazette
    ASSESS = "ASSESS"  # spot checks, notices, rectification, scores
    MANAGE_ORGAN = "MANAGE_ORGAN"  # organ data, staff accounts and roles, keys
    MANAGE_CALENDAR = "MANAGE_CALENDAR"  # enter the State Council's yearly holiday arrangement
    CONFIRM_CALENDAR = "CONFIRM_CALENDAR"  # a second administrator confirms it


class Relation(StrEnum):
    """Where the target organ stands relative to the organ at which the actor holds a role."""

    SAME = "SAME"
    BELOW = "BELOW"  # target is a descendant of the actor's organ
    ABOVE = "ABOVE"
    UNRELATED = "UNRELATED"


class Refusal(StrEnum):
    NO_ROLE = "NO_ROLE"
    OUTSIDE_SCOPE = "OUTSIDE_SCOPE"
    OWN_RECORD = "OWN_RECORD"
    TOP_LEVEL_ONLY = "TOP_LEVEL_ONLY"


ROLE_ACTIONS: Final[Mapping[Role, frozenset[Action]]] = {
    Role.DRAFTER: frozenset({Action.VIEW_RECORDS, Action.DRAFT}),
    Role.REVIEWER: frozenset({Action.VIEW_RECORDS, Action.REVIEW}),
    Role.APPROVER: frozenset({Action.VIEW_RECORDS, Action.APPROVE}),
    Role.OPENNESS_OFFICE: frozenset(
        {Action.VIEW_RECORDS, Action.DRAFT, Action.HANDLE_APPLICATIONS, Action.MANAGE_PUBLICATIONS}
    ),
    Role.ASSESSOR: frozenset({Action.VIEW_RECORDS, Action.ASSESS}),
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_ORGAN, Action.MANAGE_CALENDAR, Action.CONFIRM_CALENDAR}),
}

# Actions that reach organs below the one where the role is held.
SUPERVISION: Final[Mapping[Role, frozenset[Action]]] = {
    Role.OPENNESS_OFFICE: frozenset({Action.VIEW_RECORDS}),
    Role.ASSESSOR: frozenset({Action.VIEW_RECORDS, Action.ASSESS}),
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_ORGAN}),
}

# Actions on the platform as a whole (no target organ): the role must be held at a top-level organ.
PLATFORM_WIDE: Final = frozenset({Action.MANAGE_CALENDAR, Action.CONFIRM_CALENDAR})

# The originator of a record may not take these actions on it (separation of duties).
SEPARATED: Final = frozenset({Action.REVIEW, Action.APPROVE, Action.CONFIRM_CALENDAR})


@dataclass(frozen=True)
class Membership:
    organ_id: int
    role: Role


@dataclass(frozen=True)
class Decision:
    allowed: bool
    refusal: Refusal | None = None

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED: Final = Decision(True)


def relation(holder_organ_id: int, target_organ_id: int, parents: Mapping[int, int | None]) -> Relation:
    if holder_organ_id == target_organ_id:
        return Relation.SAME
    if holder_organ_id in _ancestors(target_organ_id, parents):
        return Relation.BELOW
    if target_organ_id in _ancestors(holder_organ_id, parents):
        return Relation.ABOVE
    return Relation.UNRELATED


def _ancestors(organ_id: int, parents: Mapping[int, int | None]) -> list[int]:
    found: list[int] = []
    current = parents.get(organ_id)
    while current is not None and current not in found:
        found.append(current)
        current = parents.get(current)
    return found


def decide(
    *,
    actor_id: int,
    memberships: Iterable[Membership],
    action: Action,
    target_organ_id: int | None,
    parents: Mapping[int, int | None],
    originator_id: int | None = None,
) -> Decision:
    """Decide one action; `target_organ_id` is None for platform-wide actions."""
    held = [m for m in memberships if action in ROLE_ACTIONS[m.role]]
    if not held:
        return Decision(False, Refusal.NO_ROLE)
    if action in SEPARATED and originator_id is not None and originator_id == actor_id:
        return Decision(False, Refusal.OWN_RECORD)
    if action in PLATFORM_WIDE:
        if any(parents.get(m.organ_id) is None for m in held):
            return ALLOWED
        return Decision(False, Refusal.TOP_LEVEL_ONLY)
    if target_organ_id is None:
        raise ValueError(f"{action} needs a target organ")
    for membership in held:
        where = relation(membership.organ_id, target_organ_id, parents)
        if where is Relation.SAME:
            return ALLOWED
        if where is Relation.BELOW and action in SUPERVISION.get(membership.role, frozenset()):
            return ALLOWED
    return Decision(False, Refusal.OUTSIDE_SCOPE)
