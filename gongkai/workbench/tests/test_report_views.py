"""The annual report in the workbench: start, enter figures, edit the narrative, publish, import a past report."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.reports import selectors, services, spreadsheet
from gongkai.reports.models import AnnualReport
from gongkai.reports.tables import ReportTables
from gongkai.reports.template import ReportFormat

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> User:
    return staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE, username="office")


@time_machine.travel(date(2026, 1, 12), tick=False)
def test_the_office_starts_fills_in_and_publishes_a_report(
    seeded_calendar: None, office: User, logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(office)
    home = client.get(reverse("workbench:home")).content.decode()
    assert "发布2025年度政府信息公开工作年度报告" in home  # due 31 January, on the to-do list
    listing = client.get(reverse("workbench:report_list")).content.decode()
    assert "2026年1月31日" in listing
    response = client.post(reverse("workbench:report_start"), {"year": "2025"})
    report = AnnualReport.objects.get()
    assert response["Location"] == reverse("workbench:report_detail", args=[report.pk])

    page = client.get(response["Location"]).content.decode()
    assert "正文仍有待填写的内容" in page
    assert "（本列数据的勾稽关系为" in page

    bad = client.post(reverse("workbench:report_figures", args=[report.pk]), {"licensing_decisions": "-3"})
    assert bad.status_code == 400
    assert "确保该值大于或等于0" in bad.content.decode()
    client.post(
        reverse("workbench:report_figures", args=[report.pk]), {"licensing_decisions": "12", "fee_amount": "0.35"}
    )

    refused = client.post(reverse("workbench:report_publish", args=[report.pk]), {"override_reason": ""})
    assert refused.status_code == 400
    assert "项检查" in refused.content.decode()

    client.post(
        reverse("workbench:report_narrative", args=[report.pk]),
        {
            "overview": "本年度新收政府信息公开申请0件。",
            "problems": "无。",
            "other_matters": "本年度未收取信息处理费。",
        },
    )
    client.post(reverse("workbench:report_publish", args=[report.pk]), {"override_reason": ""})
    report.refresh_from_db()
    assert report.state == AnnualReport.State.PUBLISHED
    assert report.findings == []
    assert ReportTables.from_json(report.tables).a["licensing_decisions"] == 12
    assert "发布2025年度" not in client.get(reverse("workbench:home")).content.decode()

    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF"), ("xlsx", b"PK")):
        download = client.get(reverse("workbench:report_file", args=[report.pk, fmt]))
        assert download.status_code == 200
        assert download.content.startswith(magic)


def test_a_past_report_is_imported_from_the_blank_template(office: User, logged_in: Callable[[User], Client]) -> None:
    client = logged_in(office)
    blank = client.get(reverse("workbench:report_blank_template", args=["2019"]))
    assert blank.status_code == 200
    tables = spreadsheet.read(blank.content, ReportFormat.F2019)
    assert tables == ReportTables.blank(ReportFormat.F2019)

    upload = SimpleUploadedFile("2020.xlsx", blank.content)
    wrong = client.post(
        reverse("workbench:report_import"),
        {
            "year": "2020",
            "report_format": "2021",
            "workbook": upload,
            "overview": "",
            "problems": "",
            "other_matters": "",
        },
    )
    assert wrong.status_code == 400
    assert "请确认报告格式（2021年版）" in wrong.content.decode()
    upload = SimpleUploadedFile("2020.xlsx", blank.content)
    done = client.post(
        reverse("workbench:report_import"),
        {
            "year": "2020",
            "report_format": "2019",
            "workbook": upload,
            "overview": "2020年总体情况。",
            "problems": "无",
            "other_matters": "无",
        },
    )
    report = AnnualReport.objects.get()
    assert done["Location"] == reverse("workbench:report_detail", args=[report.pk])
    assert report.overview == "2020年总体情况。"
    assert (report.origin, report.report_format, report.year) == (AnnualReport.Origin.PAST, "2019", 2020)
    page = client.get(done["Location"]).content.decode()
    assert "（六）其他处理" in page
    assert "其他对外管理服务事项" in page


def test_another_organs_staff_cannot_open_the_report(
    organ_tree: dict[str, Organ],
    office: User,
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    report = AnnualReport.objects.create(organ=organ_tree["department"], year=2025)
    outsider = staff_with_role(organ_tree["county_department"], Role.OPENNESS_OFFICE)
    assert logged_in(outsider).get(reverse("workbench:report_detail", args=[report.pk])).status_code == 403


def test_a_pasted_whole_report_fills_the_sections(office: User, logged_in: Callable[[User], Client]) -> None:
    client = logged_in(office)
    blank = client.get(reverse("workbench:report_blank_template", args=["2021"])).content
    pasted = "某局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n- 1 -\n二、主动公开政府信息情况\n表格\n五、存在的主要问题及改进情况\n解读不够。\n六、其他需要报告的事项\n无。"
    client.post(
        reverse("workbench:report_import"),
        {
            "year": "2021",
            "report_format": "2021",
            "workbook": SimpleUploadedFile("2021.xlsx", blank),
            "full_text": pasted,
        },
    )
    report = AnnualReport.objects.get()
    assert report.narrative() == ("全年主动公开信息120条。", "解读不够。", "无。")


@time_machine.travel(date(2026, 1, 12), tick=False)
def test_the_governments_office_follows_its_departments_reports(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    office: User,
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    city_office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    client = logged_in(city_office)
    home = client.get(reverse("workbench:home"))
    labels = [item.label for item in home.context["due_items"]]
    assert labels == ["1个部门尚未发布2025年度政府信息公开工作年度报告", "发布2025年度政府信息公开工作年度报告"]
    assert [item.due_on for item in home.context["due_items"]] == [date(2026, 1, 31), date(2026, 3, 31)]

    department_report = services.start(organ=organ_tree["department"], year=2025, acting_user=office)
    services.publish(report=department_report, acting_user=office, override_reason="测试")
    government_report = services.start(organ=organ_tree["city"], year=2025, acting_user=city_office)
    page = client.get(reverse("workbench:report_detail", args=[government_report.pk])).content.decode()
    assert "所属部门年度报告" in page
    assert "测试市财政局" in page
    assert "测试县人民政府" not in page
    services.publish(report=government_report, acting_user=city_office, override_reason="测试")
    public = client.get(reverse("portal:annual_report", args=["city", 2025])).content.decode()
    assert reverse("portal:annual_report", args=[organ_tree["department"].slug, 2025]) in public
    assert client.get(reverse("workbench:home")).context["due_items"] == []


def test_table_a_figures_are_imported_from_the_tables_workbook(
    organ_tree: dict[str, Organ], office: User, logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(office)
    report = services.start(organ=organ_tree["department"], year=2025, acting_user=office)
    filled = ReportTables.blank(ReportFormat.F2021)
    filled = ReportTables(
        ReportFormat.F2021,
        {
            "licensing_decisions": Decimal(447),
            "penalty_decisions": Decimal(12),
            "fee_amount": Decimal("3.5"),
            "rules_issued": Decimal(9),
        },
        filled.b,
        filled.c,
    )
    upload = SimpleUploadedFile("figures.xlsx", spreadsheet.write(filled, title="表格"))
    client.post(reverse("workbench:report_figures_upload", args=[report.pk]), {"workbook": upload})
    tables = selectors.tables_of(AnnualReport.objects.get())
    assert [tables.a[key] for key in ("licensing_decisions", "penalty_decisions", "fee_amount")] == [
        Decimal(447),
        Decimal(12),
        Decimal("3.5"),
    ]
    assert tables.a["rules_issued"] == 0  # counted from the records, never taken from the upload
