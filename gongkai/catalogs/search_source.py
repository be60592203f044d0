"""Catalog rows in search: what must be disclosed is searchable beside what was (Issue: 按要素搜索).

A row is public while it is in force (not retired) in the catalog of an active organ; its page is
the catalog's own, at the row's anchor. Rows carry no publication date of their own, so the day the
row entered the platform stands in for it (it orders rows among the newest records only).
"""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.catalogs.models import CatalogRow
from gongkai.policies.domain import Validity
from gongkai.search.documents import IndexDocument
from gongkai.search.sources import Display, IndexableSource, register

ROWS = "catalogs.row"
ROW_KIND = "CATALOG_ROW"  # search's kind for a row, beside the information items' kinds


def public_rows() -> QuerySet[CatalogRow]:
    return CatalogRow.objects.filter(retired=False, catalog__owner__is_active=True).select_related(
        "catalog", "catalog__owner"
    )


def _title(row: CatalogRow) -> str:
    return f"{row.first_item}：{row.second_item}"


def _body(row: CatalogRow) -> str:
    return "\n".join(
        part for part in (row.content, row.basis, row.time_limit, row.subject, row.channels) if part.strip()
    )


def _document(row: CatalogRow) -> IndexDocument:
    catalog = row.catalog
    return IndexDocument(
        object_id=row.pk,
        title=_title(row),
        codes=(),
        tags=(catalog.title, catalog.domain, catalog.owner.name, catalog.owner.short_name),
        body=_body(row),
        organ_id=catalog.owner_id,
        topic_id=None,
        topic_parent_id=None,
        kind=ROW_KIND,
        document_number_key="",
        written_on=None,
        published_on=timezone.localdate(row.created_at),
        declared_validity=Validity.VALID.value,
        expires_on=None,
        repealed_on=None,
    )


def _display(row: CatalogRow) -> Display:
    return Display(
        title=_title(row),
        document_number="",
        organ_name=row.catalog.owner.name,
        url=reverse("catalog_portal:catalog", args=[row.catalog_id]) + f"#row-{row.pk}",
    )


register(
    IndexableSource(
        name=ROWS,
        code=2,
        public_objects=public_rows,
        document=_document,
        display=_display,
        organ_field="catalog__owner",
        kind_labels={ROW_KIND: _("standard catalog item")},
    )
)
