"""The 12345 hotline endpoint: a hotline system files consultations and later collects the answers."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer
from pydantic import Field

from gongkai.convenience import selectors, services
from gongkai.convenience.models import ConvenienceReply, HotlineToken

UNAUTHORISED = "缺少或无效的接口令牌：请在 Authorization 请求头中提供有效的 Bearer 令牌。"
NOT_FOUND = "没有找到该咨询。"
# The API speaks of the ticket; the service keys its errors by the model field.
FIELD_NAMES = {"hotline_ticket": "ticket"}


class HotlineTokenAuth(HttpBearer):
    """Bearer token issued on the workbench or with `manage.py issue_hotline_token`."""

    def __call__(self, request: HttpRequest) -> Any:
        # A missing or malformed header gets the same Chinese 401 as a wrong token.
        scheme, _, token = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != self.openapi_scheme:
            raise HttpError(401, UNAUTHORISED)
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> HotlineToken:
        found = services.authenticate(token)
        if found is None:
            raise HttpError(401, UNAUTHORISED)
        return found


router = Router(tags=["hotline"], auth=HotlineTokenAuth())


class ConsultationIn(Schema):
    ticket: str = Field(description="The 12345 work order number (工单号)")
    question: str = Field(description="The question as asked; leave out the caller's name and number")
    asked_on: date | None = Field(None, description="The day the call came in; today when left out")


class ConsultationCreated(Schema):
    id: int
    state: str


class LinkedDocument(Schema):
    title: str
    index_number: str
    url: str


class ConsultationOut(Schema):
    id: int
    ticket: str
    state: str = Field(description="PENDING while the organ prepares the answer, then ANSWERED")
    answer: str
    answered_on: date | None
    documents: list[LinkedDocument]


class FieldErrors(Schema):
    errors: dict[str, list[str]]


class Detail(Schema):
    detail: str


def _token(request: HttpRequest) -> HotlineToken:
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, HotlineToken), "the router's auth sets the token"  # noqa: S101
    return token


def _field_errors(invalid: ValidationError) -> dict[str, list[str]]:
    return {
        FIELD_NAMES.get(field, field): [str(message) for message in messages]
        for field, messages in invalid.message_dict.items()
    }


@router.post(
    "/consultations",
    response={200: ConsultationCreated, 201: ConsultationCreated, 401: Detail, 422: FieldErrors},
    summary="File a hotline consultation with the token's organ (a resent ticket returns the one filed)",
)
def file_consultation(request: HttpRequest, payload: ConsultationIn) -> Status[dict[str, object]]:
    try:
        reply, created = services.hotline_submit(
            token=_token(request), ticket=payload.ticket, question=payload.question, asked_on=payload.asked_on
        )
    except ValidationError as invalid:
        return Status(422, {"errors": _field_errors(invalid)})
    return Status(201 if created else 200, {"id": reply.pk, "state": reply.state})


def _documents(request: HttpRequest, reply: ConvenienceReply) -> list[dict[str, str]]:
    return [
        {
            "title": item.title,
            "index_number": item.index_number,
            "url": request.build_absolute_uri(reverse("portal:item", args=[item.pk])),
        }
        for item in selectors.public_linked_items(reply)
    ]


@router.get(
    "/consultations/{consultation_id}",
    response={200: ConsultationOut, 401: Detail, 404: Detail},
    summary="The state of a consultation and, once answered, the answer with its published documents",
)
def get_consultation(request: HttpRequest, consultation_id: int) -> dict[str, object]:
    reply = selectors.consultation_for(_token(request), consultation_id)
    if reply is None:
        raise HttpError(404, NOT_FOUND)
    return {
        "id": reply.pk,
        "ticket": reply.hotline_ticket,
        "state": reply.state,
        "answer": reply.answer,
        "answered_on": reply.answered_on,
        "documents": _documents(request, reply),
    }
