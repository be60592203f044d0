import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import include, path, reverse
from openpyxl import load_workbook

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.api.api import api
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.models import ImportJob, InformationItem
from gongkai.workbench import import_views
from gongkai.workbench import urls as workbench_urls

# Until the lead adds the import routes to workbench/urls.py, these tests mount them beside the others.
_IMPORT_ROUTES = [
    path("imports/", import_views.import_list, name="import_list"),
    path("imports/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("imports/<int:pk>/errors.xlsx", import_views.import_errors, name="import_errors"),
]
_ROUTED = any(getattr(route, "name", None) == "import_list" for route in workbench_urls.urlpatterns)
urlpatterns = [
    path("api/v1/", api.urls),
    path(
        "workbench/",
        include(
            ([*workbench_urls.urlpatterns, *([] if _ROUTED else _IMPORT_ROUTES)], "workbench"), namespace="workbench"
        ),
    ),
    path("", include("gongkai.portal.urls")),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

CSV = (
    "标题,发文字号,发布日期,主题分类,信息类别,公开属性\n"
    "测试市财政局关于预算公开的通知,测财发〔2021〕1号,2021-03-05,财政、金融、审计\\财政,其他文件,主动公开\n"
    ",测财发〔2021〕2号,2021/3/6,财政、金融、审计\\财政,其他文件,主动公开\n"
    "测试市财政局关于决算公开的通知,测财发〔2021〕3号,2021年3月7日,财政、金融、审计\\财政,通知公告,主动公开\n"
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def importer(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> User:
    policy_services.ensure_topics()
    return staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE, username="importer")


def upload(client: Client, content: str = CSV, name: str = "导出.csv") -> Any:
    return client.post(
        reverse("workbench:import_list"), {"file": SimpleUploadedFile(name, content.encode("utf-8-sig"))}
    )


def test_an_upload_runs_and_the_detail_page_shows_the_counts(
    client: Client, importer: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client.force_login(importer)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workbench:import_detail", args=[job.pk])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "共 3 行，已处理 3 行：导入 1 行，已导入过 0 行，有错误 2 行。" in html
    assert "此列为必填项。" in html
    assert reverse("workbench:import_errors", args=[job.pk]) in html
    assert 'http-equiv="refresh"' not in html
    assert InformationItem.objects.count() == 1


def test_the_list_shows_the_organs_jobs_and_the_upload_form(client: Client, importer: User) -> None:
    client.force_login(importer)
    upload(client)  # queued only: the on-commit enqueue does not run inside the test transaction

    page = client.get(reverse("workbench:import_list"))

    html = page.content.decode()
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert "导出.csv" in html
    assert "排队中" in html


def test_a_running_job_refreshes_itself(client: Client, importer: User) -> None:
    client.force_login(importer)
    upload(client)
    job = ImportJob.objects.get()

    page = client.get(reverse("workbench:import_detail", args=[job.pk]))

    assert '<meta http-equiv="refresh" content="3">' in page.content.decode()
    assert page["Refresh"] == "3"


def test_the_error_report_downloads_as_a_workbook(
    client: Client, importer: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client.force_login(importer)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client)
    job = ImportJob.objects.get()

    response = client.get(reverse("workbench:import_errors", args=[job.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"%E5%AF%BC%E5%85%A5%E9%94%99%E8%AF%AF%E6%8A%A5%E5%91%8A-{job.pk}.xlsx" in response["Content-Disposition"]
    lines = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert [(line[0], line[1]) for line in lines[1:]] == [(3, "标题"), (4, "信息类别")]


def test_a_file_of_the_wrong_kind_is_refused_on_the_form(client: Client, importer: User) -> None:
    client.force_login(importer)

    response = upload(client, name="导出.txt")

    assert response.status_code == 400
    assert "请上传CSV、XLSX或JSON文件。" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_drafter_may_not_import(
    client: Client, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], importer: User
) -> None:
    drafter = staff_with_role(organ_tree["department"], Role.DRAFTER, username="drafter")
    client.force_login(importer)
    upload(client)
    job = ImportJob.objects.get()
    client.force_login(drafter)

    assert client.get(reverse("workbench:import_list")).status_code == 403
    assert upload(client).status_code == 403
    assert client.get(reverse("workbench:import_detail", args=[job.pk])).status_code == 403
    assert client.get(reverse("workbench:import_errors", args=[job.pk])).status_code == 403
    assert ImportJob.objects.count() == 1


def test_the_import_pages_ask_for_a_login(client: Client) -> None:
    response = client.get(reverse("workbench:import_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("workbench:login"))
