"""The home page: the banner, the 政府信息公开 entrance, the newest public information and the tools."""

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.organs.models import Organ
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Status
from gongkai.policies.models import InformationItem, Topic

pytestmark = pytest.mark.django_db


def _item(organ: Organ, topic: Topic, serial: int, **fields: object) -> InformationItem:
    values: dict[str, object] = {
        "organ": organ,
        "topic": topic,
        "index_number": f"TEST-2024-{serial:04d}",
        "title": f"测试通知第{serial}号",
        "formed_on": date(2024, 3, serial),
        "published_on": date(2024, 3, serial),
        "kind": ItemKind.OTHER_DOCUMENT,
        "attribute": DisclosureAttribute.PROACTIVE,
        "status": Status.PUBLISHED,
        **fields,
    }
    return InformationItem.objects.create(**values)


def test_the_home_page_leads_to_the_four_sub_columns_and_the_calculator(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    page = client.get(reverse("portal:home")).content.decode()
    main = page[page.index('<main id="main"') : page.index("</main>")]
    cards = re.findall(r'<li class="card"><h3><a href="([^"]+)">', main)

    assert cards == [
        reverse("portal:guide"),
        reverse("portal:rules"),
        reverse("portal:statutory"),
        reverse("portal:annual_reports"),
        reverse("portal:deadline"),
    ]
    assert '<p class="home-banner__motto">以公开为常态、不公开为例外</p>' in main


def test_the_home_page_says_plainly_when_nothing_is_published(client: Client, organ_tree: dict[str, Organ]) -> None:
    page = client.get(reverse("portal:home")).content.decode()

    assert '<p class="empty">暂无信息。</p>' in page


def test_the_home_page_lists_the_newest_public_information_only(
    client: Client, organ_tree: dict[str, Organ], django_assert_num_queries: Any
) -> None:
    topic = Topic.objects.create(name="财政")
    department = organ_tree["department"]
    older = _item(department, topic, 1)
    newer = _item(department, topic, 2)
    _item(department, topic, 3, status=Status.DRAFT, title="未发布的草稿")
    _item(department, topic, 4, attribute=DisclosureAttribute.ON_REQUEST, title="依申请公开的信息")

    # One query for the list (organs joined in), one for the footer's host organ.
    with django_assert_num_queries(2):
        page = client.get(reverse("portal:home")).content.decode()
    listed = re.findall(r'<a href="/xxgk/fdzdgknr/(\d+)/">', page)

    assert listed == [str(newer.pk), str(older.pk)]
    assert "未发布的草稿" not in page
    assert "依申请公开的信息" not in page
    assert "暂无信息" not in page
