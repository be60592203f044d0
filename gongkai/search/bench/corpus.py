"""A synthetic library of Chinese government documents (公文), deterministic by seed and by position.

Document ``i`` depends only on ``(seed, i)``, so the first 10,000 documents of the 1,000,000 corpus
are the 10,000 corpus, and a run can grow one database from size to size. The shape follows the
reference measurements (SEARCH.md §1.1): 172 organs of one prefecture-level city, Zipf-weighted;
文号 in 〔〕 form; dates 2008–2025 skewed to recent years; the State Council topic taxonomy; bodies of
1,500–4,000 characters built from a bank of a few hundred government clauses, Zipf-weighted so a
handful of phrases (政务公开, 公开, 营商环境) are in almost every document and names form a long tail.

Pure Python: no Django, no database.
"""

import random
import string
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from typing import Final

from gongkai.policies.domain import ItemKind, Validity
from gongkai.policies.topics import STATE_COUNCIL_TOPICS

CITY: Final = "忻州市"
BODY_MIN: Final = 1_500
BODY_MAX: Final = 4_000
FIRST_YEAR: Final = 2008
LAST_YEAR: Final = 2025
_VOCABULARY_SEED: Final = 20_240_601  # names and places are the same for every corpus seed


@dataclass(frozen=True)
class OrganSpec:
    name: str
    short_name: str
    code: str  # 机关代字 of its 文号, e.g. 忻政办发
    kind: str  # organs.domain.OrganKind value
    level: str  # organs.domain.OrganLevel value
    place: str  # 全市 or 全县 / 全区: how its documents say "everywhere"
    region: str  # 忻州市 or the county's name


@dataclass(frozen=True)
class Document:
    index: int
    title: str
    organ: int  # position in organs()
    document_number: str
    index_number: str
    written_on: date
    published_on: date
    topic: tuple[str, str]  # (first level, second level or "" when the first has no children)
    kind: ItemKind
    declared_validity: Validity
    expires_on: date | None
    keywords: str
    body: str


# --- Organs ------------------------------------------------------------------------------------

