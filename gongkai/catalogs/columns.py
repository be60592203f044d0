"""The fixed legal vocabulary of a 公开事项标准目录 (REGULATIONS.md §4), as pure Python.

Column headers, domains, levels and channel names are printed in Chinese exactly as the published
catalogs print them: they are labels of a legal form, not UI text, and the XLSX layout depends on
them character for character.
"""

import re
import unicodedata
from dataclasses import dataclass, fields
from typing import Final

# §4.3: the columns of a catalog row, in the order the published catalogs print them.
FIRST_ITEM: Final = "一级事项"
SECOND_ITEM: Final = "二级事项"
CONTENT: Final = "公开内容（要素）"
BASIS: Final = "公开依据"
TIME_LIMIT: Final = "公开时限"
SUBJECT: Final = "公开主体"
CHANNELS: Final = "公开渠道和载体"
AUDIENCE: Final = "公开对象"
MANNER: Final = "公开方式"
LEVELS: Final = "公开层级"
SERIAL: Final = "序号"

HEADERS: Final = (FIRST_ITEM, SECOND_ITEM, CONTENT, BASIS, TIME_LIMIT, SUBJECT, CHANNELS, AUDIENCE, MANNER, LEVELS)
# Rows are incomplete without these (国办发〔2019〕54号: 名称、内容、依据、时限、主体 at least).
REQUIRED: Final = (FIRST_ITEM, SECOND_ITEM, CONTENT, TIME_LIMIT, SUBJECT)

# §4.2: the 26 pilot domains, then the three the city plan (item 8) adds.
PILOT_DOMAINS: Final = (
    "重大建设项目",
    "公共资源交易",
    "财政预决算",
    "安全生产",
    "税收管理",
    "征地补偿",
    "国有土地上房屋征收与补偿",
    "农村危房改造",
    "城乡规划",
    "扶贫",
    "救灾",
    "食品药品监管",
    "城市综合执法",
    "就业",
    "社会保险",
    "社会救助",
    "养老服务",
    "户籍管理",
    "涉农补贴",
    "医疗卫生",
    "市政服务",
    "生态环境",
    "公共文化服务",
    "公共法律服务",
    "义务教育",
    "保障性住房",
)
CITY_DOMAINS: Final = ("交通运输", "职业教育", "人防工程")
DOMAINS: Final = PILOT_DOMAINS + CITY_DOMAINS

# Other names the same domains go by in local catalogs (§4.2's parentheses).
DOMAIN_ALIASES: Final = {
    "农村集体土地征收": "征地补偿",
    "卫生健康": "医疗卫生",
    "环境保护": "生态环境",
    "公共法律": "公共法律服务",
}

COUNTY: Final = "县级"
TOWNSHIP: Final = "乡级"
CATALOG_LEVELS: Final = (COUNTY, TOWNSHIP)
# 公开层级 as local catalogs print it, mapped onto the two levels the platform keeps.
LEVEL_ALIASES: Final = {
    "县级": COUNTY,
    "县": COUNTY,
    "县区级": COUNTY,
    "乡级": TOWNSHIP,
    "乡": TOWNSHIP,
    "乡镇级": TOWNSHIP,
    "乡、村级": TOWNSHIP,
    "乡村级": TOWNSHIP,
    "镇(街)级": TOWNSHIP,
    "镇街级": TOWNSHIP,
    "乡镇(街道)": TOWNSHIP,
}

WHOLE_SOCIETY: Final = "全社会"
SPECIFIC_GROUPS: Final = "特定群众"
AUDIENCE_ALIASES: Final = {"全社会": WHOLE_SOCIETY, "特定群众": SPECIFIC_GROUPS, "特定群体": SPECIFIC_GROUPS}
PROACTIVE: Final = "主动"
ON_REQUEST: Final = "依申请"
MANNER_ALIASES: Final = {"主动": PROACTIVE, "主动公开": PROACTIVE, "依申请": ON_REQUEST, "依申请公开": ON_REQUEST}

