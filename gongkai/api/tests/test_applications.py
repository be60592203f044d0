import base64
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.foi import services as foi_services
from gongkai.foi.domain import Move
from gongkai.foi.models import Application
from gongkai.organs.models import Organ
from gongkai.workdays import services as workday_services

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "applicant_kind": "NATURAL_PERSON",
    "applicant_name": "李四",
    "id_type": "RESIDENT_ID",
    "id_number": "140902198001010016",
    "phone": "13800001234",
    "description": "城区道路改造项目的批复文件",
    "delivery": "ELECTRONIC",
}


@pytest.fixture(autouse=True)
def _fresh_throttle() -> None:
    cache.clear()


def test_an_application_is_submitted_and_followed_with_its_query_code(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    response = client.post(
        "/api/v1/applications", {**PAYLOAD, "organ": organ_tree["department"].slug}, content_type="application/json"
    )

    receipt = response.json()
    assert response.status_code == 201
    assert receipt["state"] == "AWAITING_CONFIRMATION"
    status = client.get(f"/api/v1/applications/{receipt['tracking_number']}", {"query_code": receipt["query_code"]})
    assert status.status_code == 200
    assert status.json()["organ"] == organ_tree["department"].name
    assert "李四" not in status.content.decode()
    assert (
        client.get(f"/api/v1/applications/{receipt['tracking_number']}", {"query_code": "AAAAAAAAAA"}).status_code
        == 404
    )


def test_the_same_checks_as_the_form_give_field_errors(client: Client, organ_tree: dict[str, Organ]) -> None:
    response = client.post(
        "/api/v1/applications",
        {**PAYLOAD, "organ": organ_tree["department"].slug, "id_number": "140902198001010017"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert "居民身份证号码无效" in response.json()["errors"]["id_number"][0]


def test_submissions_are_rate_limited(client: Client, organ_tree: dict[str, Organ]) -> None:
    codes = [
        client.post(
            "/api/v1/applications", {**PAYLOAD, "organ": organ_tree["department"].slug}, content_type="application/json"
        ).status_code
        for _ in range(11)
    ]

    assert codes[:10] == [201] * 10
    assert codes[10] == 429


def test_the_openapi_document_lists_the_endpoints(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert "/api/v1/applications" in paths
    assert "/api/v1/applications/{tracking_number}" in paths


def test_the_status_lists_the_applicants_letters_and_no_personal_data(
    client: Client, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    workday_services.seed_from_package()
    handler = staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE)
    receipt = client.post(
        "/api/v1/applications", {**PAYLOAD, "organ": organ_tree["department"].slug}, content_type="application/json"
    ).json()
    application = Application.objects.get(tracking_number=receipt["tracking_number"])
    application = foi_services.move(application=application, to=Move.CONFIRM_RECEIPT, acting_user=handler)
    foi_services.move(application=application, to=Move.REQUEST_CORRECTION, acting_user=handler, reason="请写明文号")

    status = client.get(f"/api/v1/applications/{receipt['tracking_number']}", {"query_code": receipt["query_code"]})

    letters = status.json()["letters"]
    notice = application.letters.get()
    assert notice.issued_on is not None
    assert letters == [
        {
            "kind": "CORRECTION",
            "number": notice.number,
            "issued_on": notice.issued_on.isoformat(),
            "pdf_sha256": notice.pdf_sha256,
        }
    ]
    for personal in ("李四", PAYLOAD["id_number"], PAYLOAD["phone"]):
        assert personal not in status.content.decode()


def test_a_proof_of_identity_comes_base64_encoded_and_is_checked(client: Client, organ_tree: dict[str, Organ]) -> None:
    payload = {**PAYLOAD, "organ": organ_tree["department"].slug, "identity_proof_name": "id.pdf"}
    bad = client.post(
        "/api/v1/applications",
        {**payload, "identity_proof_base64": base64.b64encode(b"text").decode()},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert "identity_proof_base64" in bad.json()["errors"]
    good = client.post(
        "/api/v1/applications",
        {**payload, "identity_proof_base64": base64.b64encode(b"%PDF-1.4\n%id\n").decode()},
        content_type="application/json",
    )
    assert good.status_code == 201
    assert Application.objects.get().identity_proof.content_type == "application/pdf"