_CITY_ORGANS: Final = (
    ("人民政府", "市政府", "忻政发", "GOVERNMENT"),
    ("人民政府办公室", "市政府办", "忻政办发", "GENERAL_OFFICE"),
    ("发展和改革委员会", "市发改委", "忻发改发", "DEPARTMENT"),
    ("教育局", "市教育局", "忻教发", "DEPARTMENT"),
    ("科学技术局", "市科技局", "忻科发", "DEPARTMENT"),
    ("工业和信息化局", "市工信局", "忻工信发", "DEPARTMENT"),
    ("公安局", "市公安局", "忻公发", "DEPARTMENT"),
    ("民政局", "市民政局", "忻民发", "DEPARTMENT"),
    ("司法局", "市司法局", "忻司发", "DEPARTMENT"),
    ("财政局", "市财政局", "忻财发", "DEPARTMENT"),
    ("人力资源和社会保障局", "市人社局", "忻人社发", "DEPARTMENT"),
    ("规划和自然资源局", "市自然资源局", "忻自然资发", "DEPARTMENT"),
    ("生态环境局", "市生态环境局", "忻环发", "DEPARTMENT"),
    ("住房和城乡建设局", "市住建局", "忻建发", "DEPARTMENT"),
    ("交通运输局", "市交通局", "忻交发", "DEPARTMENT"),
    ("水利局", "市水利局", "忻水发", "DEPARTMENT"),
    ("农业农村局", "市农业农村局", "忻农发", "DEPARTMENT"),
    ("商务局", "市商务局", "忻商发", "DEPARTMENT"),
    ("文化和旅游局", "市文旅局", "忻文旅发", "DEPARTMENT"),
    ("卫生健康委员会", "市卫健委", "忻卫发", "DEPARTMENT"),
    ("退役军人事务局", "市退役军人局", "忻退役发", "DEPARTMENT"),
    ("应急管理局", "市应急局", "忻应急发", "DEPARTMENT"),
    ("审计局", "市审计局", "忻审发", "DEPARTMENT"),
    ("市场监督管理局", "市市场监管局", "忻市监发", "DEPARTMENT"),
    ("统计局", "市统计局", "忻统发", "DEPARTMENT"),
    ("医疗保障局", "市医保局", "忻医保发", "DEPARTMENT"),
    ("行政审批服务管理局", "市行政审批局", "忻审批发", "DEPARTMENT"),
    ("能源局", "市能源局", "忻能发", "DEPARTMENT"),
    ("林业局", "市林业局", "忻林发", "DEPARTMENT"),
    ("地方志研究室", "市地方志办", "忻志发", "PUBLIC_INSTITUTION"),
    ("住房公积金管理中心", "市公积金中心", "忻公积金发", "PUBLIC_INSTITUTION"),
)
_COUNTIES: Final = (
    ("忻府区", "忻府"),
    ("原平市", "原"),
    ("定襄县", "定"),
    ("五台县", "台"),
    ("代县", "代"),
    ("繁峙县", "繁"),
    ("宁武县", "宁"),
    ("静乐县", "静"),
    ("神池县", "神"),
    ("五寨县", "寨"),
    ("岢岚县", "岚"),
    ("河曲县", "河"),
    ("保德县", "保"),
    ("偏关县", "偏"),
)
_COUNTY_ORGANS: Final = (
    ("人民政府", "政府", "政发", "GOVERNMENT"),
    ("人民政府办公室", "政府办", "政办发", "GENERAL_OFFICE"),
    ("发展和改革局", "发改局", "发改发", "DEPARTMENT"),
    ("教育局", "教育局", "教发", "DEPARTMENT"),
    ("财政局", "财政局", "财发", "DEPARTMENT"),
    ("人力资源和社会保障局", "人社局", "人社发", "DEPARTMENT"),
    ("住房和城乡建设局", "住建局", "建发", "DEPARTMENT"),
    ("农业农村局", "农业农村局", "农发", "DEPARTMENT"),
    ("卫生健康局", "卫健局", "卫发", "DEPARTMENT"),
    ("市场监督管理局", "市场监管局", "市监发", "DEPARTMENT"),
)


@cache
def organs() -> tuple[OrganSpec, ...]:
    found = [
        OrganSpec(CITY + name, short, code, kind, "CITY", "全市", CITY) for name, short, code, kind in _CITY_ORGANS
    ]
    found.append(
        OrganSpec(
            "忻州经济开发区管理委员会", "开发区管委会", "忻开管发", "ADMINISTRATIVE_COMMITTEE", "CITY", "全区", CITY
        )
    )
    for county, letter in _COUNTIES:
        place = "全" + county[-1]
        for name, short, code, kind in _COUNTY_ORGANS:
            found.append(OrganSpec(county + name, county + short, letter + code, kind, "COUNTY", place, county))
    return tuple(found)


@cache
def _organ_weights() -> list[float]:
    # Zipf over the official order: the city government and its office publish the most.
    return list(accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(organs()))))


# --- Vocabulary --------------------------------------------------------------------------------

