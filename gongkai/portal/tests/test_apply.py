"""Applying online without an account, and following the application with the query code."""

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.foi import services as foi_services
from gongkai.foi.domain import Move, State
from gongkai.foi.models import Application
from gongkai.foi.receipt import Channel
from gongkai.organs.models import Organ
from gongkai.workdays import services as workday_services

pytestmark = pytest.mark.django_db

FORM: dict[str, Any] = {
    "applicant_kind": "NATURAL_PERSON",
    "applicant_name": "李四",
    "id_type": "RESIDENT_ID",
    "id_number": "140902198001010016",
    "phone": "13800001234",
    "description": "2022年城区道路改造项目的批复文件",
    "delivery": "ELECTRONIC",
}


def test_an_online_application_is_registered_and_can_be_followed(client: Client, organ_tree: dict[str, Organ]) -> None:
    response = client.post(reverse("portal:apply"), {**FORM, "organ": organ_tree["department"].pk})

    page = response.content.decode()
    application = Application.objects.get()
    code = re.search(r'<dd class="code">([34679A-Z]{10})</dd>', page)
    assert application.state == State.AWAITING_CONFIRMATION
    assert application.tracking_number in page
    assert code is not None
    status = client.get(
        reverse("portal:application_status"),
        {"tracking_number": application.tracking_number, "query_code": code.group(1)},
    ).content.decode()
    assert "待确认收到" in status
    assert "140902198001010016" not in status
    assert "李四" not in status


def test_a_wrong_identity_number_is_shown_at_its_field(client: Client, organ_tree: dict[str, Organ]) -> None:
    response = client.post(
        reverse("portal:apply"), {**FORM, "organ": organ_tree["department"].pk, "id_number": "140902198001010017"}
    )

    assert "居民身份证号码无效" in response.context["form"].errors["id_number"][0]
    assert Application.objects.count() == 0


def test_a_wrong_query_code_reveals_nothing(client: Client, organ_tree: dict[str, Organ]) -> None:
    client.post(reverse("portal:apply"), {**FORM, "organ": organ_tree["department"].pk})
    application = Application.objects.get()

    page = client.get(
        reverse("portal:application_status"),
        {"tracking_number": application.tracking_number, "query_code": "AAAAAAAAAA"},
    ).content.decode()

    assert "没有与该申请编号和查询码相符的申请" in page
    assert application.organ.name not in page.split("<main")[1].split("</main>")[0]


def test_the_applicant_downloads_their_letters_but_not_the_consultation_letter(
    client: Client, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    workday_services.seed_from_package()
    handler = staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE)
    application, code = foi_services.register(
        organ=organ_tree["department"],
        acting_user=handler,
        channel=Channel.IN_PERSON,
        arrived_on=date(2023, 9, 22),
        **FORM,
    )
    application = foi_services.move(
        application=application,
        to=Move.REQUEST_CORRECTION,
        acting_user=handler,
        reason="请写明文号",
        on=date(2023, 9, 25),
    )
    application = foi_services.move(
        application=application, to=Move.RECEIVE_SUPPLEMENT, acting_user=handler, on=date(2023, 9, 26)
    )
    foi_services.move(
        application=application,
        to=Move.START_CONSULTATION,
        acting_user=handler,
        reason="涉及第三方商业信息",
        consulted_party="某公司",
        on=date(2023, 9, 27),
    )
    notice = application.letters.get(kind="CORRECTION")
    consultation = application.letters.get(kind="CONSULTATION")

    status = client.get(
        reverse("portal:application_status"), {"tracking_number": application.tracking_number, "query_code": code}
    )
    assert [letter.pk for letter in status.context["letters"]] == [notice.pk]
    secrets = {"tracking_number": application.tracking_number, "query_code": code, "fmt": "pdf"}
    download = client.post(reverse("portal:application_letter"), {**secrets, "letter": notice.pk})
    assert download.status_code == 200
    assert bytes(download.content) == bytes(notice.pdf or b"")
    assert "attachment" in download["Content-Disposition"]
    assert client.post(reverse("portal:application_letter"), {**secrets, "letter": consultation.pk}).status_code == 404
    wrong_code = {**secrets, "query_code": "AAAAAAAAAA", "letter": notice.pk}
    assert client.post(reverse("portal:application_letter"), wrong_code).status_code == 404


def test_the_online_form_takes_a_proof_of_identity(client: Client, organ_tree: dict[str, Organ]) -> None:
    scan = SimpleUploadedFile("身份证.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    client.post(reverse("portal:apply"), {**FORM, "organ": organ_tree["department"].pk, "identity_proof": scan})
    assert Application.objects.get().identity_proof.content_type == "application/pdf"

    fake = SimpleUploadedFile("身份证.pdf", b"not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("portal:apply"), {**FORM, "organ": organ_tree["department"].pk, "identity_proof": fake}
    )
    assert "PDF、JPEG或PNG" in response.context["form"].errors["identity_proof"][0]
    assert Application.objects.count() == 1
