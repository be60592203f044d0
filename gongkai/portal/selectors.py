"""Reads the public pages need, shaped for templates that hold no logic."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.organs import selectors as organ_selectors
from gongkai.organs.domain import OrganLevel
from gongkai.organs.models import LEVEL_LABELS, Organ
from gongkai.workdays.domain import Deadline
from gongkai.workdays.labels import reason_label


@dataclass(frozen=True)
class ContactRow:
    label: Promise
    value: str


@dataclass(frozen=True)
class OrganGroup:
    label: str
    organs: list[Organ]


@dataclass(frozen=True)
class ProofRow:
    day: object
    counted: bool
    ordinal: int | None
    explanation: str
    provisional: bool


def guide_contact_rows(organ: Organ) -> list[ContactRow]:
    """条例第十二条: the guide names the working body and how to reach it."""
    return [
        ContactRow(_("disclosure working body"), organ.disclosure_office),
        ContactRow(_("office address"), organ.office_address),
        ContactRow(_("postcode"), organ.postcode),
        ContactRow(_("office hours"), organ.office_hours),
        ContactRow(_("telephone"), organ.phone),
        ContactRow(_("fax"), organ.fax),
        ContactRow(_("email"), organ.email),
    ]


def organs_by_level() -> list[OrganGroup]:
    groups: dict[OrganLevel, list[Organ]] = {level: [] for level in OrganLevel}
    for organ in organ_selectors.organs_in_official_order():
        groups[OrganLevel(organ.level)].append(organ)
    return [OrganGroup(str(LEVEL_LABELS[level]), organs) for level, organs in groups.items() if organs]


def proof_rows(deadline: Deadline) -> list[ProofRow]:
    rows = []
    for line in deadline.proof:
        explanation = str(reason_label(line.reason))
        if line.festival:
            explanation = f"{explanation}（{line.festival}）"
        rows.append(ProofRow(line.day, line.counted, line.ordinal, explanation, line.provisional))
    return rows