# First-level category → its vocabulary (the reference corpus used 10–20 terms per category).
TOPIC_TERMS: Final[dict[str, tuple[str, ...]]] = {
    "国务院组织机构": (
        "机构改革",
        "职能转变",
        "机构编制",
        "议事协调机构",
        "权责清单",
        "部门职责",
        "机构设置",
        "编制管理",
        "事业单位改革",
        "职能配置",
    ),
    "综合政务": (
        "政务公开",
        "政府信息公开",
        "依申请公开",
        "主动公开",
        "政务督查",
        "电子政务",
        "信访工作",
        "保密工作",
        "公文处理",
        "政府网站",
        "政务新媒体",
        "12345热线",
        "一网通办",
        "政务服务",
        "年度报告",
        "接诉即办",
    ),
    "国民经济管理、国有资产监管": (
        "国民经济",
        "经济运行",
        "固定资产投资",
        "重大项目",
        "国有资产",
        "国有企业改革",
        "价格监测",
        "物价",
        "统计调查",
        "经济普查",
        "十四五规划",
        "项目储备",
        "投资审批",
    ),
    "财政、金融、审计": (
        "财政预算",
        "预决算公开",
        "部门预算",
        "政府债务",
        "专项债",
        "税收征管",
        "金融服务",
        "普惠金融",
        "审计整改",
        "社会信用体系",
        "政府采购",
        "绩效评价",
        "转移支付",
        "财政资金",
    ),
    "国土资源、能源": (
        "土地征收",
        "土地利用",
        "国土空间规划",
        "矿产资源",
        "煤炭",
        "煤矿安全",
        "电力保障",
        "新能源",
        "光伏发电",
        "风电",
        "天然气",
        "水资源",
        "耕地保护",
        "不动产登记",
    ),
    "农业、林业、水利": (
        "高标准农田",
        "乡村振兴",
        "粮食生产",
        "畜牧业",
        "秸秆禁烧",
        "林长制",
        "河长制",
        "造林绿化",
        "水土保持",
        "农田水利",
        "防汛抗旱",
        "小杂粮",
        "农业补贴",
        "农村人居环境",
    ),
    "工业、交通": (
        "工业经济",
        "技术改造",
        "专精特新",
        "信息化",
        "5G基站",
        "公路建设",
        "农村公路",
        "交通运输",
        "道路运输",
        "铁路",
        "民航",
        "邮政快递",
        "物流",
        "新型工业化",
    ),
    "商贸、海关、旅游": (
        "招商引资",
        "消费促进",
        "外贸",
        "电子商务",
        "五台山",
        "旅游景区",
        "文旅融合",
        "全域旅游",
        "旅游市场",
        "农产品流通",
        "商贸流通",
        "会展",
    ),
    "市场监管、安全生产监管": (
        "市场监管",
        "食品安全",
        "药品安全",
        "特种设备",
        "安全生产",
        "双随机一公开",
        "质量监督",
        "标准化",
        "价格监督",
        "知识产权保护",
        "隐患排查",
        "消防安全",
    ),
    "城乡建设、环境保护": (
        "城市规划",
        "老旧小区改造",
        "保障性住房",
        "住房公积金",
        "生态环境保护",
        "大气污染防治",
        "水污染防治",
        "节能减排",
        "垃圾分类",
        "城市更新",
        "污水处理",
        "清洁取暖",
        "环境监测",
    ),
    "科技、教育": (
        "科技创新",
        "高新技术企业",
        "科技成果转化",
        "义务教育",
        "学前教育",
        "职业教育",
        "教师招聘",
        "双减",
        "校园安全",
        "学生资助",
        "教育督导",
        "知识产权",
    ),
    "文化、广电、新闻出版": (
        "公共文化服务",
        "文物保护",
        "非物质文化遗产",
        "广播电视",
        "新闻出版",
        "全民阅读",
        "文化惠民",
        "长城保护",
    ),
    "卫生、体育": (
        "公共卫生",
        "疫情防控",
        "医疗卫生",
        "基层医疗",
        "医保",
        "家庭医生",
        "全民健身",
        "体育赛事",
        "健康忻州",
        "药品集中采购",
        "中医药",
    ),
    "人口与计划生育、妇女儿童工作": (
        "人口发展",
        "三孩生育政策",
        "妇女儿童",
        "儿童福利",
        "托育服务",
        "妇幼保健",
        "未成年人保护",
    ),
    "劳动、人事、监察": (
        "就业创业",
        "稳就业",
        "社会保障",
        "养老保险",
        "工伤保险",
        "公务员招录",
        "事业单位招聘",
        "人才引进",
        "退役军人",
        "军转安置",
        "根治欠薪",
        "职业技能培训",
    ),
    "公安、安全、司法": (
        "社会治安",
        "扫黑除恶",
        "交通安全",
        "法治政府",
        "普法",
        "行政复议",
        "法律援助",
        "人民调解",
        "公共法律服务",
        "禁毒",
    ),
    "民政、扶贫、救灾": (
        "低保",
        "特困供养",
        "临时救助",
        "养老服务",
        "社会救助",
        "防止返贫",
        "巩固拓展脱贫攻坚成果",
        "减灾救灾",
        "自然灾害救助",
        "殡葬管理",
        "社会组织",
        "地名管理",
    ),
    "民族、宗教": ("民族团结", "宗教事务", "民族工作", "宗教活动场所"),
    "对外事务": ("外事工作", "友好城市", "对外交流", "国际合作"),
    "港澳台侨工作": ("侨务工作", "对台工作", "港澳交流"),
    "国防": ("国防动员", "双拥工作", "征兵工作", "人民防空", "民兵整组"),
    "其他": ("综合事务", "重点工作", "督查督办"),
}

