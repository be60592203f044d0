"""The portal's 专栏/专题 tree, kept by the city's openness office, and an item's columns."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.columns import selectors, services
from gongkai.columns.models import Column
from gongkai.policies.models import InformationItem
from gongkai.workbench.views import render_page, run_service, staff_user


@login_required
@require_GET
def column_tree(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "workbench/columns.html",
        {"title": _("Columns and topics"), "nodes": selectors.tree(active_only=False)},
    )


@login_required
@require_POST
def column_add(request: HttpRequest) -> HttpResponse:
    parent_id = request.POST.get("parent", "")
    parent = get_object_or_404(Column, pk=int(parent_id)) if parent_id.isdigit() else None
    return run_service(
        request,
        lambda: services.add_column(
            parent=parent,
            name=request.POST.get("name", ""),
            slug=request.POST.get("slug", ""),
            summary=request.POST.get("summary", ""),
            acting_user=staff_user(request),
        ),
        reverse("workbench:columns"),
    )


@login_required
@require_POST
def column_change(request: HttpRequest, pk: int) -> HttpResponse:
    column = get_object_or_404(Column, pk=pk)
    return run_service(
        request,
        lambda: services.change_column(
            column=column,
            name=request.POST.get("name", ""),
            summary=request.POST.get("summary", ""),
            is_active=request.POST.get("is_active") == "on",
            acting_user=staff_user(request),
        ),
        reverse("workbench:columns"),
    )


@login_required
@require_POST
def item_columns(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(InformationItem, pk=pk)
    chosen = Column.objects.filter(pk__in=[value for value in request.POST.getlist("columns") if value.isdigit()])
    return run_service(
        request,
        lambda: services.assign(item=item, columns=list(chosen), acting_user=staff_user(request)),
        reverse("workbench:item_detail", args=[item.pk]),
    )
