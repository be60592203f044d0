"""The 主题分类 tree, edited locally by the city's openness office."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.policies import services as policy_services
from gongkai.policies.models import Topic
from gongkai.workbench.views import render_page, run_service, staff_user


@login_required
@require_GET
def topic_tree(request: HttpRequest) -> HttpResponse:
    firsts = Topic.objects.filter(parent=None).prefetch_related("children").order_by("sort_order", "id")
    return render_page(request, "workbench/topics.html", {"title": _("Topic categories"), "firsts": firsts})


def _done(request: HttpRequest, action: Callable[[], object]) -> HttpResponse:
    return run_service(request, action, reverse("workbench:topics"))


@login_required
@require_POST
def topic_add(request: HttpRequest) -> HttpResponse:
    parent_id = request.POST.get("parent", "")
    parent = get_object_or_404(Topic, pk=int(parent_id)) if parent_id.isdigit() else None
    name = request.POST.get("name", "")
    return _done(request, lambda: policy_services.add_topic(parent=parent, name=name, acting_user=staff_user(request)))


@login_required
@require_POST
def topic_rename(request: HttpRequest, pk: int) -> HttpResponse:
    topic = get_object_or_404(Topic, pk=pk)
    name = request.POST.get("name", "")
    return _done(request, lambda: policy_services.rename_topic(topic=topic, name=name, acting_user=staff_user(request)))