GENERAL_TERMS: Final = (
    "政务公开",
    "营商环境",
    "十四五",
    "放管服改革",
    "乡村振兴",
    "高质量发展",
    "一网通办",
    "数字政府",
    "优化营商环境",
    "依法行政",
    "政府信息公开",
    "双随机一公开",
    "互联网+政务服务",
    "安全生产",
    "生态文明建设",
    "民生实事",
    "招商引资",
    "项目建设",
    "专项债",
    "12345热线",
    "接诉即办",
    "河长制",
    "基层治理",
    "新型城镇化",
    "法治政府",
    "社会信用体系",
    "共同富裕",
    "转型发展",
    "能源革命",
    "黄河流域生态保护",
)

_LAWS: Final = (
    "中华人民共和国政府信息公开条例",
    "中华人民共和国预算法",
    "中华人民共和国行政许可法",
    "中华人民共和国行政处罚法",
    "中华人民共和国安全生产法",
    "中华人民共和国环境保护法",
    "中华人民共和国土地管理法",
    "优化营商环境条例",
    "山西省人民政府关于加强政务公开工作的意见",
    "国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见",
    "山西省政务公开工作要点",
    "中华人民共和国乡村振兴促进法",
)

_HEADINGS: Final = (
    "总体要求",
    "工作目标",
    "重点任务",
    "主要措施",
    "保障措施",
    "组织领导",
    "实施步骤",
    "工作要求",
    "适用范围",
    "职责分工",
    "资金保障",
    "监督考核",
    "附则",
)
_SUBHEADINGS: Final = (
    "加强组织领导",
    "强化责任落实",
    "健全工作机制",
    "加大资金投入",
    "强化督查考核",
    "做好宣传引导",
    "推进信息公开",
    "严格监督管理",
    "优化服务流程",
    "夯实基层基础",
    "压实主体责任",
    "强化要素保障",
)
_VERBS: Final = ("加强", "推进", "深化", "规范", "做好", "健全", "完善", "落实", "优化", "统筹")

