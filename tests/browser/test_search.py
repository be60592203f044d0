"""Searching in Chromium without JavaScript: from the header box to a facet, and on a phone screen."""

from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.policies import services
from gongkai.policies.domain import DisclosureAttribute, ItemKind
from gongkai.policies.models import Topic
from tests.browser.pages import PortalPage

pytestmark = pytest.mark.browser


@pytest.fixture
def library(portal_data: Organ) -> None:
    """Three published items from two organs, through the import path the demo data uses."""
    services.ensure_topics()
    topic = Topic.objects.get(name="财政", parent__name="财政、金融、审计")
    finance = OrganFactory.create(name="忻州市财政局", short_name="市财政局", slug="czj", parent=portal_data)
    for organ, title, published_on in (
        (portal_data, "忻州市人民政府关于做好2024年低保标准调整工作的通知", date(2024, 3, 1)),
        (finance, "忻州市财政局关于下达2024年低保资金的通知", date(2024, 4, 2)),
        (finance, "忻州市财政局关于2023年低保资金绩效评价的报告", date(2023, 6, 5)),
    ):
        services.import_published(
            acting_user=None,
            organ=organ,
            published_on=published_on,
            source="测试",
            title=title,
            topic=topic,
            kind=ItemKind.OTHER_DOCUMENT,
            attribute=DisclosureAttribute.PROACTIVE,
            body=f"<p>{title}。各县（市、区）要按时发放低保资金，保障困难群众基本生活。</p>",
        )


@pytest.fixture
def no_script_page(browser: Browser, ipv6_server: str) -> Iterator[Page]:
    """A tab with JavaScript turned off: the search must work as plain forms and links."""
    context = browser.new_context(java_script_enabled=False)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def search_portal(ipv6_server: str, library: None, no_script_page: Page) -> PortalPage:
    return PortalPage(no_script_page, ipv6_server)


def test_a_reader_without_javascript_searches_from_the_header_and_narrows_by_organ(search_portal: PortalPage) -> None:
    page = search_portal.open("/").page
    page.get_by_label("搜索政府信息").fill("低保资金")
    with page.expect_navigation():
        page.get_by_label("搜索政府信息").press("Enter")

    expect(search_portal.heading).to_have_text("搜索")
    results = page.get_by_role("region", name="搜索结果")
    expect(results.get_by_role("heading", name="搜索结果")).to_contain_text("共 3 条")
    expect(page.locator(".hit__title mark").first).to_have_text("低保资金")

    organs = page.get_by_role("complementary", name="缩小范围").get_by_role("region", name="发文机关")
    with page.expect_navigation():
        organs.get_by_role("link", name="忻州市财政局").click()

    expect(results.get_by_role("heading", name="搜索结果")).to_contain_text("共 2 条")
    expect(page.locator(".hit__title")).to_have_count(2)
    chip = page.get_by_role("link", name="移除条件 发文机关：忻州市财政局")
    expect(chip).to_be_visible()
    with page.expect_navigation():
        chip.click()
    expect(results.get_by_role("heading", name="搜索结果")).to_contain_text("共 3 条")


def test_the_search_page_fits_a_phone_screen_in_large_text(search_portal: PortalPage) -> None:
    page = search_portal.page
    page.set_viewport_size({"width": 360, "height": 740})

    for path in (
        "/search/",
        "/search/?q=低保&organ=czj",
        "/search/?q=低保&published_from=2024-12-01&published_to=2024-01-01",
    ):
        search_portal.open(path)
        assert search_portal.horizontal_overflow() == 0, path

    search_portal.open("/search/")
    expect(page.get_by_label("全文")).to_be_visible()
    expect(page.get_by_label("发文机关")).to_be_hidden()  # behind the advanced <details> until asked for
    page.locator("summary", has_text="高级搜索").click()
    expect(page.get_by_label("发文机关")).to_be_visible()
    assert search_portal.horizontal_overflow() == 0

    search_portal.open("/search/?q=低保")
    with page.expect_navigation():
        page.get_by_role("button", name="大字版").click()
    assert "large-text" in search_portal.html_classes()
    assert search_portal.horizontal_overflow() == 0
