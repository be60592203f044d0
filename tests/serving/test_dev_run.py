"""The README's first command serves the demo platform on both IPv4 and IPv6 loopback.

This runs ``./dev run`` itself, on a fresh data directory, the way a new user does.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 180


def _free_dual_stack_port() -> int:
    for _ in range(20):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as v4:
            v4.bind(("127.0.0.1", 0))
            port = int(v4.getsockname()[1])
            try:
                with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as v6:
                    v6.bind(("::1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no port free on both 127.0.0.1 and ::1")


def _fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback URL built above
        return response.status, response.read().decode("utf-8")


@pytest.fixture(scope="module")
def running_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    var_dir = tmp_path_factory.mktemp("var")
    port = _free_dual_stack_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_DEBUG", "DJANGO_SECRET_KEY"}
    }
    env.update(GONGKAI_VAR_DIR=str(var_dir), GONGKAI_PORT=str(port), GONGKAI_WORKERS="1")
    log = (var_dir / "dev-run.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - the project's own script
        [str(REPO / "dev"), "run"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                _fetch(f"http://127.0.0.1:{port}/")
                _fetch(f"http://[::1]:{port}/")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("./dev run did not start:\n" + (var_dir / "dev-run.log").read_text()[-4000:])
                time.sleep(0.5)
        yield port, var_dir
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]"])
def test_the_portal_answers_on_both_address_families(running_platform: tuple[int, Path], host: str) -> None:
    port, _ = running_platform

    status, body = _fetch(f"http://{host}:{port}/")

    assert status == 200
    assert "忻州市人民政府" in body


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]"])
def test_the_guide_lists_the_demo_organs(running_platform: tuple[int, Path], host: str) -> None:
    port, _ = running_platform

    status, body = _fetch(f"http://{host}:{port}/xxgk/zhinan/")

    assert status == 200
    assert "忻州市发展和改革委员会" in body
    assert "五台山风景名胜区管理委员会" in body


def test_the_start_up_prints_the_urls_and_demo_logins(running_platform: tuple[int, Path]) -> None:
    port, var_dir = running_platform

    printed = (var_dir / "dev-run.log").read_text()

    assert f"http://127.0.0.1:{port}/" in printed
    assert f"http://[::1]:{port}/" in printed
    assert "Gongkai-Demo-2026" in printed
    assert "fgw.drafter" in printed


def test_the_api_answers_with_the_openapi_document(running_platform: tuple[int, Path]) -> None:
    port, _ = running_platform

    status, body = _fetch(f"http://[::1]:{port}/api/v1/openapi.json")

    assert status == 200
    assert "/api/v1/calendar/deadline" in body