# The clause bank. {t} a term of the document's topic, {g} a general term, {p} 全市/全县,
# {y} a year, {n} a small number, {pct} a percentage, {m} an amount in 万元, {town}, {village},
# {company}, {person}, {phone}, {organ}, {v} a verb, {law}. Rank order = frequency order (Zipf).
CLAUSES: Final = (
    "深入贯彻落实党中央、国务院关于政务公开工作的决策部署",
    "坚持以公开为常态、不公开为例外",
    "各级各部门要高度重视{g}工作",
    "推进决策、执行、管理、服务、结果公开",
    "{v}{t}工作机制",
    "进一步{v}{t}，持续优化营商环境",
    "按照政府信息公开的有关规定，及时主动公开相关信息",
    "{p}{t}工作取得明显成效",
    "到{y}年，{p}{t}覆盖率达到{pct}以上",
    "{v}{g}，推动{t}高质量发展",
    "积极回应社会关切，增强政务公开实效",
    "严格落实政务公开“五公开”要求",
    "各县（市、区）要结合实际，制定具体实施方案",
    "市财政安排专项资金{m}万元，用于{t}",
    "确保各项任务落到实处、取得实效",
    "{organ}负责{t}的统筹协调和督促指导",
    "依法依规做好政府信息公开申请办理工作",
    "在政府门户网站政务公开专栏公开发布",
    "{v}{t}标准化规范化建设",
    "将{t}纳入年度目标责任考核",
    "统筹推进{g}和{t}",
    "完善{t}政策措施，强化政策解读",
    "在{town}{village}开展{t}试点",
    "支持{company}参与{t}",
    "联系人：{person}，联系电话：{phone}",
    "牵头单位：{organ}",
    "责任单位：各县（市、区）人民政府，市直有关部门",
    "{y}年以来，{p}累计完成{t}项目{n}个",
    "全年完成投资{m}万元，同比增长{pct}",
    "扎实推进{t}，切实保障群众合法权益",
    "建立健全{t}长效机制",
    "加大{t}信息公开力度，主动接受社会监督",
    "畅通{g}咨询渠道，及时解答群众疑问",
    "对工作不力、进展缓慢的，予以通报批评",
    "各有关单位要于每月{n}日前报送工作进展情况",
    "本{kind}自印发之日起施行",
    "有效期{n}年",
    "此前有关规定与本{kind}不一致的，以本{kind}为准",
    "坚持问题导向和目标导向",
    "推动{t}与{g}深度融合",
    "持续深化放管服改革",
    "围绕{g}重点领域，加大公开力度",
    "强化政策解读和回应关切",
    "严格执行公文公开属性源头认定制度",
    "做好政府信息公开工作年度报告编制发布工作",
    "依托政务服务平台，推进{t}一网通办",
    "规范{t}办理流程，压缩办理时限",
    "{v}基层政务公开标准目录",
    "组织开展{t}专项检查",
    "对检查中发现的问题，督促限期整改",
    "全面落实{t}责任制",
    "{town}党委、政府要切实履行属地责任",
    "{village}村民委员会负责具体组织实施",
    "{company}应当严格遵守{t}有关规定",
    "由{organ}会同有关部门负责解释",
    "符合条件的申请人可向{organ}提出申请",
    "申请材料齐全、符合法定形式的，当场予以受理",
    "资金实行专户管理、专款专用",
    "严禁截留、挤占、挪用专项资金",
    "加强{t}宣传培训，提高干部业务能力",
    "定期开展{t}督导检查",
    "发挥{t}示范引领作用",
    "打造一批{t}示范点",
    "推动{t}向基层延伸",
    "群众满意度达到{pct}以上",
    "办结率保持在{pct}以上",
    "各地各部门要加强沟通协调，形成工作合力",
    "认真总结经验做法，及时报送工作信息",
    "按照“谁公开、谁审查、谁负责”的原则，严格信息发布审查",
    "涉及国家秘密、商业秘密和个人隐私的信息不予公开",
    "政府信息公开工作机构应当依法答复申请人",
    "依申请公开事项应当在规定期限内答复",
    "推进政策文件库建设，集中公开现行有效的规范性文件",
    "建立规范性文件动态调整机制",
    "加强政府网站和政务新媒体管理",
    "规范设置政府信息公开专栏",
    "完善政府信息公开指南和目录",
    "深化重点领域信息公开",
    "{v}财政预决算公开",
    "做好重大建设项目批准和实施领域信息公开",
    "推进公共资源配置领域信息公开",
    "强化社会救助、养老服务等民生领域信息公开",
    "加强对{t}的监督检查",
    "建立{t}工作台账，实行销号管理",
    "{person}同志负责日常联络工作",
    "地址：{town}人民路{n}号",
    "邮政编码：034000",
    "全面提升{t}水平",
    "着力解决群众急难愁盼问题",
    "持续推进{t}提质增效",
    "{p}共有{t}项目{n}个，总投资{m}万元",
    "其中，中央资金{m}万元，省级资金{m}万元",
    "{y}年{n}月底前完成全部建设任务",
    "对{t}实行清单化管理",
    "坚持公平、公正、公开原则",
    "公示期为{n}个工作日",
    "公示期间如有异议，请向{organ}反映",
    "举报电话：{phone}",
    "不断增强人民群众获得感、幸福感、安全感",
    "以{g}为抓手，推动各项工作落地见效",
    "{t}相关信息在政务公开专栏同步公开",
    "切实提高{t}工作的透明度",
)