# §4.3: the channels of the checkbox list; domain catalogs add their own, which are kept as written.
GOVERNMENT_WEBSITE: Final = "政府网站"
STANDARD_CHANNELS: Final = (
    GOVERNMENT_WEBSITE,
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
)
CHECKED_MARKS: Final = frozenset("■√✓✔☑●")
UNCHECKED_MARKS: Final = frozenset("□☐○")


def domain_name(value: str) -> str | None:
    """The platform's name for a domain as a catalog writes it, or None when it is not one of them."""
    text = header_key(value).removesuffix("领域")
    if text in DOMAINS:
        return text
    return DOMAIN_ALIASES.get(text)


_FULL_WIDTH_ALNUM = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()}
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


def clean_text(value: object) -> str:
    """A cell's text as stored: full-width digits and letters made ASCII, spaces collapsed, blank
    lines dropped. Chinese punctuation is kept as printed, so the stored text reads like the catalog."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).translate(_FULL_WIDTH_ALNUM).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def header_key(value: object) -> str:
    """A label reduced for comparison: width-folded (NFKC) and without any whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", clean_text(value)))


HEADER_ALIASES: Final = {header_key(label): label for label in HEADERS} | {
    header_key("公开内容"): CONTENT,
    header_key("公开内容(要素)"): CONTENT,
    header_key("公开要素"): CONTENT,
    header_key("公开渠道"): CHANNELS,
    header_key("公开载体和渠道"): CHANNELS,
    header_key("公开渠道和载体"): CHANNELS,
    header_key("公开载体"): CHANNELS,
    header_key("公开事项一级事项"): FIRST_ITEM,
    header_key("公开事项二级事项"): SECOND_ITEM,
    header_key("序号"): SERIAL,
}
# Headers that span sub-columns of check marks, one per value (§4.3: 公开对象, 公开方式, 公开层级).
MARKED_GROUPS: Final = {AUDIENCE: AUDIENCE_ALIASES, MANNER: MANNER_ALIASES, LEVELS: LEVEL_ALIASES}


@dataclass(frozen=True)
class RowData:
    """One catalog row with the §4.3 columns, as text."""

    first_item: str
    second_item: str
    content: str
    basis: str = ""
    time_limit: str = ""
    subject: str = ""
    channels: str = ""
    audience: str = ""
    manner: str = ""
    levels: str = ""

    def values(self) -> tuple[str, ...]:
        return tuple(getattr(self, field.name) for field in fields(self))

    @property
    def key(self) -> tuple[str, str]:
        return (self.first_item, self.second_item)


FIELD_BY_HEADER: Final = dict(zip(HEADERS, (field.name for field in fields(RowData)), strict=True))


def selected_channels(text: str) -> list[str]:
    """The channels a row ticks: those after ■ when the row uses boxes, otherwise every named one."""
    cleaned = clean_text(text)
    if any(mark in cleaned for mark in CHECKED_MARKS | UNCHECKED_MARKS):
        parts = re.split(r"([■√✓✔☑●□☐○])", cleaned)
        chosen: list[str] = []
        for mark, name in zip(parts[1::2], parts[2::2], strict=True):
            name = name.strip(" 、，,；;\n")
            if mark in CHECKED_MARKS and name:
                chosen.append(name)
        return chosen
    return [part for part in (piece.strip() for piece in re.split(r"[、，,；;\n ]+", cleaned)) if part]


def split_values(text: str, aliases: dict[str, str]) -> list[str]:
    """The values of a 公开对象/方式/层级 cell in the platform's words; unknown words kept as written."""
    whole = header_key(text)
    if whole in aliases:
        return [aliases[whole]]
    found: list[str] = []
    for part in re.split(r"[、，,；;/\n ]+", whole):
        if not part:
            continue
        value = aliases.get(part, aliases.get(part.removesuffix("公开"), part))
        if value not in found:
            found.append(value)
    return found
