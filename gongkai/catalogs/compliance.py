"""Is an adopted catalog row being followed? The check the city plan (item 9) asks for, as pure Python.

For one organ and one adopted row, given the items linked to the row, the findings are:

- MISSING: nothing published for the row (a periodic row: nothing for a period that has come due);
- LATE: published after the row's time limit, counted on the working-day calendar from the day the
  item was formed or changed (InformationItem.formed_on, 条例第二十六条's 形成或者变更之日) to the day
  it was published; for a periodic row, published after the period's deadline;
- WRONG_CHANNEL: the row names 政府网站 but the linked item is not on the portal (not published as
  proactive information, or taken down). The portal is the platform's 政府网站; the other channels
  (两微一端, 政务服务中心 …) are not recorded here and are left to the spot check;
- NEEDS_RULE: the row's time limit could not be read and staff have not entered a rule.

A row is OK when it has none of these, PENDING when nothing has come due yet.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from gongkai.catalogs import columns
from gongkai.catalogs.time_limits import Kind, Rule, due_after, windows
from gongkai.workdays.domain import WorkdayCalendar


class Gap(StrEnum):
    MISSING = "MISSING"
    LATE = "LATE"
    WRONG_CHANNEL = "WRONG_CHANNEL"
    NEEDS_RULE = "NEEDS_RULE"


class Verdict(StrEnum):
    OK = "OK"
    PENDING = "PENDING"
    GAPS = "GAPS"


GAP_LABELS = {
    Gap.MISSING: "未公开",
    Gap.LATE: "超期公开",
    Gap.WRONG_CHANNEL: "公开渠道不符",
    Gap.NEEDS_RULE: "公开时限需人工设定",
}


@dataclass(frozen=True)
class ItemFact:
    """What the check needs to know of a linked item."""

    item_id: int
    title: str
    url: str
    formed_on: date
    published_on: date | None  # None while not published
    on_portal: bool  # visible through the public door (published, proactive, organ active)


@dataclass(frozen=True)
class Finding:
    gap: Gap
    detail: str
    period: str = ""
    due: date | None = None
    evidence: tuple[ItemFact, ...] = ()

    @property
    def label(self) -> str:
        return GAP_LABELS[self.gap]


@dataclass(frozen=True)
class RowResult:
    verdict: Verdict
    rule: Rule
    findings: tuple[Finding, ...] = ()
    on_time: tuple[ItemFact, ...] = field(default=())

    @property
    def gaps(self) -> set[Gap]:
        return {finding.gap for finding in self.findings}


def _published(items: Sequence[ItemFact], channels: Sequence[str]) -> tuple[list[ItemFact], list[Finding]]:
    """The items that count for the row, and a WRONG_CHANNEL finding for those that do not."""
    needs_portal = columns.GOVERNMENT_WEBSITE in channels
    counted = [item for item in items if item.published_on is not None and (item.on_portal or not needs_portal)]
    off_portal = [item for item in items if item.published_on is not None and needs_portal and not item.on_portal]
    findings = [
        Finding(
            Gap.WRONG_CHANNEL,
            f"目录要求在{columns.GOVERNMENT_WEBSITE}公开，该信息未在门户网站主动公开",
            evidence=(item,),
        )
        for item in off_portal
    ]
    return sorted(counted, key=lambda item: (item.published_on or date.min, item.item_id)), findings


def check_row(
    *,
    rule: Rule,
    channels: Sequence[str],
    items: Sequence[ItemFact],
    since: date,
    today: date,
    calendar: WorkdayCalendar,
) -> RowResult:
    """The findings for one adopted row, from the day the organ adopted it (`since`) to `today`."""
    counted, findings = _published(items, channels)
    if rule.kind == Kind.MANUAL:
        findings.insert(0, Finding(Gap.NEEDS_RULE, f"无法识别的公开时限“{rule.phrase}”，请设定规则"))
        return RowResult(Verdict.GAPS, rule, tuple(findings), tuple(counted))
    if rule.kind == Kind.PERIODIC:
        return _periodic(rule, counted, findings, since, today, calendar)
    if not counted:
        verdict_missing = Finding(Gap.MISSING, "没有已公开的信息关联到该事项")
        return RowResult(Verdict.GAPS, rule, (verdict_missing, *findings))
    on_time: list[ItemFact] = []
    for item in counted:
        assert item.published_on is not None  # noqa: S101 - _published keeps published items only
        if rule.kind == Kind.WITHIN:
            due = due_after(item.formed_on, rule.count, rule.workdays, calendar)
            if item.published_on > due:
                findings.append(
                    Finding(
                        Gap.LATE,
                        f"{item.formed_on:%Y-%m-%d}形成，应于{due:%Y-%m-%d}前公开，实际{item.published_on:%Y-%m-%d}公开",
                        due=due,
                        evidence=(item,),
                    )
                )
                continue
        on_time.append(item)
    return RowResult(Verdict.GAPS if findings else Verdict.OK, rule, tuple(findings), tuple(on_time))


def _periodic(
    rule: Rule,
    counted: list[ItemFact],
    findings: list[Finding],
    since: date,
    today: date,
    calendar: WorkdayCalendar,
) -> RowResult:
    """One item per period: each period takes the earliest unused item in its window, on time first."""
    unused = list(counted)
    on_time: list[ItemFact] = []
    periods = windows(rule, since, today, calendar)
    for window in periods:
        chosen = next((item for item in unused if window.opens <= _day(item) <= window.due), None)
        if chosen is not None:
            unused.remove(chosen)
            on_time.append(chosen)
            continue
        late = next((item for item in unused if window.due < _day(item) <= window.late_until), None)
        if late is not None:
            unused.remove(late)
            findings.append(
                Finding(
                    Gap.LATE,
                    f"应于{window.due:%Y-%m-%d}前公开，实际{_day(late):%Y-%m-%d}公开",
                    window.label,
                    window.due,
                    (late,),
                )
            )
        elif window.due < today:
            findings.append(
                Finding(Gap.MISSING, f"应于{window.due:%Y-%m-%d}前公开，未见公开", window.label, window.due)
            )
    if findings:
        return RowResult(Verdict.GAPS, rule, tuple(findings), tuple(on_time))
    return RowResult(Verdict.OK if periods else Verdict.PENDING, rule, (), tuple(on_time))


def _day(item: ItemFact) -> date:
    return item.published_on or date.max


@dataclass(frozen=True)
class Summary:
    rows: int
    ok: int
    pending: int
    gaps: dict[Gap, int]


def summarise(results: Sequence[RowResult]) -> Summary:
    counts = dict.fromkeys(Gap, 0)
    for result in results:
        for gap in result.gaps:
            counts[gap] += 1
    return Summary(
        len(results),
        sum(1 for result in results if result.verdict == Verdict.OK),
        sum(1 for result in results if result.verdict == Verdict.PENDING),
        counts,
    )