@dataclass(frozen=True)
class _Template:
    parts: tuple[tuple[str, str | None], ...]  # (literal text, slot name or None)


def _parse(template: str) -> _Template:
    return _Template(tuple((literal, name) for literal, name, _spec, _conv in string.Formatter().parse(template)))


@cache
def _clauses() -> tuple[tuple[_Template, ...], list[float]]:
    templates = tuple(_parse(clause) for clause in CLAUSES)
    return templates, list(accumulate(1.0 / (rank + 1) ** 0.7 for rank in range(len(templates))))


_SURNAMES: Final = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
_GIVEN: Final = (
    "建国华明丽伟芳军敏静强磊洋艳勇杰娟涛超秀英霞平刚桂兰志红玉梅海燕亮斌鹏辉宇飞凤晨旭东峰林春雪晶颖瑞鑫浩宏彬琳波文俊"
)
_PLACE_CHARS: Final = (
    "东西南北上下前后大小新旧高家庄河沟坪堡峪泉山岭寨口湾塔营屯头庙王李张刘赵杨白石青红黄金水柳杏梨枣槐松"
)
_TRADES: Final = (
    "农业开发",
    "建筑工程",
    "煤业",
    "能源",
    "商贸",
    "食品",
    "物流",
    "科技",
    "矿业",
    "新材料",
    "旅游开发",
    "环保科技",
    "电力",
    "农牧",
    "建材",
)


@dataclass(frozen=True)
class _Names:
    towns: tuple[str, ...]
    villages: tuple[str, ...]
    companies: tuple[str, ...]
    people: tuple[str, ...]


@cache
def names() -> _Names:
    """The long tail: 168 towns, 4,000 villages, 6,000 companies and 30,000 people."""
    rng = random.Random(_VOCABULARY_SEED)  # noqa: S311 (reproducible test data, not a secret)

    def unique(make: Callable[[], str], count: int) -> tuple[str, ...]:
        found: dict[str, None] = {}
        while len(found) < count:
            found[make()] = None
        return tuple(found)

    towns = unique(lambda: "".join(rng.choices(_PLACE_CHARS, k=2)) + rng.choice("镇乡"), 168)
    villages = unique(lambda: "".join(rng.choices(_PLACE_CHARS, k=rng.choice((2, 3)))) + "村", 4_000)
    companies = unique(
        lambda: "山西" + "".join(rng.choices(_PLACE_CHARS + _GIVEN, k=2)) + rng.choice(_TRADES) + "有限公司", 6_000
    )
    people = unique(lambda: rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2)))), 30_000)
    return _Names(towns, villages, companies, people)


# --- Documents ---------------------------------------------------------------------------------

