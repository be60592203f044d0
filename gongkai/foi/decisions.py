"""Decisions on information applications (依申请公开办理结果), as pure Python.

The taxonomy is exactly rows 3–23 of Table B of the annual report (《中华人民共和国政府信息公开工作
年度报告格式》, 国办公开办函〔2021〕30号): every application that is closed in the year is counted in
one of these rows, and row 24 （七）总计 is their sum. Labels are copied verbatim from
REGULATIONS.md §2.3 because the report must reproduce them character for character.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Outcome(StrEnum):
    """The decision on one application (办理结果), one member per Table B row."""

    DISCLOSED = "DISCLOSED"  # 3 予以公开
    PARTLY_DISCLOSED = "PARTLY_DISCLOSED"  # 4 部分公开
    WITHHELD_STATE_SECRET = "WITHHELD_STATE_SECRET"  # 5; a code, not a credential  # noqa: S105
    WITHHELD_PROHIBITED_BY_LAW = "WITHHELD_PROHIBITED_BY_LAW"  # 6
    WITHHELD_THREE_SECURITIES = "WITHHELD_THREE_SECURITIES"  # 7 三安全一稳定
    WITHHELD_THIRD_PARTY = "WITHHELD_THIRD_PARTY"  # 8
    WITHHELD_INTERNAL_AFFAIRS = "WITHHELD_INTERNAL_AFFAIRS"  # 9
    WITHHELD_PROCESS_INFORMATION = "WITHHELD_PROCESS_INFORMATION"  # 10
    WITHHELD_ENFORCEMENT_FILE = "WITHHELD_ENFORCEMENT_FILE"  # 11
    WITHHELD_ADMINISTRATIVE_QUERY = "WITHHELD_ADMINISTRATIVE_QUERY"  # 12
    UNAVAILABLE_NOT_HELD = "UNAVAILABLE_NOT_HELD"  # 13
    UNAVAILABLE_WOULD_NEED_CREATING = "UNAVAILABLE_WOULD_NEED_CREATING"  # 14
    UNAVAILABLE_STILL_UNCLEAR = "UNAVAILABLE_STILL_UNCLEAR"  # 15
    NOT_PROCESSED_PETITION = "NOT_PROCESSED_PETITION"  # 16
    NOT_PROCESSED_REPEAT = "NOT_PROCESSED_REPEAT"  # 17
    NOT_PROCESSED_PUBLICATION = "NOT_PROCESSED_PUBLICATION"  # 18
    NOT_PROCESSED_EXCESSIVE = "NOT_PROCESSED_EXCESSIVE"  # 19
    NOT_PROCESSED_CONFIRMATION = "NOT_PROCESSED_CONFIRMATION"  # 20
    OTHER_NO_CORRECTION = "OTHER_NO_CORRECTION"  # 21
    OTHER_FEE_UNPAID = "OTHER_FEE_UNPAID"  # 22
    OTHER = "OTHER"  # 23


GROUP_DISCLOSED: Final = "（一）予以公开"
GROUP_PARTLY_DISCLOSED: Final = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
GROUP_WITHHELD: Final = "（三）不予公开"
GROUP_UNAVAILABLE: Final = "（四）无法提供"
GROUP_NOT_PROCESSED: Final = "（五）不予处理"
GROUP_OTHER: Final = "（六）其他处理"

TOTAL_ROW: Final = 24  # （七）总计: the sum of rows 3–23


@dataclass(frozen=True)
class OutcomeRow:
    """One row of Table B: where an outcome is counted and the articles the decision rests on."""

    outcome: Outcome
    report_row: int
    group: str
    label: str
    articles: tuple[str, ...]


# The articles follow the "Mapping to Art. 36 reply types" of REGULATIONS.md §2.3. That mapping is
# the reference's own inference, UNVERIFIED as an official rule: check it before a reply letter
# quotes it as the legal basis. Rows 5–11 cite the exemption (Arts. 14–16) and 36(三), under which
# a refusal is given. Rows 20 and 23 are not in the mapping; their citations are marked below.
OUTCOMES: Final[tuple[OutcomeRow, ...]] = (
    OutcomeRow(
        Outcome.DISCLOSED,
        3,
        GROUP_DISCLOSED,
        GROUP_DISCLOSED,
        # 36(一): already proactively disclosed, the applicant is told where; 36(二): provided.
        ("条例第三十六条第（一）项", "条例第三十六条第（二）项"),
    ),
    OutcomeRow(Outcome.PARTLY_DISCLOSED, 4, GROUP_PARTLY_DISCLOSED, GROUP_PARTLY_DISCLOSED, ("条例第三十七条",)),
    OutcomeRow(
        Outcome.WITHHELD_STATE_SECRET,
        5,
        GROUP_WITHHELD,
        "1.属于国家秘密",
        ("条例第十四条", "条例第三十六条第（三）项"),
    ),
    OutcomeRow(
        Outcome.WITHHELD_PROHIBITED_BY_LAW,
        6,
        GROUP_WITHHELD,
        "2.其他法律行政法规禁止公开",
        ("条例第十四条", "条例第三十六条第（三）项"),
    ),
    OutcomeRow(
        Outcome.WITHHELD_THREE_SECURITIES,
        7,
        GROUP_WITHHELD,
        # Chinese quotation marks, as the published reports print it (e.g. the Huai'an 2024 report).
        "3.危及“三安全一稳定”",
        ("条例第十四条", "条例第三十六条第（三）项"),
    ),
    OutcomeRow(
        Outcome.WITHHELD_THIRD_PARTY,
        8,
        GROUP_WITHHELD,
        "4.保护第三方合法权益",
        ("条例第十五条", "条例第三十六条第（三）项"),
    ),
    OutcomeRow(
        Outcome.WITHHELD_INTERNAL_AFFAIRS,
        9,
        GROUP_WITHHELD,
        "5.属于三类内部事务信息",
        ("条例第十六条第一款", "条例第三十六条第（三）项"),
    ),
    OutcomeRow(
        Outcome.WITHHELD_PROCESS_INFORMATION,
        10,
        GROUP_WITHHELD,
        "6.属于四类过程性信息",
        ("条例第十六条第二款", "条例第三十六条第（三）项"),
    ),
    OutcomeRow(
        Outcome.WITHHELD_ENFORCEMENT_FILE,
        11,
        GROUP_WITHHELD,
        "7.属于行政执法案卷",
        ("条例第十六条第二款", "条例第三十六条第（三）项"),
    ),
    OutcomeRow(
        Outcome.WITHHELD_ADMINISTRATIVE_QUERY,
        12,
        GROUP_WITHHELD,
        "8.属于行政查询事项",
        # 36(七): 工商、不动产登记资料 and the like, obtained under their own laws.
        ("条例第三十六条第（七）项",),
    ),
    OutcomeRow(
        Outcome.UNAVAILABLE_NOT_HELD,
        13,
        GROUP_UNAVAILABLE,
        "1.本机关不掌握相关政府信息",
        # 36(四): no such information after a search; 36(五): another organ is responsible for it.
        ("条例第三十六条第（四）项", "条例第三十六条第（五）项"),
    ),
    OutcomeRow(
        Outcome.UNAVAILABLE_WOULD_NEED_CREATING,
        14,
        GROUP_UNAVAILABLE,
        "2.没有现成信息需要另行制作",
        ("条例第三十八条",),
    ),
    OutcomeRow(
        Outcome.UNAVAILABLE_STILL_UNCLEAR,
        15,
        GROUP_UNAVAILABLE,
        "3.补正后申请内容仍不明确",
        ("条例第三十条",),
    ),
    OutcomeRow(
        Outcome.NOT_PROCESSED_PETITION,
        16,
        GROUP_NOT_PROCESSED,
        "1.信访举报投诉类申请",
        ("条例第三十九条第一款",),
    ),
    OutcomeRow(
        Outcome.NOT_PROCESSED_REPEAT,
        17,
        GROUP_NOT_PROCESSED,
        "2.重复申请",
        ("条例第三十六条第（六）项",),
    ),
    OutcomeRow(
        Outcome.NOT_PROCESSED_PUBLICATION,
        18,
        GROUP_NOT_PROCESSED,
        "3.要求提供公开出版物",
        ("条例第三十九条第二款",),
    ),
    OutcomeRow(
        Outcome.NOT_PROCESSED_EXCESSIVE,
        19,
        GROUP_NOT_PROCESSED,
        "4.无正当理由大量反复申请",
        ("条例第三十五条",),
    ),
    OutcomeRow(
        Outcome.NOT_PROCESSED_CONFIRMATION,
        20,
        GROUP_NOT_PROCESSED,
        "5.要求行政机关确认或重新出具已获取信息",
        # Not in the reference's mapping (UNVERIFIED): confirming or re-issuing information the
        # applicant already holds asks for new information to be made, which Art. 38 excuses.
        ("条例第三十八条",),
    ),
    OutcomeRow(
        Outcome.OTHER_NO_CORRECTION,
        21,
        GROUP_OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        # Art. 30: no correction without good reason is 视为放弃申请.
        ("条例第三十条",),
    ),
    OutcomeRow(
        Outcome.OTHER_FEE_UNPAID,
        22,
        GROUP_OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        # 国办函〔2020〕109号, made under Art. 42: non-payment in time is 视为放弃申请.
        ("条例第四十二条", "《政府信息公开信息处理费管理办法》"),
    ),
    OutcomeRow(
        Outcome.OTHER,
        23,
        GROUP_OTHER,
        "3.其他",
        # Not in the reference's mapping: a residual row has no article of its own, so it cites the
        # general duty to reply in one of the Art. 36 forms. The case file must say more.
        ("条例第三十六条",),
    ),
)

_ROWS: Final[Mapping[Outcome, OutcomeRow]] = {row.outcome: row for row in OUTCOMES}


def row_of(outcome: Outcome) -> OutcomeRow:
    """The Table B row in which an application with this outcome is counted."""
    return _ROWS[outcome]


# How a multi-item application counts once. Rule 1 comes from the row 4 label itself
# (区分处理的，只计这一情形，不计其他情形). Rule 3 is this module's choice (UNVERIFIED as an official
# rule): the group ranks below follow the report order, which runs from the fullest answer on the
# substance to the least. Counting by the most substantive decision keeps 不予公开 visible in the
# statistics (and it is the decision with 复议前置, 行政复议法 2023 Art. 23(四)); within a group,
# the lower report row wins, so the count never depends on the order of the items.
#
#   rule  items                                                     counted as
#   1     some item disclosed or partly disclosed, not all 予以公开     PARTLY_DISCLOSED (row 4)
#   2     every item has the same outcome                            that outcome
#   3     otherwise                                                  best ranked group, then lowest row
GROUP_PRECEDENCE: Final[tuple[str, ...]] = (
    GROUP_DISCLOSED,
    GROUP_PARTLY_DISCLOSED,
    GROUP_WITHHELD,
    GROUP_UNAVAILABLE,
    GROUP_NOT_PROCESSED,
    GROUP_OTHER,
)

_DISCLOSING: Final = frozenset({Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED})


def application_outcome(item_outcomes: Sequence[Outcome]) -> Outcome:
    """The single outcome under which an application is counted, given one outcome per item."""
    if not item_outcomes:
        raise ValueError("an application has at least one item")
    distinct = set(item_outcomes)
    if len(distinct) == 1:
        return item_outcomes[0]
    if distinct & _DISCLOSING:
        # Rule 1: something was given and something was not, so the application was partly disclosed.
        return Outcome.PARTLY_DISCLOSED
    return min(
        distinct,
        key=lambda outcome: (GROUP_PRECEDENCE.index(_ROWS[outcome].group), _ROWS[outcome].report_row),
    )


def needs_reconsideration_first(outcome: Outcome) -> bool:
    """Whether the applicant must apply for 行政复议 before suing (复议前置).

    行政复议法 (2023) Art. 23(四): a refusal to disclose (不予公开) goes to 行政复议 first, and the
    organ must say so in the reply. Only the 不予公开 rows are covered; for 部分公开 see
    `refuses_some`.
    """
    return _ROWS[outcome].group == GROUP_WITHHELD


def refuses_some(outcome: Outcome) -> bool:
    """Whether the decision refuses some information: 不予公开, or the withheld part of 部分公开.

    The reply tells the applicant to seek 行政复议 first against what was refused (行政复议法
    Art. 23(四)). Reading a 部分公开 reply's withheld part as 不予公开 is our inference from that
    article (REGULATIONS.md §1.6 gives the rule for 不予公开 replies only); the disclosed part
    keeps the choice of reconsideration or lawsuit.
    """
    return needs_reconsideration_first(outcome) or outcome is Outcome.PARTLY_DISCLOSED
