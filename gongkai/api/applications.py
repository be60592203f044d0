"""POST /api/v1/applications and the status lookup: the online form's rules, for other systems."""

import base64
import binascii
from datetime import date

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle
from pydantic import Field

from gongkai.foi import selectors as foi_selectors
from gongkai.foi import services as foi_services
from gongkai.foi.applicants import ApplicantKind, IdType
from gongkai.foi.receipt import Channel
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.models import Organ

router = Router(tags=["applications"])


class ApplicationIn(Schema):
    organ: str = Field(description="Address name (slug) of the organ applied to")
    applicant_kind: ApplicantKind
    applicant_name: str
    id_type: IdType | None = None
    id_number: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    contact_person: str = ""
    phone: str
    address: str = ""
    email: str = ""
    description: str = Field(description="The information wanted: its name, document number or other features")
    delivery: str = Field(description="PAPER, ELECTRONIC, EMAIL or COLLECT")
    identity_proof_name: str = Field("", description="File name of the proof of identity, e.g. id.pdf")
    identity_proof_base64: str = Field("", description="The proof of identity (PDF, JPEG or PNG, at most 5 MB), base64")


# The service names its errors by model field; the API by payload field.
PAYLOAD_FIELDS = {"identity_proof": "identity_proof_base64"}


class ReceiptOut(Schema):
    tracking_number: str
    query_code: str = Field(description="Shown once: the applicant needs it to follow the application")
    state: str


class FieldErrors(Schema):
    errors: dict[str, list[str]]


class StatusQuery(Schema):
    query_code: str


class LetterOut(Schema):
    kind: str = Field(description="REPLY, CORRECTION, EXTENSION or FEE")
    number: str = Field(description="The letter's document number (发文字号)")
    issued_on: date
    pdf_sha256: str = Field(description="SHA-256 of the issued PDF, to check a copy against")


class StatusOut(Schema):
    tracking_number: str
    organ: str
    state: str
    arrived_on: date
    received_on: date | None
    due_on: date | None
    due_provisional: bool
    served_on: date | None
    letters: list[LetterOut] = Field(description="Letters issued to the applicant; download them on the portal")


@router.post(
    "",
    response={201: ReceiptOut, 422: FieldErrors},
    summary="Submit an information application (the same checks as the portal form)",
    throttle=[AnonRateThrottle("10/m")],
)
def submit(request: HttpRequest, payload: ApplicationIn) -> Status[dict[str, object]]:
    fields = payload.dict()
    slug = fields.pop("organ")
    try:
        organ = organ_selectors.organ_by_slug(slug)
    except Organ.DoesNotExist:
        return Status(422, {"errors": {"organ": ["没有找到该机关。"]}})
    fields["id_type"] = fields["id_type"] or ""
    proof_name, proof_data = fields.pop("identity_proof_name"), fields.pop("identity_proof_base64")
    if proof_data:
        try:
            fields["identity_proof"] = foi_services.ProofFile(proof_name, base64.b64decode(proof_data, validate=True))
        except binascii.Error:
            return Status(422, {"errors": {"identity_proof_base64": ["身份证明不是有效的Base64编码。"]}})
    try:
        application, code = foi_services.register(
            organ=organ, channel=Channel.ONLINE, arrived_on=timezone.localdate(), acting_user=None, **fields
        )
    except ValidationError as invalid:
        errors = {
            PAYLOAD_FIELDS.get(field, field): [str(message) for message in messages]
            for field, messages in invalid.message_dict.items()
        }
        return Status(422, {"errors": errors})
    return Status(201, {"tracking_number": application.tracking_number, "query_code": code, "state": application.state})


@router.get(
    "/{tracking_number}",
    response=StatusOut,
    summary="The state and dates of an application, with its query code",
    throttle=[AnonRateThrottle("30/m")],
)
def status(request: HttpRequest, tracking_number: str, query: Query[StatusQuery]) -> dict[str, object]:
    application = foi_services.find_by_query_code(tracking_number, query.query_code)
    if application is None:
        raise HttpError(404, "没有与该申请编号和查询码相符的申请。")
    return {
        "tracking_number": application.tracking_number,
        "organ": application.organ.name,
        "state": application.state,
        "arrived_on": application.arrived_on,
        "received_on": application.received_on,
        "due_on": application.due_on,
        "due_provisional": application.due_provisional,
        "served_on": application.served_on,
        "letters": [
            {
                "kind": letter.kind,
                "number": letter.number,
                "issued_on": letter.issued_on,
                "pdf_sha256": letter.pdf_sha256,
            }
            for letter in foi_selectors.applicant_letters(application)
        ],
    }