_TITLE_FORMS: Final = (
    # (form, kind, kind word used in the body, carries a 文号)
    ("{organ}关于印发{place}{y}年{t}工作实施方案的通知", ItemKind.OTHER_DOCUMENT, "方案", True),
    ("{organ}关于{v}{t}的意见", ItemKind.NORMATIVE_DOCUMENT, "意见", True),
    ("{organ}关于做好{y}年{t}工作的通知", ItemKind.OTHER_DOCUMENT, "通知", True),
    ("{organ}关于印发{city}{t}管理办法的通知", ItemKind.NORMATIVE_DOCUMENT, "办法", True),
    ("{city}{t}管理办法", ItemKind.REGULATION, "办法", True),
    ("{organ}关于{y}年{t}情况的报告", ItemKind.OTHER_DOCUMENT, "报告", True),
    ("{organ}{y}年政府信息公开工作年度报告", ItemKind.OTHER_DOCUMENT, "报告", False),
    ("{organ}{y}年部门预算公开说明", ItemKind.FISCAL, "说明", False),
    ("{organ}{y}年部门决算公开", ItemKind.FISCAL, "说明", False),
    ("{place}{t}工作推进会召开", ItemKind.WORK_NEWS, "信息", False),
    ("{organ}召开{t}专题会议", ItemKind.MEETING, "纪要", False),
    ("关于{t}有关事项的公告", ItemKind.PUBLIC_SERVICE, "公告", True),
    ("{organ}关于{t}项目的批复", ItemKind.MAJOR_PROJECT, "批复", True),
    ("{city}{y}年{t}统计公报", ItemKind.STATISTICS, "公报", False),
    ("{organ}行政处罚决定书（{company}）", ItemKind.ADMINISTRATIVE_PENALTY, "决定", True),
    ("{organ}关于{company}行政许可事项的公示", ItemKind.ADMINISTRATIVE_LICENCE, "公示", False),
    ("{city}{t}突发事件应急预案", ItemKind.EMERGENCY, "预案", True),
    ("{organ}{y}年公开招聘工作人员公告", ItemKind.PERSONNEL, "公告", False),
    ("{organ}关于{t}政府采购项目的公告", ItemKind.PROCUREMENT, "公告", False),
    ("{city}“十四五”{t}规划", ItemKind.PLAN, "规划", True),
    ("{organ}关于开展{t}专项检查的通知", ItemKind.INSPECTION, "通知", True),
    ("{organ}对市政协提案的答复（{t}）", ItemKind.LETTER_REPLY, "答复", True),
)
_TITLE_WEIGHTS: Final = list(accumulate(1.0 / (rank + 1) ** 0.6 for rank in range(len(_TITLE_FORMS))))
_TOPICS: Final = tuple(
    (first, second) for first, seconds in STATE_COUNCIL_TOPICS for second in (seconds or ("",)) if second != "其他"
)
_ALL_TERMS: Final = tuple(sorted({term for group in TOPIC_TERMS.values() for term in group}))
_YEARS: Final = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
# Later years publish more (an online library grows): weight grows with the year.
_YEAR_WEIGHTS: Final = list(accumulate(1.0 + 0.35 * offset for offset in range(len(_YEARS))))


def _fill(template: _Template, slots: "_Slots") -> str:
    return "".join(literal + (slots.value(name) if name else "") for literal, name in template.parts)


class _Slots:
    """Slot values for one document: the document's own (topic, organ, place) and fresh random ones."""

    def __init__(self, rng: random.Random, organ: OrganSpec, terms: Sequence[str], year: int, kind_word: str) -> None:
        self.rng = rng
        self.organ = organ
        self.terms = terms
        self.year = year
        self.kind_word = kind_word
        self.in_title = False  # a title names its own organ

    def value(self, name: str) -> str:
        rng = self.rng
        if name == "t":
            # Documents touch neighbouring subjects too, so multi-word queries across topics find some.
            if rng.random() < 0.15:
                return rng.choice(_ALL_TERMS)
            return rng.choice(self.terms)
        if name == "g":
            return GENERAL_TERMS[min(int(rng.paretovariate(1.2)) - 1, len(GENERAL_TERMS) - 1)]
        if name == "p":
            return self.organ.place
        if name == "y":
            return str(self.year + rng.choice((-1, 0, 0, 1, 2)))
        if name == "n":
            return str(rng.randint(1, 30))
        if name == "pct":
            return f"{rng.randint(60, 99)}%"
        if name == "m":
            return str(rng.randint(10, 9_000))
        if name == "v":
            return rng.choice(_VERBS)
        if name == "organ":
            return self.organ.name if self.in_title or rng.random() < 0.6 else rng.choice(organs()).name
        if name == "kind":
            return self.kind_word
        if name == "law":
            return rng.choice(_LAWS)
        if name == "phone":
            return f"0350-{rng.randint(2_000_000, 8_999_999)}"
        pool = names()
        if name == "town":
            return rng.choice(pool.towns)
        if name == "village":
            return rng.choice(pool.villages)
        if name == "company":
            return rng.choice(pool.companies)
        if name == "person":
            return rng.choice(pool.people)
        if name == "place":
            return self.organ.place.removeprefix("全")
        if name == "city":
            return self.organ.region
        raise KeyError(name)


