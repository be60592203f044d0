"""The 年报 column in Chromium: a published report reached with the keyboard, its tables on a phone."""

import pytest
from playwright.sync_api import expect

from gongkai.accounts.domain import Role
from gongkai.accounts.tests.factories import MembershipFactory, UserFactory
from gongkai.organs.models import Organ
from gongkai.reports import services
from tests.browser.pages import KeyboardReader, PortalPage, serious_accessibility_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def published_report(portal_data: Organ) -> None:
    office = UserFactory.create(username="report.office")
    MembershipFactory.create(user=office, organ=portal_data, role=Role.OPENNESS_OFFICE)
    report = services.start(organ=portal_data, year=2025, acting_user=office)
    services.publish(report=report, acting_user=office, override_reason="测试：正文待补充")


def test_a_reader_opens_a_report_and_its_tables_scroll_on_a_phone(portal: PortalPage, published_report: None) -> None:
    page = portal.page
    page.set_viewport_size({"width": 360, "height": 740})
    portal.open("/xxgk/ndbg/")
    reader = KeyboardReader(page)
    reader.tab_to("忻州市人民政府2025年政府信息公开工作年度报告")
    with page.expect_navigation():
        reader.activate()

    expect(page.get_by_role("heading", level=1)).to_have_text("忻州市人民政府2025年政府信息公开工作年度报告")
    table_b = page.locator("#table-2")
    expect(table_b.get_by_role("columnheader", name="申请人情况")).to_be_visible()
    expect(table_b.get_by_role("rowheader", name="四、结转下年度继续办理")).to_have_count(1)
    # The wide tables scroll inside their own region; the page itself never scrolls sideways.
    assert portal.horizontal_overflow() == 0
    region = page.get_by_role("region", name="三、收到和处理政府信息公开申请情况")
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    expect(page.get_by_role("link", name="下载PDF")).to_be_visible()
    assert serious_accessibility_violations(page) == []
