"""答复期限计算器: the same computation as the JSON API, shown with its day-by-day proof."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.workdays import services as workday_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar(db: None) -> None:
    workday_services.seed_from_package()


def test_the_page_and_the_api_give_the_same_due_date(client: Client, calendar: None) -> None:
    query = {"start": "2023-09-22", "workdays": "20"}

    page = client.get(reverse("portal:deadline"), query).content.decode()
    api = client.get(reverse("api:deadline"), query).json()

    assert api["due"] == "2023-10-26"
    assert "期限届满日：<strong>2023年10月26日（星期四）</strong>" in page
    assert f"日历版本 {api['calendar_version']}" in page


def test_a_link_with_only_a_start_date_counts_twenty_working_days(client: Client, calendar: None) -> None:
    page = client.get(reverse("portal:deadline"), {"start": "2023-09-22"}).content.decode()

    assert "起算日：2023年9月22日；工作日数：20" in page
    assert "2023年10月26日" in page


def test_the_api_link_repeats_the_readers_question(client: Client, calendar: None) -> None:
    page = client.get(reverse("portal:deadline"), {"start": "2024/2/8", "workdays": "5"}).content.decode()

    assert f'<a href="{reverse("api:deadline")}?start=2024-02-08&amp;workdays=5">' in page


def test_the_proof_is_a_table_with_a_caption_and_scoped_headers(client: Client, calendar: None) -> None:
    page = client.get(reverse("portal:deadline"), {"start": "2023-09-22", "workdays": "20"}).content.decode()
    table = page[page.index('<table class="proof">') : page.index("</table>")]
    rows = re.findall(r'<tr class="(counted|skipped)">', table)

    assert "<caption>逐日计算明细</caption>" in table
    assert table.count('<th scope="col">') == 4
    assert table.count('<th scope="row">') == len(rows)
    assert rows.count("counted") == 20
    assert "国庆节" in table
    assert "调休上班" in table


def test_the_empty_page_shows_the_form_with_twenty_days_and_no_errors(client: Client, calendar: None) -> None:
    response = client.get(reverse("portal:deadline"))
    page = response.content.decode()

    assert response.status_code == 200
    assert 'name="workdays" value="20"' in page
    assert 'class="error"' not in page
    assert 'class="result"' not in page


@pytest.mark.parametrize("start", ["9999-12-20", "1999-12-31", "2100-01-01"])
def test_a_date_outside_the_supported_years_is_refused_at_its_field(client: Client, calendar: None, start: str) -> None:
    response = client.get(reverse("portal:deadline"), {"start": start, "workdays": "400"})

    assert response.status_code == 200
    assert response.context["form"].errors["start"] == ["请输入 2000 年 1 月 1 日至 2099 年 12 月 31 日之间的日期。"]
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.parametrize("start", ["2000-01-01", "2099-12-31"])
def test_the_last_supported_days_still_count_four_hundred_working_days(
    client: Client, calendar: None, start: str
) -> None:
    response = client.get(reverse("portal:deadline"), {"start": start, "workdays": "400"})

    assert response.status_code == 200
    assert response.context["result"].workdays == 400
