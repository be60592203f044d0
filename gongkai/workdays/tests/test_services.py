from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.workdays import labels, selectors, services
from gongkai.workdays.models import ArrangementStatus, CalendarArrangement, TrackedDeadline
from gongkai.workdays.package_seed import package_arrangements

pytestmark = pytest.mark.django_db

NEXT_YEAR = max(package_arrangements()) + 1
HOLIDAYS = f"元旦 {NEXT_YEAR}-01-01\n测试节 {NEXT_YEAR}-01-04~{NEXT_YEAR}-01-06"


@pytest.fixture
def admins(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> tuple[User, User]:
    services.seed_from_package()
    city = organ_tree["city"]
    return staff_with_role(city, Role.ADMINISTRATOR), staff_with_role(city, Role.ADMINISTRATOR)


def test_seeding_is_idempotent_and_audited(db: None) -> None:
    first = services.seed_from_package()
    second = services.seed_from_package()

    assert len(first) == len(package_arrangements())
    assert second == []
    assert AuditEntry.objects.filter(action="workdays.arrangement_seeded").count() == len(first)
    assert selectors.current_calendar().deadline(date(2023, 9, 22), 20).due == date(2023, 10, 26)


def test_an_arrangement_counts_only_after_a_second_administrator_confirms(
    admins: tuple[User, User], organ_tree: dict[str, Organ]
) -> None:
    entered_by, confirmer = admins
    department = organ_tree["department"]
    tracked = services.track_deadline(
        target=department,
        organ=department,
        purpose="test",
        label="跨年事项",
        start_on=date(NEXT_YEAR - 1, 12, 28),
        workdays=5,
        acting_user=None,
    )
    assert tracked.provisional
    version_before = selectors.calendar_version()

    arrangement = services.propose_arrangement(
        year=NEXT_YEAR, holidays_text=HOLIDAYS, makeup_text="", notice_reference="国办发明电", acting_user=entered_by
    )
    assert selectors.current_calendar().is_workday(date(NEXT_YEAR, 1, 4))

    with pytest.raises(PermissionDenied):
        services.confirm_arrangement(arrangement=arrangement, acting_user=entered_by)
    services.confirm_arrangement(arrangement=arrangement, acting_user=confirmer)

    recomputed_deadline = TrackedDeadline.objects.get(pk=tracked.pk)
    assert selectors.calendar_version() == version_before + 1
    assert not selectors.current_calendar().is_workday(date(NEXT_YEAR, 1, 4))
    assert recomputed_deadline.provisional is False
    assert recomputed_deadline.calendar_version == version_before + 1
    recomputed = AuditEntry.objects.get(action="workdays.deadline_recomputed", object_id=str(tracked.pk))
    assert recomputed.actor == confirmer
    assert str(NEXT_YEAR) in recomputed.reason


def test_a_confirmed_year_supersedes_the_previous_arrangement(admins: tuple[User, User]) -> None:
    entered_by, confirmer = admins
    for _ in range(2):
        arrangement = services.propose_arrangement(
            year=NEXT_YEAR, holidays_text=HOLIDAYS, makeup_text="", notice_reference="通知", acting_user=entered_by
        )
        services.confirm_arrangement(arrangement=arrangement, acting_user=confirmer)

    statuses = list(CalendarArrangement.objects.filter(year=NEXT_YEAR).order_by("id").values_list("status", flat=True))
    assert statuses == [ArrangementStatus.SUPERSEDED, ArrangementStatus.CONFIRMED]


def test_only_administrators_enter_arrangements(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)

    with pytest.raises(PermissionDenied):
        services.propose_arrangement(
            year=NEXT_YEAR, holidays_text=HOLIDAYS, makeup_text="", notice_reference="通知", acting_user=office
        )
    assert not CalendarArrangement.objects.filter(year=NEXT_YEAR).exists()


@pytest.mark.parametrize(
    ("holidays", "makeup", "field", "message"),
    [
        ("", "", "holidays_text", "请至少录入一个放假日期。"),
        ("春节 2027-02-30", "", "holidays_text", "第 1 行：日期不存在。"),
        ("春节", "", "holidays_text", "第 1 行：未找到日期。"),
        ("元旦 2027-01-01\n2027-02-06", "", "holidays_text", "第 2 行：每行应以节日名称开头。"),
        ("春节 2027-02-08~2027-02-06", "", "holidays_text", "第 1 行：日期区间的结束早于开始。"),
        ("元旦 2026-01-01", "", "holidays_text", "第 1 行：日期不在本安排所属年度内。"),
        ("元旦 2027-01-01", "春节 2027-02-06\n春节", "makeup_text", "第 2 行：未找到日期。"),
        (f"元旦 {NEXT_YEAR}-01-01", f"元旦 {NEXT_YEAR}-01-01", "makeup_text", "同时被列为放假日和调休上班日"),
    ],
)
def test_bad_notice_text_is_refused_at_its_field_and_nothing_is_written(
    admins: tuple[User, User], holidays: str, makeup: str, field: str, message: str
) -> None:
    holidays, makeup = holidays.replace("2027", str(NEXT_YEAR)), makeup.replace("2027", str(NEXT_YEAR))
    entries_before = AuditEntry.objects.count()

    with pytest.raises(ValidationError) as raised:
        services.propose_arrangement(
            year=NEXT_YEAR, holidays_text=holidays, makeup_text=makeup, notice_reference="通知", acting_user=admins[0]
        )

    assert message in " ".join(raised.value.message_dict[field])
    assert not CalendarArrangement.objects.filter(year=NEXT_YEAR).exists()
    assert AuditEntry.objects.count() == entries_before


def test_a_makeup_day_must_fall_on_a_weekend(admins: tuple[User, User]) -> None:
    weekday = next(day for day in (date(NEXT_YEAR, 3, d) for d in range(1, 8)) if day.weekday() < 5)

    with pytest.raises(ValidationError) as raised:
        services.propose_arrangement(
            year=NEXT_YEAR,
            holidays_text=HOLIDAYS,
            makeup_text=f"测试节 {weekday.isoformat()}",
            notice_reference="通知",
            acting_user=admins[0],
        )

    assert "调休上班日应为周六或周日" in raised.value.message_dict["makeup_text"][0]


def test_a_rejection_needs_a_reason_and_is_audited(admins: tuple[User, User]) -> None:
    entered_by, reviewer = admins
    arrangement = services.propose_arrangement(
        year=NEXT_YEAR, holidays_text=HOLIDAYS, makeup_text="", notice_reference="通知", acting_user=entered_by
    )

    with pytest.raises(ValidationError):
        services.reject_arrangement(arrangement=arrangement, acting_user=reviewer, reason=" ")
    services.reject_arrangement(arrangement=arrangement, acting_user=reviewer, reason="日期与通知不符")

    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.REJECTED
    assert AuditEntry.objects.get(action="workdays.arrangement_rejected").reason == "日期与通知不符"
    with pytest.raises(ValidationError):
        services.confirm_arrangement(arrangement=arrangement, acting_user=reviewer)


def test_closing_a_deadline_takes_it_off_the_open_list(admins: tuple[User, User], organ_tree: dict[str, Organ]) -> None:
    department = organ_tree["department"]
    tracked = services.track_deadline(
        target=department,
        organ=department,
        purpose="test",
        label="事项",
        start_on=date(2023, 9, 22),
        workdays=20,
        acting_user=admins[0],
    )
    assert tracked.due_on == date(2023, 10, 26)
    assert list(selectors.open_deadlines()) == [tracked]

    services.close_deadline(deadline=tracked, acting_user=admins[0], reason="已答复")

    assert list(selectors.open_deadlines()) == []
    assert TrackedDeadline.objects.get(pk=tracked.pk).is_open is False


def _propose(acting_user: User, holidays: str = HOLIDAYS) -> CalendarArrangement:
    return services.propose_arrangement(
        year=NEXT_YEAR, holidays_text=holidays, makeup_text="", notice_reference="国办发明电", acting_user=acting_user
    )


def _track(organ: Organ, start_on: date, workdays: int = 5) -> TrackedDeadline:
    return services.track_deadline(
        target=organ,
        organ=organ,
        purpose="test",
        label="事项",
        start_on=start_on,
        workdays=workdays,
        acting_user=None,
    )


def test_a_proposal_is_audited_and_waits_for_confirmation(admins: tuple[User, User]) -> None:
    version_before = selectors.calendar_version()

    arrangement = _propose(admins[0])

    assert arrangement.status == ArrangementStatus.PROPOSED
    assert arrangement.version is None
    assert arrangement.holidays == {
        f"{NEXT_YEAR}-01-01": "元旦",
        f"{NEXT_YEAR}-01-04": "测试节",
        f"{NEXT_YEAR}-01-05": "测试节",
        f"{NEXT_YEAR}-01-06": "测试节",
    }
    assert list(selectors.pending_arrangements()) == [arrangement]
    assert selectors.calendar_version() == version_before
    entry = AuditEntry.objects.get(action="workdays.arrangement_proposed")
    assert (entry.actor, entry.object_id) == (admins[0], str(arrangement.pk))


def test_confirming_raises_the_version_and_audits_with_both_administrators(admins: tuple[User, User]) -> None:
    entered_by, confirmer = admins
    version_before = selectors.calendar_version()
    assert selectors.current_calendar().version == version_before

    arrangement = services.confirm_arrangement(arrangement=_propose(entered_by), acting_user=confirmer)

    assert arrangement.version == version_before + 1
    assert (arrangement.entered_by, arrangement.confirmed_by) == (entered_by, confirmer)
    assert selectors.current_calendar().version == version_before + 1
    assert selectors.current_calendar().has_arrangement(NEXT_YEAR)
    assert list(selectors.pending_arrangements()) == []
    assert AuditEntry.objects.get(action="workdays.arrangement_confirmed").actor == confirmer


def test_the_same_administrator_can_neither_confirm_nor_reject_their_own_entry(admins: tuple[User, User]) -> None:
    arrangement = _propose(admins[0])
    entries_before = AuditEntry.objects.count()

    with pytest.raises(PermissionDenied):
        services.confirm_arrangement(arrangement=arrangement, acting_user=admins[0])
    with pytest.raises(PermissionDenied):
        services.reject_arrangement(arrangement=arrangement, acting_user=admins[0], reason="自查")

    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.PROPOSED
    assert AuditEntry.objects.count() == entries_before


def test_only_a_city_level_administrator_manages_the_calendar(
    admins: tuple[User, User], organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_admin = staff_with_role(organ_tree["county"], Role.ADMINISTRATOR)
    office = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    arrangement = _propose(admins[0])

    with pytest.raises(PermissionDenied):
        _propose(county_admin)
    for outsider in (county_admin, office):
        with pytest.raises(PermissionDenied):
            services.confirm_arrangement(arrangement=arrangement, acting_user=outsider)
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.PROPOSED
    assert CalendarArrangement.objects.filter(year=NEXT_YEAR).count() == 1


def test_a_failed_recompute_leaves_the_confirmation_unwritten(
    admins: tuple[User, User], organ_tree: dict[str, Organ], monkeypatch: pytest.MonkeyPatch
) -> None:
    entered_by, confirmer = admins
    tracked = _track(organ_tree["department"], date(NEXT_YEAR - 1, 12, 28))
    services.confirm_arrangement(arrangement=_propose(entered_by), acting_user=confirmer)
    replacement = _propose(entered_by, holidays=f"元旦 {NEXT_YEAR}-01-01")
    tracked.refresh_from_db()
    state_before = (selectors.calendar_version(), AuditEntry.objects.count(), tracked.due_on, tracked.calendar_version)

    def fail(**_: object) -> None:
        raise RuntimeError("recompute failed")

    monkeypatch.setattr(services, "recompute_open_deadlines", fail)
    with pytest.raises(RuntimeError, match="recompute failed"):
        services.confirm_arrangement(arrangement=replacement, acting_user=confirmer)

    tracked.refresh_from_db()
    statuses = list(CalendarArrangement.objects.filter(year=NEXT_YEAR).order_by("id").values_list("status", flat=True))
    assert statuses == [ArrangementStatus.CONFIRMED, ArrangementStatus.PROPOSED]
    assert (
        selectors.calendar_version(),
        AuditEntry.objects.count(),
        tracked.due_on,
        tracked.calendar_version,
    ) == state_before


def test_only_deadlines_that_move_are_audited_and_closed_ones_stay_put(
    admins: tuple[User, User], organ_tree: dict[str, Organ]
) -> None:
    entered_by, confirmer = admins
    department = organ_tree["department"]
    moving = _track(department, date(NEXT_YEAR, 1, 1), workdays=5)
    unaffected = _track(department, date(2023, 9, 22), workdays=20)
    closed = _track(department, date(NEXT_YEAR, 1, 1), workdays=5)
    services.close_deadline(deadline=closed, acting_user=None, reason="已答复")
    assert moving.due_on == date(NEXT_YEAR, 1, 8)
    version_before = selectors.calendar_version()

    arrangement = services.confirm_arrangement(arrangement=_propose(entered_by), acting_user=confirmer)

    moving.refresh_from_db()
    unaffected.refresh_from_db()
    closed.refresh_from_db()
    # 4–6 January are holidays in the confirmed arrangement, so the count runs three days longer.
    assert (moving.due_on, moving.provisional, moving.calendar_version) == (
        date(NEXT_YEAR, 1, 13),
        False,
        arrangement.version,
    )
    assert (unaffected.due_on, unaffected.calendar_version) == (date(2023, 10, 26), arrangement.version)
    assert (closed.due_on, closed.calendar_version) == (date(NEXT_YEAR, 1, 8), version_before)
    recomputed = AuditEntry.objects.filter(action="workdays.deadline_recomputed")
    assert list(recomputed.values_list("object_id", flat=True)) == [str(moving.pk)]
    entry = recomputed.get()
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["due_on"], entry.after["due_on"]) == (f"{NEXT_YEAR}-01-08", f"{NEXT_YEAR}-01-13")


def test_a_tracked_deadline_is_audited_with_its_due_date(
    admins: tuple[User, User], organ_tree: dict[str, Organ]
) -> None:
    department = organ_tree["department"]

    tracked = _track(department, date(2023, 9, 22), workdays=20)

    entry = AuditEntry.objects.get(action="workdays.deadline_set")
    assert entry.after == {"due_on": "2023-10-26", "provisional": False, "calendar_version": tracked.calendar_version}
    assert list(selectors.deadlines_for("organs.Organ", str(department.pk))) == [tracked]


def test_a_seeded_year_is_confirmed_and_named_after_the_package(db: None) -> None:
    services.seed_from_package()

    seeded = CalendarArrangement.objects.get(year=2023)
    assert seeded.status == ArrangementStatus.CONFIRMED
    assert seeded.notice_reference == "chinese-calendar 1.11.0"
    assert seeded.makeup_workdays["2023-10-07"] == "国庆节"
    assert selectors.calendar_version() == CalendarArrangement.objects.count()


def test_a_confirmation_rolled_back_after_the_calendar_was_read_leaves_no_stale_calendar(
    admins: tuple[User, User], organ_tree: dict[str, Organ], monkeypatch: pytest.MonkeyPatch
) -> None:
    entered_by, confirmer = admins
    tracked = _track(organ_tree["department"], date(NEXT_YEAR, 1, 1), workdays=5)
    first = _propose(entered_by)
    real_recompute = services.recompute_open_deadlines

    def recompute_then_fail(**kwargs: object) -> None:
        real_recompute(**kwargs)  # type: ignore[arg-type]
        raise RuntimeError("failed after the calendar was read")

    monkeypatch.setattr(services, "recompute_open_deadlines", recompute_then_fail)
    with pytest.raises(RuntimeError):
        services.confirm_arrangement(arrangement=first, acting_user=confirmer)
    monkeypatch.undo()
    second = _propose(entered_by, holidays=f"元旦 {NEXT_YEAR}-01-01")

    services.confirm_arrangement(arrangement=second, acting_user=confirmer)

    # The rolled-back arrangement made 4–6 January holidays; the confirmed one does not.
    assert selectors.current_calendar().is_workday(date(NEXT_YEAR, 1, 4))
    tracked.refresh_from_db()
    assert (tracked.due_on, tracked.provisional) == (date(NEXT_YEAR, 1, 8), False)


def test_a_range_end_without_its_year_is_refused_rather_than_shortened(admins: tuple[User, User]) -> None:
    entries_before = AuditEntry.objects.count()

    with pytest.raises(ValidationError) as raised:
        _propose(admins[0], holidays=f"元旦 {NEXT_YEAR}-01-01\n国庆节 {NEXT_YEAR}年10月1日至7日")

    # The problem's msgid may still await its translation, so the expected text is built the same way.
    expected = gettext("Line %(line)s: %(problem)s.") % {"line": 2, "problem": services.NOTICE_ERRORS["extra_text"]}
    assert raised.value.message_dict["holidays_text"] == [expected]
    assert not CalendarArrangement.objects.filter(year=NEXT_YEAR).exists()
    assert AuditEntry.objects.count() == entries_before


def test_a_stale_copy_cannot_reject_a_confirmed_arrangement(admins: tuple[User, User]) -> None:
    entered_by, confirmer = admins
    arrangement = _propose(entered_by)
    stale = CalendarArrangement.objects.get(pk=arrangement.pk)
    services.confirm_arrangement(arrangement=arrangement, acting_user=confirmer)
    entries_before = AuditEntry.objects.count()

    with pytest.raises(ValidationError):
        services.reject_arrangement(arrangement=stale, acting_user=confirmer, reason="迟到的驳回")

    assert CalendarArrangement.objects.get(pk=arrangement.pk).status == ArrangementStatus.CONFIRMED
    assert selectors.current_calendar().has_arrangement(NEXT_YEAR)
    assert AuditEntry.objects.count() == entries_before


def test_every_calendar_action_in_the_trail_has_a_label(
    admins: tuple[User, User], organ_tree: dict[str, Organ]
) -> None:
    entered_by, confirmer = admins
    tracked = _track(organ_tree["department"], date(NEXT_YEAR, 1, 1))
    services.confirm_arrangement(arrangement=_propose(entered_by), acting_user=confirmer)
    services.reject_arrangement(arrangement=_propose(entered_by), acting_user=confirmer, reason="重复录入")
    services.close_deadline(deadline=tracked, acting_user=confirmer, reason="已答复")

    recorded = set(AuditEntry.objects.filter(action__startswith="workdays.").values_list("action", flat=True))

    assert recorded == set(labels.AUDIT_ACTION_LABELS)
    assert all(str(label).strip() for label in labels.AUDIT_ACTION_LABELS.values())
