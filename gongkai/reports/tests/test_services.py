"""A report generated from real records: every cell, the draft, publication with and without findings,
past reports imported from the XLSX template, and the audit trail."""

import itertools
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.foi import services as foi_services
from gongkai.foi.applicants import ApplicantKind
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import Move, State
from gongkai.foi.models import Application, LegalChallenge
from gongkai.foi.tests import factories as foi_factories
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind
from gongkai.policies.models import Topic
from gongkai.reports import presenters, selectors, services, spreadsheet
from gongkai.reports.models import AnnualReport
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat
from gongkai.reports.tests.test_validation import huaian_tables
from gongkai.workdays import services as workday_services

_serial = itertools.count(1)


def application(
    organ: Organ, kind: ApplicantKind, received: date, decided: date | None = None, outcome: Outcome | None = None
) -> Application:
    number = next(_serial)
    return Application.objects.create(
        organ=organ,
        tracking_number=f"T{number:05d}",
        query_code_hash="-",
        state=State.CLOSED if decided else State.IN_PROGRESS,
        applicant_kind=kind,
        applicant_name=f"申请人{number}",
        phone="13800001234",
        description="某项目的批复文件",
        delivery="ELECTRONIC",
        channel="IN_PERSON",
        arrived_on=received,
        received_on=received,
        decided_on=decided,
        outcome=outcome or "",
    )


def normative(organ: Organ, title: str, written: date, **extra: Any) -> None:
    policy_services.ensure_topics()
    policy_services.import_published(
        acting_user=None,
        organ=organ,
        published_on=written,
        source="测试",
        title=title,
        topic=Topic.objects.get(name="财政", parent__name="财政、金融、审计"),
        kind=ItemKind.NORMATIVE_DOCUMENT,
        body=f"<p>{title}</p>",
        attribute=DisclosureAttribute.PROACTIVE,
        written_on=written,
        **extra,
    )


@pytest.fixture
def office(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> User:
    return staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE, username="office")


@pytest.fixture
def records(organ_tree: dict[str, Organ]) -> Organ:
    """测试市财政局's 2025: 4 new and 1 carried in; 3 decided, 2 carried out; 2 reconsiderations, 1 lawsuit."""
    department = organ_tree["department"]
    person, firm = ApplicantKind.NATURAL_PERSON, ApplicantKind.COMMERCIAL
    application(department, person, date(2024, 12, 27), date(2025, 1, 15), Outcome.DISCLOSED)
    decided = application(department, person, date(2025, 3, 3), date(2025, 3, 20), Outcome.WITHHELD_PROCESS_INFORMATION)
    application(department, firm, date(2025, 5, 6), date(2025, 5, 30), Outcome.UNAVAILABLE_NOT_HELD)
    application(department, firm, date(2025, 12, 22))
    application(department, person, date(2025, 12, 29), date(2026, 1, 9), Outcome.DISCLOSED)
    application(organ_tree["county"], person, date(2025, 3, 3))  # another organ's
    for route, result, decided_on in (
        ("RECONSIDERATION", "UPHELD", date(2025, 6, 1)),
        ("RECONSIDERATION", "PENDING", None),
        ("LITIGATION_DIRECT", "CORRECTED", date(2025, 11, 1)),
    ):
        LegalChallenge.objects.create(
            application=decided,
            route=route,
            result=result,
            body="测试市人民政府",
            filed_on=date(2025, 4, 1),
            decided_on=decided_on,
        )
    normative(department, "关于规范财政资金管理的通知", date(2025, 2, 10), document_number="测财发〔2025〕1号")
    normative(department, "关于预算绩效管理的实施意见", date(2021, 5, 10), document_number="测财发〔2021〕3号")
    return department


def test_every_cell_of_a_generated_report(records: Organ, office: User) -> None:
    report = services.start(organ=records, year=2025, acting_user=office)
    tables = selectors.tables_of(report)
    expected_b = {
        0: (2, 2, 0, 0, 0, 0, 4),
        1: (1, 0, 0, 0, 0, 0, 1),
        2: (1, 0, 0, 0, 0, 0, 1),
        9: (1, 0, 0, 0, 0, 0, 1),
        12: (0, 1, 0, 0, 0, 0, 1),
        23: (2, 1, 0, 0, 0, 0, 3),
        24: (1, 1, 0, 0, 0, 0, 2),
    }
    assert [tables.b[row] for row in range(25)] == [expected_b.get(row, (0,) * 7) for row in range(25)]
    assert tables.c == (1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0)
    assert tables.a == {
        "rules_issued": 0,
        "rules_repealed": 0,
        "rules_in_force": 0,
        "normative_issued": 1,
        "normative_repealed": 0,
        "normative_in_force": 2,
    }
    assert "新收政府信息公开申请4件" in report.overview
    assert "被申请行政复议2件" in report.overview
    assert {finding.rule for finding in selectors.findings(report)} == {"placeholder"}


