"""Convenience reply pages: suggestions without JavaScript, saving, answering, tokens."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.convenience import services
from gongkai.convenience.domain import Channel, State
from gongkai.convenience.models import ConvenienceReply, HotlineToken
from gongkai.convenience.tests import factories
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem

pytestmark = pytest.mark.django_db

QUESTION = "请问2021年预算公开的文件在哪里可以看到？"


@pytest.fixture
def handler(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> User:
    return staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE, username="handler")


@pytest.fixture
def documents(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> dict[str, InformationItem]:
    department = organ_tree["department"]
    drafter = staff_with_role(department, Role.DRAFTER)
    return {
        "public": factories.published(department, "测试市财政局关于做好2021年预算公开工作的通知"),
        "draft": factories.draft(department, drafter, "测试市财政局关于2021年预算公开工作的通知（草稿）"),
    }


def _form(**overrides: str) -> dict[str, object]:
    return {
        "channel": Channel.TELEPHONE,
        "question": QUESTION,
        "hotline_ticket": "",
        "application": "",
        "asked_on": timezone.localdate().isoformat(),
        "answer": "",
        **overrides,
    }


def test_the_find_button_shows_public_documents_to_tick_without_javascript(
    logged_in: Callable[[User], Client], handler: User, documents: dict[str, InformationItem]
) -> None:
    client = logged_in(handler)

    response = client.post(reverse("workbench:convenience_new"), {**_form(), "suggest": "1"})

    page = response.content.decode()
    assert response.status_code == 200
    assert f'name="linked_items" value="{documents["public"].pk}"' in page
    assert documents["draft"].title not in page
    assert 'aria-live="polite"' in page
    assert not ConvenienceReply.objects.exists()


def test_a_reply_is_saved_with_the_ticked_document(
    logged_in: Callable[[User], Client], handler: User, documents: dict[str, InformationItem]
) -> None:
    client = logged_in(handler)

    response = client.post(
        reverse("workbench:convenience_new"),
        {**_form(answer="已主动公开，见所附文件。"), "linked_items": [str(documents["public"].pk)]},
    )

    reply = ConvenienceReply.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workbench:convenience_detail", args=[reply.pk])
    assert list(reply.linked_items.all()) == [documents["public"]]
    assert reply.answered_by == handler
    detail = client.get(response["Location"]).content.decode()
    assert documents["public"].title in detail
    assert AuditEntry.objects.filter(action="convenience.recorded", object_id=str(reply.pk)).exists()


def test_errors_are_shown_at_their_fields_and_ticks_are_kept(
    logged_in: Callable[[User], Client], handler: User, documents: dict[str, InformationItem]
) -> None:
    client = logged_in(handler)

    response = client.post(
        reverse("workbench:convenience_new"),
        {**_form(channel=Channel.HOTLINE_12345), "linked_items": [str(documents["public"].pk)]},
    )

    form = response.context["form"]
    assert response.status_code == 400
    assert set(form.errors) == {"answer", "hotline_ticket"}
    page = response.content.decode()
    assert page.count('role="alert"') >= 2
    assert f'value="{documents["public"].pk}" checked' in page
    assert not ConvenienceReply.objects.exists()


def test_linking_a_draft_by_hand_is_refused_at_the_documents(
    logged_in: Callable[[User], Client], handler: User, documents: dict[str, InformationItem]
) -> None:
    client = logged_in(handler)

    response = client.post(
        reverse("workbench:convenience_new"), {**_form(answer="答复"), "linked_items": [str(documents["draft"].pk)]}
    )

    assert response.status_code == 400
    assert response.context["link_errors"]
    assert documents["draft"].title not in response.content.decode()
    assert not ConvenienceReply.objects.exists()


def test_the_suggestion_endpoint_returns_only_public_documents(
    logged_in: Callable[[User], Client], handler: User, documents: dict[str, InformationItem]
) -> None:
    client = logged_in(handler)

    found = client.get(reverse("workbench:convenience_suggest"), {"q": QUESTION}).json()

    assert [doc["id"] for doc in found["documents"]] == [documents["public"].pk]
    assert found["documents"][0]["url"] == reverse("portal:item", args=[documents["public"].pk])


def test_staff_without_the_role_are_refused(
    logged_in: Callable[[User], Client], organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    client = logged_in(staff_with_role(organ_tree["department"], Role.DRAFTER))

    assert client.get(reverse("workbench:convenience_new")).status_code == 403
    assert client.get(reverse("workbench:convenience_suggest"), {"q": QUESTION}).status_code == 403
    assert client.get(reverse("workbench:convenience_tokens")).status_code == 403


def test_pending_consultations_come_first_and_are_answered_on_their_page(
    logged_in: Callable[[User], Client],
    handler: User,
    organ_tree: dict[str, Organ],
    documents: dict[str, InformationItem],
) -> None:
    department = organ_tree["department"]
    services.record_reply(
        organ=department,
        acting_user=handler,
        channel=Channel.TELEPHONE,
        question="价格监测结果在哪里？",
        answer="按月公布。",
        asked_on=timezone.localdate(),
    )
    token, _clear = services.issue_token(organ=department, name="热线", acting_user=None)
    pending, _created = services.hotline_submit(token=token, ticket="GD-42", question=QUESTION)
    client = logged_in(handler)

    listing = client.get(reverse("workbench:convenience_list")).content.decode()
    assert listing.index("GD-42") < listing.index("价格监测结果在哪里？")

    detail = client.get(reverse("workbench:convenience_detail", args=[pending.pk])).content.decode()
    assert f'name="linked_items" value="{documents["public"].pk}"' in detail
    response = client.post(
        reverse("workbench:convenience_detail", args=[pending.pk]),
        {"answer": "见所附文件。", "linked_items": [str(documents["public"].pk)]},
    )

    pending.refresh_from_db()
    assert response.status_code == 302
    assert pending.state == State.ANSWERED
    assert list(pending.linked_items.all()) == [documents["public"]]


def test_another_organs_reply_is_not_found(
    logged_in: Callable[[User], Client], organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    outsider = staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE)
    reply = services.record_reply(
        organ=organ_tree["county"],
        acting_user=outsider,
        channel=Channel.TELEPHONE,
        question="问题",
        answer="答复",
        asked_on=timezone.localdate(),
    )
    client = logged_in(staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE))

    assert client.get(reverse("workbench:convenience_detail", args=[reply.pk])).status_code == 404


def test_a_token_is_shown_once_then_only_its_prefix_and_can_be_revoked(
    logged_in: Callable[[User], Client], handler: User
) -> None:
    client = logged_in(handler)

    issued = client.post(reverse("workbench:convenience_tokens"), {"name": "12345 工单系统"})

    clear = issued.context["clear_token"]
    token = HotlineToken.objects.get()
    assert issued.status_code == 200
    assert issued["Cache-Control"] == "no-store"
    assert clear in issued.content.decode()
    again = client.get(reverse("workbench:convenience_tokens")).content.decode()
    assert clear not in again
    assert token.prefix in again

    revoked = client.post(reverse("workbench:convenience_token_revoke", args=[token.pk]))

    token.refresh_from_db()
    assert revoked.status_code == 302
    assert not token.is_active
    assert services.authenticate(clear) is None


def test_the_nav_links_to_convenience_replies(logged_in: Callable[[User], Client], handler: User) -> None:
    page = logged_in(handler).get(reverse("workbench:convenience_list")).content.decode()

    assert f'href="{reverse("workbench:convenience_list")}" aria-current="page"' in page
