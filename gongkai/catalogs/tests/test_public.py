"""The public catalog pages (/xxgk/bzml/) and the catalog API: only public items, rows searchable by element."""

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.catalogs.models import Catalog, CatalogRow
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit_left_over() -> None:
    cache.clear()


def test_the_index_lists_catalogs_by_domain_and_level_and_the_organs_that_follow_them(
    client: Client, known_gaps: dict[str, InformationItem], catalog: Catalog, organ_tree: dict[str, Organ]
) -> None:
    page = client.get("/xxgk/bzml/").content.decode()

    assert f'<a href="/xxgk/bzml/{catalog.pk}/">县级</a>' in page
    assert f'href="/xxgk/bzml/jg/{organ_tree["county_department"].slug}/"' in page


def test_rows_are_searched_by_element(client: Client, catalog: Catalog, rows: dict[str, CatalogRow]) -> None:
    page = client.get("/xxgk/bzml/", {"q": "对口学校", "domain": "义务教育", "level": "县级"}).content.decode()
    assert f'href="/xxgk/bzml/{catalog.pk}/#row-{rows["学区划分"].pk}"' in page
    assert "资助名单" not in page
    nothing = client.get("/xxgk/bzml/", {"q": "不存在的事项"}).content.decode()
    hits = nothing[nothing.index('id="hits-heading"') : nothing.index('id="domains-heading"')]
    assert '<p class="empty">' in hits
    assert "#row-" not in hits


def test_a_catalog_page_shows_every_column_in_a_labelled_scrolling_region(client: Client, catalog: Catalog) -> None:
    page = client.get(f"/xxgk/bzml/{catalog.pk}/").content.decode()

    assert 'class="table-scroll" role="region" aria-labelledby="catalog-title" tabindex="0"' in page
    for header in ("一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体"):
        assert f'<th scope="col">{header}</th>' in page
    assert client.get("/xxgk/bzml/999999/").status_code == 404


def test_the_organ_page_shows_public_items_only(
    client: Client, known_gaps: dict[str, InformationItem], organ_tree: dict[str, Organ]
) -> None:
    for slug in (organ_tree["county_department"].slug, organ_tree["county"].slug):
        page = client.get(f"/xxgk/bzml/jg/{slug}/").content.decode()
        assert known_gaps["on_time"].title in page
        assert known_gaps["late"].title in page
        assert known_gaps["hidden"].title not in page
    assert client.get("/xxgk/bzml/jg/no-such-organ/").status_code == 404


def test_the_api_lists_catalogs_and_their_rows(client: Client, catalog: Catalog) -> None:
    listing = client.get("/api/v1/catalogs").json()
    assert [(entry["domain"], entry["level"], entry["row_count"]) for entry in listing] == [("义务教育", "县级", 4)]

    detail = client.get(f"/api/v1/catalogs/{catalog.pk}").json()
    assert detail["columns"][:2] == ["一级事项", "二级事项"]
    assert [row["second_item"] for row in detail["rows"]] == [
        "义务教育招生入学政策",
        "学区划分",
        "资助政策",
        "资助名单",
    ]
    assert detail["rows"][0]["rule"] == {
        "kind": "WITHIN",
        "description": "形成或变更之日起20个工作日内",
        "manual": False,
    }
    assert client.get("/api/v1/catalogs/999999").status_code == 404


def test_the_api_gives_an_organs_rows_with_public_items_and_compliance(
    client: Client, known_gaps: dict[str, InformationItem], catalog: Catalog, organ_tree: dict[str, Organ]
) -> None:
    response = client.get(f"/api/v1/catalogs/{catalog.pk}/organs/{organ_tree['county_department'].slug}")
    data = response.json()
    body = response.content.decode()

    rows = {row["second_item"]: row for row in data["rows"]}
    assert [item["id"] for item in rows["义务教育招生入学政策"]["items"]] == [known_gaps["on_time"].pk]
    assert rows["学区划分"]["compliance"]["findings"][0]["gap"] == "LATE"
    assert rows["资助政策"]["compliance"]["findings"][0]["gap"] == "MISSING"
    assert rows["资助名单"]["items"] == []
    assert known_gaps["hidden"].title not in body
    assert known_gaps["hidden"].index_number not in body
    assert data["summary"]["rows"] == 4
    assert client.get(f"/api/v1/catalogs/{catalog.pk}/organs/no-such-organ").status_code == 404
