"""The shell every public page shares: landmarks, navigation, footer and display preferences."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from gongkai.organs.models import Organ
from gongkai.portal.middleware import DISPLAY_COOKIE

pytestmark = pytest.mark.django_db

FOCUSABLE = re.compile(r"<(a|button|select|textarea)\b[^>]*>|<input\b(?![^>]*type=\"hidden\")[^>]*>")


def _main_navigation(page: str) -> str:
    start = page.index('<nav class="site-nav"')
    return page[start : page.index("</nav>", start)]


def test_the_skip_link_to_the_content_is_the_first_thing_a_keyboard_reaches(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    page = client.get(reverse("portal:guide")).content.decode()
    body = page[page.index("<body") :]

    first = FOCUSABLE.search(body)

    assert first is not None
    assert first.group(0) == '<a class="skip-link" href="#main">'
    assert '<main id="main"' in body


def test_the_header_shows_an_inline_emblem_hidden_from_screen_readers_beside_the_site_name(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    page = client.get(reverse("portal:home")).content.decode()
    brand = page[page.index('<a class="site-brand"') : page.index("</a>", page.index('<a class="site-brand"'))]

    assert '<svg class="site-brand__emblem" aria-hidden="true" focusable="false"' in brand
    assert f'<span class="site-brand__name">{settings.GONGKAI_SITE_NAME}</span>' in brand
    assert "<img" not in brand


def test_the_navigation_marks_only_the_page_being_read(client: Client, organ_tree: dict[str, Organ]) -> None:
    navigation = _main_navigation(client.get(reverse("portal:annual_reports")).content.decode())

    assert re.findall(r'<a href="([^"]+)" aria-current="page">', navigation) == [reverse("portal:annual_reports")]


def test_breadcrumbs_are_a_labelled_navigation_that_ends_at_the_current_page(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    page = client.get(reverse("portal:rules")).content.decode()
    trail = page[page.index('aria-label="面包屑"') : page.index("</nav>", page.index('aria-label="面包屑"'))]

    assert re.findall(r'<a href="([^"]+)">', trail) == [reverse("portal:home"), reverse("portal:openness")]
    assert '<span aria-current="page">政府信息公开制度</span>' in trail


@pytest.mark.parametrize("name", ["portal:rules", "portal:annual_reports"])
def test_a_column_without_content_says_so(client: Client, organ_tree: dict[str, Organ], name: str) -> None:
    page = client.get(reverse(name)).content.decode()

    assert '<p class="empty">本栏目暂无信息。</p>' in page


def test_the_footer_names_the_host_organ_its_contact_and_the_site_records(
    client: Client, organ_tree: dict[str, Organ]
) -> None:
    city = organ_tree["city"]
    page = client.get(reverse("portal:home")).content.decode()
    footer = page[page.index('<footer class="site-footer">') :]

    assert f"主办单位：{city.name}" in footer
    assert city.office_address in footer
    assert city.phone in footer
    assert f'href="mailto:{city.email}"' in footer
    assert f"网站标识码：{settings.GONGKAI_SITE_CODE}" in footer
    assert settings.GONGKAI_ICP in footer
    assert settings.GONGKAI_PUBLIC_SECURITY_RECORD in footer


def test_the_footer_leaves_out_the_host_until_an_organ_exists(client: Client) -> None:
    response = client.get(reverse("portal:home"))
    footer = response.content.decode()[response.content.decode().index('<footer class="site-footer">') :]

    assert response.status_code == 200
    assert "主办单位" not in footer
    assert f"网站标识码：{settings.GONGKAI_SITE_CODE}" in footer


def test_large_text_and_high_contrast_combine_and_show_as_pressed(client: Client, organ_tree: dict[str, Organ]) -> None:
    client.post(reverse("portal:display"), {"toggle": "large-text", "next": "/"})
    client.post(reverse("portal:display"), {"toggle": "high-contrast", "next": "/"})

    page = client.get(reverse("portal:home")).content.decode()

    assert client.cookies[DISPLAY_COOKIE].value == "high-contrast,large-text"
    assert '<html lang="zh-CN" class="high-contrast large-text">' in page
    assert '<button type="submit" name="toggle" value="large-text" aria-pressed="true">大字版</button>' in page
    assert '<button type="submit" name="toggle" value="high-contrast" aria-pressed="true">高对比度</button>' in page


def test_the_display_form_posts_back_to_the_page_it_was_on(client: Client, organ_tree: dict[str, Organ]) -> None:
    page = client.get(reverse("portal:deadline"), {"start": "2023-09-22"}).content.decode()

    assert f'<form class="display-tools" method="post" action="{reverse("portal:display")}">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<input type="hidden" name="next" value="/tools/deadline/?start=2023-09-22">' in page


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/xxgk/", "javascript:alert(1)"])
def test_a_return_address_off_this_site_is_replaced_by_the_home_page(client: Client, target: str) -> None:
    response = client.post(reverse("portal:display"), {"toggle": "large-text", "next": target})

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    assert client.cookies[DISPLAY_COOKIE].value == "large-text"


def test_display_preferences_need_the_csrf_token_and_a_post(organ_tree: dict[str, Organ]) -> None:
    guarded = Client(enforce_csrf_checks=True)

    assert guarded.post(reverse("portal:display"), {"toggle": "large-text"}).status_code == 403
    assert guarded.get(reverse("portal:display")).status_code == 405
    assert DISPLAY_COOKIE not in guarded.cookies


def test_an_unknown_preference_in_the_cookie_adds_no_class(client: Client, organ_tree: dict[str, Organ]) -> None:
    client.cookies[DISPLAY_COOKIE] = 'large-text,"><script>'

    page = client.get(reverse("portal:home")).content.decode()

    assert '<html lang="zh-CN" class="large-text">' in page


def test_the_stylesheet_is_local_and_sets_chinese_typography() -> None:
    path = finders.find("portal/portal.css")
    assert path is not None
    with open(path, encoding="utf-8") as stylesheet:
        css = stylesheet.read()

    assert '"PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"' in css
    assert "line-height: 1.75" in css
    assert "em, i { font-style: normal;" in css
    assert ":focus-visible" in css
    assert "@media (max-width: 40rem)" in css
    for remote in ("@import", "@font-face", "url(http", "url(//"):
        assert remote not in css
