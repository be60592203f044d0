"""The demo data: Xinzhou's organs, staff and calendar, loaded through the services and safe to reload."""

import pytest
from django.core.management import call_command
from django.test import Client

from gongkai.accounts.models import Membership, User
from gongkai.columns.models import Column
from gongkai.core import audit
from gongkai.core.models import AuditEntry
from gongkai.demo.people import DEMO_PASSWORD, DEMO_PEOPLE
from gongkai.foi import correspondence
from gongkai.foi.models import Application, Letter
from gongkai.interpretations.models import Interpretation
from gongkai.organs.domain import OrganKind, OrganLevel, is_valid_credit_code, is_valid_division_code
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem
from gongkai.reports.models import AnnualReport
from gongkai.workdays.models import CalendarArrangement

pytestmark = pytest.mark.django_db

CITY_DEPARTMENTS_NAMED_IN_THE_PLAN = [
    "市发改委",
    "市财政局",
    "市行政审批局",
    "市市场局",
    "市自然资源局",
    "市政府信息中心",
    "市委网信办",
    "市卫健委",
    "市交通局",
    "市教育局",
]

# Xinzhou's 14 county-level divisions with their GB/T 2260 codes.
COUNTY_LEVEL_DIVISIONS = {
    "忻府区人民政府": "140902",
    "定襄县人民政府": "140921",
    "五台县人民政府": "140922",
    "代县人民政府": "140923",
    "繁峙县人民政府": "140924",
    "宁武县人民政府": "140925",
    "静乐县人民政府": "140926",
    "神池县人民政府": "140927",
    "五寨县人民政府": "140928",
    "岢岚县人民政府": "140929",
    "河曲县人民政府": "140930",
    "保德县人民政府": "140931",
    "偏关县人民政府": "140932",
    "原平市人民政府": "140981",
}


def _counts() -> dict[str, int]:
    return {
        "organs": Organ.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "arrangements": CalendarArrangement.objects.count(),
        "items": InformationItem.objects.count(),
        "audit entries": AuditEntry.objects.count(),
        "applications": Application.objects.count(),
        "letters": Letter.objects.count(),
        "annual_reports": AnnualReport.objects.count(),
        "interpretations": Interpretation.objects.count(),
    }


def test_loading_twice_changes_nothing_the_second_time(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_demo_data")
    first = _counts()
    capsys.readouterr()

    call_command("load_demo_data")

    assert _counts() == first
    assert first["organs"] > 100
    assert first["users"] == len(DEMO_PEOPLE)
    assert (
        "新增工作日历 0 年、机关 0 个、工作人员 0 名、政府信息 0 条、便民答复 0 条、依申请公开申请 0 件、政策解读 0 篇、年度报告 0 份"
        in (capsys.readouterr().out)
    )
    assert audit.verify_chain() is None
    assert AnnualReport.objects.filter(state=AnnualReport.State.PUBLISHED).count() == 1
    assert Interpretation.objects.filter(item__status="PUBLISHED").count() == 2
    assert Column.objects.filter(parent__isnull=True).count() == 3


def test_the_demo_holds_the_organs_the_plan_names() -> None:
    call_command("load_demo_data")

    city = Organ.objects.get(name="忻州市人民政府")
    short_names = set(Organ.objects.filter(level=OrganLevel.CITY).values_list("short_name", flat=True))
    counties = dict(
        Organ.objects.filter(kind=OrganKind.GOVERNMENT, level=OrganLevel.COUNTY).values_list("name", "division_code")
    )
    committees = Organ.objects.filter(kind=OrganKind.ADMINISTRATIVE_COMMITTEE)

    assert city.parent is None
    assert set(CITY_DEPARTMENTS_NAMED_IN_THE_PLAN) <= short_names
    assert counties == COUNTY_LEVEL_DIVISIONS
    assert Organ.objects.filter(kind=OrganKind.GOVERNMENT, level=OrganLevel.COUNTY, parent=city).count() == 14
    assert {committee.name for committee in committees} == {"忻州经济开发区管理委员会", "五台山风景名胜区管理委员会"}
    assert all(committee.parent == city for committee in committees)
    assert Organ.objects.filter(kind=OrganKind.GENERAL_OFFICE, parent__level=OrganLevel.COUNTY).count() == 14
    assert Organ.objects.filter(kind=OrganKind.TOWNSHIP, parent__level=OrganLevel.COUNTY).exists()


def test_every_demo_code_is_well_formed_and_every_credit_code_clearly_fictional() -> None:
    call_command("load_demo_data")

    codes = list(Organ.objects.values_list("credit_code", "division_code"))

    assert all(is_valid_credit_code(credit) for credit, _ in codes)
    assert all(credit[8:10] == "GK" for credit, _ in codes)
    assert all(is_valid_division_code(division) for _, division in codes)
    assert len({credit for credit, _ in codes}) == len(codes)


def test_demo_staff_hold_their_roles_and_log_in_with_the_printed_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("load_demo_data")
    capsys.readouterr()
    call_command("load_demo_data", print_logins=True)
    printed = capsys.readouterr().out

    assert DEMO_PASSWORD in printed
    for person in DEMO_PEOPLE:
        assert person.username in printed
        user = User.objects.get(username=person.username)
        assert user.check_password(DEMO_PASSWORD), person.username
        held = set(Membership.objects.filter(user=user).values_list("organ__slug", "role"))
        assert held == {(person.organ_slug, role.value) for role in person.roles}
    client = Client()
    response = client.post("/workbench/login/", {"username": "fgw.drafter", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/workbench/").status_code == 200


def test_printing_the_logins_loads_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_demo_data", print_logins=True)

    assert "admin2" in capsys.readouterr().out
    assert Organ.objects.count() == 0


def test_the_demo_has_an_application_at_every_stage_with_sealed_letters() -> None:
    call_command("load_demo_data")

    states = set(Application.objects.values_list("state", flat=True))
    assert {"CLOSED", "DECISION_DRAFTED", "CORRECTION_REQUESTED", "CONSULTING", "REGISTERED"} <= states
    assert Letter.objects.filter(kind="REPLY", state="ISSUED").exists()
    assert all(correspondence.verify(letter) == (True, True) for letter in Letter.objects.filter(state="ISSUED"))
