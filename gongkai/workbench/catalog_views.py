"""Staff pages of the standard catalogs: import and export, adoption, manual rules, links from the item
page, the compliance report (HTML and XLSX) and spot checks with their notice and rectification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.catalogs import presenters, selectors, services
from gongkai.catalogs.compliance import summarise
from gongkai.catalogs.models import Catalog, CatalogRow, SpotCheck
from gongkai.core.forms import add_errors
from gongkai.core.http import attachment_response
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem
from gongkai.workbench import current_organ as organ_context
from gongkai.workbench.catalog_forms import (
    AdoptForm,
    CloseForm,
    ImportForm,
    LinkForm,
    ManualRuleForm,
    NoticeForm,
    RectifyForm,
    SpotCheckForm,
    UnlinkForm,
)
from gongkai.workbench.views import forbidden, render_page, run_service, staff_user


def _organ(request: HttpRequest) -> Organ:
    organ = organ_context.current_organ(request)
    if organ is None:
        raise PermissionDenied(_("You hold no role at any organ."))
    return organ


def _catalog(pk: int) -> Catalog:
    try:
        return selectors.catalog(pk)
    except Catalog.DoesNotExist:
        raise Http404(_("No such catalog.")) from None


@login_required
@require_GET
def catalog_list(request: HttpRequest) -> HttpResponse:
    try:
        organ = _organ(request)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    user = staff_user(request)
    adopted: dict[int, int] = {}
    for entry in selectors.adopted_rows([organ.pk]):
        adopted[entry.row.catalog_id] = adopted.get(entry.row.catalog_id, 0) + 1
    return render_page(
        request,
        "workbench/catalog_list.html",
        {
            "title": _("Standard catalogs"),
            "organ": organ,
            "catalogs": [(catalog, adopted.get(catalog.pk, 0)) for catalog in selectors.catalogs()],
            "import_form": ImportForm(),
            "can_manage": permissions.can(user, Action.MANAGE_PUBLICATIONS, organ),
            "can_assess": permissions.can(user, Action.ASSESS, organ),
            "needing_rules": selectors.rows_needing_rules(),
        },
    )


@login_required
@require_POST
def catalog_import(request: HttpRequest) -> HttpResponse:
    try:
        organ = _organ(request)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            catalog = services.import_catalog(
                domain=data["domain"],
                level=data["level"],
                owner=organ,
                source=data["source"],
                workbook=data["workbook"].read(),
                acting_user=staff_user(request),
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("The catalog was imported."))
            return HttpResponseRedirect(reverse("workbench:catalog_detail", args=[catalog.pk]))
    return render_page(
        request,
        "workbench/catalog_list.html",
        {
            "title": _("Standard catalogs"),
            "organ": organ,
            "catalogs": [(catalog, 0) for catalog in selectors.catalogs()],
            "import_form": form,
            "can_manage": True,
            "needing_rules": [],
        },
        status=400,
    )


def _detail(request: HttpRequest, catalog: Catalog, adopt_form: AdoptForm | None = None) -> HttpResponse:
    organ = _organ(request)
    user = staff_user(request)
    rows = list(selectors.rows_of(catalog))
    adopted_ids = selectors.adopted_row_ids(organ, catalog)
    can_rule = permissions.can(user, Action.MANAGE_PUBLICATIONS, catalog.owner)
    return render_page(
        request,
        "workbench/catalog_detail.html",
        {
            "title": catalog.title,
            "catalog": catalog,
            "organ": organ,
            "rows": [
                (
                    row,
                    row.rule(),
                    row.pk in adopted_ids,
                    ManualRuleForm(
                        prefix=f"row{row.pk}",
                        initial={
                            "manual_kind": row.manual_kind,
                            "count": row.manual_count or None,
                            "month": row.manual_month or None,
                            "day": row.manual_day or None,
                        },
                    )
                    if can_rule
                    else None,
                )
                for row in rows
            ],
            "adopt_form": adopt_form
            or AdoptForm(
                row_choices=[(row.pk, row.second_item) for row in rows],
                initial={"rows": sorted(adopted_ids), "effective_from": timezone.localdate()},
            ),
            "can_adopt": permissions.can(user, Action.MANAGE_PUBLICATIONS, organ),
            "adopting_organs": selectors.adopting_organs(catalog),
        },
        status=400 if adopt_form is not None else 200,
    )


@login_required
@require_GET
def catalog_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        return _detail(request, _catalog(pk))
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))


@login_required
@require_GET
def catalog_export(request: HttpRequest, pk: int) -> HttpResponse:
    catalog = _catalog(pk)
    return attachment_response(presenters.catalog_workbook(catalog), f"{catalog.title}.xlsx")


@login_required
@require_POST
def catalog_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    catalog = _catalog(pk)
    try:
        organ = _organ(request)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    form = AdoptForm(request.POST, row_choices=[(row.pk, row.second_item) for row in selectors.rows_of(catalog)])
    if form.is_valid():
        try:
            services.set_adoption(
                organ=organ,
                catalog=catalog,
                row_ids=form.cleaned_data["rows"],
                effective_from=form.cleaned_data["effective_from"],
                reason=form.cleaned_data["reason"],
                acting_user=staff_user(request),
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as invalid:
            add_errors(form, invalid)
        else:
            messages.success(request, _("The rows this organ follows were saved."))
            return HttpResponseRedirect(reverse("workbench:catalog_detail", args=[catalog.pk]))
    return _detail(request, catalog, form)


@login_required
@require_POST
def catalog_rule(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(CatalogRow.objects.select_related("catalog"), pk=pk)
    form = ManualRuleForm(request.POST, prefix=f"row{row.pk}")
    target = reverse("workbench:catalog_detail", args=[row.catalog_id]) + f"#row-{row.pk}"
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return HttpResponseRedirect(target)
    data = form.cleaned_data
    return run_service(
        request,
        lambda: services.set_manual_rule(
            row=row,
            kind=data["manual_kind"],
            count=data["count"] or 0,
            month=data["month"] or 0,
            day=data["day"] or 0,
            acting_user=staff_user(request),
        ),
        target,
        _("The row's rule was saved."),
    )


def _item(request: HttpRequest, pk: int) -> InformationItem:
    item = InformationItem.objects.select_related("organ").filter(pk=pk).first()
    if item is None or not permissions.can(staff_user(request), Action.VIEW_RECORDS, item.organ):
        raise Http404(_("No such information."))
    return item


@login_required
@require_POST
def catalog_link(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = LinkForm(request.POST)
    target = reverse("workbench:item_detail", args=[item.pk]) + "#catalog-heading"
    row = CatalogRow.objects.filter(pk=form.cleaned_data["row"]).first() if form.is_valid() else None
    if row is None:
        messages.error(request, _("Choose a catalog row."))
        return HttpResponseRedirect(target)
    return run_service(
        request,
        lambda: services.link_item(item=item, row=row, acting_user=staff_user(request)),
        target,
        _("The item was linked to the catalog row."),
    )


@login_required
@require_POST
def catalog_unlink(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    item = _item(request, pk)
    row = get_object_or_404(CatalogRow, pk=row_pk)
    form = UnlinkForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return run_service(
        request,
        lambda: services.unlink_item(item=item, row=row, acting_user=staff_user(request), reason=reason),
        reverse("workbench:item_detail", args=[item.pk]) + "#catalog-heading",
        _("The link was removed."),
    )


def _report_organs(request: HttpRequest) -> tuple[Organ, list[int]]:
    """The chosen organ (the current one unless another is asked for) and those below it the user may see."""
    user = staff_user(request)
    organ = _organ(request)
    chosen = request.GET.get("organ", "")
    if chosen:
        organ = Organ.objects.active().filter(slug=chosen).first() or organ
    permissions.require(user, Action.VIEW_RECORDS, organ)
    covered = [
        other.pk for other in selectors.supervised_organs(organ) if permissions.can(user, Action.VIEW_RECORDS, other)
    ]
    return organ, covered


@login_required
@require_GET
def catalog_compliance(request: HttpRequest) -> HttpResponse:
    try:
        organ, covered = _report_organs(request)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    today = timezone.localdate()
    entries = selectors.compliance_of(covered, today)
    return render_page(
        request,
        "workbench/catalog_compliance.html",
        {
            "title": _("Catalog compliance"),
            "organ": organ,
            "today": today,
            "groups": presenters.by_organ_and_catalog(entries),
            "summary": summarise([entry.result for entry in entries]),
            "verdict_labels": presenters.VERDICT_LABELS,
        },
    )


@login_required
@require_GET
def catalog_compliance_file(request: HttpRequest) -> HttpResponse:
    try:
        organ, covered = _report_organs(request)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    today = timezone.localdate()
    data = presenters.gap_report_workbook(
        organ, selectors.compliance_of(covered, today), today, request.build_absolute_uri("/").rstrip("/")
    )
    return attachment_response(data, f"{organ.name}标准目录落实情况{today:%Y%m%d}.xlsx")


# --- spot checks ---------------------------------------------------------------------------------


def _check(request: HttpRequest, pk: int) -> SpotCheck:
    check = get_object_or_404(SpotCheck.objects.select_related("organ", "checked_by"), pk=pk)
    if not permissions.can(staff_user(request), Action.VIEW_RECORDS, check.organ):
        raise Http404(_("No such spot check."))
    return check


def _checkable_organs(request: HttpRequest, organ: Organ) -> list[tuple[int, str]]:
    adopting = {other.pk for other in selectors.organs_with_adoptions()}
    return [(other.pk, other.name) for other in selectors.supervised_organs(organ) if other.pk in adopting]


@login_required
@require_GET
def catalog_checks(request: HttpRequest) -> HttpResponse:
    try:
        organ = _organ(request)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    user = staff_user(request)
    can_assess = permissions.can(user, Action.ASSESS, organ)
    visible = [other.pk for other in selectors.supervised_organs(organ)]
    return render_page(
        request,
        "workbench/catalog_checks.html",
        {
            "title": _("Spot checks"),
            "organ": organ,
            "checks": selectors.spot_checks(visible),
            "form": SpotCheckForm(organ_choices=_checkable_organs(request, organ)) if can_assess else None,
        },
    )


@login_required
@require_POST
def catalog_check_start(request: HttpRequest) -> HttpResponse:
    try:
        organ = _organ(request)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    form = SpotCheckForm(request.POST, organ_choices=_checkable_organs(request, organ))
    if not form.is_valid():
        messages.error(request, _("Choose the organ to check."))
        return HttpResponseRedirect(reverse("workbench:catalog_checks"))
    started: list[SpotCheck] = []

    def start() -> None:
        checked = Organ.objects.get(pk=form.cleaned_data["organ"])
        started.append(
            services.start_spot_check(
                organ=checked,
                checking_organ=organ,
                acting_user=staff_user(request),
                remarks=form.cleaned_data["remarks"],
            )
        )

    response = run_service(request, start, reverse("workbench:catalog_checks"), _("The spot check was recorded."))
    return HttpResponseRedirect(reverse("workbench:catalog_check", args=[started[0].pk])) if started else response


@login_required
@require_GET
def catalog_check(request: HttpRequest, pk: int) -> HttpResponse:
    check = _check(request, pk)
    user = staff_user(request)
    can_assess = permissions.can(user, Action.ASSESS, check.organ)
    return render_page(
        request,
        "workbench/catalog_check.html",
        {
            "title": str(check),
            "check": check,
            "notice_form": NoticeForm() if can_assess and check.state == SpotCheck.State.OPEN else None,
            "rectify_form": RectifyForm()
            if check.state == SpotCheck.State.NOTIFIED
            and permissions.can(user, Action.MANAGE_PUBLICATIONS, check.organ)
            else None,
            "close_form": CloseForm() if can_assess and check.state != SpotCheck.State.CLOSED else None,
        },
    )


def _check_step(request: HttpRequest, pk: int, form_class: type, act: object) -> HttpResponse:
    check = _check(request, pk)
    form = form_class(request.POST)
    target = reverse("workbench:catalog_check", args=[check.pk])
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return HttpResponseRedirect(target)
    return run_service(request, lambda: act(check, form.cleaned_data), target)  # type: ignore[operator]


@login_required
@require_POST
def catalog_check_notice(request: HttpRequest, pk: int) -> HttpResponse:
    def act(check: SpotCheck, data: dict[str, object]) -> None:
        services.issue_notice(
            check=check,
            workdays=int(str(data["workdays"])),
            reason=str(data["reason"]),
            acting_user=staff_user(request),
        )

    return _check_step(request, pk, NoticeForm, act)


@login_required
@require_POST
def catalog_check_rectify(request: HttpRequest, pk: int) -> HttpResponse:
    def act(check: SpotCheck, data: dict[str, object]) -> None:
        services.report_rectification(check=check, report=str(data["report"]), acting_user=staff_user(request))

    return _check_step(request, pk, RectifyForm, act)


@login_required
@require_POST
def catalog_check_close(request: HttpRequest, pk: int) -> HttpResponse:
    def act(check: SpotCheck, data: dict[str, object]) -> None:
        services.close_spot_check(check=check, reason=str(data["reason"]), acting_user=staff_user(request))

    return _check_step(request, pk, CloseForm, act)


@login_required
@require_GET
def catalog_check_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    check = _check(request, pk)
    data = {"docx": bytes(check.notice_docx), "pdf": bytes(check.notice_pdf)}.get(fmt, b"")
    if not data:
        raise Http404(_("No such file."))
    return attachment_response(data, f"{check.notice_number or '通报'}.{fmt}")
