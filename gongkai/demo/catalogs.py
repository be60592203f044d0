"""Demo standard catalogs at 忻府区: three domains adopted by the district's organs, with items linked
so that the compliance report shows rows published on time, late and not at all.

The catalogs are kept by the city government (its openness office, city.office). The district's
environment rows are adopted by the district government itself: the city bureau's district branch
is not an organ of the demo.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from gongkai.catalogs import services, sheet
from gongkai.catalogs.columns import RowData
from gongkai.catalogs.models import Catalog, CatalogRow
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind
from gongkai.policies.models import InformationItem, Topic

OWNER = "xinzhou"
IN_FORCE_FROM = date(2021, 1, 1)
TWENTY = "自该信息形成或者变更之日起20个工作日内"
WEBSITE = "■政府网站 ■两微一端 ■政务服务中心 ■便民服务站"
ENV_BASIS = "《环境影响评价法》、《海洋环境保护法》、《放射性污染防治法》、《政府信息公开条例》"

CATALOGS: dict[tuple[str, str], list[RowData]] = {
    # REGULATIONS.md §4.4: the national 生态环境 catalog's first rows, as the 河源 copy prints them.
    ("生态环境", "县级"): [
        RowData(
            "行政许可",
            "建设项目环境影响评价文件审批",
            "受理环节：受理情况公示、报告书（表）全本；拟决定环节：拟审查环评文件基本情况公示；决定环节：环评批复",
            ENV_BASIS,
            TWENTY,
            "生态环境部门",
            WEBSITE,
            "全社会",
            "主动",
            "县级",
        ),
        RowData(
            "行政许可",
            "防治污染设施拆除或闲置审批",
            "企业或单位关闭、闲置、拆除工业固体废物污染环境防治设施、场所的核准结果；企业或单位拆除、闲置环境噪声污染防治设施的审批结果",
            "《固体废物污染环境防治法》、《环境噪声污染防治法》、《政府信息公开条例》",
            TWENTY,
            "生态环境部门",
            WEBSITE,
            "全社会",
            "主动",
            "县级",
        ),
        RowData(
            "行政许可",
            "危险废物经营许可证",
            "受理环节：受理通知书；拟决定环节：向有关部门和专家征求意见、决定前公示等；决定环节：危险废物经营许可证信息公示；送达环节：送达单",
            "《固体废物污染环境防治法》、《政府信息公开条例》、《危险废物经营许可证管理办法》",
            TWENTY,
            "生态环境部门",
            WEBSITE,
            "全社会",
            "主动",
            "县级",
        ),
    ],
    ("义务教育", "县级"): [
        RowData(
            "招生入学",
            "义务教育招生入学政策",
            "招生范围、招生条件、报名时间、录取办法",
            "《义务教育法》",
            TWENTY,
            "县级教育部门",
            "■政府网站 ■两微一端 ■公开查阅点",
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
            "■政府网站 ■社区/企事业单位/村公示栏（电子屏）",
            "全社会",
            "主动",
            "县级、乡级",
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
            "资助名单公示",
            "受助学生名单（隐去个人敏感信息）",
            "《学生资助资金管理办法》",
            "按规定时限公开",
            "县级教育部门",
            "■社区/企事业单位/村公示栏（电子屏）",
            "特定群众",
            "主动",
            "乡级",
        ),
    ],
    ("财政预决算", "县级"): [
        RowData(
            "部门预决算",
            "部门预算",
            "部门预算报表及说明",
            "《预算法》、《地方预决算公开操作规程》",
            "部门预算批复后20日内",
            "县级各部门",
            "■政府网站",
            "全社会",
            "主动",
            "县级",
        ),
        RowData(
            "部门预决算",
            "部门决算",
            "部门决算报表及说明",
            "《预算法》、《地方预决算公开操作规程》",
            "部门决算批复后20日内",
            "县级各部门",
            "■政府网站",
            "全社会",
            "主动",
            "县级",
        ),
    ],
}

ADOPTERS = {("生态环境", "县级"): "xinfu", ("义务教育", "县级"): "xinfu-jyj", ("财政预决算", "县级"): "xinfu-czj"}


@dataclass(frozen=True)
class LinkedItem:
    organ_slug: str
    title: str
    topic: str
    written_on: date
    published_on: date
    row: str  # 二级事项 of the row it is linked to
    keywords: str = ""


LINKED_ITEMS = (
    # on time: 20 working days from 10 May run to 8 June
    LinkedItem(
        "xinfu-jyj",
        "忻府区教育局关于2021年义务教育招生入学工作的通知",
        "科技、教育\\教育",
        date(2021, 5, 10),
        date(2021, 5, 20),
        "义务教育招生入学政策",
        "招生入学",
    ),
    # late: formed 1 April, published 15 June
    LinkedItem(
        "xinfu-jyj",
        "忻府区2021年城区义务教育学校学区划分方案",
        "科技、教育\\教育",
        date(2021, 4, 1),
        date(2021, 6, 15),
        "学区划分",
        "学区划分",
    ),
    LinkedItem(
        "xinfu-czj",
        "忻府区财政局2021年部门预算公开",
        "财政、金融、审计\\财政",
        date(2021, 2, 1),
        date(2021, 2, 10),
        "部门预算",
        "部门预算",
    ),
    # late: 20 calendar days from approval on 1 August
    LinkedItem(
        "xinfu-czj",
        "忻府区财政局2020年部门决算公开",
        "财政、金融、审计\\财政",
        date(2021, 8, 1),
        date(2021, 9, 30),
        "部门决算",
        "部门决算",
    ),
    LinkedItem(
        "xinfu",
        "关于忻府区某新材料项目环境影响报告表的批复",
        "城乡建设、环境保护\\环境监测、保护与治理",
        date(2021, 7, 5),
        date(2021, 7, 12),
        "建设项目环境影响评价文件审批",
        "环境影响评价",
    ),
)


def _body(item: LinkedItem, organ: Organ) -> str:
    return f"<p>{item.title}。</p><p>{organ.name}</p><p>{item.written_on.year}年{item.written_on.month}月{item.written_on.day}日</p>"


@transaction.atomic
def load_catalogs() -> int:
    """Idempotent: nothing is added once the demo's first catalog exists."""
    if Catalog.objects.filter(domain="生态环境", level="县级").exists():
        return 0
    organs = {organ.slug: organ for organ in Organ.objects.filter(slug__in=[OWNER, *ADOPTERS.values()])}
    topics = {topic.path: topic for topic in Topic.objects.select_related("parent")}
    rows: dict[str, CatalogRow] = {}
    for (domain, level), catalog_rows in CATALOGS.items():
        catalog = services.import_catalog(
            domain=domain,
            level=level,
            owner=organs[OWNER],
            workbook=sheet.write(f"{domain}领域基层政务公开标准目录（{level}）", catalog_rows),
            acting_user=None,
            source="演示数据",
        )
        services.set_adoption(
            organ=organs[ADOPTERS[(domain, level)]],
            catalog=catalog,
            row_ids=list(catalog.rows.values_list("pk", flat=True)),
            effective_from=IN_FORCE_FROM,
            acting_user=None,
        )
        rows.update({row.second_item: row for row in catalog.rows.all()})
    known = set(InformationItem.objects.values_list("title", flat=True))
    for seed in LINKED_ITEMS:
        organ = organs[seed.organ_slug]
        item = InformationItem.objects.filter(title=seed.title).first() if seed.title in known else None
        if item is None:
            item = policy_services.import_published(
                acting_user=None,
                organ=organ,
                published_on=seed.published_on,
                source="演示数据",
                title=seed.title,
                written_on=seed.written_on,
                topic=topics[seed.topic],
                kind=ItemKind.OTHER_DOCUMENT,
                keywords=seed.keywords,
                body=_body(seed, organ),
                attribute=DisclosureAttribute.PROACTIVE,
            )
        services.link_item(item=item, row=rows[seed.row], acting_user=None)
    return len(CATALOGS)
