"""Browser tests: Debian's Chromium driven by Playwright against a live server listening on IPv6.

The portal must answer over IPv6 (the city plan's IPv6 item), so the live server binds ``::1`` only
and every page is opened at ``http://[::1]:port/``.
"""

import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.test.utils import modify_settings
from playwright.sync_api import Page

from gongkai.accounts.domain import Role
from gongkai.accounts.tests.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from gongkai.organs.domain import OrganKind
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.workdays import services as workday_services
from tests.browser.pages import PortalPage

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures in
# that same thread are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items or os.path.exists(CHROMIUM):
        return
    reason = f"Chromium not found at {CHROMIUM}: apt-get install chromium fonts-noto-cjk"
    if os.environ.get("CI"):
        # CI must run the browser tests, never skip them silently.
        raise pytest.UsageError(reason)
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage"],
    }


class IPv6LiveServerThread(LiveServerThread):
    def _create_server(self, connections_override: Any = None) -> ThreadedWSGIServer:
        return ThreadedWSGIServer(
            (self.host, self.port),
            QuietWSGIRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
            ipv6=True,
        )


class IPv6LiveServer:
    def __init__(self) -> None:
        overrides = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()  # type: ignore[attr-defined]
        }
        self.thread = IPv6LiveServerThread("::1", StaticFilesHandler, connections_override=overrides)
        self.thread.daemon = True
        # The shared in-memory connection stays shareable until the process ends: Chromium's
        # keep-alive requests may still be closing on server threads when the session finishes.
        for conn in overrides.values():
            conn.inc_thread_sharing()

    def start(self) -> None:
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error

    def stop(self) -> None:
        self.thread.terminate()

    @property
    def url(self) -> str:
        return f"http://[::1]:{self.thread.port}"


def _ipv6_loopback_available() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.fixture(scope="session")
def ipv6_live_server(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """One live server per test process on [::1], like pytest-django's own live_server."""
    if not _ipv6_loopback_available():
        pytest.fail("IPv6 loopback (::1) is not available on this machine; the portal must serve IPv6")
    with django_db_blocker.unblock():
        server = IPv6LiveServer()
        server.start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def ipv6_server(ipv6_live_server: str, transactional_db: None) -> Iterator[str]:
    """The live server's base URL, with the test database emptied after each test."""
    with modify_settings(ALLOWED_HOSTS={"append": "[::1]"}):
        yield ipv6_live_server


@pytest.fixture
def portal_data(transactional_db: None) -> Organ:
    """The city government with its contact data and a seeded calendar: what the public pages read."""
    workday_services.seed_from_package()
    return OrganFactory.create(
        name="忻州市人民政府",
        short_name="市政府",
        slug="xinzhou",
        kind=OrganKind.GOVERNMENT,
        office_address="忻州市忻府区和平街 1 号",
        phone="0350-0000000",
    )


@pytest.fixture
def staff_login(portal_data: Organ) -> tuple[str, str]:
    user = UserFactory.create(username="browser.office", full_name="浏览器测试员")
    MembershipFactory.create(user=user, organ=portal_data, role=Role.OPENNESS_OFFICE)
    return user.username, TEST_PASSWORD


@pytest.fixture
def portal(ipv6_server: str, portal_data: Organ, page: Page) -> PortalPage:
    """The portal in a browser tab. Requested after the server, so the tab closes before the server stops."""
    return PortalPage(page, ipv6_server)
