"""Drafter → reviewer → approver → openness office → the public page, whose seal verifies."""

import pytest
from playwright.sync_api import expect

from gongkai.accounts.domain import Role
from gongkai.accounts.tests.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.models import InformationItem
from tests.browser.pages import PortalPage, Workbench

pytestmark = pytest.mark.browser

TITLE = "忻州市测试局关于做好2026年冬季供暖保障工作的通知"


@pytest.fixture
def desk(portal_data: Organ) -> dict[str, str]:
    policy_services.ensure_topics()
    names = {}
    for role, username in (
        (Role.DRAFTER, "ni.gao"),
        (Role.REVIEWER, "shen.he"),
        (Role.APPROVER, "pi.zhun"),
        (Role.OPENNESS_OFFICE, "gong.kai"),
    ):
        MembershipFactory.create(user=UserFactory.create(username=username), organ=portal_data, role=role)
        names[role.value] = username
    return names


def test_an_item_goes_from_draft_to_the_public_page_with_a_valid_seal(portal: PortalPage, desk: dict[str, str]) -> None:
    page = portal.page
    workbench = Workbench(page, portal.base_url)

    workbench.log_in(desk["DRAFTER"], TEST_PASSWORD)
    page.goto(portal.base_url + "/workbench/items/new/")
    page.get_by_label("标题").fill(TITLE)
    page.get_by_label("发文字号").fill("忻测发[2026]9号")
    page.get_by_label("主题分类").select_option(label="城乡建设、环境保护\\城乡建设（含住房）")
    page.get_by_label("正文").fill("<p>各有关单位：请做好冬季供暖保障工作。</p>")
    with page.expect_navigation():
        page.get_by_role("button", name="保存草稿").click()
    expect(page.locator("main")).to_contain_text("忻测发〔2026〕9号")
    workbench.take_step("提交审核")

    workbench.log_in(desk["REVIEWER"], TEST_PASSWORD)
    workbench.open_item(TITLE)
    workbench.take_step("审核通过")

    workbench.log_in(desk["APPROVER"], TEST_PASSWORD)
    workbench.open_item(TITLE)
    workbench.take_step("批准并用印")
    expect(page.locator("main")).to_contain_text("核验通过")

    workbench.log_in(desk["OPENNESS_OFFICE"], TEST_PASSWORD)
    workbench.open_item(TITLE)
    workbench.take_step("发布")

    item = InformationItem.objects.get(title=TITLE)
    portal.open(f"/xxgk/fdzdgknr/{item.pk}/")
    expect(portal.heading).to_have_text(TITLE)
    expect(page.locator("table.metadata")).to_contain_text(item.index_number)
    page.get_by_role("link", name="核验政府信息公开专用章").click()
    expect(page.locator("ul.checks")).to_contain_text("通过")
    expect(page.locator("ul.checks")).not_to_contain_text("未通过")


def test_a_tampered_item_fails_verification_on_the_public_page(portal: PortalPage, desk: dict[str, str]) -> None:
    from gongkai.accounts.models import User
    from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
    from gongkai.policies.models import Topic

    users = {role: User.objects.get(username=name) for role, name in desk.items()}
    item = policy_services.create_draft(
        acting_user=users["DRAFTER"],
        organ=Organ.objects.get(slug="xinzhou"),
        title=TITLE,
        topic=Topic.objects.get(name="财政"),
        kind=ItemKind.OTHER_DOCUMENT,
        body="<p>原文</p>",
        attribute=DisclosureAttribute.PROACTIVE,
    )
    for step, role in (
        (Transition.SUBMIT, "DRAFTER"),
        (Transition.REVIEW, "REVIEWER"),
        (Transition.APPROVE, "APPROVER"),
        (Transition.PUBLISH, "OPENNESS_OFFICE"),
    ):
        item = policy_services.transition(item=item, to=step, acting_user=users[role])
    InformationItem.objects.filter(pk=item.pk).update(body="<p>被篡改的正文</p>")

    portal.open(f"/xxgk/fdzdgknr/{item.pk}/seal/")

    expect(portal.page.locator("li.check--fail")).to_contain_text("公开的内容与批准时的内容一致")
