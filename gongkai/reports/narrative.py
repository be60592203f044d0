"""The narrative sections: numbers the text states, checked against the tables; and a first draft.

Readers quote a report's text more than its tables, so a number in the text that differs from its
table cell is a real error (审计 and 考核 both look for it). The claims recognised are the phrasings
used in published reports, e.g. the Huai'an 2024 report: "全市共受理政府信息公开申请3119件，答复3050件
（含上年度结转申请34件，另有103件顺延到下年度答复）" and "政府信息公开行政复议351件，其中结果维持72件…".
Pure Python.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from gongkai.reports import template
from gongkai.reports.tables import ReportTables

PLACEHOLDER: Final = re.compile(r"【[^】]*】")


@dataclass(frozen=True)
class Measure:
    """A value of the tables that the text may state, and where it sits."""

    where: str
    value: Callable[[ReportTables], Decimal | None]


def _b(row: int) -> Callable[[ReportTables], Decimal | None]:
    return lambda tables: Decimal(tables.b_total(row)) if tables.b else None


def _b_sum(first: int, last: int) -> Callable[[ReportTables], Decimal | None]:
    """Rows ``first``..``last`` of the 2021 numbering (1-based), summed over the total column."""
    return lambda tables: Decimal(sum(row[-1] for row in tables.b[first - 1 : last])) if tables.b else None


def _c(*indexes: int) -> Callable[[ReportTables], Decimal | None]:
    return lambda tables: Decimal(sum(tables.c[index] for index in indexes)) if tables.c else None


def _a(*keys: str) -> Callable[[ReportTables], Decimal | None]:
    def value(tables: ReportTables) -> Decimal | None:
        present = [tables.a[key] for key in keys if key in tables.a]
        return present[0] if present else None

    return value


_B_LABELS = template.b_rows(template.ReportFormat.F2021)
_C_LABELS = template.c_labels()
_RECONSIDERATION_RESULTS = {result: index for index, result in enumerate(template.C_RESULTS)}


def _b_where(row: int) -> str:
    return f"表三“{_B_LABELS[row].label}”总计"


MEASURES: Final[dict[str, Measure]] = {
    "new": Measure(_b_where(template.NEW_ROW), _b(template.NEW_ROW)),
    "carried_in": Measure(_b_where(template.CARRIED_IN_ROW), _b(template.CARRIED_IN_ROW)),
    "answered": Measure(_b_where(template.TOTAL_ROW), _b(template.TOTAL_ROW)),
    "carried_out": Measure(_b_where(template.CARRIED_OUT_ROW), _b(template.CARRIED_OUT_ROW)),
    "disclosed": Measure(_b_where(2), _b_sum(3, 3)),
    "partly": Measure("表三“（二）部分公开”总计", _b_sum(4, 4)),
    "withheld": Measure("表三“（三）不予公开”各项总计之和", _b_sum(5, 12)),
    "rules_issued": Measure("表一“规章”本年制发（新制作）件数", _a("rules_issued", "rules_made")),
    "normative_issued": Measure("表一“行政规范性文件”本年制发（新制作）件数", _a("normative_issued", "normative_made")),
    **{
        f"reconsideration_{result}": Measure(f"表四“{_C_LABELS[index]}”", _c(index))
        for result, index in _RECONSIDERATION_RESULTS.items()
    },
    **{
        f"litigation_{result}": Measure(f"表四“行政诉讼”两类“{result}”之和", _c(5 + index, 10 + index))
        for result, index in _RECONSIDERATION_RESULTS.items()
    },
}

# (measure, pattern): the number is group 1. The text is matched with all white space removed,
# because reports copied from PDF break lines inside words ("尚\n未审结").
_NUMBER = r"(\d+(?:\.\d+)?)"
PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("new", rf"(?:新收|受理|收到)[^，。；、\d]{{0,12}}?申请(?:共)?{_NUMBER}件"),
        ("carried_in", rf"上一?年度?结转[^，。；、\d]{{0,12}}?{_NUMBER}件"),
        ("carried_out", rf"{_NUMBER}件(?:申请)?(?:顺延|结转)(?:到|至)?下一?年度"),
        ("carried_out", rf"结转下一?年度(?:继续办理)?(?:的申请)?{_NUMBER}件"),
        ("answered", rf"(?:答复|办结)(?:申请|各类申请)?(?:共)?{_NUMBER}件"),
        ("disclosed", rf"(?<!部分)(?<!不)予以公开{_NUMBER}件"),
        ("partly", rf"部分公开{_NUMBER}件"),
        ("withheld", rf"不予公开{_NUMBER}件"),
        ("rules_issued", rf"(?:制发|出台|印发|新增|发布|制定)[^，。；、\d]{{0,10}}?规章{_NUMBER}件"),
        (
            "normative_issued",
            rf"(?:制发|出台|印发|新增|发布|制定)[^，。；、\d]{{0,12}}?(?:行政)?规范性文件{_NUMBER}件",
        ),
    )
)
_ROUTE_TOTAL = re.compile(rf"(行政复议|行政诉讼)(?:案件|申请)?(?:共)?{_NUMBER}件")
_ROUTE_RESULT = re.compile(rf"({'|'.join(template.C_RESULTS[:4])}){_NUMBER}件")
_SUBJECT = re.compile(r"行政复议|行政诉讼")


@dataclass(frozen=True)
class Claim:
    measure: str
    number: Decimal
    quote: str  # the sentence it was read from, for the message


def _sentences(text: str) -> Iterator[str]:
    compact = re.sub(r"\s+", "", text)
    yield from (sentence for sentence in re.split(r"[。；;！？]", compact) if sentence)


def _route_claims(sentence: str) -> Iterator[Claim]:
    for match in _ROUTE_TOTAL.finditer(sentence):
        route = "reconsideration" if match.group(1) == "行政复议" else "litigation"
        yield Claim(f"{route}_总计", Decimal(match.group(2)), sentence)
    for match in _ROUTE_RESULT.finditer(sentence):
        subjects = [subject.group(0) for subject in _SUBJECT.finditer(sentence, 0, match.start())]
        if not subjects:
            continue  # "结果维持3件" with no 复议 or 诉讼 before it: nothing to compare with
        route = "reconsideration" if subjects[-1] == "行政复议" else "litigation"
        yield Claim(f"{route}_{match.group(1)}", Decimal(match.group(2)), sentence)


def claims(text: str) -> list[Claim]:
    found: list[Claim] = []
    for sentence in _sentences(text):
        for measure, pattern in PATTERNS:
            found += [Claim(measure, Decimal(match.group(1)), sentence) for match in pattern.finditer(sentence)]
        found += list(_route_claims(sentence))
    return found


@dataclass(frozen=True)
class Contradiction:
    claim: Claim
    where: str
    table_value: Decimal


def contradictions(text: str, tables: ReportTables) -> list[Contradiction]:
    found: list[Contradiction] = []
    for claim in claims(text):
        measure = MEASURES[claim.measure]
        value = measure.value(tables)
        if value is not None and value != claim.number:
            found.append(Contradiction(claim, measure.where, value))
    return found


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


# --- The first draft -------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftFacts:
    """What the platform knows about an organ's year, for the draft of sections 一, 五 and 六."""

    organ_name: str
    year: int
    items_published: int
    fees_collected_yuan: int
    tables: ReportTables


