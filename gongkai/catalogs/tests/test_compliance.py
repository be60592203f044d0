"""The compliance check of one adopted row, and the keyword suggestions, without the database."""

from datetime import date

import pytest

from gongkai.catalogs import matching
from gongkai.catalogs.columns import RowData
from gongkai.catalogs.compliance import Gap, ItemFact, Verdict, check_row, summarise
from gongkai.catalogs.time_limits import MANUAL, parse
from gongkai.workdays.domain import WorkdayCalendar, YearArrangement

CALENDAR = WorkdayCalendar(
    {
        2021: YearArrangement(
            2021,
            holidays={date(2021, 10, day): "国庆节" for day in range(1, 8)},
            makeup_workdays={date(2021, 9, 26): "国庆节", date(2021, 10, 9): "国庆节"},
        )
    }
)
WEBSITE = ["政府网站", "两微一端"]
SINCE, TODAY = date(2021, 1, 1), date(2021, 12, 31)


def _item(item_id: int, formed: date, published: date | None, *, on_portal: bool = True) -> ItemFact:
    return ItemFact(item_id, f"信息{item_id}", f"/xxgk/fdzdgknr/{item_id}/", formed, published, on_portal)


def _check(phrase: str, items: list[ItemFact], channels: list[str] | None = None) -> tuple[Verdict, list[Gap]]:
    result = check_row(
        rule=parse(phrase), channels=channels or WEBSITE, items=items, since=SINCE, today=TODAY, calendar=CALENDAR
    )
    return result.verdict, [finding.gap for finding in result.findings]


TWENTY = "自该信息形成或者变更之日起20个工作日内"


@pytest.mark.parametrize(
    ("phrase", "items", "expected"),
    [
        # 23 September + 20 working days, over National Day and its two make-up days: due 26 October.
        (TWENTY, [_item(1, date(2021, 9, 23), date(2021, 10, 26))], (Verdict.OK, [])),
        (TWENTY, [_item(1, date(2021, 9, 23), date(2021, 10, 27))], (Verdict.GAPS, [Gap.LATE])),
        (TWENTY, [], (Verdict.GAPS, [Gap.MISSING])),
        (TWENTY, [_item(1, date(2021, 9, 23), None)], (Verdict.GAPS, [Gap.MISSING])),
        # 7 calendar days: 23 September + 7 = 30 September, holidays or not.
        ("作出决定之日起7日内", [_item(1, date(2021, 9, 23), date(2021, 9, 30))], (Verdict.OK, [])),
        ("作出决定之日起7日内", [_item(1, date(2021, 9, 23), date(2021, 10, 1))], (Verdict.GAPS, [Gap.LATE])),
        # On time, but not on the portal while the row names 政府网站.
        (
            TWENTY,
            [_item(1, date(2021, 3, 1), date(2021, 3, 2), on_portal=False)],
            (Verdict.GAPS, [Gap.MISSING, Gap.WRONG_CHANNEL]),
        ),
        ("长期公开", [_item(1, date(2019, 1, 1), date(2021, 6, 1))], (Verdict.OK, [])),
        ("长期公开", [], (Verdict.GAPS, [Gap.MISSING])),
        ("按规定时限公开", [_item(1, date(2021, 3, 1), date(2021, 3, 2))], (Verdict.GAPS, [Gap.NEEDS_RULE])),
    ],
)
def test_rows_with_a_time_limit_from_formation(
    phrase: str, items: list[ItemFact], expected: tuple[Verdict, list[Gap]]
) -> None:
    assert _check(phrase, items) == expected


def test_a_row_without_the_website_accepts_an_item_that_is_not_on_the_portal() -> None:
    item = _item(1, date(2021, 3, 1), date(2021, 3, 2), on_portal=False)
    assert _check(TWENTY, [item], channels=["公开查阅点"]) == (Verdict.OK, [])