def _body(rng: random.Random, slots: _Slots, organ: OrganSpec, written_on: date) -> str:
    target = rng.randint(BODY_MIN + 200, BODY_MAX)
    templates, weights = _clauses()
    opening = (
        "各县（市、区）人民政府，市直各有关单位：" if organ.level == "CITY" else "各乡镇人民政府，县直各有关单位："
    )
    preamble = (
        f"为{slots.value('v')}{slots.value('t')}，{slots.value('v')}{slots.value('g')}，"
        f"根据《{slots.value('law')}》等有关规定，结合本{organ.place[-1]}实际，制定本{slots.kind_word}。"
    )
    closing = f"{organ.name}\n{written_on.year}年{written_on.month}月{written_on.day}日\n（此件公开发布）"
    paragraphs = [opening, preamble]
    length = len(opening) + len(preamble) + len(closing) + 2
    numerals = "一二三四五六七八九十"
    section = 0
    while section < len(numerals):
        heading = f"{numerals[section]}、{rng.choice(_HEADINGS)}"
        if length + len(heading) + 1 > target:
            break
        paragraphs.append(heading)
        length += len(heading) + 1
        section += 1
        full = False
        for sub in range(rng.randint(2, 4)):
            sentences = [f"（{numerals[sub]}）{rng.choice(_SUBHEADINGS)}。"]
            for template in rng.choices(templates, cum_weights=weights, k=rng.randint(3, 7)):
                sentences.append(_fill(template, slots) + "。")
            paragraph = ""
            for sentence in sentences:
                if length + len(paragraph) + len(sentence) + 1 > target:
                    full = True
                    break
                paragraph += sentence
            if paragraph:
                paragraphs.append(paragraph)
                length += len(paragraph) + 1
            if full:
                break
        if full:
            break
    paragraphs.append(closing)
    text = "\n".join(paragraphs)
    while len(text) < BODY_MIN:  # a short draw of long clauses: pad with the commonest clause
        text = text.replace("\n" + closing, "\n坚持以公开为常态、不公开为例外。\n" + closing)
    return text


def document(seed: int, index: int) -> Document:
    """Document ``index`` of the corpus ``seed``: the same on every run and whatever the corpus size."""
    rng = random.Random((seed << 40) ^ index)  # noqa: S311 (reproducible test data, not a secret)
    organ_index = rng.choices(range(len(organs())), cum_weights=_organ_weights())[0]
    organ = organs()[organ_index]
    form, kind, kind_word, numbered = rng.choices(_TITLE_FORMS, cum_weights=_TITLE_WEIGHTS)[0]
    topic = rng.choice(_TOPICS)
    terms = TOPIC_TERMS[topic[0]]
    year = rng.choices(_YEARS, cum_weights=_YEAR_WEIGHTS)[0]
    published_on = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    written_on = published_on - timedelta(days=rng.randint(0, 20))
    slots = _Slots(rng, organ, terms, written_on.year, kind_word)
    slots.in_title = True
    title = _fill(_parse(form), slots)
    slots.in_title = False
    number = f"{organ.code}〔{written_on.year}〕{rng.randint(1, 300)}号" if numbered else ""
    roll = rng.random()
    validity, expires_on = Validity.VALID, None
    if kind in (ItemKind.NORMATIVE_DOCUMENT, ItemKind.REGULATION, ItemKind.PLAN):
        expires_on = written_on + timedelta(days=365 * rng.choice((2, 3, 5)))
    if roll < 0.05:
        validity = Validity.REPEALED
    elif roll < 0.12:
        validity = Validity.EXPIRED
    return Document(
        index=index,
        title=title,
        organ=organ_index,
        document_number=number,
        index_number=f"bench-{seed}-{index:08d}",
        written_on=written_on,
        published_on=published_on,
        topic=topic,
        kind=kind,
        declared_validity=validity,
        expires_on=expires_on,
        keywords=" ".join(dict.fromkeys(rng.choices(terms, k=3))),
        body=_body(rng, slots, organ, written_on),
    )


def documents(seed: int, start: int, stop: int) -> Iterator[Document]:
    for index in range(start, stop):
        yield document(seed, index)
