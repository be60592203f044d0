"""The Table B decision taxonomy, checked against REGULATIONS.md §2.3 (no database)."""

import pytest

from gongkai.foi.decisions import (
    OUTCOMES,
    TOTAL_ROW,
    Outcome,
    application_outcome,
    needs_reconsideration_first,
    row_of,
)

# Rows 3–23 of Table B, copied verbatim from REGULATIONS.md §2.3 (2021 format).
TABLE_B_LABELS = [
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
]

# Group header of each row, with the rowspan the reference gives for it.
TABLE_B_GROUPS = (
    ["（一）予以公开"]
    + ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    + ["（三）不予公开"] * 8
    + ["（四）无法提供"] * 3
    + ["（五）不予处理"] * 5
    + ["（六）其他处理"] * 3
)


def test_outcomes_are_table_b_rows_3_to_23_in_report_order() -> None:
    assert [row.report_row for row in OUTCOMES] == list(range(3, 24))
    assert TOTAL_ROW == 24


def test_outcome_labels_are_the_exact_table_b_labels() -> None:
    assert [row.label for row in OUTCOMES] == TABLE_B_LABELS


def test_outcome_groups_are_the_exact_table_b_group_headers() -> None:
    assert [row.group for row in OUTCOMES] == TABLE_B_GROUPS


def test_every_outcome_has_exactly_one_row_and_row_of_finds_it() -> None:
    assert [row.outcome for row in OUTCOMES] == list(Outcome)
    for row in OUTCOMES:
        assert row_of(row.outcome) is row


def test_every_row_cites_at_least_one_article() -> None:
    uncited = [row.outcome for row in OUTCOMES if not row.articles or not all(row.articles)]
    assert uncited == []


ARTICLE_CASES = [
    # outcome,                                     article the decision must cite
    (Outcome.DISCLOSED, "条例第三十六条第（二）项"),
    (Outcome.PARTLY_DISCLOSED, "条例第三十七条"),
    (Outcome.WITHHELD_STATE_SECRET, "条例第十四条"),
    (Outcome.WITHHELD_PROHIBITED_BY_LAW, "条例第十四条"),
    (Outcome.WITHHELD_THREE_SECURITIES, "条例第十四条"),
    (Outcome.WITHHELD_THIRD_PARTY, "条例第十五条"),
    (Outcome.WITHHELD_INTERNAL_AFFAIRS, "条例第十六条第一款"),
    (Outcome.WITHHELD_PROCESS_INFORMATION, "条例第十六条第二款"),
    (Outcome.WITHHELD_ENFORCEMENT_FILE, "条例第十六条第二款"),
    (Outcome.WITHHELD_ADMINISTRATIVE_QUERY, "条例第三十六条第（七）项"),
    (Outcome.UNAVAILABLE_NOT_HELD, "条例第三十六条第（四）项"),
    (Outcome.UNAVAILABLE_NOT_HELD, "条例第三十六条第（五）项"),
    (Outcome.UNAVAILABLE_WOULD_NEED_CREATING, "条例第三十八条"),
    (Outcome.UNAVAILABLE_STILL_UNCLEAR, "条例第三十条"),
    (Outcome.NOT_PROCESSED_PETITION, "条例第三十九条第一款"),
    (Outcome.NOT_PROCESSED_REPEAT, "条例第三十六条第（六）项"),
    (Outcome.NOT_PROCESSED_PUBLICATION, "条例第三十九条第二款"),
    (Outcome.NOT_PROCESSED_EXCESSIVE, "条例第三十五条"),
    (Outcome.OTHER_NO_CORRECTION, "条例第三十条"),
    (Outcome.OTHER_FEE_UNPAID, "《政府信息公开信息处理费管理办法》"),
]


@pytest.mark.parametrize(("outcome", "article"), ARTICLE_CASES)
def test_outcome_cites_the_article_of_the_reference_mapping(outcome: Outcome, article: str) -> None:
    assert article in row_of(outcome).articles


APPLICATION_CASES = [
    # item outcomes,                                                          counted as,  why
    ([Outcome.DISCLOSED], Outcome.DISCLOSED, "one item"),
    ([Outcome.DISCLOSED, Outcome.DISCLOSED, Outcome.DISCLOSED], Outcome.DISCLOSED, "all disclosed"),
    ([Outcome.UNAVAILABLE_NOT_HELD] * 2, Outcome.UNAVAILABLE_NOT_HELD, "all share one outcome"),
    ([Outcome.DISCLOSED, Outcome.WITHHELD_THIRD_PARTY], Outcome.PARTLY_DISCLOSED, "disclosed + withheld"),
    ([Outcome.WITHHELD_STATE_SECRET, Outcome.DISCLOSED], Outcome.PARTLY_DISCLOSED, "order does not matter"),
    ([Outcome.PARTLY_DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD], Outcome.PARTLY_DISCLOSED, "partly + not held"),
    ([Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED], Outcome.PARTLY_DISCLOSED, "disclosed + partly"),
    ([Outcome.DISCLOSED, Outcome.NOT_PROCESSED_REPEAT], Outcome.PARTLY_DISCLOSED, "something given, something not"),
    (
        [Outcome.WITHHELD_THIRD_PARTY, Outcome.WITHHELD_STATE_SECRET],
        Outcome.WITHHELD_STATE_SECRET,
        "two withheld reasons: the lower report row",
    ),
    (
        [Outcome.WITHHELD_ENFORCEMENT_FILE, Outcome.WITHHELD_INTERNAL_AFFAIRS, Outcome.WITHHELD_ENFORCEMENT_FILE],
        Outcome.WITHHELD_INTERNAL_AFFAIRS,
        "repeated items do not outvote the precedence",
    ),
    (
        [Outcome.UNAVAILABLE_NOT_HELD, Outcome.WITHHELD_ADMINISTRATIVE_QUERY],
        Outcome.WITHHELD_ADMINISTRATIVE_QUERY,
        "不予公开 before 无法提供",
    ),
    (
        [Outcome.NOT_PROCESSED_PETITION, Outcome.UNAVAILABLE_STILL_UNCLEAR],
        Outcome.UNAVAILABLE_STILL_UNCLEAR,
        "无法提供 before 不予处理",
    ),
    (
        [Outcome.OTHER, Outcome.NOT_PROCESSED_CONFIRMATION],
        Outcome.NOT_PROCESSED_CONFIRMATION,
        "不予处理 before 其他处理",
    ),
    ([Outcome.OTHER, Outcome.OTHER_FEE_UNPAID], Outcome.OTHER_FEE_UNPAID, "within 其他处理: report order"),
]


@pytest.mark.parametrize(("items", "expected", "why"), APPLICATION_CASES)
def test_a_multi_item_application_is_counted_once(items: list[Outcome], expected: Outcome, why: str) -> None:
    assert application_outcome(items) is expected, why


def test_an_application_without_items_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one item"):
        application_outcome([])


def test_reconsideration_comes_first_exactly_for_the_withheld_rows_5_to_12() -> None:
    # 行政复议法 (2023) Art. 23(四): 复议前置 for 不予公开 (REGULATIONS.md §1.6).
    first = [row.report_row for row in OUTCOMES if needs_reconsideration_first(row.outcome)]
    assert first == list(range(5, 13))
