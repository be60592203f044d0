"""What a report counts, read from the records of the organs it covers."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet, Sum

from gongkai.foi.applicants import ApplicantKind
from gongkai.foi.decisions import Outcome
from gongkai.foi.models import Application, LegalChallenge
from gongkai.foi.remedies import Result, Route
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.domain import OrganKind
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.domain import ItemKind, Status, Validity
from gongkai.policies.models import InformationItem
from gongkai.reports import narrative, schedule, tables, template, validation
from gongkai.reports.models import AnnualReport
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat


def is_government_level(organ: Organ) -> bool:
    """A people's government's report is compiled by its openness office and due on 31 March."""
    return organ.kind == OrganKind.GOVERNMENT


def covered_organs(organ: Organ) -> list[Organ]:
    """A government's report covers its own records and its general office's, which acts for it."""
    organs = [organ]
    if is_government_level(organ):
        organs += list(organ.children.filter(kind=OrganKind.GENERAL_OFFICE))
    return organs


def due_on(report: AnnualReport) -> date:
    return schedule.due_on(report.year, government_level=is_government_level(report.organ))


def _application_facts(organs: list[Organ], year: int) -> list[tables.ApplicationFact]:
    rows = (
        Application.objects.filter(organ__in=organs, received_on__isnull=False, received_on__lte=date(year, 12, 31))
        .filter(Q(decided_on__isnull=True) | Q(decided_on__gte=date(year, 1, 1)))
        .values_list("applicant_kind", "received_on", "decided_on", "outcome")
    )
    return [
        tables.ApplicationFact(ApplicantKind(kind), received_on, decided_on, Outcome(outcome) if decided_on else None)
        for kind, received_on, decided_on, outcome in rows
        if received_on is not None  # the filter guarantees it; this narrows the type
    ]


def _challenge_facts(organs: list[Organ], year: int) -> list[tables.ChallengeFact]:
    rows = LegalChallenge.objects.filter(application__organ__in=organs, filed_on__year=year).values_list(
        "route", "result", "filed_on", "decided_on"
    )
    return [
        tables.ChallengeFact(Route(route), Result(result), filed, decided) for route, result, filed, decided in rows
    ]


def _rule_facts(organs: list[Organ], year: int) -> list[tables.RuleFact]:
    """规章 and 行政规范性文件 the organs issued and published (withdrawn publications never counted)."""
    rows = InformationItem.objects.filter(
        organ__in=organs,
        kind__in=[ItemKind.REGULATION, ItemKind.NORMATIVE_DOCUMENT],
        status__in=[Status.PUBLISHED, Status.EXPIRED],
        published_on__lte=date(year, 12, 31),
    ).values_list("kind", "written_on", "published_on", "repealed_on", "expires_on", "declared_validity")
    return [
        tables.RuleFact(kind == ItemKind.REGULATION, issued_on, repealed, expires, Validity(declared))
        for kind, written_on, published_on, repealed, expires, declared in rows
        if (issued_on := written_on or published_on) is not None
    ]


def counted_tables(report: AnnualReport) -> ReportTables:
    """The 2021-format tables counted now from the records, with the Table A figures staff entered."""
    organs = covered_organs(report.organ)
    entered = ReportTables.from_json(report.tables).a if report.tables else {}
    a = {**{key: entered[key] for key in template.ENTERED_A_KEYS if key in entered}}
    a.update(tables.count_table_a(_rule_facts(organs, report.year), report.year))
    return ReportTables(
        ReportFormat.F2021,
        a,
        tables.count_table_b(_application_facts(organs, report.year), report.year),
        tables.count_table_c(_challenge_facts(organs, report.year), report.year),
    )


def is_frozen(report: AnnualReport) -> bool:
    """Published and past reports hold their tables; a generated draft counts them live."""
    return report.state == AnnualReport.State.PUBLISHED or report.origin == AnnualReport.Origin.PAST


def tables_of(report: AnnualReport) -> ReportTables:
    if is_frozen(report):
        return ReportTables.from_json(report.tables) if report.tables else ReportTables.blank(ReportFormat.F2021)
    return counted_tables(report)


def previous_report(report: AnnualReport) -> AnnualReport | None:
    return AnnualReport.objects.filter(organ=report.organ, year=report.year - 1).first()


def findings(report: AnnualReport, report_tables: ReportTables | None = None) -> list[validation.Finding]:
    previous = previous_report(report)
    return validation.validate(
        report_tables or tables_of(report),
        previous=tables_of(previous) if previous is not None else None,
        narrative_text=report.narrative(),
    )


def draft_facts(organ: Organ, year: int, report_tables: ReportTables) -> narrative.DraftFacts:
    organs = covered_organs(organ)
    published = policy_selectors.public_items().filter(organ__in=organs, published_on__year=year).count()
    fees = Application.objects.filter(organ__in=organs, fee_paid_on__year=year).aggregate(total=Sum("fee_yuan"))
    return narrative.DraftFacts(organ.name, year, published, int(fees["total"] or 0), report_tables)


def _departments(government: Organ) -> QuerySet[Organ]:
    """The organs whose reports a government collects: its own departments, not its office or the
    governments below, which publish their own government-level reports."""
    return (
        organ_selectors.organs_in_official_order()
        .filter(parent=government)
        .exclude(kind__in=[OrganKind.GENERAL_OFFICE, OrganKind.GOVERNMENT])
    )


@dataclass(frozen=True)
class DepartmentReport:
    organ: Organ
    report: AnnualReport | None
    due_on: date


def department_reports(report: AnnualReport) -> list[DepartmentReport]:
    """The reports a government's report lists: its departments', each due on 31 January."""
    if not is_government_level(report.organ):
        return []
    departments = list(_departments(report.organ))
    found = {
        found_report.organ_id: found_report
        for found_report in AnnualReport.objects.filter(organ__in=departments, year=report.year)
    }
    due = schedule.due_on(report.year, government_level=False)
    return [DepartmentReport(organ, found.get(organ.pk), due) for organ in departments]


def public_reports() -> QuerySet[AnnualReport]:
    return (
        AnnualReport.objects.filter(state=AnnualReport.State.PUBLISHED, organ__is_active=True)
        .select_related("organ")
        .order_by("-year", "organ__sort_order", "organ__name")
    )


def public_report(organ_slug: str, year: int) -> AnnualReport:
    """Raises AnnualReport.DoesNotExist for anything not published."""
    return public_reports().get(organ__slug=organ_slug, year=year)


def organ_reports(organ: Organ) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(organ=organ).order_by("-year")


def next_report_due(organ: Organ, today: date) -> tuple[int, date] | None:
    """The year and deadline of the organ's next report, unless it is already published."""
    government_level = is_government_level(organ)
    year = schedule.reporting_year(today, government_level=government_level)
    if AnnualReport.objects.filter(organ=organ, year=year, state=AnnualReport.State.PUBLISHED).exists():
        return None
    return year, schedule.due_on(year, government_level=government_level)


def reports_by_year(reports: QuerySet[AnnualReport]) -> list[tuple[int, list[AnnualReport]]]:
    """Published reports grouped by year, newest first, organs in official order within a year."""
    grouped: dict[int, list[AnnualReport]] = {}
    for report in reports:
        grouped.setdefault(report.year, []).append(report)
    return sorted(grouped.items(), reverse=True)


def published_department_reports(report: AnnualReport) -> list[AnnualReport]:
    return [
        entry.report
        for entry in department_reports(report)
        if entry.report is not None and entry.report.state == AnnualReport.State.PUBLISHED
    ]


@dataclass(frozen=True)
class DepartmentsDue:
    year: int
    due_on: date
    unpublished: int


def departments_due(organ: Organ, today: date) -> DepartmentsDue | None:
    """For a government's openness office: how many of its departments' reports are not yet published."""
    if not is_government_level(organ):
        return None
    year = schedule.reporting_year(today, government_level=False)
    departments = _departments(organ)
    published = AnnualReport.objects.filter(organ__in=departments, year=year, state=AnnualReport.State.PUBLISHED)
    unpublished = departments.count() - published.count()
    return DepartmentsDue(year, schedule.due_on(year, government_level=False), unpublished) if unpublished else None
