"""A county department's catalog with known gaps: one row on time, one late, one missing, one unreadable."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.catalogs import services, sheet
from gongkai.catalogs.columns import RowData
from gongkai.catalogs.models import Catalog, CatalogRow
from gongkai.organs.models import Organ
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Status
from gongkai.policies.models import InformationItem, Topic
from gongkai.workdays import services as workday_services

TWENTY = "自该信息形成或者变更之日起20个工作日内"
ROWS = [
    RowData(
        "招生入学",
        "义务教育招生入学政策",
        "招生范围、招生条件、报名时间",
        "《义务教育法》",
        TWENTY,
        "县级教育部门",
        "■政府网站 ■两微一端",
        "全社会",
        "主动",
        "县级",
    ),
    RowData(
        "招生入学",
        "学区划分",
        "学区划分范围、对口学校",
        "《义务教育法》",
        TWENTY,
        "县级教育部门",
        "■政府网站",
        "全社会",
        "主动",
        "县级",
    ),
    RowData(
        "学生资助",
        "资助政策",
        "资助对象、资助标准、申请程序",
        "《学生资助资金管理办法》",
        "长期公开",
        "县级教育部门",
        "■政府网站 ■公开查阅点",
        "全社会",
        "主动",
        "县级",
    ),
    RowData(
        "学生资助",
        "资助名单",
        "受助学生名单",
        "《学生资助资金管理办法》",
        "按规定时限公开",
        "县级教育部门",
        "■公开查阅点",
        "特定群众",
        "主动",
        "县级、乡级",
    ),
]
ADOPTED_FROM = date(2021, 1, 1)
TODAY = date(2021, 12, 31)


@pytest.fixture
def calendar_seeded(db: None) -> None:
    workday_services.seed_from_package()


@pytest.fixture
def people(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> dict[str, User]:
    return {
        "city_office": staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE, username="city.office"),
        "office": staff_with_role(organ_tree["county_department"], Role.OPENNESS_OFFICE, username="county.office"),
        "assessor": staff_with_role(organ_tree["city"], Role.ASSESSOR, username="city.assessor"),
        "drafter": staff_with_role(organ_tree["county_department"], Role.DRAFTER, username="county.drafter"),
    }


@pytest.fixture
def catalog(organ_tree: dict[str, Organ], people: dict[str, User]) -> Catalog:
    return services.import_catalog(
        domain="义务教育",
        level="县级",
        owner=organ_tree["city"],
        workbook=sheet.write("义务教育领域基层政务公开标准目录（县级）", ROWS),
        acting_user=people["city_office"],
        source="教育部办公厅《义务教育领域基层政务公开标准指引》",
    )


@pytest.fixture
def rows(catalog: Catalog) -> dict[str, CatalogRow]:
    return {row.second_item: row for row in catalog.rows.all()}


@pytest.fixture
def topic(db: None) -> Topic:
    return Topic.objects.create(name="教育")


@pytest.fixture
def make_item(organ_tree: dict[str, Organ], topic: Topic) -> Callable[..., InformationItem]:
    serial = iter(range(1, 1000))

    def make(title: str, formed_on: date, published_on: date | None, **fields: Any) -> InformationItem:
        values: dict[str, Any] = {
            "organ": organ_tree["county_department"],
            "topic": topic,
            "index_number": f"TEST-2021-{next(serial):04d}",
            "title": title,
            "formed_on": formed_on,
            "published_on": published_on,
            "kind": ItemKind.OTHER_DOCUMENT,
            "attribute": DisclosureAttribute.PROACTIVE,
            "status": Status.PUBLISHED if published_on else Status.DRAFT,
            **fields,
        }
        return InformationItem.objects.create(**values)

    return make


@pytest.fixture
def adopted(
    organ_tree: dict[str, Organ], people: dict[str, User], catalog: Catalog, rows: dict[str, CatalogRow]
) -> dict[str, CatalogRow]:
    services.set_adoption(
        organ=organ_tree["county_department"],
        catalog=catalog,
        row_ids=[row.pk for row in rows.values()],
        effective_from=ADOPTED_FROM,
        acting_user=people["office"],
    )
    return rows


@pytest.fixture
def known_gaps(
    calendar_seeded: None,
    adopted: dict[str, CatalogRow],
    people: dict[str, User],
    make_item: Callable[..., InformationItem],
) -> dict[str, InformationItem]:
    """招生政策 on time, 学区划分 late, 资助政策 missing, 资助名单 needs a rule."""
    on_time = make_item("测试县2021年义务教育招生入学政策", date(2021, 4, 1), date(2021, 4, 20))
    late = make_item("测试县2021年学区划分方案", date(2021, 4, 1), date(2021, 6, 30))
    hidden = make_item(
        "测试县学生资助名单（依申请）",
        date(2021, 5, 1),
        date(2021, 5, 6),
        attribute=DisclosureAttribute.ON_REQUEST,
        legal_basis="ART_15",
        attribute_reason="个人信息",
    )
    services.link_item(item=on_time, row=adopted["义务教育招生入学政策"], acting_user=people["office"])
    services.link_item(item=late, row=adopted["学区划分"], acting_user=people["office"])
    services.link_item(item=hidden, row=adopted["资助名单"], acting_user=people["office"])
    return {"on_time": on_time, "late": late, "hidden": hidden}
