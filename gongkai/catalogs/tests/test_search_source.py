"""Catalog rows in search: found after an import, gone when retired or removed, linked to their row."""

from collections.abc import Callable

import pytest
from django.test import Client

from gongkai.accounts.models import User
from gongkai.catalogs import services, sheet
from gongkai.catalogs.models import Catalog
from gongkai.catalogs.search_source import ROWS
from gongkai.catalogs.tests.conftest import ROWS as ROW_DATA
from gongkai.search import drift
from gongkai.search.query import SearchQuery
from gongkai.search.service import search

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    return [hit.title for hit in search(SearchQuery(text=text, sources=(ROWS,))).hits]


def test_imported_rows_are_searchable_and_leave_search_with_the_file(
    catalog: Catalog, people: dict[str, User], client: Client
) -> None:
    assert found("学区划分") == ["招生入学：学区划分"]
    hit = search(SearchQuery(text="学区划分")).hits[0]
    assert hit.url.endswith(f"#row-{catalog.rows.get(second_item='学区划分').pk}")
    page = client.get("/search/", {"q": "学区划分"}).content.decode()
    assert "标准目录事项" in page

    without = [row for row in ROW_DATA if row.second_item != "学区划分"]
    services.import_catalog(
        domain=catalog.domain,
        level=catalog.level,
        owner=catalog.owner,
        workbook=sheet.write(catalog.title, without),
        acting_user=people["city_office"],
    )
    assert found("学区划分") == []
    assert not drift.check()


def test_an_organ_leaving_takes_its_catalog_rows_out_of_search(
    catalog: Catalog, staff_with_role: Callable[..., User]
) -> None:
    owner = catalog.owner
    owner.is_active = False
    owner.save()
    assert found("学区划分") == []
