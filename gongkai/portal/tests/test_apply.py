"""Applying online without an account, and following the application with the query code."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.foi.domain import State
from gongkai.foi.models import Application
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db

FORM = {
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
