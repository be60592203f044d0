from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.foi.domain import State
from gongkai.foi.models import Application, DisclosureProposal
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

    too_long = client.post(
        reverse("workbench:application_step", args=[application.pk, "REQUEST_CORRECTION"]),
        {"request_correction-reason": "请明确项目名称", "request_correction-period_workdays": "20"},
    )
    assert too_long.status_code == 400
    forms = {value: form for value, _label, form in too_long.context["steps"]}
    assert "period_workdays" in forms["REQUEST_CORRECTION"].errors  # the error is shown at its field
    client.post(
        reverse("workbench:application_step", args=[application.pk, "REQUEST_CORRECTION"]),
        {"request_correction-reason": "请明确项目名称", "request_correction-period_workdays": "10"},
    )
    notice = application.letters.get(kind="CORRECTION")
    pdf = client.get(reverse("workbench:application_letter", args=[application.pk, notice.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert bytes(pdf.content) == bytes(notice.pdf or b"")
    client.post(
        reverse("workbench:application_step", args=[application.pk, "RECEIVE_SUPPLEMENT"]),
        {"receive_supplement-on": "2023-10-09"},
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


def test_the_reply_is_edited_approved_by_the_head_and_recorded_challenges_are_listed(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    handler = staff_with_role(department, Role.OPENNESS_OFFICE, username="handler")
    head = staff_with_role(department, Role.APPROVER, username="head")
    client = logged_in(handler)
    client.post(reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk})
    application = Application.objects.get()
    client.post(reverse("workbench:application_step", args=[application.pk, "ACCEPT"]))
    item = application.items.get()
    client.post(reverse("workbench:application_result", args=[application.pk, item.pk]), {"outcome": "DISCLOSED"})
    client.post(reverse("workbench:application_step", args=[application.pk, "DRAFT_DECISION"]))

    page = client.get(reverse("workbench:application_detail", args=[application.pk]))
    draft_text = page.context["reply_form"].initial["body"]
    cut = client.post(reverse("workbench:application_reply_edit", args=[application.pk]), {"body": draft_text[:80]})
    assert cut.status_code == 400
    assert "复议、诉讼的权利和期限" in cut.context["reply_form"].errors["body"][0]
    client.post(
        reverse("workbench:application_reply_edit", args=[application.pk]),
        {"body": draft_text + "\n电子文本已发送至您的电子邮箱。"},
    )
    client.post(reverse("workbench:logout"))

    approver = logged_in(head)
    approver.post(reverse("workbench:application_step", args=[application.pk, "APPROVE_DECISION"]))
    application.refresh_from_db()
    assert application.state == State.DECISION_APPROVED
    reply = application.letters.get(kind="REPLY")
    assert reply.body[-1] == "电子文本已发送至您的电子邮箱。"
    docx = approver.get(reverse("workbench:application_letter", args=[application.pk, reply.pk, "docx"]))
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    approver.post(reverse("workbench:logout"))
    approver = logged_in(handler)

    bad = approver.post(
        reverse("workbench:application_challenge_add", args=[application.pk]),
        {"route": "RECONSIDERATION", "body": "", "filed_on": "2023-11-01", "result": "PENDING"},
    )
    assert bad.status_code == 400
    assert bad.context["challenge_form"].errors["body"]
    approver.post(
        reverse("workbench:application_challenge_add", args=[application.pk]),
        {"route": "RECONSIDERATION", "body": "测试市人民政府", "filed_on": "2023-11-01", "result": "PENDING"},
    )
    challenge = application.challenges.get()
    approver.post(
        reverse("workbench:application_challenge_decide", args=[application.pk, challenge.pk]),
        {"result": "UPHELD", "decided_on": "2023-12-20"},
    )
    challenge.refresh_from_db()
    assert (challenge.result, challenge.decided_on) == ("UPHELD", date(2023, 12, 20))
    assert AuditEntry.objects.filter(action="foi.challenge_decided").count() == 1


def test_widely_requested_information_is_proposed_and_decided_with_a_reason(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    client = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))
    for id_number in ("140902198001010016", "11010519491231002X", "440524198001010013"):
        client.post(
            reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk, "id_number": id_number}
        )
    proposal = DisclosureProposal.objects.get()
    page = client.get(reverse("workbench:proposal_list")).content.decode()
    assert "某项目环评批复" in page
    assert all(application.tracking_number in page for application in Application.objects.all())

    client.post(reverse("workbench:proposal_decide", args=[proposal.pk]), {"decision": "decline", "reason": ""})
    proposal.refresh_from_db()
    assert proposal.state == "PROPOSED"  # declining needs a reason
    client.post(
        reverse("workbench:proposal_decide", args=[proposal.pk]), {"decision": "accept", "reason": "拟于下月主动公开"}
    )
    proposal.refresh_from_db()
    assert proposal.state == "ACCEPTED"
    assert AuditEntry.objects.filter(action="foi.disclosure_proposal_decided").count() == 1


def test_staff_attach_the_proof_of_identity_and_each_download_is_recorded(
    seeded_calendar: None,
    organ_tree: dict[str, Organ],
    staff_with_role: Callable[..., User],
    logged_in: Callable[[User], Client],
) -> None:
    department = organ_tree["department"]
    client = logged_in(staff_with_role(department, Role.OPENNESS_OFFICE))
    scan = SimpleUploadedFile("营业执照.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, content_type="image/jpeg")
    client.post(
        reverse("workbench:application_register"), {**REGISTRATION, "organ": department.pk, "identity_proof": scan}
    )
    application = Application.objects.get()
    views_before = AuditEntry.objects.filter(action="foi.personal_data_viewed").count()

    response = client.get(reverse("workbench:application_identity_proof", args=[application.pk]))

    assert response["Content-Type"] == "image/jpeg"
    assert bytes(response.content).startswith(b"\xff\xd8\xff")
    assert AuditEntry.objects.filter(action="foi.personal_data_viewed").count() == views_before + 1


@time_machine.travel(date(2023, 9, 25), tick=False)
def test_a_consultation_shows_the_parties_own_fifteen_day_clock(
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
    client.post(
        reverse("workbench:application_step", args=[application.pk, "START_CONSULTATION"]),
        {"start_consultation-reason": "涉及企业报价", "start_consultation-consulted_party": "某建设公司"},
    )

    page = client.get(reverse("workbench:application_detail", args=[application.pk])).content.decode()

    # 15 working days from 25 September 2023, over the National Day holiday and its make-up days.
    assert "提出意见期限 2023-10-20（15个工作日）" in page
    assert "征求意见函" in page
