"""The 12345 hotline endpoint: token authentication, filing, and collecting the answer."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.convenience import services
from gongkai.convenience.domain import State
from gongkai.convenience.models import ConvenienceReply, HotlineToken
from gongkai.convenience.tests import factories
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db

URL = "/api/v1/hotline/consultations"
CONSULTATION = {"ticket": "XZ12345-0001", "question": "请问2021年预算公开的文件在哪里可以看到？"}


@pytest.fixture
def token(organ_tree: dict[str, Organ]) -> str:
    _token, clear = services.issue_token(organ=organ_tree["department"], name="12345 工单系统", acting_user=None)
    return clear


def _bearer(clear: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {clear}"}


def _file(client: Client, clear: str, **body: object) -> dict[str, Any]:
    response = client.post(URL, {**CONSULTATION, **body}, content_type="application/json", headers=_bearer(clear))
    assert response.status_code == 201, response.content
    return response.json()


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer gkh_wrong", "Basic dXNlcjpwYXNz", "Token abc"])
def test_a_missing_or_wrong_token_gets_401_in_chinese(client: Client, token: str, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}

    filing = client.post(URL, CONSULTATION, content_type="application/json", headers=headers)
    reading = client.get(f"{URL}/1", headers=headers)

    assert filing.status_code == reading.status_code == 401
    assert "令牌" in filing.json()["detail"]
    assert not ConvenienceReply.objects.exists()


def test_a_revoked_token_gets_401(client: Client, token: str) -> None:
    services.revoke_token(token=HotlineToken.objects.get(), acting_user=None)

    response = client.post(URL, CONSULTATION, content_type="application/json", headers=_bearer(token))

    assert response.status_code == 401
    assert not ConvenienceReply.objects.exists()


def test_a_consultation_is_filed_answered_and_collected(
    client: Client, token: str, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    department = organ_tree["department"]
    document = factories.published(department, "测试市财政局关于做好2021年预算公开工作的通知")
    hidden = factories.withdrawn(department, staff_with_role(department, Role.OPENNESS_OFFICE), "已撤回的文件")

    created = _file(client, token, contact="13800001234", caller="王五")

    assert created["state"] == State.PENDING
    waiting = client.get(f"{URL}/{created['id']}", headers=_bearer(token)).json()
    assert (waiting["state"], waiting["answer"], waiting["answered_on"], waiting["documents"]) == (
        "PENDING",
        "",
        None,
        [],
    )
    reply = ConvenienceReply.objects.get(pk=created["id"])
    assert reply.organ == department
    assert "13800001234" not in str(reply.snapshot())

    services.answer(
        reply=reply,
        acting_user=staff_with_role(department, Role.OPENNESS_OFFICE),
        text="请查阅所附文件。",
        item_ids=[document.pk],
    )
    reply.linked_items.add(hidden)  # withdrawn after linking: it must not be handed out
    answered = client.get(f"{URL}/{created['id']}", headers=_bearer(token)).json()

    assert answered["state"] == "ANSWERED"
    assert answered["answer"] == "请查阅所附文件。"
    assert answered["answered_on"] == timezone.localdate().isoformat()
    assert answered["documents"] == [
        {
            "title": document.title,
            "index_number": document.index_number,
            "url": f"http://testserver/xxgk/fdzdgknr/{document.pk}/",
        }
    ]


def test_a_resent_ticket_returns_the_same_consultation(client: Client, token: str) -> None:
    first = _file(client, token)

    again = client.post(URL, CONSULTATION, content_type="application/json", headers=_bearer(token))

    assert again.status_code == 200
    assert again.json() == first
    assert ConvenienceReply.objects.count() == 1


def test_field_errors_are_422_keyed_by_the_api_field(client: Client, token: str) -> None:
    response = client.post(
        URL, {"ticket": "", "question": " "}, content_type="application/json", headers=_bearer(token)
    )

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"ticket", "question"}


def test_another_organs_consultation_is_404(client: Client, token: str, organ_tree: dict[str, Organ]) -> None:
    _other, other_clear = services.issue_token(organ=organ_tree["county"], name="县热线", acting_user=None)
    theirs = _file(client, other_clear)

    response = client.get(f"{URL}/{theirs['id']}", headers=_bearer(token))

    assert response.status_code == 404
    assert response.json()["detail"] == "没有找到该咨询。"
    assert client.get(f"{URL}/{theirs['id']}", headers=_bearer(other_clear)).status_code == 200


def test_the_openapi_document_lists_the_endpoints_with_bearer_security(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()

    assert {f"{URL}", f"{URL}/{{consultation_id}}"} <= set(document["paths"])
    schemes = document["components"]["securitySchemes"]
    assert any(scheme == {"type": "http", "scheme": "bearer"} for scheme in schemes.values())
    assert document["paths"][URL]["post"]["security"]
