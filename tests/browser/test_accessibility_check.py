"""The accessibility check itself finds what it must, so a clean result on our pages means something."""

import pytest
from playwright.sync_api import Page

from tests.browser.pages import serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_axe_reports_an_unlabelled_field_and_an_image_without_text(page: Page) -> None:
    page.set_content('<html lang="zh-CN"><title>测试</title><main><input type="text"><img src="x.png"></main></html>')
    found = serious_accessibility_violations(page)
    assert any(line.startswith("label:") for line in found)
    assert any(line.startswith("image-alt:") for line in found)
