"""GET /api/v1/documents: published proactive government information, through the public selector."""

from datetime import date

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from pydantic import Field

from gongkai.policies import selectors
from gongkai.policies.domain import ItemKind, Validity
from gongkai.policies.models import InformationItem

router = Router(tags=["documents"])


class DocumentFilters(Schema):
    organ: str | None = Field(None, description="Issuing organ's address name (slug)")
    topic: int | None = Field(None, description="Topic category id; a first-level id includes its sub-categories")
    kind: ItemKind | None = Field(None, description="Kind of information")
    year: int | None = Field(None, description="Year of publication")
    validity: Validity | None = Field(None, description="有效性")


class DocumentOut(Schema):
    id: int
    index_number: str
    title: str
    document_number: str
    organ: str
    topic: str
    kind: str
    written_on: date | None
    published_on: date | None
    validity: str
    keywords: str

    @staticmethod
    def resolve_organ(item: InformationItem) -> str:
        return item.organ.name

    @staticmethod
    def resolve_topic(item: InformationItem) -> str:
        return item.topic.path

    @staticmethod
    def resolve_validity(item: InformationItem) -> str:
        return selectors.validity_of(item, timezone.localdate()).value


class DocumentDetailOut(DocumentOut):
    body: str
    co_issuers: list[str]

    @staticmethod
    def resolve_co_issuers(item: InformationItem) -> list[str]:
        return [organ.name for organ in item.co_issuers.all()]


def _filtered(filters: DocumentFilters) -> QuerySet[InformationItem]:
    items = selectors.public_items()
    if filters.organ:
        items = items.filter(organ__slug=filters.organ)
    if filters.topic:
        items = items.filter(Q(topic_id=filters.topic) | Q(topic__parent_id=filters.topic))
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.year:
        items = items.filter(published_on__year=filters.year)
    if filters.validity:
        items = selectors.with_validity(items, filters.validity, timezone.localdate())
    return items


@router.get("", response=list[DocumentOut], summary="List published proactive government information")
@paginate(PageNumberPagination, page_size=20)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> QuerySet[InformationItem]:
    return _filtered(filters)


@router.get("/{path:key}", response=DocumentDetailOut, summary="One published item, by 索引号 or id")
def get_document(request: HttpRequest, key: str) -> InformationItem:
    try:
        return selectors.public_item(key)
    except InformationItem.DoesNotExist as missing:
        raise HttpError(404, "没有找到该政府信息。") from missing
