"""The 年报 column, a report's page in the template's layout, its files, and the API."""

from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.reports import services, spreadsheet, template
from gongkai.reports.models import AnnualReport
from gongkai.reports.template import ReportFormat
from gongkai.reports.tests.test_validation import huaian_tables

pytestmark = pytest.mark.django_db


class _Tables(HTMLParser):
    """Header labels and value cells of each table, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, list[Any]]] = {}
        self._current: str | None = None
        self._cell: str | None = None
        self._spans: tuple[int, int] = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        table_id = found.get("id")
        if tag == "table" and table_id:
            self._current = table_id
            self.tables[table_id] = {"th": [], "td": []}
        elif tag in ("th", "td") and self._current:
            self._cell, self._spans = tag, (int(found.get("colspan") or 1), int(found.get("rowspan") or 1))
            self.tables[self._current][tag].append(["", *self._spans])

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._current = None
        elif tag in ("th", "td"):
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._current and self._cell:
            self.tables[self._current][self._cell][-1][0] += data.strip()


@pytest.fixture
def published(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], huaian_2024: tuple[dict[str, Any], str]
) -> AnnualReport:
    office = staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE)
    report = services.import_past(
        organ=organ_tree["department"],
        year=2024,
        report_format=ReportFormat.F2021,
        workbook=spreadsheet.write(huaian_tables(huaian_2024[0]), title="淮安"),
        overview="2024年总体情况。",
        acting_user=office,
    )
    return services.publish(report=report, acting_user=office)


def test_the_report_page_reproduces_the_templates_table_b_label_for_label(
    client: Client, published: AnnualReport
) -> None:
    column = client.get(reverse("portal:annual_reports")).content.decode()
    url = reverse("portal:annual_report", args=[published.organ.slug, 2024])
    assert url in column
    assert "2024年" in column
    parser = _Tables()
    parser.feed(client.get(url).content.decode())
    table_b = parser.tables["table-2"]
    labels = [label for label, *_spans in table_b["th"]]
    expected = [template.CORNER_NOTE, "申请人情况", "自然人", "法人或其他组织", "总计", *template.LEGAL_PERSON_COLUMNS]
    rows = template.b_rows(ReportFormat.F2021)
    for index, row in enumerate(rows):
        if row.section and (index == 0 or rows[index - 1].section != row.section):
            expected.append(row.section)
        if row.group and rows[index - 1].group != row.group:
            expected.append(row.group)
        expected.append(row.label)
    assert labels == expected
    assert [cell[1:] for cell in table_b["th"][:5]] == [[3, 3], [7, 1], [1, 2], [5, 1], [1, 2]]
    assert [value for value, *_ in table_b["td"][:7]] == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert [value for value, *_ in parser.tables["table-3"]["td"]] == [
        "72",
        "64",
        "178",
        "37",
        "351",
        "13",
        "4",
        "8",
        "1",
        "26",
        "12",
        "1",
        "1",
        "6",
        "20",
    ]
    pdf = client.get(reverse("portal:annual_report_file", args=[published.organ.slug, 2024, "pdf"]))
    assert pdf.content.startswith(b"%PDF")


def test_the_api_returns_the_tables_with_the_templates_labels(client: Client, published: AnnualReport) -> None:
    data = client.get(f"/api/v1/annual-reports/{published.organ.slug}/2024").json()
    assert data["year"] == 2024
    assert data["format"] == "2021"
    assert data["table_b"]["rows"][0] == {
        "label": "一、本年新收政府信息公开申请数量",
        "values": {
            "自然人": 3001,
            "商业企业": 53,
            "科研机构": 0,
            "社会公益组织": 0,
            "法律服务机构": 61,
            "其他": 4,
            "总计": 3119,
        },
    }
    assert data["table_b"]["rows"][23]["label"] == "三、本年度办理结果/（七）总计"
    assert data["table_c"]["行政诉讼/复议后起诉/尚未审结"] == 6
    assert data["table_a"][3]["rows"][0] == {
        "label": "行政事业性收费",
        "values": {"本年收费金额（单位：万元）": "96171.6"},
    }


def test_drafts_are_never_public(client: Client, organ_tree: dict[str, Organ]) -> None:
    AnnualReport.objects.create(organ=organ_tree["department"], year=2025, overview="草稿")
    slug = organ_tree["department"].slug
    assert client.get(reverse("portal:annual_report", args=[slug, 2025])).status_code == 404
    assert client.get(reverse("portal:annual_report_file", args=[slug, 2025, "pdf"])).status_code == 404
    assert client.get(f"/api/v1/annual-reports/{slug}/2025").status_code == 404
    assert "草稿" not in client.get(reverse("portal:annual_reports")).content.decode()
