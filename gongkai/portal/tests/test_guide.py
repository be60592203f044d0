"""政府信息公开指南 generated from organ data (条例第十二条)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory

pytestmark = pytest.mark.django_db


def _definition(page: str, term: str) -> str:
    match = re.search(rf"<dt>{term}</dt><dd>(.*?)</dd>", page)
    assert match is not None, term
    return match.group(1)


def test_the_guide_opens_on_the_root_organ(client: Client, organ_tree: dict[str, Organ]) -> None:
    page = client.get(reverse("portal:guide")).content.decode()

    assert "测试市人民政府政府信息公开指南" in page
    assert '<option value="city" selected>测试市人民政府</option>' in page


def test_the_picker_lists_active_organs_by_level_in_official_order(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    OrganFactory.create(name="测试市已撤销局", slug="closed", is_active=False)
    organ_tree["department"].sort_order = 1
    organ_tree["department"].save()

    page = client.get(reverse("portal:guide")).content.decode()
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', page, re.S)

    assert [label for label, _ in groups] == ["市级", "县级"]
    assert re.findall(r'<option value="([^"]+)"', groups[0][1]) == ["city-finance", "city"]
    assert re.findall(r'<option value="([^"]+)"', groups[1][1]) == ["county", "county-education"]
    assert "closed" not in page


def test_the_guide_shows_set_up_with_links_to_the_parent_and_subordinate_guides(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    county = client.get(reverse("portal:guide_organ", args=["county"])).content.decode()

    assert _definition(county, "层级") == "县级"
    assert (
        _definition(county, "上级机关")
        == f'<a href="{reverse("portal:guide_organ", args=["city"])}">测试市人民政府</a>'
    )
    assert _definition(county, "下设机构") == (
        f'<a href="{reverse("portal:guide_organ", args=["county-education"])}">测试县教育局</a>'
    )


def test_blank_organ_fields_read_none_instead_of_staying_empty(client: Client) -> None:
    OrganFactory.create(slug="bare", postcode="", fax="", website="", functions="")

    page = client.get(reverse("portal:guide_organ", args=["bare"])).content.decode()

    for term in ("邮政编码", "传真", "网站", "上级机关", "下设机构", "主要职能"):
        assert _definition(page, term) == "暂无"


def test_functions_keep_their_line_breaks_and_are_escaped(client: Client) -> None:
    OrganFactory.create(slug="edu", functions="负责全市教育工作。\n<b>统筹</b>学前教育。")

    page = client.get(reverse("portal:guide_organ", args=["edu"])).content.decode()

    assert _definition(page, "主要职能") == "负责全市教育工作。<br>&lt;b&gt;统筹&lt;/b&gt;学前教育。"


def test_only_a_web_address_becomes_a_link(client: Client) -> None:
    OrganFactory.create(slug="web", website="https://jyj.example.gov.cn/")
    Organ.objects.filter(slug="web").update(email="")
    OrganFactory.create(slug="odd", website="javascript:alert(1)")

    web = client.get(reverse("portal:guide_organ", args=["web"])).content.decode()
    odd = client.get(reverse("portal:guide_organ", args=["odd"])).content.decode()

    assert _definition(web, "网站") == '<a href="https://jyj.example.gov.cn/">https://jyj.example.gov.cn/</a>'
    assert _definition(web, "电子邮箱") == "暂无"
    assert _definition(odd, "网站") == "javascript:alert(1)"


def test_the_guide_of_another_organ_keeps_the_guide_title_and_breadcrumbs(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    page = client.get(reverse("portal:guide_organ", args=["city-finance"])).content.decode()

    assert "<title>政府信息公开指南 - " in page
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", page) == ["政府信息公开指南"]
    assert "测试市财政局政府信息公开指南" in page
    assert '<span aria-current="page">政府信息公开指南</span>' in page


def test_the_guide_says_so_when_no_organ_is_set_up(client: Client) -> None:
    response = client.get(reverse("portal:guide"))

    assert response.status_code == 200
    assert '<p class="empty">尚未设置机关（单位）。</p>' in response.content.decode()


@pytest.mark.parametrize("chosen", ["nowhere", "a b", "../admin", "测试"])
def test_a_picked_organ_that_does_not_exist_is_not_found(
    client: Client, organ_tree: dict[str, Organ], chosen: str
) -> None:
    assert client.get(reverse("portal:guide"), {"organ": chosen}).status_code == 404
