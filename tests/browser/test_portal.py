"""Journeys through the public portal in Chromium, over IPv6, with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import KeyboardReader, PortalPage, fonts_rendering

pytestmark = pytest.mark.browser


def test_the_chinese_home_page_renders_over_ipv6(portal: PortalPage) -> None:
    portal.open("/")
    page = portal.page

    assert page.url.startswith("http://[::1]:")
    expect(page).to_have_title("忻州市人民政府")
    assert page.evaluate("() => document.documentElement.lang") == "zh-CN"
    expect(page.get_by_role("navigation", name="主导航")).to_contain_text("政府信息公开指南")
    assert any("CJK" in family or "Han" in family for family in fonts_rendering(page, "h1"))
    assert portal.horizontal_overflow() == 0


def test_a_keyboard_reader_skips_to_the_content(portal: PortalPage) -> None:
    portal.open("/")
    reader = KeyboardReader(portal.page)

    portal.page.keyboard.press("Tab")
    assert reader.focused_attribute("href") == "#main"
    assert reader.focused_text() == "跳到主要内容"
    reader.activate()

    # The fragment navigation completes after the key press returns; wait for it rather than race it.
    expect(portal.page).to_have_url(re.compile(r"#main$"))
    assert portal.page.evaluate("() => document.activeElement.id") == "main"


def test_a_keyboard_reader_turns_on_large_text_and_high_contrast(portal: PortalPage) -> None:
    portal.open("/")
    reader = KeyboardReader(portal.page)
    normal_size = portal.body_font_size()

    reader.tab_to("大字版")
    with portal.page.expect_navigation():
        reader.activate()

    assert "large-text" in portal.html_classes()
    assert portal.body_font_size() > normal_size
    expect(portal.page.get_by_role("button", name="大字版")).to_have_attribute("aria-pressed", "true")

    reader.tab_to("高对比度")
    with portal.page.expect_navigation():
        reader.activate()

    assert "high-contrast" in portal.html_classes()
    assert "large-text" in portal.html_classes()


def test_a_keyboard_reader_reaches_the_guide_through_the_navigation(portal: PortalPage) -> None:
    portal.open("/")
    reader = KeyboardReader(portal.page)

    reader.tab_to("政府信息公开指南")
    with portal.page.expect_navigation():
        reader.activate()

    expect(portal.heading).to_have_text("政府信息公开指南")
    expect(portal.main).to_contain_text("忻州市忻府区和平街 1 号")
    expect(portal.main).to_contain_text("暂无")


def test_the_deadline_calculator_works_without_a_pointer(portal: PortalPage) -> None:
    portal.open("/tools/deadline/")
    reader = KeyboardReader(portal.page)

    reader.tab_to_field("起算日")
    portal.page.keyboard.type("2023年9月22日")
    with portal.page.expect_navigation():
        reader.activate()

    expect(portal.main).to_contain_text("2023年10月26日")
    expect(portal.page.get_by_role("table", name="逐日计算明细")).to_be_visible()


def test_the_calculator_shows_a_wrong_date_at_its_field(portal: PortalPage) -> None:
    portal.open("/tools/deadline/?start=2023-02-30&workdays=20")

    error = portal.page.get_by_role("alert")

    expect(error).to_contain_text("请输入真实存在的日期")
    expect(portal.page.get_by_label("起算日")).to_have_attribute("aria-invalid", "true")


def test_the_portal_fits_a_phone_screen(portal: PortalPage) -> None:
    portal.page.set_viewport_size({"width": 360, "height": 740})

    for path in ("/", "/xxgk/zhinan/", "/tools/deadline/?start=2023-09-22&workdays=20"):
        portal.open(path)
        assert portal.horizontal_overflow() == 0, path
