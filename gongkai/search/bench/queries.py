"""The fixed query set: what people type into a government portal's search box, with and without filters.

Fixed for a corpus seed: the common portal queries are literal; the rest are drawn with a fixed
query seed from the corpus vocabulary, and the rare ones (people, villages, companies, 文号) from
the first ``ANCHOR_DOCUMENTS`` documents, which exist at every corpus size (even the 300-document
test), so every size is asked the same questions. Pure Python.
"""

import random
import re
from dataclasses import dataclass
from typing import Final

from gongkai.policies.domain import ItemKind
from gongkai.search.bench import corpus

ANCHOR_DOCUMENTS: Final = 300
_QUERY_SEED: Final = 7


@dataclass(frozen=True)
class BenchQuery:
    label: str  # the query's family, for reading the per-query output
    text: str = ""
    document_number: str = ""  # the 发文字号 field of the search form
    organ: str = ""  # an organ's full name (the 发文机关 filter)
    year: int | None = None
    kind: str = ""  # an ItemKind value

    def describe(self) -> str:
        parts = [self.text or "∅"]
        if self.document_number:
            parts.append(f"文号={self.document_number}")
        if self.organ:
            parts.append(f"机关={self.organ}")
        if self.year:
            parts.append(f"年={self.year}")
        if self.kind:
            parts.append(f"类={self.kind}")
        return " ".join(parts)


# What the reference measurements and portal logs suggest people type, commonest first.
COMMON: Final = (
    "政务公开",
    "公开",
    "政府信息公开",
    "营商环境",
    "财政预算 公开",
    "依申请公开 答复",
    "十四五 规划",
    "低保",
    "住房公积金",
    "秸秆禁烧",
    "五台山 旅游",
    "政府信息公开 年度报告",
    "双随机一公开",
    "12345热线",
    "一网通办",
    "放管服改革",
    "乡村振兴",
    "高标准农田",
    "预决算公开",
    "部门预算",
    "政府采购",
    "行政处罚",
    "行政许可",
    "公开招聘",
    "安全生产 检查",
    "疫情防控",
    "养老保险",
    "就业创业",
    "义务教育",
    "老旧小区改造",
    "大气污染防治",
    "煤炭",
    "河长制",
    "专项债",
    "政务公开 工作要点",
    "优化营商环境 实施方案",
    "土地征收",
    "耕地保护",
    "食品安全",
    "退役军人",
    "医保",
    "社会救助",
    "应急预案",
    "统计公报",
    "规范性文件",
    "政务公开 标准化 规范化",
    "乡村振兴 高标准农田 资金",
    "政府信息公开 依申请公开 答复 期限",
    "互联网+政务服务",
    "专项资金 管理办法",
)
SHORT_WORDS: Final = (
    "预算",
    "补贴",
    "土地",
    "教育",
    "养老",
    "低保",
    "煤炭",
    "招聘",
    "公示",
    "采购",
    "审计",
    "扶贫",
    "救助",
    "就业",
    "医疗",
)
ORGAN_SHORT_NAMES: Final = (
    "市发改委",
    "市财政局",
    "市教育局",
    "市人社局",
    "市卫健委",
    "市住建局",
    "市场监管局",
    "县教育局",
    "县发改局",
    "市政府办",
    "定襄县发改局",
    "五台县政府",
)
_BRACKETS: Final = (("[", "]"), ("(", ")"), ("【", "】"), ("（", "）"), ("［", "］"), ("〔", "〕"))


def _anchors(seed: int) -> list[corpus.Document]:
    return list(corpus.documents(seed, 0, ANCHOR_DOCUMENTS))


# Where the clause bank puts each kind of name; testing 30,000 names against the text is too slow.
_NAME_CONTEXTS: Final = {
    "person": re.compile(r"联系人：([^，。]+?)，|。([^，。]+?)同志负责"),
    "village": re.compile(r"([^，。]+?村)村民委员会"),
    "company": re.compile(r"(山西[^，。、]+?有限公司)"),
    "town": re.compile(r"在([^，。]{2}[镇乡])"),
}


def _names_in(
    documents: list[corpus.Document], label: str, pool: tuple[str, ...], count: int, rng: random.Random
) -> list[str]:
    text = "\n".join(document.body for document in documents)
    known = set(pool)
    found = sorted({name for match in _NAME_CONTEXTS[label].finditer(text) for name in match.groups() if name in known})
    return rng.sample(found, min(count, len(found)))


def query_set(seed: int) -> tuple[BenchQuery, ...]:
    """At least 200 queries of 1–4 words; about a fifth with filters, 20 by 文号 in other bracket styles."""
    rng = random.Random(_QUERY_SEED)  # noqa: S311 (a reproducible query set, not a secret)
    anchors = _anchors(seed)
    terms = sorted({term for group in corpus.TOPIC_TERMS.values() for term in group})
    organ_names = [organ.name for organ in corpus.organs()]
    queries: list[BenchQuery] = [BenchQuery("common", text) for text in COMMON]
    queries += [BenchQuery("two-character", word) for word in SHORT_WORDS]
    queries += [BenchQuery("topic term", term) for term in rng.sample(terms, 40)]
    topics = sorted(corpus.TOPIC_TERMS)
    for index, words in enumerate((2, 2, 3, 4) * 8):
        # People combine words of one subject; every fourth query mixes subjects.
        group = terms if index % 4 == 3 else corpus.TOPIC_TERMS[rng.choice(topics)]
        queries.append(BenchQuery(f"{words} words", " ".join(rng.sample(sorted(group), min(words, len(group))))))
    queries += [BenchQuery("organ short name", name) for name in ORGAN_SHORT_NAMES]
    queries += [BenchQuery("organ + word", f"{name} {rng.choice(terms)}") for name in ORGAN_SHORT_NAMES[:6]]
    pool = corpus.names()
    for label, names, count in (
        ("person", pool.people, 8),
        ("village", pool.villages, 8),
        ("company", pool.companies, 8),
        ("town", pool.towns, 4),
    ):
        queries += [BenchQuery(label, name) for name in _names_in(anchors, label, names, count, rng)]
    numbered = [document for document in anchors if document.document_number]
    for index, document in enumerate(rng.sample(numbered, 20)):
        opening, closing = _BRACKETS[index % len(_BRACKETS)]
        typed = document.document_number.replace("〔", opening).replace("〕", closing)
        if index < 12:
            queries.append(BenchQuery("文号 in the search box", typed))
        else:
            queries.append(BenchQuery("文号 field", document_number=typed))
    queries.append(BenchQuery("文号 fragment", numbered[0].document_number.split("〔")[0]))
    common = ("政务公开", "公开", "营商环境", "财政预算", "乡村振兴", "安全生产", "低保", "十四五")
    kinds = (ItemKind.NORMATIVE_DOCUMENT, ItemKind.OTHER_DOCUMENT, ItemKind.FISCAL, ItemKind.WORK_NEWS)
    for index in range(32):
        word = common[index % len(common)]
        organ = rng.choice(organ_names[:20]) if index % 4 in (0, 3) else ""
        year = rng.randint(corpus.FIRST_YEAR + 8, corpus.LAST_YEAR) if index % 4 in (1, 3) else None
        kind = str(kinds[index // 4 % len(kinds)]) if index % 4 == 2 else ""
        queries.append(BenchQuery("filtered", word, organ=organ, year=year, kind=kind))
    queries.append(BenchQuery("filter only", organ=organ_names[2], year=2021))
    return tuple(queries)
