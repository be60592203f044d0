"""Applicants and registrations the foi tests share."""

from datetime import date
from typing import Any

from gongkai.accounts.models import User
from gongkai.foi import services
from gongkai.foi.applicants import ApplicantKind, IdType
from gongkai.foi.models import Application
from gongkai.foi.receipt import Channel
from gongkai.organs.models import Organ

PERSON: dict[str, Any] = {
    "applicant_kind": ApplicantKind.NATURAL_PERSON,
    "applicant_name": "李四",
    "id_type": IdType.RESIDENT_ID,
    "id_number": "140902198001010016",
    "phone": "13800001234",
    "description": "忻州市2022年城区道路改造项目的批复文件",
    "delivery": "ELECTRONIC",
}

# Valid resident identity numbers (GB 11643 check digit) for further applicants.
OTHER_ID_NUMBERS = ("11010519491231002X", "440524198001010013", "510105199001011237", "142201199007070038")


def register(organ: Organ, user: User | None, **overrides: Any) -> tuple[Application, str]:
    fields: dict[str, Any] = {"channel": Channel.IN_PERSON, "arrived_on": date(2023, 9, 22), **PERSON, **overrides}
    return services.register(organ=organ, acting_user=user, **fields)
