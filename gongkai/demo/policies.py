"""Demo government information: a few hundred items of 2019–2021 across the city's organs.

Titles follow the shapes real notices take; numbers and names are fictional. Most items are
proactive; some are 依申请公开 or 不予公开 with their basis, a few carry rule warnings, and a
handful go through the full review-and-release workflow so the seal and the queues have content.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.policies.domain import DisclosureAttribute, ItemKind, LegalBasis

YEARS = (2019, 2020, 2021)


@dataclass(frozen=True)
class ItemSeed:
    organ_slug: str
    title: str
    kind: ItemKind
    topic: str  # 一级\二级
    written_on: date
    published_on: date
    document_number: str
    attribute: DisclosureAttribute = DisclosureAttribute.PROACTIVE
    legal_basis: LegalBasis | None = None
    reason: str = ""
    re_review_on: date | None = None
    keywords: str = ""


# Per department: its 机关代字, its usual topic, and subjects it writes about.
DEPARTMENT_SUBJECTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "fgw": (
        "忻发改",
        "国民经济管理、国有资产监管\\宏观经济",
        ("优化营商环境", "重大建设项目", "价格监测", "“十四五”规划编制", "以工代赈"),
    ),
    "czj": (
        "忻财",
        "财政、金融、审计\\财政",
        ("预算公开", "政府债务管理", "政府采购", "惠民惠农财政补贴", "国库集中支付"),
    ),
    "xzspj": (
        "忻审批",
        "综合政务\\政务公开",
        ("“一枚印章管审批”", "证明事项告知承诺制", "“一网通办”", "企业开办", "工程建设项目审批"),
    ),
    "scj": (
        "忻市监",
        "市场监管、安全生产监管\\食品药品监管",
        ("食品安全抽检", "特种设备安全", "产品质量监督抽查", "价格监督检查", "“双随机、一公开”"),
    ),
    "zrzyj": ("忻自然资", "国土资源、能源\\土地", ("国土空间规划", "土地征收", "不动产登记", "矿业权出让", "耕地保护")),
    "wjw": (
        "忻卫健",
        "卫生、体育\\卫生",
        ("疫情防控", "基本公共卫生服务", "医疗机构管理", "家庭医生签约", "爱国卫生运动"),
    ),
    "jtj": (
        "忻交",
        "工业、交通\\公路",
        ("农村公路建设", "道路运输管理", "公交优先", "交通安全隐患排查", "冬季道路除雪"),
    ),
    "jyj": ("忻教", "科技、教育\\教育", ("义务教育招生", "学前教育", "职业教育", "学生资助", "“双减”工作")),
    "rsj": (
        "忻人社",
        "劳动、人事、监察\\劳动就业",
        ("促进就业", "城乡居民养老保险", "技能培训", "根治欠薪", "事业单位公开招聘"),
    ),
    "mzj": (
        "忻民",
        "民政、扶贫、救灾\\社会福利",
        ("最低生活保障", "养老服务", "特困人员供养", "临时救助", "社会组织管理"),
    ),
    "sthjj": (
        "忻环",
        "城乡建设、环境保护\\环境监测、保护与治理",
        ("大气污染防治", "重污染天气应急", "排污许可", "水环境质量", "生态环境执法"),
    ),
    "zjj": (
        "忻建",
        "城乡建设、环境保护\\城乡建设（含住房）",
        ("老旧小区改造", "保障性住房", "房屋征收", "建筑工地扬尘治理", "物业管理"),
    ),
    "nyncj": (
        "忻农",
        "农业、林业、水利\\农业、畜牧业、渔业",
        ("乡村振兴", "高标准农田建设", "农村人居环境整治", "耕地地力保护补贴", "动物防疫"),
    ),
    "tjj": (
        "忻统",
        "国民经济管理、国有资产监管\\统计",
        ("国民经济和社会发展统计公报", "季度经济运行", "人口普查", "农业普查", "统计执法"),
    ),
    "yjj": ("忻应急", "综合政务\\应急管理", ("安全生产", "森林防灭火", "防汛抗旱", "应急预案修订", "危险化学品监管")),
}

SHAPES = (
    ("关于印发{subject}实施方案的通知", ItemKind.NORMATIVE_DOCUMENT),
    ("关于做好{year}年{subject}工作的通知", ItemKind.OTHER_DOCUMENT),
    ("关于进一步加强{subject}的意见", ItemKind.NORMATIVE_DOCUMENT),
    ("{year}年{subject}工作要点", ItemKind.OTHER_DOCUMENT),
    ("关于{subject}情况的通报", ItemKind.INSPECTION),
    ("{subject}工作动态", ItemKind.WORK_NEWS),
)

WITHHELD_SHAPES = (
    (
        "关于研究{subject}有关事项的会议纪要",
        ItemKind.MEETING,
        LegalBasis.ART_16_2,
        "会议研究过程性信息，决策作出后复审",
    ),
    ("关于{subject}内部分工的通知", ItemKind.INTERNAL, LegalBasis.ART_16_1, "属于内部工作分工，不对外产生效力"),
    ("关于{subject}有关问题的复函", ItemKind.LETTER_REPLY, LegalBasis.ART_16_2, "答复具体个案，不具有普遍指导意义"),
)


def _body(title: str, organ_name: str, written_on: date) -> str:
    return (
        f"<p>各县（市、区）有关部门，市直有关单位：</p>"
        f"<p>为贯彻落实市委、市政府决策部署，现就{title.removeprefix('关于').removesuffix('的通知')}有关事项通知如下。</p>"
        "<p>一、提高思想认识。各单位要充分认识做好此项工作的重要意义，切实加强组织领导。</p>"
        "<p>二、明确工作任务。对照目标任务，细化工作措施，明确责任分工和完成时限。</p>"
        "<p>三、强化督促落实。建立工作台账，定期调度进展情况，确保各项任务落地见效。</p>"
        f"<p>{organ_name}</p>"
        f"<p>{written_on.year}年{written_on.month}月{written_on.day}日</p>"
    )


def demo_items(organ_names: dict[str, str]) -> list[ItemSeed]:
    """Deterministic: the same seeds every run, so loading stays idempotent."""
    rng = random.Random(2021)  # noqa: S311 - demo data, not security
    seeds: list[ItemSeed] = []
    for slug, (code, topic, subjects) in DEPARTMENT_SUBJECTS.items():
        organ_slug = f"xinzhou-{slug}"
        for year in YEARS:
            serial = 0
            for subject in rng.sample(subjects, k=5):
                shape, kind = rng.choice(SHAPES)
                written_on = date(year, 1, 1) + timedelta(days=rng.randrange(0, 350))
                serial += rng.randrange(1, 9)
                title = organ_names[organ_slug] + shape.format(subject=subject, year=year)
                seeds.append(
                    ItemSeed(
                        organ_slug,
                        title,
                        kind,
                        topic,
                        written_on,
                        written_on + timedelta(days=rng.randrange(2, 15)),
                        f"{code}发〔{year}〕{serial}号"
                        if kind in (ItemKind.NORMATIVE_DOCUMENT, ItemKind.OTHER_DOCUMENT)
                        else "",
                        keywords=subject.strip("“”"),
                    )
                )
            shape, kind, basis, reason = rng.choice(WITHHELD_SHAPES)
            subject = rng.choice(subjects)
            written_on = date(year, 6, 1) + timedelta(days=rng.randrange(0, 150))
            seeds.append(
                ItemSeed(
                    organ_slug,
                    organ_names[organ_slug] + shape.format(subject=subject),
                    kind,
                    "综合政务\\文秘工作",
                    written_on,
                    written_on + timedelta(days=3),
                    f"{code}函〔{year}〕{rng.randrange(1, 60)}号",
                    attribute=DisclosureAttribute.ON_REQUEST
                    if basis == LegalBasis.ART_16_2
                    else DisclosureAttribute.WITHHELD,
                    legal_basis=basis,
                    reason=reason,
                    re_review_on=written_on + timedelta(days=365) if basis == LegalBasis.ART_16_2 else None,
                    keywords=subject.strip("“”"),
                )
            )
    return seeds


def body_for(seed: ItemSeed, organ_name: str) -> str:
    return _body(seed.title.removeprefix(organ_name), organ_name, seed.written_on)
