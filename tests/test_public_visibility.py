"""Only published proactive items are ever visible to the public, on every public route.

Items in every other state and attribute are created beside one published proactive item, then
every public page, list, print view, seal page, attachment download and API route is asked for
each of them.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.columns import services as column_services
from gongkai.organs.models import Organ
from gongkai.policies import attachments, services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, LegalBasis, Status, Transition
from gongkai.policies.models import InformationItem, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit_left_over() -> None:
    # Each test asks the search API several times; the per-address limit is not what is tested here.
    cache.clear()


# The smallest valid PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)

RELEASE = [
    (Transition.SUBMIT, "drafter"),
    (Transition.REVIEW, "reviewer"),
    (Transition.APPROVE, "approver"),
    (Transition.PUBLISH, "office"),
]


@pytest.fixture
def items(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], settings: Any, tmp_path: Path
) -> dict[str, InformationItem]:
    settings.MEDIA_ROOT = tmp_path
    services.ensure_topics()
    department = organ_tree["department"]
    desk = {
        "drafter": staff_with_role(department, Role.DRAFTER),
        "reviewer": staff_with_role(department, Role.REVIEWER),
        "approver": staff_with_role(department, Role.APPROVER),
        "office": staff_with_role(department, Role.OPENNESS_OFFICE),
    }
    topic = Topic.objects.get(name="财政", parent__name="财政、金融、审计")

    def make(title: str, steps: int, **extra: Any) -> InformationItem:
        fields: dict[str, Any] = {
            "title": title,
            "topic": topic,
            "kind": ItemKind.OTHER_DOCUMENT,
            "body": f"<p>{title}正文</p>",
            "attribute": DisclosureAttribute.PROACTIVE,
            **extra,
        }
        item = services.create_draft(acting_user=desk["drafter"], organ=department, **fields)
        # Named after the item, so the download shows whose attachment it is.
        attachments.add_attachment(
            item=item, uploaded=SimpleUploadedFile(f"{title}.png", PNG), acting_user=desk["drafter"]
        )
        for transition, who in RELEASE[:steps]:
            item = services.transition(item=item, to=transition, acting_user=desk[who])
        return item

    on_request = {
        "kind": ItemKind.MEETING,
        "attribute": DisclosureAttribute.ON_REQUEST,
        "legal_basis": LegalBasis.ART_16_1,
        "attribute_reason": "内部事务",
    }
    withheld = {**on_request, "attribute": DisclosureAttribute.WITHHELD}
    made = {
        "public": make("公开甲件", 4),
        "draft": make("草稿乙件", 0),
        "submitted": make("待审丙件", 1),
        "reviewed": make("已审丁件", 2),
        "approved": make("已批戊件", 3),
        "on_request": make("依申请己件", 4, **on_request),
        "withheld": make("不公开庚件", 4, **withheld),
        "withdrawn": make("撤回辛件", 4),
        "taken_down": make("下线壬件", 4),
    }
    services.transition(item=made["withdrawn"], to=Transition.WITHDRAW, acting_user=desk["office"], comment="有误")
    services.transition(item=made["taken_down"], to=Transition.EXPIRE, acting_user=desk["office"], comment="过期")
    assert InformationItem.objects.get(pk=made["withdrawn"].pk).status == Status.WITHDRAWN
    # Every item is put in a column, so the column pages are asked about each of them too.
    editor = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    column = column_services.add_column(parent=None, name="测试专栏", slug="visibility", acting_user=editor)
    for item in made.values():
        column_services.assign(item=item, columns=[column], acting_user=desk["drafter"])
    return made


def _public_routes(item: InformationItem) -> Iterator[str]:
    yield "/"
    yield "/xxgk/fdzdgknr/"
    yield f"/xxgk/fdzdgknr/?year={item.formed_on.year}"
    yield f"/xxgk/fdzdgknr/?organ={item.organ.slug}"
    yield f"/xxgk/fdzdgknr/{item.pk}/"
    yield f"/xxgk/fdzdgknr/{item.pk}/?print=1"
    yield f"/xxgk/fdzdgknr/{item.pk}/seal/"
    yield _attachment_route(item)
    yield "/api/v1/documents"
    yield f"/api/v1/documents?organ={item.organ.slug}"
    yield f"/api/v1/documents/{item.pk}"
    yield f"/api/v1/documents/{item.index_number}"
    # Every test item's body ends in 正文, so these searches reach hidden items if anything does.
    yield "/search/?q=正文"
    yield "/search/?q=正文&sort=newest"
    yield f"/search/?organ={item.organ.slug}"
    yield "/api/v1/search?q=正文"
    yield f"/api/v1/search?organ={item.organ.slug}&sort=newest"
    yield "/api/v1/search"
    yield "/zhuanlan/visibility/"
    yield "/search/?column=visibility"


def _attachment_route(item: InformationItem) -> str:
    return f"/xxgk/fdzdgknr/{item.pk}/attachments/{item.attachments.get().pk}/"


def _shown(response: HttpResponseBase) -> str:
    """What the visitor sees: the page, or for a download the file name it is saved under."""
    if response.streaming:
        return unquote(response.get("Content-Disposition", ""))
    return response.content.decode()  # type: ignore[attr-defined]


def test_the_published_proactive_item_is_visible_everywhere(client: Client, items: dict[str, InformationItem]) -> None:
    public = items["public"]
    for route in _public_routes(public):
        if route == "/":
            continue
        response = client.get(route)
        assert response.status_code == 200, route
        assert public.title in _shown(response), route


@pytest.mark.parametrize(
    "hidden", ["draft", "submitted", "reviewed", "approved", "on_request", "withheld", "withdrawn", "taken_down"]
)
def test_nothing_else_is_visible_on_any_public_route(
    client: Client, items: dict[str, InformationItem], hidden: str
) -> None:
    item = items[hidden]
    for route in _public_routes(item):
        response = client.get(route)
        assert response.status_code in {200, 404}, route
        body = _shown(response)
        assert item.title not in body, route
        assert item.index_number not in body, route
    assert client.get(_attachment_route(item)).status_code == 404


def _all_public_url_patterns() -> Iterator[str]:
    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            else:
                yield route

    yield from walk(get_resolver().url_patterns, "")


def test_every_public_route_that_shows_items_is_covered() -> None:
    covered = {
        "xxgk/fdzdgknr/",
        "xxgk/fdzdgknr/<int:pk>/",
        "xxgk/fdzdgknr/<int:pk>/seal/",
        "xxgk/fdzdgknr/<int:pk>/attachments/<int:attachment_pk>/",
        "api/v1/documents",
        "api/v1/documents/<path:key>",
        "search/",
        "api/v1/search",
        "zhuanlan/<slug:slug>/",
    }
    item_routes = {
        route
        for route in _all_public_url_patterns()
        if not route.startswith("workbench/")
        and any(part in route for part in ("fdzdgknr", "documents", "search", "zhuanlan/<"))
    }

    assert item_routes == covered
