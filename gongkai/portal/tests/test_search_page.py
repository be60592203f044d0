"""The public search page: the form reads the reader's conditions, links narrow or widen them."""

import html
import re
from collections.abc import Callable
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.organs.domain import OrganKind, OrganLevel
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.policies import services
from gongkai.policies.domain import ItemKind, Transition
from gongkai.policies.models import InformationItem
from gongkai.portal.search_forms import FILTER_PARAMETERS, Choices
from gongkai.portal.search_presenter import count_label, facet_count_label
from gongkai.search.query import FILTER_FIELDS, TOTAL_CAP
from gongkai.search.tests import conftest as search_fixtures
from gongkai.search.tests.conftest import Publish

pytestmark = pytest.mark.django_db

# The search area's published-item fixtures, so both areas build their library the same way.
topics = search_fixtures.topics
publish = search_fixtures.publish
desk = search_fixtures.desk
release = search_fixtures.release

SEARCH = "/search/"


@pytest.fixture
def library(publish: Publish, organ_tree: dict[str, Organ]) -> dict[str, InformationItem]:
    fgw = OrganFactory.create(
        name="测试市发展和改革委员会", short_name="市发改委", slug="city-fgw", parent=organ_tree["city"]
    )
    return {
        "plan": publish(
            "测试市人民政府办公室关于印发2021年政务公开工作要点的通知",
            "为深入推进政务公开，优化营商环境，现将工作要点印发给你们。",
            organ="city",
            document_number="测政办发〔2021〕35号",
            written_on=date(2021, 3, 30),
            published_on=date(2021, 4, 2),
        ),
        "land": publish(
            "关于做好土地征收信息公开的通知",
            "各县（区）要做好土地征收成片开发方案的公开，落实政务公开要求。",
            kind=ItemKind.NORMATIVE_DOCUMENT,
            document_number="测财发〔2022〕7号",
            written_on=date(2022, 5, 1),
            published_on=date(2022, 5, 6),
            target_groups="农村集体经济组织",
        ),
        "prices": publish(
            "关于价格监测工作的通知",
            "请各单位按月报送价格监测数据。",
            organ=fgw,
            published_on=date(2023, 8, 9),
            target_groups="小微企业",
        ),
        "budget": publish(
            "测试县2024年教育经费预算公开",
            "本文提到价格监测的经费安排，也提到政务公开。",
            organ="county_department",
            kind=ItemKind.FISCAL,
            published_on=date(2024, 1, 15),
        ),
    }


def page_of(client: Client, **params: str | list[str]) -> str:
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response.content.decode()


def hit_titles(page: str) -> list[str]:
    found = re.findall(r'<h3 class="hit__title"><a href="[^"]+">(.*?)</a></h3>', page, re.S)
    return [re.sub(r"</?mark>", "", title) for title in found]


def links_in(page: str, section_start: str) -> dict[str, str]:
    """Link text → href inside the element that starts at ``section_start``, up to its closing tag."""
    start = page.index(section_start)
    end = page.index("</section>", start) if "<section" in section_start else page.index("</ul>", start)
    return {
        re.sub(r"<[^>]+>", "", text).strip(): html.unescape(href)
        for href, text in re.findall(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', page[start:end], re.S)
    }


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_the_empty_page_offers_one_search_box_and_the_elements_behind_a_details(
    client: Client, library: dict[str, InformationItem]
) -> None:
    page = page_of(client)

    assert re.findall(r"<h1[^>]*>(.*?)</h1>", page) == ["搜索"]
    assert re.search(r'<details class="search-form__advanced">', page)  # closed: a phone sees one box
    assert 'id="results-heading"' not in page
    form = page[
        page.index('<form class="search-form"') : page.index("</form>", page.index('<form class="search-form"'))
    ]
    for control_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', form):
        assert f'<label for="{control_id}">' in form, control_id
    for label in (
        "全文",
        "标题",
        "发文字号",
        "发文机关",
        "主题分类",
        "信息类别",
        "发布年份",
        "有效性",
        "适用对象",
        "排序",
    ):
        assert f">{label}</label>" in form, label
    assert form.count('type="date"') == 4


def test_every_page_carries_the_header_search_box(client: Client, organ_tree: dict[str, Organ]) -> None:
    page = client.get(reverse("portal:home")).content.decode()
    header = page[page.index('<header class="site-header">') : page.index("</header>")]

    assert f'<form class="site-search" method="get" action="{SEARCH}" role="search"' in header
    assert '<label class="visually-hidden" for="site-search-q">搜索政府信息</label>' in header
    assert 'name="q"' in header


def test_free_text_finds_the_item_with_its_words_marked(client: Client, library: dict[str, InformationItem]) -> None:
    page = page_of(client, q="政务公开工作要点")

    assert hit_titles(page) == [library["plan"].title]
    assert "<mark>政务公开工作要点</mark>" in page
    assert "共 1 条" in page
    assert "测政办发〔2021〕35号" in page
    assert '<time datetime="2021-04-02">2021-04-02</time>' in page
    assert '<time datetime="2021-03-30">2021-03-30</time>' in page
    assert '<span class="validity validity--valid">有效</span>' in page
    assert re.findall(r'<h2 id="results-heading">', page)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "政务公开", "organ": "county-education"}, ["budget"]),
        ({"q": "政务公开", "kind": "NORMATIVE_DOCUMENT"}, ["land"]),
        ({"q": "政务公开", "year": "2021"}, ["plan"]),
        ({"q": "政务公开", "published_from": "2022-01-01", "published_to": "2022-12-31"}, ["land"]),
        ({"written_from": "2022-01-01"}, ["land"]),
        ({"validity": "VALID", "title": "价格"}, ["prices"]),
        ({"number": "测财发"}, ["land"]),
        ({"target": "小微企业"}, ["prices"]),
        ({"organ": ["city", "city-fgw"]}, ["prices", "plan"]),
    ],
)
def test_each_condition_narrows_the_results(
    client: Client, library: dict[str, InformationItem], params: dict[str, str], expected: list[str]
) -> None:
    assert hit_titles(page_of(client, **params)) == [library[name].title for name in expected]