def test_a_quarterly_row_needs_one_item_per_quarter() -> None:
    items = [_item(1, date(2021, 2, 1), date(2021, 2, 3)), _item(2, date(2021, 8, 1), date(2021, 8, 2))]
    result = check_row(rule=parse("每季度"), channels=WEBSITE, items=items, since=SINCE, today=TODAY, calendar=CALENDAR)

    # The fourth quarter ends today: it is not missing yet.
    assert [(finding.gap, finding.period) for finding in result.findings] == [(Gap.MISSING, "2021年第2季度")]
    assert [item.item_id for item in result.on_time] == [1, 2]


def test_a_yearly_date_row_is_late_when_published_after_the_date_and_missing_when_never() -> None:
    items = [_item(1, date(2021, 1, 20), date(2021, 2, 8))]
    result = check_row(
        rule=parse("每年1月31日前"),
        channels=WEBSITE,
        items=items,
        since=date(2020, 1, 1),
        today=TODAY,
        calendar=CALENDAR,
    )
    assert [(finding.gap, finding.period, finding.due) for finding in result.findings] == [
        (Gap.MISSING, "2020年", date(2020, 1, 31)),
        (Gap.LATE, "2021年", date(2021, 1, 31)),
    ]


def test_a_periodic_row_adopted_recently_is_pending_until_its_first_deadline() -> None:
    result = check_row(
        rule=parse("每年1月31日前"), channels=WEBSITE, items=[], since=date(2021, 3, 1), today=TODAY, calendar=CALENDAR
    )
    assert result.verdict == Verdict.PENDING


def test_the_summary_counts_rows_per_gap() -> None:
    results = [
        check_row(rule=parse(TWENTY), channels=WEBSITE, items=[], since=SINCE, today=TODAY, calendar=CALENDAR),
        check_row(rule=MANUAL, channels=WEBSITE, items=[], since=SINCE, today=TODAY, calendar=CALENDAR),
        check_row(
            rule=parse(TWENTY),
            channels=WEBSITE,
            items=[_item(1, date(2021, 3, 1), date(2021, 3, 2))],
            since=SINCE,
            today=TODAY,
            calendar=CALENDAR,
        ),
    ]
    summary = summarise(results)
    assert (summary.rows, summary.ok, summary.gaps[Gap.MISSING], summary.gaps[Gap.NEEDS_RULE]) == (3, 1, 1, 1)


ENVIRONMENT = [
    (1, RowData("行政许可", "建设项目环境影响评价文件审批", "受理情况公示、报告书（表）全本、环评批复")),
    (2, RowData("行政许可", "危险废物经营许可证", "受理通知书、危险废物经营许可证信息公示")),
    (3, RowData("行政处罚", "行政处罚决定", "行政处罚决定书")),
]


@pytest.mark.parametrize(
    ("title", "keywords", "best"),
    [
        ("关于某某化工项目环境影响评价文件审批结果的公示", "", 1),
        ("忻府区生态环境局建设项目环评批复（忻环审〔2021〕5号）", "环境影响评价", 1),
        ("关于危险废物经营许可证核发情况的公告", "", 2),
        ("某公司环境违法行政处罚决定书", "行政处罚", 3),
    ],
)
def test_suggestions_rank_the_row_the_item_belongs_to_first(title: str, keywords: str, best: int) -> None:
    suggestions = matching.suggest(ENVIRONMENT, title, keywords)
    assert suggestions
    assert suggestions[0].row_id == best


def test_an_unrelated_item_gets_no_suggestion() -> None:
    assert matching.suggest(ENVIRONMENT, "关于召开全区安全生产工作会议的通知") == []


def test_words_every_notice_has_do_not_count() -> None:
    assert matching.score(RowData("甲", "许可结果", "有关情况"), "关于公开结果信息情况的通知") == 0
    assert matching.bigrams("关于公开信息情况") == {"于公", "开信", "息情"}
