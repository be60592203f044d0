import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.portal.middleware import DISPLAY_COOKIE
from gongkai.workdays import services as workday_services

pytestmark = pytest.mark.django_db

PAGES = [
    ("portal:home", "忻州市人民政府"),
    ("portal:openness", "政府信息公开"),
    ("portal:guide", "政府信息公开指南"),
    ("portal:rules", "政府信息公开制度"),
    ("portal:statutory", "法定主动公开内容"),
    ("portal:annual_reports", "政府信息公开年报"),
    ("portal:deadline", "答复期限计算器"),
]


@pytest.mark.parametrize(("name", "heading"), PAGES)
def test_every_page_has_one_chinese_heading_and_a_unique_title(
    client: Client, organ_tree: dict[str, Organ], name: str, heading: str
) -> None:
    response = client.get(reverse(name))
    page = response.content.decode()

    assert response.status_code == 200
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", page) == [heading]
    assert re.search(r"<title>(.*?)</title>", page).group(1).startswith(heading)  # type: ignore[union-attr]
    assert '<html lang="zh-CN"' in page
    assert '<main id="main"' in page


def test_the_navigation_carries_the_four_standard_sub_columns(client: Client, organ_tree: dict[str, Organ]) -> None:
    page = client.get(reverse("portal:home")).content.decode()
    navigation = page[page.index('aria-label="主导航"') :]

    for title in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"):
        assert title in navigation


def test_every_asset_is_local(client: Client, organ_tree: dict[str, Organ]) -> None:
    page = client.get(reverse("portal:home")).content.decode()

    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert "<script" not in page


def test_the_guide_shows_the_organs_contact_data_and_says_when_a_field_is_blank(client: Client) -> None:
    organ = OrganFactory.create(name="测试市教育局", slug="edu", phone="0350-1234567", fax="", functions="")

    page = client.get(reverse("portal:guide_organ", args=["edu"])).content.decode()

    assert "测试市教育局政府信息公开指南" in page
    assert "0350-1234567" in page
    assert organ.office_address in page
    assert page.count("暂无") >= 2


def test_the_guide_picker_leads_to_the_chosen_organ(client: Client, organ_tree: dict[str, Organ]) -> None:
    response = client.get(reverse("portal:guide"), {"organ": "county-education"})

    assert response["Location"] == reverse("portal:guide_organ", args=["county-education"])


def test_an_unknown_or_inactive_organ_is_not_found(client: Client) -> None:
    OrganFactory.create(slug="closed", is_active=False)

    assert client.get(reverse("portal:guide_organ", args=["nowhere"])).status_code == 404
    assert client.get(reverse("portal:guide_organ", args=["closed"])).status_code == 404


def test_large_text_is_turned_on_and_off_by_a_form_post(client: Client, organ_tree: dict[str, Organ]) -> None:
    on = client.post(reverse("portal:display"), {"toggle": "large-text", "next": "/xxgk/"})

    assert on["Location"] == "/xxgk/"
    assert client.cookies[DISPLAY_COOKIE].value == "large-text"
    assert 'class="large-text"' in client.get("/xxgk/").content.decode()

    client.post(reverse("portal:display"), {"toggle": "large-text", "next": "/xxgk/"})
    assert client.cookies[DISPLAY_COOKIE].value == ""


def test_an_off_site_return_address_is_refused(client: Client) -> None:
    response = client.post(reverse("portal:display"), {"toggle": "high-contrast", "next": "https://evil.example/"})

    assert response["Location"] == reverse("portal:home")


def test_the_calculator_gives_the_due_date_and_its_proof(client: Client) -> None:
    workday_services.seed_from_package()

    page = client.get(reverse("portal:deadline"), {"start": "2023年9月22日", "workdays": "20"}).content.decode()

    assert "2023年10月26日" in page
    assert "逐日计算明细" in page
    assert "调休上班" in page
    assert "暂定结果" not in page


def test_the_calculator_marks_a_year_without_an_arrangement_as_provisional(client: Client) -> None:
    workday_services.seed_from_package()

    page = client.get(reverse("portal:deadline"), {"start": "2030-03-01", "workdays": "20"}).content.decode()

    assert "暂定结果：2030 年的节假日安排尚未确认" in page


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"start": "2023-02-30", "workdays": "20"}, "start", "请输入真实存在的日期"),
        ({"start": "", "workdays": "20"}, "start", "请输入起算日"),
        ({"start": "2023-09-22", "workdays": "-3"}, "workdays", "工作日数不能为负数"),
        ({"start": "2023-09-22", "workdays": "500"}, "workdays", "最多可计算 400 个工作日"),
        ({"start": "2023-09-22", "workdays": "二十"}, "workdays", "工作日数应为整数"),
    ],
)
def test_bad_input_is_shown_at_its_field(client: Client, query: dict[str, str], field: str, message: str) -> None:
    response = client.get(reverse("portal:deadline"), query)

    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert f'id="id_{field}_error"' in response.content.decode()