def _applications_paragraph(tables: ReportTables) -> str:
    new, carried_in = tables.b_total(template.NEW_ROW), tables.b_total(template.CARRIED_IN_ROW)
    answered, carried_out = tables.b_total(template.TOTAL_ROW), tables.b_total(template.CARRIED_OUT_ROW)
    reconsideration, lawsuits = tables.c[4], tables.c[9] + tables.c[14]
    return (
        f"（二）依申请公开情况。本年度新收政府信息公开申请{new}件，上年结转{carried_in}件，"
        f"答复{answered}件，结转下年度继续办理{carried_out}件。"
        f"因政府信息公开工作被申请行政复议{reconsideration}件，被提起行政诉讼{lawsuits}件。"
    )


def draft_sections(facts: DraftFacts) -> tuple[str, str, str]:
    """Sections 一、五、六: the platform's numbers, and 【】 marks where staff must write.

    The numbers are taken from the tables, so the draft passes the narrative check; the marks make
    publication refuse the report until staff have replaced them (``placeholders``).
    """
    tables = facts.tables
    rules = tables.a.get("rules_issued", Decimal(0))
    normative = tables.a.get("normative_issued", Decimal(0))
    overview = "\n".join(
        (
            f"（一）主动公开情况。{facts.year}年，{facts.organ_name}在政府信息公开平台主动公开政府信息"
            f"{facts.items_published}条，制发规章{rules}件，制发行政规范性文件{normative}件。",
            _applications_paragraph(tables),
            "（三）政府信息管理情况。【请填写：公开属性源头认定、保密审查、政策解读等情况】",
            "（四）政府信息公开平台建设情况。【请填写：网站、政务新媒体、政府公报等平台建设情况】",
            "（五）监督保障情况。【请填写：培训、考核、社会评议和责任追究情况】",
        )
    )
    problems = "【请填写：本年度政府信息公开工作存在的主要问题，以及上年度问题的改进情况】"
    fees = (
        f"本年度收取信息处理费{facts.fees_collected_yuan}元。"
        if facts.fees_collected_yuan
        else "本年度未收取信息处理费。"
    )
    other = f"{fees}【请填写其他需要报告的事项，没有则删去本句】"
    return overview, problems, other


_SECTION_STARTS: Final = (
    re.compile(r"^一、总体情况", re.MULTILINE),
    re.compile(r"^二、主动公开", re.MULTILINE),
    re.compile(r"^五、.*存在的主要问题", re.MULTILINE),
    re.compile(r"^六、其他需要报告", re.MULTILINE),
)
_PAGE_NUMBER: Final = re.compile(r"^\s*-\s*\d+\s*-\s*$", re.MULTILINE)


def split_report_text(text: str) -> tuple[str, str, str]:
    """Sections 一、五、六 of a whole report's text (as copied from its PDF), without their headings.

    Past reports are entered by pasting what was published; the tables in between are entered
    through the spreadsheet, so the text of sections 二 to 四 is not kept. A section not found is "".
    """
    text = _PAGE_NUMBER.sub("", text)
    starts = [pattern.search(text) for pattern in _SECTION_STARTS]

    def between(first: re.Match[str] | None, end: int) -> str:
        if first is None:
            return ""
        body_start = text.find("\n", first.end())
        return text[body_start:end].strip() if body_start != -1 and body_start < end else ""

    overview_end = starts[1].start() if starts[1] else len(text)
    problems_end = starts[3].start() if starts[3] else len(text)
    return between(starts[0], overview_end), between(starts[2], problems_end), between(starts[3], len(text))
