"""Xinzhou's organs for the demo. Division codes are the real GB/T 2260 codes; credit codes,
addresses and telephone numbers are fictional (the organisation-code part starts with GK)."""

from dataclasses import dataclass, field

from gongkai.organs import domain
from gongkai.organs.domain import OrganKind, OrganLevel

# GB 11714: the organisation code's own check character.
_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_code(serial: int) -> str:
    body = f"GK{serial:06d}"
    total = sum(int(char, 36) * weight for char, weight in zip(body, _ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def fictional_credit_code(division_code: str, serial: int) -> str:
    """11 = registered by the establishment authority (机构编制) as an organ (机关)."""
    body = "11" + division_code[:6] + _org_code(serial)
    return body + domain.credit_code_check_character(body)


@dataclass(frozen=True)
class OrganSeed:
    slug: str
    name: str
    short_name: str
    kind: OrganKind
    level: OrganLevel
    division_code: str
    parent: str | None = None
    functions: str = ""
    children: list["OrganSeed"] = field(default_factory=list)


CITY_DEPARTMENTS = [
    ("fgw", "忻州市发展和改革委员会", "市发改委", "拟订并组织实施全市国民经济和社会发展规划，统筹推进经济体制改革。"),
    ("czj", "忻州市财政局", "市财政局", "管理全市财政收支，组织编制预算、决算，公开预决算和政府债务信息。"),
    ("xzspj", "忻州市行政审批服务管理局", "市行政审批局", "集中办理行政许可事项，推进政务服务标准化。"),
    ("scj", "忻州市市场监督管理局", "市市场局", "负责市场综合监督管理、食品药品安全和产品质量监督。"),
    ("zrzyj", "忻州市规划和自然资源局", "市自然资源局", "负责自然资源调查、国土空间规划和土地征收管理。"),
    ("wjw", "忻州市卫生健康委员会", "市卫健委", "负责全市卫生健康事业发展和公共卫生管理。"),
    ("jtj", "忻州市交通运输局", "市交通局", "负责全市公路、道路运输行业管理。"),
    ("jyj", "忻州市教育局", "市教育局", "负责全市教育事业发展和职业教育管理。"),
    ("rsj", "忻州市人力资源和社会保障局", "市人社局", "负责就业促进、社会保险和人事人才工作。"),
    ("mzj", "忻州市民政局", "市民政局", "负责社会救助、养老服务和行政区划管理。"),
    ("sthjj", "忻州市生态环境局", "市生态环境局", "负责生态环境监测、保护与治理。"),
    ("zjj", "忻州市住房和城乡建设局", "市住建局", "负责城乡建设、住房保障和房屋征收管理。"),
    ("nyncj", "忻州市农业农村局", "市农业农村局", "负责乡村振兴、农业农村政策的贯彻落实。"),
    ("tjj", "忻州市统计局", "市统计局", "负责国民经济和社会发展统计调查与信息发布。"),
    ("sfj", "忻州市司法局", "市司法局", "负责行政复议、规范性文件备案审查和法治政府建设。"),
    ("yjj", "忻州市应急管理局", "市应急局", "负责应急预案、安全生产监督管理。"),
    ("ybj", "忻州市医疗保障局", "市医保局", "负责医疗保障政策和基金监管。"),
    ("wxb", "中共忻州市委网络安全和信息化委员会办公室", "市委网信办", "负责网络舆情监测与网络安全协调。"),
]

COUNTIES = [
    ("xinfu", "忻府区", "140902"),
    ("dingxiang", "定襄县", "140921"),
    ("wutai", "五台县", "140922"),
    ("daixian", "代县", "140923"),
    ("fanshi", "繁峙县", "140924"),
    ("ningwu", "宁武县", "140925"),
    ("jingle", "静乐县", "140926"),
    ("shenchi", "神池县", "140927"),
    ("wuzhai", "五寨县", "140928"),
    ("kelan", "岢岚县", "140929"),
    ("hequ", "河曲县", "140930"),
    ("baode", "保德县", "140931"),
    ("pianguan", "偏关县", "140932"),
    ("yuanping", "原平市", "140981"),
]

COUNTY_DEPARTMENTS = [
    ("fgj", "发展和改革局", "发改局"),
    ("czj", "财政局", "财政局"),
    ("jyj", "教育局", "教育局"),
    ("rsj", "人力资源和社会保障局", "人社局"),
]

TOWNS = {
    "xinfu": [("changzheng", "长征街道办事处", "长征街道", "001"), ("boming", "播明镇人民政府", "播明镇", "101")],
    "dingxiang": [("jinchang", "晋昌镇人民政府", "晋昌镇", "100")],
    "wutai": [("taicheng", "台城镇人民政府", "台城镇", "100")],
    "yuanping": [("guoyang", "崞阳镇人民政府", "崞阳镇", "102")],
}


def demo_organs() -> list[OrganSeed]:
    """Parents before children, in the official order."""
    seeds = [
        OrganSeed("xinzhou", "忻州市人民政府", "市政府", OrganKind.GOVERNMENT, OrganLevel.CITY, "140900"),
        OrganSeed(
            "xinzhou-office",
            "忻州市人民政府办公室",
            "市政府办",
            OrganKind.GENERAL_OFFICE,
            OrganLevel.CITY,
            "140900",
            "xinzhou",
            "负责全市政务公开工作的组织协调、指导推进和监督检查。",
        ),
        OrganSeed(
            "xinzhou-xxzx",
            "忻州市人民政府信息中心",
            "市政府信息中心",
            OrganKind.PUBLIC_INSTITUTION,
            OrganLevel.CITY,
            "140900",
            "xinzhou-office",
            "负责市政府门户网站和政府信息公开平台的建设与运行维护。",
        ),
    ]
    seeds += [
        OrganSeed(f"xinzhou-{slug}", name, short, OrganKind.DEPARTMENT, OrganLevel.CITY, "140900", "xinzhou", functions)
        for slug, name, short, functions in CITY_DEPARTMENTS
    ]
    seeds += [
        OrganSeed(
            "xzkfq",
            "忻州经济开发区管理委员会",
            "忻州开发区管委会",
            OrganKind.ADMINISTRATIVE_COMMITTEE,
            OrganLevel.COUNTY,
            "140900",
            "xinzhou",
        ),
        OrganSeed(
            "wutaishan",
            "五台山风景名胜区管理委员会",
            "五台山管委会",
            OrganKind.ADMINISTRATIVE_COMMITTEE,
            OrganLevel.COUNTY,
            "140922",
            "xinzhou",
        ),
    ]
    for slug, county, division in COUNTIES:
        government = county
        seeds.append(
            OrganSeed(
                slug,
                f"{county}人民政府",
                f"{government}政府",
                OrganKind.GOVERNMENT,
                OrganLevel.COUNTY,
                division,
                "xinzhou",
            )
        )
        seeds.append(
            OrganSeed(
                f"{slug}-office",
                f"{county}人民政府办公室",
                f"{government}政府办",
                OrganKind.GENERAL_OFFICE,
                OrganLevel.COUNTY,
                division,
                slug,
            )
        )
        seeds += [
            OrganSeed(
                f"{slug}-{dept}",
                f"{county}{name}",
                f"{government}{short}",
                OrganKind.DEPARTMENT,
                OrganLevel.COUNTY,
                division,
                slug,
            )
            for dept, name, short in COUNTY_DEPARTMENTS
        ]
        seeds += [
            OrganSeed(
                f"{slug}-{town}",
                f"{county}{name}",
                short,
                OrganKind.TOWNSHIP,
                OrganLevel.TOWNSHIP,
                division + suffix,
                slug,
            )
            for town, name, short, suffix in TOWNS.get(slug, [])
        ]
    return seeds


def contact_for(seed: OrganSeed, serial: int) -> dict[str, str]:
    """Fictional but well-formed contact data for the guide (条例第十二条)."""
    body = seed.name.removesuffix("人民政府").removesuffix("办事处")
    return {
        "disclosure_office": f"{seed.name}政务公开工作办公室"
        if seed.kind == OrganKind.GOVERNMENT
        else f"{seed.name}办公室",
        "office_address": f"山西省忻州市{body}政务大楼{100 + serial}室（演示地址）",
        "postcode": "034000",
        "office_hours": "法定工作日 上午8:00—12:00，下午14:30—17:30（夏季15:00—18:00）",
        "phone": f"0350-{3000000 + serial * 17:07d}",
        "fax": f"0350-{3000000 + serial * 17 + 1:07d}",
        "email": f"xxgk-{seed.slug}@xinzhou.example.gov.cn",
        # The city government answers to the province; the others' reconsideration organ follows the tree.
        "reconsideration_organ": "山西省人民政府" if seed.parent is None else "",
        "court": "忻州市中级人民法院" if seed.parent is None else "",
    }
