"""Staff pages for bulk imports of legacy items: upload, progress and the error report."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.core.http import attachment_response
from gongkai.policies import import_service, importing
from gongkai.policies.models import ImportJob
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench.views import forbidden, render_page, staff_user

# A page of errors stays readable; the downloadable report always has them all.
ERRORS_SHOWN = 200
REFRESH_SECONDS = 3


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV, XLSX or JSON, with the columns of the old site's export."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(importing.EXTENSIONS)}),
    )


def _refusal(request: HttpRequest) -> HttpResponse:
    return forbidden(request, _("Your roles do not include importing information for this organ."))


@login_required
@require_http_methods(["GET", "POST"])
def import_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organ = organ_context.current_organ(request)
    if organ is None or not permissions.can(user, Action.MANAGE_PUBLICATIONS, organ):
        return _refusal(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_service.create_job(user, organ, form.cleaned_data["file"])
        except PermissionDenied:
            return _refusal(request)
        except ValidationError as invalid:
            form.add_error("file", invalid.messages)
        else:
            messages.success(request, _("File received; the import runs in the background."))
            return HttpResponseRedirect(reverse("workbench:import_detail", args=[job.pk]))
    jobs = ImportJob.objects.filter(organ=organ).select_related("started_by").order_by("-created_at", "-pk")[:50]
    return render_page(
        request,
        "workbench/import_list.html",
        {"title": _("Import legacy information"), "form": form, "jobs": jobs, "columns": importing.COLUMNS},
        status=400 if form.errors else 200,
    )


def _permitted_job(request: HttpRequest, pk: int) -> ImportJob | None:
    job = get_object_or_404(ImportJob.objects.select_related("organ", "started_by"), pk=pk)
    return job if permissions.can(staff_user(request), Action.MANAGE_PUBLICATIONS, job.organ) else None


@login_required
@require_GET
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _permitted_job(request, pk)
    if job is None:
        return _refusal(request)
    running = job.state in {ImportJob.State.QUEUED, ImportJob.State.RUNNING}
    response = render_page(
        request,
        "workbench/import_detail.html",
        {
            "title": _("Import %(name)s") % {"name": job.original_name},
            "job": job,
            "running": running,
            "refresh_seconds": REFRESH_SECONDS,
            "summary": import_service.summary(job),
            "errors": job.errors[:ERRORS_SHOWN],
            "errors_hidden": max(len(job.errors) - ERRORS_SHOWN, 0),
        },
    )
    if running:
        # The base template has no head block, so the header carries the refresh as well as the meta tag.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@login_required
@require_GET
def import_errors(request: HttpRequest, pk: int) -> HttpResponse:
    job = _permitted_job(request, pk)
    if job is None:
        return _refusal(request)
    filename = _("import-error-report-%(id)s.xlsx") % {"id": job.pk}
    return attachment_response(import_service.error_report_xlsx(job), filename)
