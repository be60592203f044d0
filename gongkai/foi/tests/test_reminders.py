from collections.abc import Callable
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.foi import services
from gongkai.foi.receipt import Channel
from gongkai.foi.reminders import OVERDUE, OpenCase, Reminder, due_reminders
from gongkai.foi.tasks import send_reminders
from gongkai.organs.models import Organ
from gongkai.workdays import services as workday_services


@pytest.mark.parametrize(
    ("left", "sent", "expected"),
    [
        (10, set(), None),
        (5, set(), Reminder(1, 5, escalate=False)),
        (4, {5}, None),
        (3, {5}, Reminder(1, 3, escalate=False)),
        (1, set(), Reminder(1, 1, escalate=False)),  # several thresholds reached at once: one reminder
        (0, {5, 3, 1}, Reminder(1, 0, escalate=False)),
        (0, {5, 3, 1, 0}, None),
        (-1, {0}, Reminder(1, OVERDUE, escalate=True)),
        (-3, {OVERDUE}, None),
    ],
)
def test_reminders_come_once_per_threshold_and_overdue_escalates_once(
    left: int, sent: set[int], expected: Reminder | None
) -> None:
    reminders = due_reminders([OpenCase(1, left, frozenset(sent))])

    assert reminders == ([expected] if expected else [])


@pytest.mark.django_db
def test_the_command_mails_the_handler_and_escalates_to_the_head_without_repeating(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    workday_services.seed_from_package()
    department = organ_tree["department"]
    handler = staff_with_role(department, Role.OPENNESS_OFFICE)
    head = staff_with_role(department, Role.APPROVER)
    application, _code = services.register(
        organ=department,
        channel=Channel.IN_PERSON,
        arrived_on=date(2023, 9, 22),
        acting_user=handler,
        applicant_kind="NATURAL_PERSON",
        applicant_name="李四",
        id_type="RESIDENT_ID",
        id_number="140902198001010016",
        phone="13800001234",
        description="批复文件",
        delivery="PAPER",
    )
    services.assign(application=application, handler=handler, acting_user=handler)
    from gongkai.foi import notify

    assert notify.send_due_reminders(date(2023, 10, 20)) == 1  # 4 working days left: the 5-day reminder
    assert notify.send_due_reminders(date(2023, 10, 20)) == 0
    assert mail.outbox[0].to == [handler.email]
    assert application.tracking_number in mail.outbox[0].subject

    assert notify.send_due_reminders(date(2023, 10, 27)) == 1  # overdue by one working day
    assert mail.outbox[-1].to == [head.email]
    assert application.tracking_number in mail.outbox[-1].body

    call_command("send_application_reminders")
    assert send_reminders.call() >= 0


def test_a_moved_due_date_re_arms_the_reminders_and_paused_cases_are_not_reminded(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    from gongkai.foi import notify
    from gongkai.foi.domain import Move
    from gongkai.foi.tests.factories import register

    handler, head = office["handler"], office["head"]
    application, _code = register(organ_tree["department"], handler)
    application = services.move(application=application, to=Move.ACCEPT, acting_user=handler, on=date(2023, 9, 25))
    assert notify.send_due_reminders(date(2023, 10, 20)) == 1
    assert application.reminders.count() == 1

    application = services.extend(
        application=application, workdays=10, acting_user=head, reason="需要调取档案", on=date(2023, 10, 20)
    )
    assert application.reminders.count() == 0  # the new due date gets its own reminders
    services.move(
        application=application,
        to=Move.START_CONSULTATION,
        acting_user=handler,
        reason="涉及第三方",
        consulted_party="某公司",
        on=date(2023, 10, 23),
    )
    assert notify.send_due_reminders(date(2023, 11, 8)) == 0  # the clock is stopped while consulting