def test_a_withdrawal_counts_as_other_and_approval_dates_the_decision(
    organ_tree: dict[str, Organ], office: User
) -> None:
    workday_services.seed_from_package()
    withdrawn, _code = foi_factories.register(organ_tree["department"], office)
    foi_services.move(
        application=withdrawn, to=Move.WITHDRAW, acting_user=office, reason="申请人撤回", on=date(2023, 9, 25)
    )
    withdrawn.refresh_from_db()
    assert (withdrawn.outcome, withdrawn.decided_on) == (Outcome.OTHER, date(2023, 9, 25))
    report = services.start(organ=organ_tree["department"], year=2023, acting_user=office)
    assert selectors.tables_of(report).b[22] == (1, 0, 0, 0, 0, 0, 1)


def test_publication_refuses_findings_without_a_reason_and_records_the_override(records: Organ, office: User) -> None:
    report = services.start(organ=records, year=2025, acting_user=office)
    with pytest.raises(ValidationError) as refused:
        services.publish(report=report, acting_user=office)
    assert "override_reason" in refused.value.message_dict
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DRAFT
    published = services.publish(report=report, acting_user=office, override_reason="培训情况待补充，先行发布")
    assert published.state == AnnualReport.State.PUBLISHED
    assert published.findings[0]["rule"] == "placeholder"
    entry = AuditEntry.objects.filter(action="reports.publish").get()
    assert entry.reason == "培训情况待补充，先行发布"
    assert entry.after is not None
    assert entry.after["findings"] == published.findings
    # Frozen: a later record does not change the published tables.
    application(records, ApplicantKind.NATURAL_PERSON, date(2025, 7, 1), date(2025, 7, 10), Outcome.DISCLOSED)
    assert selectors.tables_of(published).b[0][-1] == 4
    with pytest.raises(ValidationError):
        services.edit_narrative(report=published, overview="", problems="", other_matters="", acting_user=office)


def test_a_clean_report_publishes_and_the_carry_over_is_checked_against_it(records: Organ, office: User) -> None:
    earlier = services.start(organ=records, year=2024, acting_user=office)
    services.edit_narrative(
        report=earlier, overview="2024年度工作情况。", problems="无。", other_matters="无。", acting_user=office
    )
    services.publish(report=earlier, acting_user=office)
    report = services.start(organ=records, year=2025, acting_user=office)
    report = services.edit_narrative(
        report=report,
        overview="本年度新收政府信息公开申请4件，上年结转1件。",
        problems="无。",
        other_matters="无。",
        acting_user=office,
    )
    assert selectors.findings(report) == []
    comparison = presenters.year_on_year(selectors.tables_of(report), selectors.tables_of(earlier))
    assert [(row.label, row.last_year, row.this_year, row.change) for row in comparison[:3]] == [
        ("本年新收政府信息公开申请数量", 1, 4, "+3"),
        ("本年度办理结果总计", 0, 3, "+3"),
        ("结转下年度继续办理", 1, 2, "+1"),
    ]


def test_figures_are_entered_with_an_audit_entry_and_refused_when_negative(records: Organ, office: User) -> None:
    report = services.start(organ=records, year=2025, acting_user=office)
    report = services.enter_figures(
        report=report, figures={"licensing_decisions": Decimal(447), "fee_amount": Decimal("12.5")}, acting_user=office
    )
    tables = selectors.tables_of(report)
    assert tables.a["licensing_decisions"] == 447
    assert tables.a["fee_amount"] == Decimal("12.5")
    with pytest.raises(ValidationError) as refused:
        services.enter_figures(report=report, figures={"penalty_decisions": Decimal(-1)}, acting_user=office)
    assert "penalty_decisions" in refused.value.message_dict
    assert AuditEntry.objects.filter(action="reports.enter_figures").count() == 1


def test_only_the_organs_openness_office_may_start_a_report(
    records: Organ, staff_with_role: Callable[..., User]
) -> None:
    drafter = staff_with_role(records, Role.DRAFTER)
    with pytest.raises(PermissionDenied):
        services.start(organ=records, year=2025, acting_user=drafter)


def test_the_huaian_report_imports_as_a_past_report_and_validates(
    records: Organ, office: User, huaian_2024: tuple[dict[str, Any], str]
) -> None:
    from gongkai.reports import narrative

    tables = huaian_tables(huaian_2024[0])
    overview, problems, other = narrative.split_report_text(huaian_2024[1])
    report = services.import_past(
        organ=records,
        year=2024,
        report_format=ReportFormat.F2021,
        workbook=spreadsheet.write(tables, title="淮安"),
        overview=overview,
        problems=problems,
        other_matters=other,
        acting_user=office,
    )
    assert selectors.tables_of(report) == tables
    assert selectors.findings(report) == []
    services.publish(report=report, acting_user=office)
    # The next year's generated report is checked against the imported carry-forward (103 ≠ 1).
    following = services.start(organ=records, year=2025, acting_user=office)
    assert "carry_over" in {finding.rule for finding in selectors.findings(following)}


def test_a_bad_workbook_leaves_nothing_stored(records: Organ, office: User) -> None:
    data = spreadsheet.write(ReportTables.blank(ReportFormat.F2019), title="2019", blank=True)
    with pytest.raises(ValidationError) as refused:
        services.import_past(
            organ=records, year=2020, report_format=ReportFormat.F2021, workbook=data, acting_user=office
        )
    assert any("此处应为" in message for message in refused.value.message_dict["workbook"])
    assert not AnnualReport.objects.exists()
