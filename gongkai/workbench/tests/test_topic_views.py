from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.policies import services
from gongkai.policies.models import Topic

pytestmark = pytest.mark.django_db


def test_the_city_office_adds_and_renames_local_categories(
    client: Client, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    services.ensure_topics()
    client.force_login(staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE))
    civil_affairs = Topic.objects.get(name="民政、扶贫、救灾")

    client.post(reverse("workbench:topic_add"), {"parent": civil_affairs.pk, "name": "乡村振兴"})
    added = Topic.objects.get(name="乡村振兴")
    client.post(reverse("workbench:topic_rename", args=[added.pk]), {"name": "乡村振兴与巩固脱贫"})
    duplicate = client.post(reverse("workbench:topic_add"), {"parent": civil_affairs.pk, "name": "扶贫"}, follow=True)

    added.refresh_from_db()
    assert added.path == "民政、扶贫、救灾\\乡村振兴与巩固脱贫"
    assert "该分类已存在" in duplicate.content.decode()
    assert AuditEntry.objects.filter(action__in=["policies.topic_added", "policies.topic_renamed"]).count() == 2
    assert "乡村振兴与巩固脱贫" in client.get(reverse("workbench:topics")).content.decode()


def test_a_department_cannot_edit_the_shared_taxonomy(
    client: Client, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    services.ensure_topics()
    client.force_login(staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE))

    response = client.post(reverse("workbench:topic_add"), {"name": "自设分类"})

    assert response.status_code == 403
    assert not Topic.objects.filter(name="自设分类").exists()