def test_a_document_number_in_another_bracket_style_puts_its_item_first(
    client: Client, library: dict[str, InformationItem]
) -> None:
    for typed in ("测政办发[2021]35号", "测政办发（2021）35号", "测政办发【2021】35号"):
        assert hit_titles(page_of(client, q=typed))[:1] == [library["plan"].title], typed
        assert hit_titles(page_of(client, number=typed)) == [library["plan"].title], typed


def test_an_organs_short_name_puts_its_item_first(client: Client, library: dict[str, InformationItem]) -> None:
    page = page_of(client, q="市发改委")

    assert hit_titles(page)[:1] == [library["prices"].title]


def test_a_facet_link_narrows_to_its_value_and_a_chip_takes_it_away(
    client: Client, library: dict[str, InformationItem]
) -> None:
    page = page_of(client, q="政务公开")
    assert len(hit_titles(page)) == 3
    organs = links_in(page, '<section class="facet" aria-labelledby="facet-organ">')
    assert set(organs) == {"测试市人民政府", "测试市财政局", "测试县教育局"}
    assert re.search(r'aria-labelledby="facet-organ">\s*<h3 id="facet-organ">发文机关</h3>', page)

    narrowed = client.get(organs["测试县教育局"]).content.decode()

    assert query_of(organs["测试县教育局"]) == {"q": ["政务公开"], "organ": ["county-education"]}
    assert hit_titles(narrowed) == [library["budget"].title]
    chips = links_in(narrowed, '<ul aria-labelledby="chips-heading">')
    assert "发文机关：测试县教育局×" in chips
    assert query_of(chips["发文机关：测试县教育局×"]) == {"q": ["政务公开"]}
    assert query_of(chips["清除全部条件"]) == {"q": ["政务公开"]}
    assert 'aria-current="true">测试县教育局</a>' in narrowed


def test_facets_cover_organ_year_topic_kind_and_validity_with_counts(
    client: Client, library: dict[str, InformationItem]
) -> None:
    page = page_of(client, q="政务公开")

    for group in ("organ", "year", "topic", "kind", "validity"):
        assert f'<section class="facet" aria-labelledby="facet-{group}">' in page
    years = links_in(page, '<section class="facet" aria-labelledby="facet-year">')
    assert list(years) == ["2024", "2022", "2021"]
    assert query_of(years["2022"])["year"] == ["2022"]
    assert re.search(r">2022</a> <span class=\"facet__count\">1</span>", page)


def test_bad_input_is_refused_in_chinese_at_its_field(client: Client, library: dict[str, InformationItem]) -> None:
    response = client.get(
        SEARCH,
        {
            "q": "政务公开",
            "written_from": "2022-02-30",
            "published_from": "2023-05-01",
            "published_to": "2023-01-01",
            "organ": "nowhere",
        },
    )
    page = response.content.decode()
    errors = response.context["page"].form.errors

    assert response.status_code == 200
    assert errors["written_from"] == ["请输入真实存在的日期，例如 2023-09-22。"]
    assert errors["published_to"] == ["结束日期早于开始日期。"]
    assert errors["organ"] == ["没有名为 nowhere 的机关。"]
    assert 'id="id_published_to_error"' in page
    assert re.search(r'<input[^>]*name="published_to"[^>]*aria-invalid="true"', page)
    assert '<details class="search-form__advanced" open>' in page
    assert 'role="alert"' in page
    assert 'id="results-heading"' not in page  # nothing is searched until the conditions are right


