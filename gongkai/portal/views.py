"""Public pages. Each view reads through selectors and renders; no rules live here."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core.forms import add_errors
from gongkai.core.http import attachment_response, download_disposition
from gongkai.foi import selectors as foi_selectors
from gongkai.foi import services as foi_services
from gongkai.foi.receipt import Channel
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.models import Attachment, InformationItem
from gongkai.portal import navigation, selectors
from gongkai.portal.application_forms import ApplicationForm, LetterDownloadForm, StatusForm
from gongkai.portal.forms import DeadlineForm
from gongkai.portal.middleware import DISPLAY_COOKIE, PREFERENCES, parse_preferences
from gongkai.reports import presenters as report_presenters
from gongkai.reports import selectors as report_selectors
from gongkai.reports.models import AnnualReport
from gongkai.workdays import services as workday_services

DISPLAY_COOKIE_MAX_AGE = 365 * 24 * 3600
API_EXAMPLE = {"start": "2023-09-22", "workdays": "20"}


def _crumbs(*trail: tuple[str, str]) -> list[tuple[str, str]]:
    return navigation.crumbs(*trail)


def _openness_crumbs(*trail: tuple[str, str]) -> list[tuple[str, str]]:
    column = navigation.OPENNESS_COLUMN
    return _crumbs((str(column.title), column.url), *trail)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "sub_columns": navigation.OPENNESS_SUB_COLUMNS,
            "deadline_tool": navigation.DEADLINE_TOOL,
            "latest_items": selectors.latest_items(),
        },
    )


@require_GET
def openness(request: HttpRequest) -> HttpResponse:
    column = navigation.OPENNESS_COLUMN
    return render(
        request,
        "portal/openness.html",
        {
            "title": column.title,
            "column": column,
            "sub_columns": navigation.OPENNESS_SUB_COLUMNS,
            "breadcrumbs": _crumbs((str(column.title), "")),
        },
    )


def _guide(request: HttpRequest, organ: Organ | None) -> HttpResponse:
    column = navigation.OPENNESS_SUB_COLUMNS[0]
    return render(
        request,
        "portal/guide.html",
        {
            "title": column.title,
            "organ": organ,
            "guide": selectors.organ_guide(organ) if organ else None,
            "organ_groups": selectors.organs_by_level(),
            "breadcrumbs": _openness_crumbs((str(column.title), "")),
        },
    )


@require_GET
def guide(request: HttpRequest) -> HttpResponse:
    chosen = request.GET.get("organ", "")
    if chosen:
        # The organ picker is a plain GET form, so it works without JavaScript. The organ is looked
        # up first: the parameter can hold anything, and only a real slug makes a valid address.
        organ = _active_organ(chosen)
        return HttpResponseRedirect(reverse("portal:guide_organ", args=[organ.slug]))
    return _guide(request, organ_selectors.root_organ())


@require_GET
def guide_organ(request: HttpRequest, slug: str) -> HttpResponse:
    return _guide(request, _active_organ(slug))


def _active_organ(slug: str) -> Organ:
    try:
        return organ_selectors.organ_by_slug(slug)
    except Organ.DoesNotExist as missing:
        raise Http404(_("No such organ.")) from missing


def _column_page(request: HttpRequest, index: int) -> HttpResponse:
    column = navigation.OPENNESS_SUB_COLUMNS[index]
    return render(
        request,
        "portal/column.html",
        {"title": column.title, "column": column, "breadcrumbs": _openness_crumbs((str(column.title), ""))},
    )


@require_GET
def rules(request: HttpRequest) -> HttpResponse:
    return _column_page(request, 1)


@require_GET
def statutory(request: HttpRequest) -> HttpResponse:
    column = navigation.OPENNESS_SUB_COLUMNS[2]
    listing = selectors.public_listing(request.GET)
    return render(
        request,
        "portal/statutory.html",
        {
            "title": column.title,
            "column": column,
            "listing": listing,
            "breadcrumbs": _openness_crumbs((str(column.title), "")),
        },
    )


@require_GET
def information_item(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = policy_selectors.public_item(str(pk))
    except InformationItem.DoesNotExist as missing:
        raise Http404(_("No such information.")) from missing
    column = navigation.OPENNESS_SUB_COLUMNS[2]
    return render(
        request,
        "portal/item_print.html" if request.GET.get("print") else "portal/item.html",
        {
            "title": item.title,
            "page": selectors.item_page(item, timezone.localdate()),
            "breadcrumbs": _openness_crumbs((str(column.title), column.url), (item.title, "")),
        },
    )


@require_GET
def verify_seal(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = policy_selectors.public_item(str(pk))
    except InformationItem.DoesNotExist as missing:
        raise Http404(_("No such information.")) from missing
    return render(
        request,
        "portal/verify.html",
        {
            "title": _("Seal verification"),
            "item": item,
            "checks": selectors.seal_checks(item),
            "breadcrumbs": _openness_crumbs(
                (item.title, reverse("portal:item", args=[item.pk])), (_("Seal verification"), "")
            ),
        },
    )


@require_GET
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    try:
        served = selectors.public_attachment(pk, attachment_pk)
    except (InformationItem.DoesNotExist, Attachment.DoesNotExist) as missing:
        raise Http404(_("No such attachment.")) from missing
    response = FileResponse(served.file.open("rb"), content_type=served.content_type)
    response["Content-Disposition"] = download_disposition(served.name)
    return response


@require_GET
def annual_reports(request: HttpRequest) -> HttpResponse:
    """政府信息公开年报: every published report, newest year first, past reports included."""
    column = navigation.OPENNESS_SUB_COLUMNS[3]
    return render(
        request,
        "portal/annual_reports.html",
        {
            "title": column.title,
            "column": column,
            "years": report_selectors.reports_by_year(report_selectors.public_reports()),
            "breadcrumbs": _openness_crumbs((str(column.title), "")),
        },
    )


def _public_report(slug: str, year: int) -> AnnualReport:
    try:
        return report_selectors.public_report(slug, year)
    except AnnualReport.DoesNotExist as missing:
        raise Http404(_("No such report.")) from missing


@require_GET
def annual_report(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    report = _public_report(slug, year)
    tables = report_selectors.tables_of(report)
    column = navigation.OPENNESS_SUB_COLUMNS[3]
    return render(
        request,
        "portal/annual_report.html",
        {
            "title": report.title,
            "report": report,
            "preface": report_presenters.preface(report),
            "sections": report_presenters.sections(report, tables),
            "departments": report_selectors.published_department_reports(report),
            "breadcrumbs": _openness_crumbs((str(column.title), column.url), (report.title, "")),
        },
    )


@require_GET
def annual_report_file(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    report = _public_report(slug, year)
    try:
        data = report_presenters.file_bytes(report, fmt)
    except KeyError:
        raise Http404(_("No such file.")) from None
    return attachment_response(data, f"{report.title}.{fmt}")


@require_GET
def deadline(request: HttpRequest) -> HttpResponse:
    tool = navigation.DEADLINE_TOOL
    form = DeadlineForm.from_query(request.GET)
    result = None
    if form.is_valid():
        result = workday_services.compute_deadline(form.cleaned_data["start"], form.cleaned_data["workdays"])
    # The API link repeats the reader's own question, so the JSON can be checked against the page.
    api_query = urlencode({"start": result.start.isoformat(), "workdays": result.workdays} if result else API_EXAMPLE)
    return render(
        request,
        "portal/deadline.html",
        {
            "title": tool.title,
            "form": form,
            "result": result,
            "proof_rows": selectors.proof_rows(result) if result else [],
            "api_url": f"{reverse('api:deadline')}?{api_query}",
            "breadcrumbs": _crumbs((str(tool.title), "")),
        },
    )


@require_POST
def display_preferences(request: HttpRequest) -> HttpResponse:
    """Toggle large text or high contrast; a form post and a cookie, so no JavaScript is needed."""
    preferences = set(parse_preferences(request.COOKIES.get(DISPLAY_COOKIE, "")))
    toggled = request.POST.get("toggle", "")
    if toggled in PREFERENCES:
        preferences ^= {toggled}
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("portal:home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        DISPLAY_COOKIE,
        ",".join(sorted(preferences)),
        max_age=DISPLAY_COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    """The online application (条例第二十九条): no account needed; receipt is confirmed by the office (第三十一条)."""
    form = ApplicationForm(request.POST or None, request.FILES or None, initial={"organ": organ_selectors.root_organ()})
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        organ = fields.pop("organ")
        try:
            application, code = foi_services.register(
                organ=organ, channel=Channel.ONLINE, arrived_on=timezone.localdate(), acting_user=None, **fields
            )
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            return render(
                request,
                "portal/apply_done.html",
                {"title": _("Application submitted"), "application": application, "query_code": code},
            )
    return render(
        request,
        "portal/apply.html",
        {
            "title": _("Apply for government information"),
            "form": form,
            "breadcrumbs": _crumbs((_("Apply for government information"), "")),
        },
    )


@require_GET
def application_status(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.GET if "tracking_number" in request.GET else None)
    application = None
    if form.is_valid():
        application = foi_services.find_by_query_code(
            form.cleaned_data["tracking_number"], form.cleaned_data["query_code"]
        )
        if application is None:
            form.add_error(None, _("No application matches this tracking number and query code."))
    return render(
        request,
        "portal/apply_status.html",
        {
            "title": _("Check an application"),
            "form": form,
            "application": application,
            "letters": foi_selectors.applicant_letters(application) if application else [],
            "formats": [("pdf", "PDF"), ("docx", "Word")],
            "breadcrumbs": _crumbs((_("Check an application"), "")),
        },
    )


@require_POST
def application_letter(request: HttpRequest) -> HttpResponse:
    """A letter for the applicant, by tracking number and query code: no account, nothing in the URL."""
    form = LetterDownloadForm(request.POST)
    if not form.is_valid():
        raise Http404(_("No such letter."))
    application = foi_services.find_by_query_code(form.cleaned_data["tracking_number"], form.cleaned_data["query_code"])
    letter = (
        foi_selectors.applicant_letters(application).filter(pk=form.cleaned_data["letter"]).first()
        if application
        else None
    )
    if letter is None:
        raise Http404(_("No such letter."))
    fmt = form.cleaned_data["fmt"]
    return attachment_response(bytes((letter.pdf if fmt == "pdf" else letter.docx) or b""), f"{letter.number}.{fmt}")
