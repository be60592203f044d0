"""Staff pages of the annual report: the organ's reports and deadlines, a report's tables, checks,
figures, narrative and publication, past reports imported from the XLSX template."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.core.forms import add_errors
from gongkai.core.http import attachment_response
from gongkai.reports import presenters, schedule, selectors, services, spreadsheet
from gongkai.reports.models import FORMAT_LABELS, AnnualReport
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench.report_forms import (
    FiguresForm,
    FiguresUploadForm,
    NarrativeForm,
    PastReportForm,
    PublishForm,
    StartForm,
)
from gongkai.workbench.views import forbidden, render_page, run_service, staff_user


def _report_for_staff(request: HttpRequest, pk: int) -> AnnualReport:
    report = get_object_or_404(AnnualReport.objects.select_related("organ"), pk=pk)
    if not permissions.can(staff_user(request), Action.VIEW_RECORDS, report.organ):
        raise PermissionDenied(_("You may not see this organ's records."))
    return report


def _detail_url(report: AnnualReport) -> str:
    return reverse("workbench:report_detail", args=[report.pk])


@login_required
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    organ = organ_context.current_organ(request)
    if organ is None:
        return forbidden(request, _("You hold no role at any organ."))
    government_level = selectors.is_government_level(organ)
    year = schedule.reporting_year(timezone.localdate(), government_level=government_level)
    return render_page(
        request,
        "workbench/report_list.html",
        {
            "title": _("Annual reports"),
            "organ": organ,
            "reports": [(report, selectors.due_on(report)) for report in selectors.organ_reports(organ)],
            "start_form": StartForm(initial={"year": year}),
            "next_due": schedule.due_on(year, government_level=government_level),
            "next_year": year,
            "formats": list(FORMAT_LABELS.items()),
            "can_manage": permissions.can(staff_user(request), Action.MANAGE_PUBLICATIONS, organ),
        },
    )


@login_required
@require_POST
def report_start(request: HttpRequest) -> HttpResponse:
    organ = organ_context.current_organ(request)
    form = StartForm(request.POST)
    if organ is None or not form.is_valid():
        return HttpResponseRedirect(reverse("workbench:report_list"))
    started: list[AnnualReport] = []

    def start() -> None:
        started.append(services.start(organ=organ, year=form.cleaned_data["year"], acting_user=staff_user(request)))

    response = run_service(request, start, reverse("workbench:report_list"), _("The report was started."))
    return HttpResponseRedirect(_detail_url(started[0])) if started else response


def _detail(request: HttpRequest, report: AnnualReport, **forms: object) -> HttpResponse:
    tables = selectors.tables_of(report)
    previous = selectors.previous_report(report)
    figures = {key: tables.a.get(key) for key in FiguresForm.base_fields}
    editable = report.state == AnnualReport.State.DRAFT and permissions.can(
        staff_user(request), Action.MANAGE_PUBLICATIONS, report.organ
    )
    return render_page(
        request,
        "workbench/report_detail.html",
        {
            "title": report.title,
            "report": report,
            "preface": presenters.preface(report),
            "sections": presenters.sections(report, tables),
            "findings": selectors.findings(report, tables) if report.state == AnnualReport.State.DRAFT else [],
            "stored_findings": report.findings,
            "due_on": selectors.due_on(report),
            "previous": previous,
            "comparison": presenters.year_on_year(tables, selectors.tables_of(previous) if previous else None),
            "departments": selectors.department_reports(report),
            "editable": editable,
            "counted_live": not selectors.is_frozen(report),
            "figures_form": forms.get("figures_form")
            or (FiguresForm(initial=figures) if report.origin == AnnualReport.Origin.GENERATED else None),
            "narrative_form": forms.get("narrative_form")
            or NarrativeForm(
                initial={
                    "overview": report.overview,
                    "problems": report.problems,
                    "other_matters": report.other_matters,
                }
            ),
            "publish_form": forms.get("publish_form") or PublishForm(),
            "upload_form": forms.get("upload_form") or FiguresUploadForm(),
        },
        status=400 if forms else 200,
    )


@login_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report = _report_for_staff(request, pk)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    return _detail(request, report)


def _post_form(request: HttpRequest, pk: int, form_class: type, form_name: str, act: object) -> HttpResponse:
    try:
        report = _report_for_staff(request, pk)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(report, form.cleaned_data)  # type: ignore[operator]
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            return HttpResponseRedirect(_detail_url(report))
    return _detail(request, report, **{form_name: form})


@login_required
@require_POST
def report_figures(request: HttpRequest, pk: int) -> HttpResponse:
    def act(report: AnnualReport, data: dict[str, object]) -> None:
        figures = {key: value for key, value in data.items() if value is not None}
        services.enter_figures(report=report, figures=figures, acting_user=staff_user(request))  # type: ignore[arg-type]

    return _post_form(request, pk, FiguresForm, "figures_form", act)


@login_required
@require_POST
def report_figures_upload(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report = _report_for_staff(request, pk)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    form = FiguresUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            figures = services.figures_from_workbook(form.cleaned_data["workbook"].read())
            services.enter_figures(report=report, figures=figures, acting_user=staff_user(request))
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            return HttpResponseRedirect(_detail_url(report))
    return _detail(request, report, upload_form=form)


@login_required
@require_POST
def report_narrative(request: HttpRequest, pk: int) -> HttpResponse:
    def act(report: AnnualReport, data: dict[str, str]) -> None:
        services.edit_narrative(report=report, acting_user=staff_user(request), **data)

    return _post_form(request, pk, NarrativeForm, "narrative_form", act)


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    def act(report: AnnualReport, data: dict[str, str]) -> None:
        services.publish(report=report, acting_user=staff_user(request), override_reason=data["override_reason"])

    return _post_form(request, pk, PublishForm, "publish_form", act)


@login_required
@require_http_methods(["GET", "POST"])
def report_import(request: HttpRequest) -> HttpResponse:
    organ = organ_context.current_organ(request)
    if organ is None:
        return forbidden(request, _("You hold no role at any organ."))
    form = PastReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.import_past(
                organ=organ,
                year=data["year"],
                report_format=ReportFormat(data["report_format"]),
                workbook=data["workbook"].read(),
                overview=data["overview"],
                problems=data["problems"],
                other_matters=data["other_matters"],
                acting_user=staff_user(request),
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            return HttpResponseRedirect(_detail_url(report))
    return render_page(
        request,
        "workbench/report_import.html",
        {"title": _("Enter a past report"), "form": form, "organ": organ, "formats": list(FORMAT_LABELS.items())},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def report_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    try:
        report = _report_for_staff(request, pk)
        data = presenters.file_bytes(report, fmt)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except KeyError:
        raise Http404(_("No such file.")) from None
    return attachment_response(data, f"{report.title}.{fmt}")


@login_required
@require_GET
def report_blank_template(request: HttpRequest, report_format: str) -> HttpResponse:
    """The empty tables of a format, to fill in a past report and import it."""
    try:
        chosen = ReportFormat(report_format)
    except ValueError:
        raise Http404(_("No such file.")) from None
    data = spreadsheet.write(
        ReportTables.blank(chosen), title=f"政府信息公开工作年度报告（{chosen.value}年版格式）", blank=True
    )
    return attachment_response(data, f"年度报告表格模板-{chosen.value}年版.xlsx")
