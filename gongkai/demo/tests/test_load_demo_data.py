import pytest
from django.core.management import call_command
from django.test import Client

from gongkai.accounts.models import Membership, User
from gongkai.demo.people import DEMO_PASSWORD
from gongkai.organs.domain import OrganKind, OrganLevel, is_valid_credit_code
from gongkai.organs.models import Organ
from gongkai.workdays.models import CalendarArrangement

pytestmark = pytest.mark.django_db

NAMED_IN_THE_PLAN = [
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


def _counts() -> tuple[int, int, int, int]:
    return (
        Organ.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        CalendarArrangement.objects.count(),
    )


def test_loading_twice_changes_nothing_the_second_time() -> None:
    call_command("load_demo_data")
    first = _counts()
    call_command("load_demo_data")

    assert _counts() == first
    assert first[0] > 100


def test_the_demo_holds_the_organs_the_plan_names() -> None:
    call_command("load_demo_data")

    short_names = set(Organ.objects.values_list("short_name", flat=True))
    counties = Organ.objects.filter(kind=OrganKind.GOVERNMENT, level=OrganLevel.COUNTY)
    committees = set(Organ.objects.filter(kind=OrganKind.ADMINISTRATIVE_COMMITTEE).values_list("name", flat=True))

    assert set(NAMED_IN_THE_PLAN) <= short_names
    assert counties.count() == 14
    assert {"忻州经济开发区管理委员会", "五台山风景名胜区管理委员会"} <= committees
    assert Organ.objects.filter(kind=OrganKind.GENERAL_OFFICE, parent__level=OrganLevel.COUNTY).count() == 14
    assert Organ.objects.filter(kind=OrganKind.TOWNSHIP).exists()


def test_every_demo_credit_code_passes_the_checksum_and_is_clearly_fictional() -> None:
    call_command("load_demo_data")

    codes = list(Organ.objects.values_list("credit_code", flat=True))

    assert all(is_valid_credit_code(code) for code in codes)
    assert all(code[8:10] == "GK" for code in codes)


def test_demo_staff_log_in_with_the_printed_password(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_demo_data")
    capsys.readouterr()
    call_command("load_demo_data", print_logins=True)
    printed = capsys.readouterr().out

    assert DEMO_PASSWORD in printed
    for username in ("fgw.drafter", "admin", "admin2", "city.office"):
        assert username in printed
    client = Client()
    response = client.post("/workbench/login/", {"username": "fgw.drafter", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/workbench/").status_code == 200