def test_nothing_found_offers_the_conditions_to_drop(client: Client, library: dict[str, InformationItem]) -> None:
    page = page_of(client, q="土地", organ="city")

    assert hit_titles(page) == []
    assert "没有找到同时符合这些条件的公开信息" in page
    relaxations = links_in(page, "<h3>放宽条件后可找到</h3>")
    assert relaxations == {"不限发文机关：共 1 条": f"{SEARCH}?q=%E5%9C%9F%E5%9C%B0"}


def test_nothing_found_offers_the_words_split(client: Client, publish: Publish) -> None:
    publish("关于十四五期间优化营商环境的意见", "围绕十四五规划，持续优化营商环境。")

    page = page_of(client, q="十四五营商环境规划")

    assert "十四五 营商环境 规划" in page
    link = re.search(r'<a href="([^"]+)">十四五 营商环境 规划</a>', page)
    assert link is not None
    assert query_of(html.unescape(link.group(1))) == {"q": ["十四五 营商环境 规划"]}


def test_a_near_miss_organ_name_is_offered_as_did_you_mean(client: Client, library: dict[str, InformationItem]) -> None:
    page = page_of(client, q="市发改 价格")

    suggestion = re.search(r'class="did-you-mean">.*?<a href="([^"]+)">([^<]+)</a>', page, re.S)
    assert suggestion is not None
    assert suggestion.group(2) == "测试市发展和改革委员会（市发改委）"
    assert query_of(html.unescape(suggestion.group(1))) == {"q": ["市发改委 价格"]}


def test_pages_link_back_and_forth_and_mark_the_current_one(client: Client, publish: Publish) -> None:
    for number in range(45):
        publish(f"第{number}号低保公示", published_on=date(2024, 1, 1 + number % 28))

    page = page_of(client, q="低保公示", page="2")
    pages = page[page.index('<nav class="search-pages"') :]
    pages = pages[: pages.index("</nav>")]

    assert "共 45 条" in page
    assert len(hit_titles(page)) == 20
    assert re.findall(r'<a href="([^"]+)" aria-current="page">2</a>', pages)
    assert [
        query_of(html.unescape(url)).get("page") for url in re.findall(r'href="([^"]+)" rel="(?:prev|next)"', pages)
    ] == [
        None,
        ["3"],
    ]


def test_withdrawn_and_unpublished_items_never_appear(
    client: Client,
    library: dict[str, InformationItem],
    release: Callable[..., InformationItem],
    desk: dict[str, User],
) -> None:
    draft = release("价格监测草稿", 3)
    withdrawn = release("价格监测撤回稿", 4)
    services.transition(item=withdrawn, to=Transition.WITHDRAW, acting_user=desk["office"], comment="有误")

    for params in ({"q": "价格监测"}, {"q": "价格监测", "sort": "newest"}, {"organ": "city-finance"}):
        titles = hit_titles(page_of(client, **params))
        assert draft.title not in titles
        assert withdrawn.title not in titles
    assert library["prices"].title in hit_titles(page_of(client, q="价格监测"))


def test_totals_past_the_cap_and_inexact_facet_counts_read_as_estimates() -> None:
    assert count_label(TOTAL_CAP + 1, False) == "10,000 条以上"
    assert count_label(1234, True) == "共 1,234 条"
    assert facet_count_label(9876, False) == "约 9,876"
    assert facet_count_label(12, True) == "12"


def test_every_filter_of_the_service_has_its_query_parameters() -> None:
    assert FILTER_PARAMETERS.keys() == FILTER_FIELDS.keys()


def test_the_organ_select_groups_organs_under_their_city_or_county_government(
    publish: Publish, organ_tree: dict[str, Organ]
) -> None:
    town = OrganFactory.create(
        name="测试县城关镇人民政府",
        slug="county-town",
        kind=OrganKind.TOWNSHIP,
        level=OrganLevel.TOWNSHIP,
        parent=organ_tree["county"],
    )
    OrganFactory.create(name="测试市未发布局", slug="city-silent", parent=organ_tree["city"])
    for organ in ("department", "county_department", town, "city"):
        publish("关于低保标准的通知", organ=organ)

    assert Choices.load().organs == [
        ("测试市人民政府", [("city", "测试市人民政府"), ("city-finance", "测试市财政局")]),
        ("测试县人民政府", [("county-education", "测试县教育局"), ("county-town", "测试县城关镇人民政府")]),
    ]
