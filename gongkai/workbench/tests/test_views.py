from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.accounts.tests.factories import TEST_PASSWORD
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.workbench.current_organ import SESSION_KEY
from gongkai.workdays import services as workday_services
from gongkai.workdays.models import ArrangementStatus, CalendarArrangement

pytestmark = pytest.mark.django_db

HOLIDAYS_2027 = "元旦 2027-01-01\n春节 2027-02-06~2027-02-12"
MAKEUP_2027 = "春节 2027-02-13"


def test_the_workbench_asks_for_a_login(client: Client) -> None:
    response = client.get(reverse("workbench:home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("workbench:login"))


def test_staff_log_in_and_out(
    client: Client, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    staff_with_role(organ_tree["department"], Role.DRAFTER, username="drafter")

    response = client.post(reverse("workbench:login"), {"username": "drafter", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("workbench:home")).status_code == 200

    client.post(reverse("workbench:logout"))
    assert client.get(reverse("workbench:home")).status_code == 302


def test_five_failed_logins_lock_the_account(
    client: Client, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    staff_with_role(organ_tree["department"], Role.DRAFTER, username="drafter")
    for _ in range(4):
        response = client.post(reverse("workbench:login"), {"username": "drafter", "password": "wrong-password"})
        assert response.status_code == 200
        assert "请输入一个正确的" in response.content.decode()

    locked = client.post(reverse("workbench:login"), {"username": "drafter", "password": "wrong-password"})
    after_lock = client.post(reverse("workbench:login"), {"username": "drafter", "password": TEST_PASSWORD})

    assert locked.status_code == 429
    assert after_lock.status_code == 429
    assert "账号已锁定" in after_lock.content.decode()
    assert client.get(reverse("workbench:home")).status_code == 302


def test_the_organ_switcher_defaults_to_the_first_organ_and_switches(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], logged_in: Callable[[User], Client]
) -> None:
    user = staff_with_role(organ_tree["department"], Role.DRAFTER)
    staff_with_role_again = organ_tree["county"]
    user.memberships.create(organ=staff_with_role_again, role=Role.REVIEWER)
    client = logged_in(user)

    first = client.get(reverse("workbench:home"))
    assert first.context["current_organ"] == organ_tree["department"]

    client.post(reverse("workbench:switch_organ"), {"organ": organ_tree["county"].pk})

    assert client.session[SESSION_KEY] == organ_tree["county"].pk
    assert client.get(reverse("workbench:home")).context["current_organ"] == organ_tree["county"]


def test_nobody_switches_to_an_organ_they_hold_no_role_in(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(staff_with_role(organ_tree["county_department"], Role.DRAFTER))

    response = client.post(reverse("workbench:switch_organ"), {"organ": organ_tree["department"].pk})

    assert response.status_code == 403
    assert SESSION_KEY not in client.session


@time_machine.travel(date(2023, 9, 25), tick=False)
def test_the_home_lists_open_deadlines_most_urgent_first_in_working_days(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    # Received 2023-09-22: 20 working days end on 2023-10-26 (REGULATIONS.md §8, across National Day).
    cases = (
        ("慢件", date(2023, 9, 22), 20),
        ("急件", date(2023, 8, 28), 20),
        ("超期件", date(2023, 8, 1), 20),
        # 5 working days from Monday 25 Sep: 26–28 Sep, then the make-up weekend 7–8 Oct.
        ("节后件", date(2023, 9, 25), 5),
    )
    for label, start, workdays in cases:
        workday_services.track_deadline(
            target=department,
            organ=department,
            purpose="test",
            label=label,
            start_on=start,
            workdays=workdays,
            acting_user=None,
        )
    client = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))

    response = client.get(reverse("workbench:home"))

    items = response.context["due_items"]
    # The office also sees its annual report on 2023, due 31 January 2024 (条例第四十九条).
    assert [item.label for item in items] == [
        "超期件",
        "急件",
        "节后件",
        "慢件",
        "发布2023年度政府信息公开工作年度报告",
    ]
    assert [item.urgency for item in items] == ["overdue", "red", "amber", "green", "green"]
    assert items[4].due_on == date(2024, 1, 31)
    assert items[2].due_on == date(2023, 10, 8)
    assert items[2].workdays_left == 5
    # 2023-09-25 (Mon) to 2023-10-26: 26, 27, 28 Sep, then 7, 8 Oct (make-up), 9–13, 16–20, 23–26 Oct = 19.
    assert items[3].workdays_left == 19
    assert items[3].due_on == date(2023, 10, 26)
    page = response.content.decode()
    assert "剩余 19 个工作日" in page
    assert f"已超期 {-items[0].workdays_left} 个工作日" in page
    assert page.count("badge--amber") == 1


def test_a_county_sees_none_of_a_city_departments_deadlines(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    workday_services.track_deadline(
        target=department,
        organ=department,
        purpose="test",
        label="市级事项",
        start_on=date(2026, 11, 2),
        workdays=20,
        acting_user=None,
    )
    client = logged_in(staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE))

    response = client.get(reverse("workbench:home"))

    # Only the county's own annual reports are due (its own and its departments'); nothing of the city's.
    items = response.context["due_items"]
    assert {item.organ_name for item in items} == {organ_tree["county"].short_name}
    assert "市级事项" not in response.content.decode()


def test_a_second_administrator_confirms_an_arrangement_entered_through_the_form(
    seeded_calendar: None, two_admins: tuple[User, User], logged_in: Callable[[User], Client]
) -> None:
    first, second = two_admins
    client = logged_in(first)

    response = client.post(
        reverse("workbench:calendar_propose"),
        {
            "year": 2027,
            "notice_reference": "国办发明电〔2026〕7号",
            "holidays_text": HOLIDAYS_2027,
            "makeup_text": MAKEUP_2027,
        },
    )
    arrangement = CalendarArrangement.objects.get(year=2027)
    assert response.status_code == 302
    assert arrangement.status == ArrangementStatus.PROPOSED

    confirm_url = reverse("workbench:calendar_confirm", args=[arrangement.pk])
    assert confirm_url not in client.get(reverse("workbench:calendar_detail", args=[arrangement.pk])).content.decode()
    own = client.post(confirm_url)
    assert own.status_code == 403
    assert "不相容岗位分离" in own.content.decode()

    client.post(reverse("workbench:logout"))
    client = logged_in(second)
    assert "待确认的工作日历" in client.get(reverse("workbench:home")).content.decode()
    assert confirm_url in client.get(reverse("workbench:calendar_detail", args=[arrangement.pk])).content.decode()
    client.post(confirm_url)

    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.CONFIRMED
    assert arrangement.confirmed_by == second
    listing = client.get(reverse("workbench:calendar_list")).content.decode()
    assert "国办发明电〔2026〕7号" in listing
    detail = client.get(reverse("workbench:calendar_detail", args=[arrangement.pk])).content.decode()
    assert "调休上班" in detail


def test_a_bad_notice_line_is_shown_at_its_field_and_nothing_is_stored(
    two_admins: tuple[User, User], logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(two_admins[0])
    entries_before = AuditEntry.objects.count()

    response = client.post(
        reverse("workbench:calendar_propose"),
        {
            "year": 2027,
            "notice_reference": "国办发明电〔2026〕7号",
            "holidays_text": "春节 2027-02-30",
            "makeup_text": "",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["holidays_text"] == ["第 1 行：日期不存在。"]
    assert not CalendarArrangement.objects.filter(year=2027).exists()
    assert AuditEntry.objects.count() == entries_before


def test_a_reject_needs_a_reason(two_admins: tuple[User, User], logged_in: Callable[[User], Client]) -> None:
    first, second = two_admins
    arrangement = workday_services.propose_arrangement(
        year=2027, holidays_text=HOLIDAYS_2027, makeup_text="", notice_reference="通知", acting_user=first
    )
    client = logged_in(second)

    empty = client.post(reverse("workbench:calendar_reject", args=[arrangement.pk]), {"reason": ""})
    given = client.post(reverse("workbench:calendar_reject", args=[arrangement.pk]), {"reason": "春节日期有误"})

    assert empty.status_code == 400
    assert "请填写退回理由" in empty.content.decode()
    assert given.status_code == 302
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.REJECTED


def test_a_drafter_may_not_open_the_calendar_pages(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], logged_in: Callable[[User], Client]
) -> None:
    client = logged_in(staff_with_role(organ_tree["department"], Role.DRAFTER))

    for name in ("workbench:calendar_list", "workbench:calendar_propose"):
        response = client.get(reverse(name))
        assert response.status_code == 403
        assert "您的角色无权执行此操作" in response.content.decode()


def test_only_those_who_may_confirm_see_pending_arrangements_on_the_home(
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    two_admins: tuple[User, User],
    logged_in: Callable[[User], Client],
) -> None:
    workday_services.propose_arrangement(
        year=2027, holidays_text=HOLIDAYS_2027, makeup_text="", notice_reference="通知", acting_user=two_admins[0]
    )
    drafter = staff_with_role(organ_tree["department"], Role.DRAFTER)

    as_admin = logged_in(two_admins[1]).get(reverse("workbench:home"))
    as_drafter = logged_in(drafter).get(reverse("workbench:home"))

    assert [arrangement.year for arrangement in as_admin.context["pending_arrangements"]] == [2027]
    assert as_drafter.context["pending_arrangements"] == []
    assert "待确认的工作日历" not in as_drafter.content.decode()


def test_open_applications_join_the_due_first_queue(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    from gongkai.foi import services as foi_services
    from gongkai.foi.receipt import Channel

    office = staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE)
    application, _code = foi_services.register(
        organ=organ_tree["department"],
        channel=Channel.IN_PERSON,
        arrived_on=date(2023, 9, 22),
        acting_user=office,
        applicant_kind="NATURAL_PERSON",
        applicant_name="李四",
        id_type="RESIDENT_ID",
        id_number="140902198001010016",
        phone="13800001234",
        description="城区道路改造项目批复",
        delivery="ELECTRONIC",
    )
    with time_machine.travel(date(2023, 10, 24), tick=False):
        page = logged_in(office).get(reverse("workbench:home")).content.decode()

    assert application.tracking_number in page
    assert "剩余 2 个工作日" in page
