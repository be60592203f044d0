"""A staff member logs in to the workbench with the keyboard alone, over IPv6."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import KeyboardReader, PortalPage

pytestmark = pytest.mark.browser


def test_a_staff_member_logs_in_and_out_with_the_keyboard(portal: PortalPage, staff_login: tuple[str, str]) -> None:
    username, password = staff_login
    portal.open("/workbench/")
    reader = KeyboardReader(portal.page)

    expect(portal.heading).to_have_text("工作人员登录")
    reader.tab_to_field("用户名")
    portal.page.keyboard.type(username)
    portal.page.keyboard.press("Tab")
    portal.page.keyboard.type(password)
    with portal.page.expect_navigation():
        reader.activate()

    expect(portal.heading).to_have_text("待办事项")
    # The openness office's only deadline is the government's annual report (条例第四十九条).
    expect(portal.main).to_contain_text("政府信息公开工作年度报告")
    expect(portal.page.get_by_role("banner")).to_contain_text("浏览器测试员")

    reader.tab_to("退出登录")
    with portal.page.expect_navigation():
        reader.activate()
    expect(portal.heading).to_have_text("工作人员登录")
