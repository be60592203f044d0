"""A policy and its interpretation in Chromium: linked both ways, sections and Q&A readable, axe-clean."""

from datetime import date

import pytest
from playwright.sync_api import expect

from gongkai.accounts.domain import Role
from gongkai.accounts.tests.factories import MembershipFactory, UserFactory
from gongkai.interpretations import services
from gongkai.interpretations.domain import Form
from gongkai.interpretations.services import Details
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
from gongkai.policies.models import InformationItem, Topic
from tests.browser.pages import KeyboardReader, PortalPage, serious_accessibility_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def interpreted_policy(portal_data: Organ) -> InformationItem:
    policy_services.ensure_topics()
    topic = Topic.objects.get(name="财政", parent__name="财政、金融、审计")
    policy = policy_services.import_published(
        acting_user=None,
        organ=portal_data,
        published_on=date(2025, 3, 10),
        source="测试",
        title="关于减免小微企业房租的通知",
        document_number="忻政发〔2025〕3号",
        topic=topic,
        kind=ItemKind.NORMATIVE_DOCUMENT,
        body="<p>对小微企业减免三个月房租。</p>",
        attribute=DisclosureAttribute.PROACTIVE,
    )
    desk = {}
    for name, role in (
        ("drafter", Role.DRAFTER),
        ("reviewer", Role.REVIEWER),
        ("approver", Role.APPROVER),
        ("office", Role.OPENNESS_OFFICE),
    ):
        desk[name] = UserFactory.create(username=f"interpretation.{name}")
        MembershipFactory.create(user=desk[name], organ=portal_data, role=role)
    interpretation = services.create(
        acting_user=desk["drafter"],
        organ=portal_data,
        policies=[policy],
        details=Details(
            form=Form.QA,
            background="为帮助小微企业渡过难关。",
            significance="减轻经营成本。",
            effect="稳定就业。",
            key_terms="小微企业：按国家标准划型的小型、微型企业。",
            differences="由减免一个月改为三个月。",
            answers=(("谁可以申请？", "承租国有房屋的小微企业。"),),
        ),
        title="《关于减免小微企业房租的通知》政策解读",
        topic=topic,
    )
    item = interpretation.item
    for transition, who in (
        (Transition.SUBMIT, "drafter"),
        (Transition.REVIEW, "reviewer"),
        (Transition.APPROVE, "approver"),
        (Transition.PUBLISH, "office"),
    ):
        item = policy_services.transition(item=item, to=transition, acting_user=desk[who])
    return policy


def test_a_reader_goes_from_a_policy_to_its_interpretation_and_back(
    portal: PortalPage, interpreted_policy: InformationItem
) -> None:
    page = portal.page
    portal.open(f"/xxgk/fdzdgknr/{interpreted_policy.pk}/")
    reader = KeyboardReader(page)
    reader.tab_to("《关于减免小微企业房租的通知》政策解读")
    with page.expect_navigation():
        reader.activate()

    expect(page.get_by_role("heading", level=1)).to_have_text("《关于减免小微企业房租的通知》政策解读")
    for heading in ("出台背景", "重要意义", "主要作用", "关键词", "新旧政策差异", "问答"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_text("问：谁可以申请？")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.set_viewport_size({"width": 360, "height": 740})
    assert portal.horizontal_overflow() == 0
    with page.expect_navigation():
        page.get_by_role("link", name="关于减免小微企业房租的通知", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("关于减免小微企业房租的通知")
