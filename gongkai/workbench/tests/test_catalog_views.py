"""Standard catalogs in the workbench: import and export, adoption, links on the item page, the
compliance report and a spot check from check to closure."""

# The catalog fixtures are imported by name so pytest finds them here; test parameters take those names.
# ruff: noqa: F811

import io
from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.accounts.models import User
from gongkai.catalogs import sheet
from gongkai.catalogs.models import AdoptedRow, Catalog, CatalogRow, ItemLink, SpotCheck
from gongkai.catalogs.tests.conftest import (  # noqa: F401 - fixtures shared with the catalogs tests
    ROWS,
    adopted,
    calendar_seeded,
    catalog,
    known_gaps,
    make_item,
    people,
    rows,
    topic,
)
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_office_imports_a_catalog_and_downloads_it_again(
    people: dict[str, User], logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(people["city_office"])
    upload = SimpleUploadedFile("目录.xlsx", sheet.write("义务教育", ROWS), content_type=XLSX)
    response = client.post(
        reverse("workbench:catalog_import"), {"domain": "义务教育", "level": "县级", "workbook": upload}
    )
    catalog = Catalog.objects.get()
    assert response["Location"] == reverse("workbench:catalog_detail", args=[catalog.pk])

    page = client.get(response["Location"]).content.decode()
    assert "学区划分" in page
    download = client.get(reverse("workbench:catalog_export", args=[catalog.pk]))
    assert [row.data for row in sheet.read(download.content)] == ROWS


def test_a_bad_file_is_refused_with_the_row_and_column(
    people: dict[str, User], logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(people["city_office"])
    bad = sheet.write("目录", [ROWS[0], ROWS[0]])
    response = client.post(
        reverse("workbench:catalog_import"),
        {"domain": "义务教育", "level": "县级", "workbook": SimpleUploadedFile("目录.xlsx", bad, content_type=XLSX)},
    )
    assert response.status_code == 400
    assert "第4行「二级事项」：与第3行的一级事项、二级事项重复" in response.content.decode()
    assert not Catalog.objects.exists()


def test_the_department_adopts_rows_and_links_an_item_from_its_page(
    organ_tree: dict[str, Organ],
    people: dict[str, User],
    catalog: Catalog,
    rows: dict[str, CatalogRow],
    make_item: Callable[..., InformationItem],
    logged_in: Callable[[User], Client],
) -> None:
    client = logged_in(people["office"])
    chosen = [rows["义务教育招生入学政策"].pk, rows["学区划分"].pk]
    client.post(reverse("workbench:catalog_adopt", args=[catalog.pk]), {"rows": chosen, "effective_from": "2021-01-01"})
    assert sorted(
        AdoptedRow.objects.filter(organ=organ_tree["county_department"]).values_list("row_id", flat=True)
    ) == sorted(chosen)

    item = make_item("测试县教育局关于公布2021年学区划分的公告", date(2021, 4, 1), date(2021, 4, 2))
    page = client.get(reverse("workbench:item_detail", args=[item.pk])).content.decode()
    assert 'id="catalog-heading"' in page
    assert f'name="row" value="{rows["学区划分"].pk}"' in page  # suggested first

    client.post(reverse("workbench:catalog_link", args=[item.pk]), {"row": rows["学区划分"].pk})
    assert ItemLink.objects.filter(item=item, row=rows["学区划分"]).exists()
    client.post(reverse("workbench:catalog_unlink", args=[item.pk, rows["学区划分"].pk]), {"reason": "关联错误"})
    assert not ItemLink.objects.filter(item=item).exists()

    refused = logged_in(people["drafter"]).post(
        reverse("workbench:catalog_link", args=[item.pk]), {"row": rows["学区划分"].pk}
    )
    assert refused.status_code == 403


@time_machine.travel(date(2021, 12, 31), tick=False)
def test_the_compliance_report_shows_the_gaps_and_downloads_as_xlsx(
    people: dict[str, User], known_gaps: dict[str, InformationItem], logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(people["office"])
    page = client.get(reverse("workbench:catalog_compliance")).content.decode()
    assert "超期公开" in page
    assert "未公开" in page
    assert f'href="/xxgk/fdzdgknr/{known_gaps["on_time"].pk}/"' in page

    download = client.get(reverse("workbench:catalog_compliance_file"))
    sheet_rows = list(load_workbook(io.BytesIO(download.content)).active.iter_rows(min_row=3, values_only=True))  # type: ignore[union-attr]
    assert sorted(line[6] for line in sheet_rows) == ["公开时限需人工设定", "未公开", "超期公开"]


@time_machine.travel(date(2022, 1, 10), tick=False)
def test_an_assessor_checks_issues_a_notice_and_closes_after_rectification(
    organ_tree: dict[str, Organ],
    people: dict[str, User],
    known_gaps: dict[str, InformationItem],
    client: Client,
) -> None:
    client.force_login(people["assessor"])
    department = organ_tree["county_department"]
    response = client.post(reverse("workbench:catalog_check_start"), {"organ": department.pk, "remarks": "年中抽查"})
    check = SpotCheck.objects.get()
    assert response["Location"] == reverse("workbench:catalog_check", args=[check.pk])
    client.post(reverse("workbench:catalog_check_notice", args=[check.pk]), {"workdays": "10"})
    check.refresh_from_db()
    assert check.state == SpotCheck.State.NOTIFIED
    assert client.get(reverse("workbench:catalog_check_file", args=[check.pk, "pdf"])).content.startswith(b"%PDF")

    client.force_login(people["office"])
    due = client.get(reverse("workbench:home")).context["due_items"]
    rectify = [entry for entry in due if check.notice_number in entry.label]
    assert [(entry.url, entry.due_on) for entry in rectify] == [
        (reverse("workbench:catalog_check", args=[check.pk]), check.rectify_by)
    ]
    page = client.get(reverse("workbench:catalog_check", args=[check.pk])).content.decode()
    assert "学区划分" in page
    client.post(reverse("workbench:catalog_check_rectify", args=[check.pk]), {"report": "已补充公开"})
    due = client.get(reverse("workbench:home")).context["due_items"]
    assert not [entry for entry in due if check.notice_number in entry.label]

    client.force_login(people["assessor"])
    client.post(reverse("workbench:catalog_check_close", args=[check.pk]), {"reason": "整改到位"})
    check.refresh_from_db()
    assert check.state == SpotCheck.State.CLOSED
