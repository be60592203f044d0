from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.foi.domain import State
from gongkai.foi.models import Application
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "applicant_kind": "NATURAL_PERSON",
    "applicant_name": "王五",
    "id_type": "RESIDENT_ID",
    "id_number": "140902198001010016",
    "phone": "13800001234",
    "description": "某项目环评批复",
    "delivery": "PAPER",
    "channel": "SIGNED_MAIL",
    "arrived_on": "2023-09-20",
    "signed_for_on": "2023-09-22",
}


@time_machine.travel(date(2023, 9, 25), tick=False)
def test_staff_register_a_mailed_application_and_take_it_through_correction(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    client = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))

    response = client.post(reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk})
    application = Application.objects.get()
    assert response.status_code == 302
    assert application.received_on == date(2023, 9, 22)
    assert application.due_on == date(2023, 10, 26)

    detail = client.get(reverse("workbench:application_detail", args=[application.pk])).content.decode()
    assert "140902198001010016" in detail
    assert "逐日计算明细" in detail
    assert AuditEntry.objects.filter(action="foi.personal_data_viewed", object_id=str(application.pk)).count() == 1

    client.post(
        reverse("workbench:application_step", args=[application.pk, "REQUEST_CORRECTION"]), {"reason": "请明确项目名称"}
    )
    client.post(
        reverse("workbench:application_step", args=[application.pk, "RECEIVE_SUPPLEMENT"]), {"on": "2023-10-09"}
    )
    application.refresh_from_db()
    assert application.state == State.IN_PROGRESS
    assert application.due_on == date(2023, 11, 6)

    listing = client.get(reverse("workbench:application_list")).content.decode()
    assert application.tracking_number in listing


def test_a_mailed_application_needs_its_signature_date(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    client = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))

    response = client.post(
        reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk, "signed_for_on": ""}
    )

    assert "请填写签收日期" in response.context["form"].errors["signed_for_on"][0]
    assert Application.objects.count() == 0


def test_other_organs_and_other_roles_never_see_the_applicant(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    office = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))
    office.post(reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk})
    application = Application.objects.get()
    office.post(reverse("workbench:logout"))

    for organ, role in ((organ_tree["county"], Role.OPENNESS_OFFICE), (department, Role.DRAFTER)):
        client = logged_in(staff_with_role(organ, role))
        response = client.get(reverse("workbench:application_detail", args=[application.pk]))
        assert response.status_code == 404
        client.post(reverse("workbench:logout"))


def test_results_are_recorded_per_item_before_the_reply_is_drafted(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    client = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))
    client.post(reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk})
    application = Application.objects.get()
    client.post(reverse("workbench:application_step", args=[application.pk, "ACCEPT"]))

    refused = client.post(reverse("workbench:application_step", args=[application.pk, "DRAFT_DECISION"]), follow=True)
    assert "请先登记每一项申请事项的办理结果" in refused.content.decode()

    item = application.items.get()
    client.post(reverse("workbench:application_result", args=[application.pk, item.pk]), {"outcome": "DISCLOSED"})
    client.post(reverse("workbench:application_step", args=[application.pk, "DRAFT_DECISION"]))

    application.refresh_from_db()
    assert (application.state, application.outcome) == (State.DECISION_DRAFTED, "DISCLOSED")


def test_a_case_is_assigned_to_a_handler_of_the_office(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    colleague = staff_with_role(department, Role.OPENNESS_OFFICE, username="colleague")
    drafter = staff_with_role(department, Role.DRAFTER, username="not-office")
    client = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))
    client.post(reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk})
    application = Application.objects.get()

    refused = client.post(
        reverse("workbench:application_assign", args=[application.pk]), {"handler": drafter.pk}, follow=True
    )
    client.post(reverse("workbench:application_assign", args=[application.pk]), {"handler": colleague.pk})

    application.refresh_from_db()
    assert "此人不是本机关的申请承办人员" in refused.content.decode()
    assert application.handler == colleague
