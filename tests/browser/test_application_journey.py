"""A citizen applies on the portal; the office asks for a correction, decides and the head approves;
the citizen downloads the sealed reply with the query code alone."""

import io
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page, expect

from gongkai.accounts.domain import Role
from gongkai.accounts.tests.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from gongkai.foi import correspondence
from gongkai.foi.models import Application
from gongkai.organs.models import Organ
from tests.browser.pages import PortalPage, Workbench

pytestmark = pytest.mark.browser

REQUEST = "忻州市2025年城区集中供热管网改造项目的立项批复文件"


@pytest.fixture
def office(portal_data: Organ) -> dict[str, str]:
    names = {}
    for role, username in ((Role.OPENNESS_OFFICE, "ban.li"), (Role.APPROVER, "fu.ze.ren")):
        MembershipFactory.create(user=UserFactory.create(username=username), organ=portal_data, role=role)
        names[role.value] = username
    return names


def _apply(page: Page, base_url: str) -> tuple[str, str]:
    page.goto(base_url + "/ysqgk/")
    page.get_by_label("申请人姓名或者名称").fill("李四")
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_label("证件号码").fill("140902198001010016")
    page.get_by_label("联系电话").fill("13800001234")
    page.get_by_label("所需政府信息的内容描述").fill(REQUEST)
    with page.expect_navigation():
        page.get_by_role("button", name="提交申请").click()
    codes = page.locator("dd.code").all_inner_texts()
    return codes[0], codes[1]


def _step(page: Page, button: str, fields: dict[str, str] | None = None) -> None:
    form = page.locator("form.step-form", has=page.get_by_role("button", name=button, exact=True))
    for label, value in (fields or {}).items():
        form.get_by_label(label).fill(value)
    with page.expect_navigation():
        form.get_by_role("button", name=button, exact=True).click()
    expect(page.locator(".error")).to_have_count(0)


def test_apply_correct_decide_and_download_the_sealed_reply(portal: PortalPage, office: dict[str, str]) -> None:
    page, base = portal.page, portal.base_url
    tracking_number, query_code = _apply(page, base)
    assert re.fullmatch(r"YSQ\d{4}-\d{4}-\d{5}", tracking_number)

    workbench = Workbench(page, base)
    workbench.log_in(office["OPENNESS_OFFICE"], TEST_PASSWORD)
    page.goto(base + "/workbench/applications/")
    page.get_by_role("link", name=tracking_number).click()
    _step(page, "确认收到")
    _step(page, "告知补正", {"需要补正的内容（写入补正告知书）": "请写明项目的立项批复文号或批复年份"})
    expect(page.locator("main")).to_contain_text("补正告知书")
    _step(page, "收到补正")
    item = page.locator(".finding", has_text=REQUEST)
    item.get_by_label("办理结果").select_option(label="予以公开")
    with page.expect_navigation():
        item.get_by_role("button", name="保存办理结果").click()
    _step(page, "答复拟稿")
    expect(page.get_by_label("答复书正文")).to_contain_text(tracking_number)

    workbench.log_in(office["APPROVER"], TEST_PASSWORD)
    page.goto(base + "/workbench/applications/")
    page.get_by_role("link", name=tracking_number).click()
    _step(page, "批准答复")
    expect(page.locator("main")).to_contain_text("依申复")

    workbench.log_in(office["OPENNESS_OFFICE"], TEST_PASSWORD)
    page.goto(base + "/workbench/applications/")
    page.get_by_role("link", name=tracking_number).click()
    form = page.locator("form.step-form", has=page.get_by_role("button", name="已送达"))
    form.get_by_label("送达方式").select_option(label="网上查询下载")
    with page.expect_navigation():
        form.get_by_role("button", name="已送达").click()

    page.context.clear_cookies()
    page.goto(base + "/ysqgk/status/")
    page.get_by_label("申请编号").fill(tracking_number)
    page.get_by_label("查询码").fill(query_code)
    with page.expect_navigation():
        page.get_by_role("button", name="查询").click()
    expect(page.locator("main")).to_contain_text("已送达")
    with page.expect_download() as waiting:
        page.get_by_role("button", name="下载答复书（PDF）").click()
    data = Path(waiting.value.path()).read_bytes()

    reply = Application.objects.get(tracking_number=tracking_number).letters.get(kind="REPLY")
    assert data == bytes(reply.pdf or b"")
    assert correspondence.verify(reply) == (True, True)
    text = re.sub(r"\s+", "", "".join(sheet.extract_text() for sheet in pypdf.PdfReader(io.BytesIO(data)).pages))
    for element in ("政府信息公开申请答复书", reply.number, tracking_number, "予以公开", "政府信息公开专用章"):
        assert element in text, element
