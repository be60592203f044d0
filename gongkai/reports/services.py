"""Every change to an annual report: one transaction, one permission check, one audit entry.

Starting, entering Table A figures, editing the narrative, importing a past report's tables and
publishing are all done by the openness office (MANAGE_PUBLICATIONS, 条例第四十九条). Publication
validates the report; a report with findings is published only with a written reason, which the
audit entry keeps beside the findings it overrode.
"""

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.organs.models import Organ
from gongkai.reports import narrative, selectors, spreadsheet, template
from gongkai.reports.models import AnnualReport
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat

EARLIEST_YEAR = 2008  # the first year of reports under the 2007 Regulation


def _check_year(year: int) -> None:
    if not EARLIEST_YEAR <= year <= timezone.localdate().year:
        raise ValidationError({"year": _("Choose a year between 2008 and this year.")})


def _editable(report: AnnualReport, acting_user: User) -> AnnualReport:
    report = AnnualReport.objects.select_for_update().select_related("organ").get(pk=report.pk)
    permissions.require(acting_user, Action.MANAGE_PUBLICATIONS, report.organ)
    if report.state == AnnualReport.State.PUBLISHED:
        raise ValidationError(_("A published report cannot be changed."))
    return report


@transaction.atomic
def start(*, organ: Organ, year: int, acting_user: User) -> AnnualReport:
    """A generated report for the year, with a draft of the narrative counted from the records."""
    permissions.require(acting_user, Action.MANAGE_PUBLICATIONS, organ)
    _check_year(year)
    report = AnnualReport(organ=organ, year=year)
    counted = selectors.counted_tables(report)
    report.overview, report.problems, report.other_matters = narrative.draft_sections(
        selectors.draft_facts(organ, year, counted)
    )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise ValidationError({"year": _("This organ already has a report for that year.")}) from None
    audit.record(actor=acting_user, action="reports.start", target=report, organ=organ, after={"year": year})
    return report


@transaction.atomic
def enter_figures(*, report: AnnualReport, figures: dict[str, Decimal], acting_user: User) -> AnnualReport:
    """Table A figures held by other systems: 行政许可, 行政处罚, 行政强制 decisions and fees (万元)."""
    report = _editable(report, acting_user)
    if report.origin != AnnualReport.Origin.GENERATED:
        raise ValidationError(_("A past report's tables are changed by importing them again."))
    unknown = set(figures) - set(template.ENTERED_A_KEYS)
    if unknown:
        raise ValueError(f"not entered by staff: {sorted(unknown)}")
    for key, value in figures.items():
        if value < 0:
            raise ValidationError({key: _("Enter zero or a positive number.")})
    stored = ReportTables.from_json(report.tables) if report.tables else ReportTables(ReportFormat.F2021)
    before = {key: str(value) for key, value in stored.a.items()}
    merged = {**stored.a, **figures}
    report.tables = ReportTables(ReportFormat.F2021, merged).to_json()
    report.save(update_fields=["tables", "updated_at"])
    audit.record(
        actor=acting_user,
        action="reports.enter_figures",
        target=report,
        organ=report.organ,
        before=before,
        after={key: str(value) for key, value in merged.items()},
    )
    return report


def figures_from_workbook(workbook: bytes) -> dict[str, Decimal]:
    """The Table A cells staff enter, read from a filled-in 2021 tables workbook (other cells ignored)."""
    try:
        tables = spreadsheet.read(workbook, ReportFormat.F2021)
    except spreadsheet.SpreadsheetError as error:
        raise ValidationError({"workbook": [str(cell_error) for cell_error in error.errors]}) from None
    return {key: tables.a[key] for key in template.ENTERED_A_KEYS if key in tables.a}


@transaction.atomic
def edit_narrative(
    *, report: AnnualReport, overview: str, problems: str, other_matters: str, acting_user: User
) -> AnnualReport:
    report = _editable(report, acting_user)
    before = dict(zip(("overview", "problems", "other_matters"), report.narrative(), strict=True))
    report.overview, report.problems, report.other_matters = overview.strip(), problems.strip(), other_matters.strip()
    report.save(update_fields=["overview", "problems", "other_matters", "updated_at"])
    audit.record(
        actor=acting_user,
        action="reports.edit_narrative",
        target=report,
        organ=report.organ,
        before=before,
        after=dict(zip(("overview", "problems", "other_matters"), report.narrative(), strict=True)),
    )
    return report


@transaction.atomic
def import_past(
    *,
    organ: Organ,
    year: int,
    report_format: ReportFormat,
    workbook: bytes,
    acting_user: User,
    overview: str = "",
    problems: str = "",
    other_matters: str = "",
) -> AnnualReport:
    """A report published before the platform: its tables from the XLSX template, its text pasted.

    Importing again replaces the tables of a past report that is not yet published here.
    """
    permissions.require(acting_user, Action.MANAGE_PUBLICATIONS, organ)
    _check_year(year)
    try:
        tables = spreadsheet.read(workbook, report_format)
    except spreadsheet.SpreadsheetError as error:
        raise ValidationError({"workbook": [str(cell_error) for cell_error in error.errors]}) from None
    report = AnnualReport.objects.select_for_update().filter(organ=organ, year=year).first()
    if report is not None and (
        report.origin != AnnualReport.Origin.PAST or report.state == AnnualReport.State.PUBLISHED
    ):
        raise ValidationError({"year": _("This organ already has a report for that year.")})
    before = report.tables if report is not None else {}
    report = report or AnnualReport(organ=organ, year=year, origin=AnnualReport.Origin.PAST)
    report.report_format = report_format
    report.tables = tables.to_json()
    report.overview, report.problems, report.other_matters = overview.strip(), problems.strip(), other_matters.strip()
    report.save()
    audit.record(
        actor=acting_user,
        action="reports.import_past",
        target=report,
        organ=organ,
        before={"tables": before},
        after={"tables": report.tables, "format": report_format.value},
    )
    return report


@transaction.atomic
def publish(*, report: AnnualReport, acting_user: User, override_reason: str = "") -> AnnualReport:
    """Validate, freeze the tables as validated, and publish under the 年报 column."""
    report = _editable(report, acting_user)
    tables = selectors.tables_of(report)
    findings = selectors.findings(report, tables)
    override_reason = override_reason.strip()
    if findings and not override_reason:
        raise ValidationError(
            {
                "override_reason": _(
                    "The report fails %(count)d checks: correct it, or give the reason to publish it as it is."
                )
                % {"count": len(findings)}
            }
        )
    report.tables = tables.to_json()
    report.findings = [asdict(finding) for finding in findings]
    report.override_reason = override_reason if findings else ""
    report.state = AnnualReport.State.PUBLISHED
    report.published_on = timezone.localdate()
    report.published_by = acting_user
    report.save()
    after: dict[str, Any] = {"tables": report.tables, "findings": report.findings}
    audit.record(
        actor=acting_user,
        action="reports.publish",
        target=report,
        organ=report.organ,
        reason=report.override_reason,
        before={"state": AnnualReport.State.DRAFT},
        after=after,
    )
    return report
