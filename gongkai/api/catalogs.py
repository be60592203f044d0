"""GET /api/v1/catalogs: the standard disclosure catalogs, their rows, and an organ's adopted rows
with the public items linked to them and the compliance result. Items only through public_items."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError

from gongkai.catalogs import presenters, selectors
from gongkai.catalogs.models import Catalog
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.models import Organ

router = Router(tags=["catalogs"])


def _catalog(catalog_id: int) -> Catalog:
    try:
        return selectors.catalog(catalog_id)
    except Catalog.DoesNotExist:
        raise HttpError(404, "没有该标准目录。") from None


@router.get("", url_name="catalogs", summary="The standard disclosure catalogs (基层政务公开标准目录)")
def list_catalogs(request: HttpRequest) -> list[dict[str, Any]]:
    return [presenters.catalog_json(catalog, with_rows=False) for catalog in selectors.catalogs()]


@router.get(
    "/{catalog_id}",
    url_name="catalog",
    summary="One catalog with its rows",
    description="Each row with the §4.3 columns keyed by field name, the channels it ticks, and the time-limit rule read from 公开时限.",
)
def get_catalog(request: HttpRequest, catalog_id: int) -> dict[str, Any]:
    return presenters.catalog_json(_catalog(catalog_id), with_rows=True)


@router.get(
    "/{catalog_id}/organs/{slug}",
    url_name="catalog_organ",
    summary="An organ's adopted rows of the catalog, the public items linked to them, and the compliance result",
    description=(
        "`slug` is the organ's address name. Compliance is computed today on the working-day calendar: MISSING, "
        "LATE, WRONG_CHANNEL (the row names 政府网站 but the item is not on the portal) and NEEDS_RULE; evidence "
        "lists public items only."
    ),
)
def catalog_organ(request: HttpRequest, catalog_id: int, slug: str) -> dict[str, Any]:
    catalog = _catalog(catalog_id)
    try:
        organ = organ_selectors.organ_by_slug(slug)
    except Organ.DoesNotExist:
        raise HttpError(404, "没有该机关。") from None
    entries = [
        entry
        for entry in selectors.compliance_of([organ.pk], timezone.localdate(), public=True)
        if entry.adopted.row.catalog_id == catalog.pk
    ]
    items = selectors.public_items_by_row([organ.pk], [entry.adopted.row_id for entry in entries])
    return {
        "catalog": presenters.catalog_json(catalog, with_rows=False),
        "organ": {"slug": organ.slug, "name": organ.name},
        "summary": presenters.summary_json(entries),
        "rows": [
            {
                **presenters.row_json(entry.adopted.row),
                "items": [
                    {
                        "id": item.pk,
                        "index_number": item.index_number,
                        "title": item.title,
                        "published_on": item.published_on.isoformat() if item.published_on else None,
                        "url": request.build_absolute_uri(f"/xxgk/fdzdgknr/{item.pk}/"),
                    }
                    for item in items.get((organ.pk, entry.adopted.row_id), [])
                ],
                "compliance": presenters.compliance_json(entry),
            }
            for entry in entries
        ],
    }
