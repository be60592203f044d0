"""Government vocabulary: terms and organ short forms, for query understanding and "did you mean".

Matching never depends on this module (bigrams find every substring); it is used to
* expand a query word that is an organ's name or short form (市发改委) to the organ's full name;
* suggest organs for near misses (市发改 → 市发改委 / 忻州市发展和改革委员会);
* split an unspaced query into words (十四五规划营商环境 → 十四五 规划 营商环境) with rjieba and
  a user dictionary of these terms, when the whole string as one phrase finds nothing.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import rjieba

from gongkai.search import analysis

# 政务 terms that dictionary segmentation would split or that users type as one word.
GOVERNMENT_TERMS: Final = (
    "放管服",
    "放管服改革",
    "十四五",
    "十三五",
    "十五五",
    "营商环境",
    "政务公开",
    "政府信息公开",
    "依申请公开",
    "主动公开",
    "双随机一公开",
    "一网通办",
    "一件事一次办",
    "最多跑一次",
    "接诉即办",
    "12345热线",
    "互联网+政务服务",
    "乡村振兴",
    "高标准农田",
    "秸秆禁烧",
    "预决算公开",
    "规范性文件",
    "行政审批",
    "行政许可",
    "行政处罚",
    "低保",
    "医保",
    "住房公积金",
    "河长制",
    "林长制",
    "三农",
    "六稳六保",
    "民生实事",
    "专项债",
    "政府工作报告",
    "年度报告",
)

# Standard organ-name endings and the short forms people type (longest first matters: see aliases).
ORGAN_ABBREVIATIONS: Final[Mapping[str, tuple[str, ...]]] = {
    "发展和改革委员会": ("发改委",),
    "发展和改革局": ("发改局",),
    "人力资源和社会保障局": ("人社局",),
    "住房和城乡建设局": ("住建局",),
    "卫生健康委员会": ("卫健委",),
    "卫生健康局": ("卫健局",),
    "市场监督管理局": ("市场监管局", "市场局"),
    "行政审批服务管理局": ("行政审批局", "审批局"),
    "规划和自然资源局": ("自然资源局", "自规局"),
    "交通运输局": ("交通局",),
    "生态环境局": ("环保局",),
    "农业农村局": ("农业局",),
    "医疗保障局": ("医保局",),
    "应急管理局": ("应急局",),
    "文化和旅游局": ("文旅局",),
    "退役军人事务局": ("退役军人局",),
    "人民政府办公室": ("政府办",),
    "人民政府": ("政府",),
    "网络安全和信息化委员会办公室": ("网信办",),
    "经济开发区管理委员会": ("开发区管委会",),
    "风景名胜区管理委员会": ("管委会",),
}
_PLACE_SUFFIXES: Final = ("市", "县", "区", "旗")


def organ_aliases(name: str, short_name: str = "") -> frozenset[str]:
    """Normalised names an organ is known by: 忻州市发展和改革委员会 → 忻州市发改委, 忻州发改委, 市发改委 …"""
    aliases = {name, short_name} if short_name else {name}
    for ending, shorts in ORGAN_ABBREVIATIONS.items():
        if not name.endswith(ending) or len(name) == len(ending):
            continue
        place = name.removeprefix("中共")[: -len(ending)]
        stem = place[:-1] if place.endswith(_PLACE_SUFFIXES) and len(place) > 2 else place
        for short in shorts:
            aliases.update({place + short, stem + short})
            if place.endswith(_PLACE_SUFFIXES):
                aliases.add(place[-1] + short)  # 市发改委, 县教育局: how the organ's own region says it
        break
    return frozenset(analysis.normalize(alias) for alias in aliases if alias)


@dataclass(frozen=True)
class OrganName:
    organ_id: int
    name: str
    aliases: frozenset[str]


@dataclass(frozen=True)
class OrganSuggestion:
    """Did you mean: ``word`` as typed looks like ``alias``, a name of the organ ``organ_name``."""

    word: str
    alias: str
    organ_id: int
    organ_name: str


def organ_expansions(organs: Iterable[OrganName]) -> dict[str, list[str]]:
    """Normalised alias → the full names it stands for (several when a short form is shared)."""
    expansions: dict[str, list[str]] = {}
    for organ in organs:
        for alias in organ.aliases:
            names = expansions.setdefault(alias, [])
            if organ.name not in names and analysis.normalize(organ.name) != alias:
                names.append(organ.name)
    return expansions


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            rest_a = a[index + 1 :] if len(a) == len(b) else a[index:]
            return rest_a == b[index + 1 :]
    return True


def suggest_organs(word: str, organs: Iterable[OrganName], limit: int = 3) -> list[OrganSuggestion]:
    """Organs whose name or short form the word nearly is: a part of it, or one character off."""
    typed = analysis.normalize(word)
    if len(typed) < 2:
        return []
    scored: list[tuple[int, int, str, OrganName]] = []
    organs = list(organs)
    if any(typed in organ.aliases for organ in organs):
        return []
    for organ in organs:
        best: tuple[int, str] | None = None
        for alias in organ.aliases:
            if typed in alias and len(alias) - len(typed) <= 4:
                rank = len(alias) - len(typed)
            elif len(typed) >= 3 and _within_one_edit(typed, alias):
                rank = 5
            else:
                continue
            if best is None or (rank, len(alias)) < (best[0], len(best[1])):
                best = (rank, alias)
        if best is not None:
            scored.append((best[0], len(best[1]), best[1], organ))
    scored.sort(key=lambda row: (row[0], row[1], row[3].organ_id))
    return [OrganSuggestion(word, alias, organ.organ_id, organ.name) for _rank, _len, alias, organ in scored[:limit]]


@lru_cache(maxsize=4)
def _segmenter(extra_words: frozenset[str]) -> rjieba.Jieba:
    segmenter = rjieba.Jieba()
    for term in (*GOVERNMENT_TERMS, *sorted(extra_words)):
        # A high frequency makes the dictionary word win over the pieces jieba would cut it into.
        segmenter.add_word(analysis.normalize(term), 100000, None)
    return segmenter


def segment(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Words of unspaced text (rjieba with the government dictionary), dropping punctuation."""
    segmenter = _segmenter(frozenset(extra_words))
    return [word for word in segmenter.cut(analysis.normalize(text), False) if analysis.runs(word)]
