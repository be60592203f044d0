"""GET /api/v1/search: the page's parameters, a JSON result, and refusals in Chinese by parameter."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.policies.domain import ItemKind
from gongkai.policies.models import InformationItem
from gongkai.search.tests import conftest as search_fixtures
from gongkai.search.tests.conftest import Publish

pytestmark = pytest.mark.django_db

topics = search_fixtures.topics
publish = search_fixtures.publish

URL = "/api/v1/search"


@pytest.fixture(autouse=True)
def fresh_rate_limit() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()  # the limit test leaves a full quota behind for the next test in this process


@pytest.fixture
def library(publish: Publish, organ_tree: dict[str, Organ]) -> dict[str, InformationItem]:
    fgw = OrganFactory.create(
        name="测试市发展和改革委员会", short_name="市发改委", slug="city-fgw", parent=organ_tree["city"]
    )
    return {
        "plan": publish(
            "测试市人民政府办公室关于印发2021年政务公开工作要点的通知",
            "为深入推进政务公开，优化营商环境。",
            organ="city",
            document_number="测政办发〔2021〕35号",
            written_on=date(2021, 3, 30),
            published_on=date(2021, 4, 2),
        ),
        "land": publish(
            "关于做好土地征收信息公开的通知",
            "做好土地征收成片开发方案的公开，落实政务公开要求。",
            kind=ItemKind.NORMATIVE_DOCUMENT,
            published_on=date(2022, 5, 6),
        ),
        "prices": publish(
            "关于价格监测工作的通知",
            "请按月报送价格监测数据。",
            organ=fgw,
            published_on=date(2023, 8, 9),
            target_groups="小微企业",
        ),
    }


def get(client: Client, **params: Any) -> dict[str, Any]:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


def test_the_result_has_totals_pages_hits_and_facets(client: Client, library: dict[str, InformationItem]) -> None:
    body = get(client, q="政务公开工作要点")

    assert set(body) == {
        "total",
        "total_exact",
        "page",
        "page_size",
        "page_count",
        "hits",
        "facets",
        "did_you_mean",
        "relaxations",
        "split_suggestion",
    }
    assert (body["total"], body["total_exact"], body["page"], body["page_size"], body["page_count"]) == (
        1,
        True,
        1,
        20,
        1,
    )
    [hit] = body["hits"]
    plan = library["plan"]
    assert hit == {
        "source": "policies.item",
        "id": plan.pk,
        "url": f"/xxgk/fdzdgknr/{plan.pk}/",
        "title": plan.title,
        "title_html": "测试市人民政府办公室关于印发2021年<mark>政务公开工作要点</mark>的通知",
        "snippet_html": hit["snippet_html"],
        "document_number": "测政办发〔2021〕35号",
        "organ": "测试市人民政府",
        "written_on": "2021-03-30",
        "published_on": "2021-04-02",
        "kind": "OTHER_DOCUMENT",
        "kind_label": "其他文件",
        "validity": "VALID",
        "validity_label": "有效",
    }
    assert body["facets"]["exact"] is True
    assert body["facets"]["organ"] == [{"value": "city", "label": "测试市人民政府", "count": 1}]
    assert body["facets"]["year"] == [{"value": "2021", "label": "2021", "count": 1}]
    assert (body["did_you_mean"], body["relaxations"], body["split_suggestion"]) == ([], [], "")


def test_a_facet_value_is_what_its_parameter_takes(client: Client, library: dict[str, InformationItem]) -> None:
    facets = get(client, q="政务公开")["facets"]
    organ = next(value["value"] for value in facets["organ"] if value["label"] == "测试市财政局")

    narrowed = get(client, q="政务公开", organ=organ)

    assert [hit["id"] for hit in narrowed["hits"]] == [library["land"].pk]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"number": "测政办发[2021]35号"}, ["plan"]),
        ({"q": "市发改委"}, ["prices"]),
        ({"organ": ["city", "city-fgw"], "sort": "newest"}, ["prices", "plan"]),
        ({"kind": "NORMATIVE_DOCUMENT"}, ["land"]),
        ({"year": "2023"}, ["prices"]),
        ({"written_to": "2021-12-31"}, ["plan"]),
        ({"published_from": "2022-01-01", "published_to": "2022-12-31"}, ["land"]),
        ({"target": "小微企业"}, ["prices"]),
        ({"validity": "EXPIRED"}, []),
        ({}, ["prices", "land", "plan"]),  # no condition: everything public, newest first
    ],
)
def test_the_parameters_filter_like_the_page(
    client: Client, library: dict[str, InformationItem], params: dict[str, Any], expected: list[str]
) -> None:
    assert [hit["id"] for hit in get(client, **params)["hits"]] == [library[name].pk for name in expected]


def test_pages_are_cut_by_page_and_page_size(client: Client, library: dict[str, InformationItem]) -> None:
    body = get(client, sort="newest", page="2", page_size="2")

    assert (body["total"], body["page"], body["page_size"], body["page_count"]) == (3, 2, 2, 2)
    assert [hit["id"] for hit in body["hits"]] == [library["plan"].pk]


def test_nothing_found_names_the_filters_to_drop_and_their_parameters(
    client: Client, library: dict[str, InformationItem]
) -> None:
    body = get(client, q="土地", published_from="2023-01-01", published_to="2023-12-31")

    assert (body["total"], body["hits"], body["facets"]) == (0, [], None)
    assert body["relaxations"] == [
        {
            "drop": "published",
            "label": "发布日期",
            "parameters": ["published_from", "published_to"],
            "total": 1,
            "total_exact": True,
        }
    ]


def test_a_near_miss_organ_name_comes_back_with_the_organs_slug(
    client: Client, library: dict[str, InformationItem]
) -> None:
    body = get(client, q="市发改 价格")

    assert body["did_you_mean"][0] == {
        "word": "市发改",
        "alias": "市发改委",
        "organ": "city-fgw",
        "organ_name": "测试市发展和改革委员会",
    }


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"written_from": "2021-02-30"}, {"written_from": ["请输入真实存在的日期，例如 2023-09-22。"]}),
        (
            {"published_from": "2022-05-01", "published_to": "2022-01-01"},
            {"published_to": ["结束日期早于开始日期。"]},
        ),
        ({"organ": "nowhere"}, {"organ": ["没有名为 nowhere 的机关。"]}),
        ({"kind": "POEM"}, {"kind": ["没有 POEM 这一信息类别。"]}),
        ({"year": "公元"}, {"year": ["请输入年份，例如 2021。"]}),
        ({"sort": "random"}, {"sort": ["排序只能是 relevance（按相关度）或 newest（按时间）。"]}),
        ({"page": "two"}, {"page": ["请输入页码。"]}),
        ({"page_size": "500"}, {"page_size": ["每页最多显示 50 条。"]}),
        ({"q": "字" * 201}, {"q": ["最多输入 200 个字符。"]}),
    ],
)
def test_bad_input_is_refused_with_chinese_messages_by_parameter(
    client: Client, library: dict[str, InformationItem], params: dict[str, str], errors: dict[str, list[str]]
) -> None:
    response = client.get(URL, params)

    assert response.status_code == 422
    assert response.json() == {"errors": errors}


def test_the_openapi_document_names_every_parameter(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/search"]["get"]

    assert {parameter["name"] for parameter in operation["parameters"]} == {
        "q",
        "title",
        "number",
        "organ",
        "topic",
        "kind",
        "year",
        "written_from",
        "written_to",
        "published_from",
        "published_to",
        "validity",
        "target",
        "column",
        "sort",
        "page",
        "page_size",
    }
    assert all(parameter.get("description") for parameter in operation["parameters"])
    assert set(operation["responses"]) == {"200", "422"}


def test_searches_are_limited_per_address_without_using_up_the_application_quota(
    client: Client, library: dict[str, InformationItem]
) -> None:
    for _ in range(60):
        assert client.get(URL, {"q": "价格"}).status_code == 200

    assert client.get(URL, {"q": "价格"}).status_code == 429
    assert client.get("/api/v1/applications/GK-NONE", {"query_code": "none"}).status_code != 429
