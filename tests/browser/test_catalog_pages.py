"""The 标准目录 pages in Chromium: a county's catalog rows with their published items, on a phone, accessible."""

from datetime import date

import pytest
from playwright.sync_api import expect

from gongkai.catalogs import services, sheet
from gongkai.catalogs.columns import RowData
from gongkai.organs.domain import OrganKind, OrganLevel
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Status
from gongkai.policies.models import InformationItem, Topic
from tests.browser.pages import PortalPage, serious_accessibility_violations

pytestmark = pytest.mark.browser

TWENTY = "自该信息形成或者变更之日起20个工作日内"
ROWS = [
    RowData(
        "行政许可",
        "建设项目环境影响评价文件审批",
        "受理环节：受理情况公示、报告书（表）全本；拟决定环节：拟审查环评文件基本情况公示；决定环节：环评批复",
        "《环境影响评价法》、《政府信息公开条例》",
        TWENTY,
        "生态环境部门",
        "■政府网站 ■两微一端 ■政务服务中心 ■便民服务站",
        "全社会",
        "主动",
        "县级",
    ),
    RowData(
        "行政许可",
        "危险废物经营许可证",
        "危险废物经营许可证信息公示",
        "《危险废物经营许可证管理办法》",
        TWENTY,
        "生态环境部门",
        "■政府网站",
        "全社会",
        "主动",
        "县级",
    ),
]


@pytest.fixture
def county_catalog(portal_data: Organ) -> tuple[Organ, int]:
    county = OrganFactory.create(
        name="忻府区人民政府", slug="xinfu", kind=OrganKind.GOVERNMENT, level=OrganLevel.COUNTY, parent=portal_data
    )
    catalog = services.import_catalog(
        domain="生态环境", level="县级", owner=portal_data, workbook=sheet.write("目录", ROWS), acting_user=None
    )
    services.set_adoption(
        organ=county,
        catalog=catalog,
        row_ids=list(catalog.rows.values_list("pk", flat=True)),
        effective_from=date(2021, 1, 1),
        acting_user=None,
    )
    item = InformationItem.objects.create(
        organ=county,
        topic=Topic.objects.create(name="环境保护"),
        index_number="TEST-XINFU-0001",
        title="关于忻府区某新材料项目环境影响报告表的批复",
        formed_on=date(2021, 7, 5),
        published_on=date(2021, 7, 12),
        kind=ItemKind.OTHER_DOCUMENT,
        attribute=DisclosureAttribute.PROACTIVE,
        status=Status.PUBLISHED,
    )
    services.link_item(item=item, row=catalog.rows.get(position=1), acting_user=None)
    return county, catalog.pk


def test_a_county_catalog_page_reads_on_a_phone_without_serious_violations(
    portal: PortalPage, county_catalog: tuple[Organ, int]
) -> None:
    county, catalog_id = county_catalog
    page = portal.page
    page.set_viewport_size({"width": 360, "height": 740})
    portal.open(f"/xxgk/bzml/jg/{county.slug}/")

    expect(page.get_by_role("link", name="关于忻府区某新材料项目环境影响报告表的批复")).to_be_visible()
    region = page.get_by_role("region", name="忻府区人民政府 · 生态环境领域基层政务公开标准目录（县级）")
    expect(region.get_by_role("rowheader", name="危险废物经营许可证")).to_have_count(1)
    # The wide table scrolls inside its labelled region; the page itself never scrolls sideways.
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    assert portal.horizontal_overflow() == 0
    assert serious_accessibility_violations(page) == []

    portal.open(f"/xxgk/bzml/{catalog_id}/")
    expect(page.get_by_role("region", name="生态环境领域基层政务公开标准目录（县级）")).to_be_visible()
    assert portal.horizontal_overflow() == 0
    assert serious_accessibility_violations(page) == []

    portal.open("/xxgk/bzml/?q=环评批复")
    expect(page.get_by_role("link", name="行政许可／建设项目环境影响评价文件审批")).to_be_visible()
    assert portal.horizontal_overflow() == 0
    assert serious_accessibility_violations(page) == []
