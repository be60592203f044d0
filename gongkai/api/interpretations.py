"""GET /api/v1/interpretations: published policy interpretations with the policies they explain."""

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from pydantic import Field

from gongkai.interpretations import domain
from gongkai.interpretations import selectors as interpretation_selectors
from gongkai.interpretations.models import CHANNEL_LABELS, FORM_LABELS, Interpretation
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.models import InformationItem

router = Router(tags=["policy interpretations"])


class InterpretationFilters(Schema):
    organ: str | None = Field(None, description="Interpreting organ's address name (slug)")
    policy: int | None = Field(None, description="Id of a policy: only its interpretations")


class PolicyRef(Schema):
    id: int
    title: str
    document_number: str
    url: str


class InterpretationOut(Schema):
    id: int
    title: str
    organ: str
    published_on: date | None
    form: str
    url: str
    policies: list[PolicyRef]
    follow_up_of: int | None
    follow_up_kind: str
    channels: list[str]


class InterpretationDetailOut(InterpretationOut):
    elements: dict[str, str]
    questions_and_answers: list[dict[str, str]]
    media_url: str
    body: str


def _policy_ref(policy: InformationItem) -> dict[str, Any]:
    return {
        "id": policy.pk,
        "title": policy.title,
        "document_number": policy.document_number,
        "url": f"/xxgk/fdzdgknr/{policy.pk}/",
    }


def _summary(interpretation: Interpretation) -> dict[str, Any]:
    item = interpretation.item
    return {
        "id": item.pk,
        "title": item.title,
        "organ": item.organ.name,
        "published_on": item.published_on,
        "form": str(FORM_LABELS[domain.Form(interpretation.form)]),
        "url": f"/xxgk/fdzdgknr/{item.pk}/",
        "policies": [_policy_ref(policy) for policy in interpretation_selectors.public_policies_of(interpretation)],
        "follow_up_of": interpretation.follow_up_of_id,
        "follow_up_kind": interpretation.follow_up_kind,
        "channels": [str(CHANNEL_LABELS[domain.Channel(channel)]) for channel in interpretation.channels],
    }


def _public() -> Any:
    return Interpretation.objects.filter(item__in=policy_selectors.public_items()).select_related("item", "item__organ")


@router.get("", response=list[InterpretationOut], summary="Published policy interpretations")
@paginate(PageNumberPagination, page_size=20)
def interpretation_list(request: HttpRequest, filters: Query[InterpretationFilters]) -> list[dict[str, Any]]:
    found = _public().order_by("-item__published_on", "-item_id")
    if filters.organ:
        found = found.filter(item__organ__slug=filters.organ)
    if filters.policy is not None:
        found = found.filter(policies__pk=filters.policy)
    return [_summary(interpretation) for interpretation in found]


@router.get("/{item_id}", response=InterpretationDetailOut, summary="One published interpretation")
def interpretation_detail(request: HttpRequest, item_id: int) -> dict[str, Any]:
    interpretation = _public().filter(pk=item_id).prefetch_related("answers").first()
    if interpretation is None:
        raise HttpError(404, "没有该政策解读。")
    texts = interpretation.element_texts()
    return {
        **_summary(interpretation),
        "elements": {domain.ELEMENT_HEADINGS[element]: texts[element] for element in domain.Element},
        "questions_and_answers": [
            {"question": answer.question, "answer": answer.answer} for answer in interpretation.answers.all()
        ],
        "media_url": interpretation.media_url,
        "body": interpretation.item.body_text,
    }
