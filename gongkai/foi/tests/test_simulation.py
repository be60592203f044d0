"""The year planner (pure) and the command that walks the plans through the services."""

import io
import re
from collections import Counter
from collections.abc import Callable
from datetime import date

import pytest
from django.core.management import call_command

from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.foi.applicants import ApplicantKind
from gongkai.foi.decisions import Outcome
from gongkai.foi.management.commands.simulate_applications import Command, SimulationResult
from gongkai.foi.models import Application, Letter
from gongkai.foi.receipt import Channel
from gongkai.foi.simulation import (
    ANY_DAY_CHANNELS,
    PROCEDURAL_OUTCOMES,
    ApplicationPlan,
    Behaviour,
    YearPlan,
    plan_year,
)
from gongkai.organs.models import Organ


def _weekdays(day: date) -> bool:
    return day.weekday() < 5


@pytest.fixture(scope="module")
def year_plan() -> YearPlan:
    return plan_year(count=5000, year=2025, seed=1, is_workday=_weekdays)


def test_the_same_seed_gives_the_same_year_and_another_seed_another() -> None:
    first = plan_year(count=300, year=2025, seed=7, is_workday=_weekdays)
    again = plan_year(count=300, year=2025, seed=7, is_workday=_weekdays)
    other = plan_year(count=300, year=2025, seed=8, is_workday=_weekdays)
    assert first == again
    assert first != other


def test_plans_arrive_in_order_and_only_online_or_email_on_rest_days(year_plan: YearPlan) -> None:
    arrivals = [plan.arrived_on for plan in year_plan.applications]
    assert arrivals == sorted(arrivals)
    assert [plan.number for plan in year_plan.applications] == list(range(1, 5001))
    assert all(day.year == 2025 for day in arrivals)
    rest_day = [plan for plan in year_plan.applications if not _weekdays(plan.arrived_on)]
    assert rest_day
    assert {plan.channel for plan in rest_day} <= ANY_DAY_CHANNELS


def test_a_year_of_5000_reaches_every_row_of_the_report(year_plan: YearPlan) -> None:
    outcomes = Counter(plan.expected_outcome for plan in year_plan.applications)
    assert set(Outcome) <= set(outcomes)
    # 予以公开, 部分公开 and 本机关不掌握 are the common answers, in that order of size.
    common = [outcome for outcome, _count in outcomes.most_common(3)]
    assert set(common) == {Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD}
    assert outcomes[Outcome.DISCLOSED] > outcomes[Outcome.UNAVAILABLE_NOT_HELD]
    item_outcomes = {item.outcome for plan in year_plan.applications for item in plan.items}
    assert not item_outcomes & PROCEDURAL_OUTCOMES  # rows 21 and 22 come from the procedure


def _share(year_plan: YearPlan, has: Callable[[ApplicationPlan], bool]) -> float:
    return sum(1 for plan in year_plan.applications if has(plan)) / len(year_plan.applications)


def test_procedural_events_happen_about_as_often_as_configured(year_plan: YearPlan) -> None:
    assert 0.07 <= _share(year_plan, lambda plan: plan.correction is not None) <= 0.11
    assert 0.04 <= _share(year_plan, lambda plan: plan.consultation is not None) <= 0.08
    assert 0.005 <= _share(year_plan, lambda plan: plan.fee is not None) <= 0.02
    assert 0.02 <= _share(year_plan, lambda plan: plan.extension is not None) <= 0.045
    assert 0.005 <= _share(year_plan, lambda plan: plan.withdraw_after is not None) <= 0.02
    corrections = [plan.correction for plan in year_plan.applications if plan.correction is not None]
    abandoned = sum(1 for correction in corrections if correction.supplied_after is None) / len(corrections)
    assert 0.1 <= abandoned <= 0.35
    assert all(correction.request_after <= 7 and 1 <= correction.period <= 15 for correction in corrections)
    assert all(plan.consultation.lasts <= 15 for plan in year_plan.applications if plan.consultation is not None)


def test_applicants_are_mostly_people_with_every_organisation_kind_present(year_plan: YearPlan) -> None:
    kinds = Counter(plan.applicant.kind for plan in year_plan.applications)
    assert set(kinds) == set(ApplicantKind)
    assert kinds[ApplicantKind.NATURAL_PERSON] > 0.75 * 5000
    items = Counter(len(plan.items) for plan in year_plan.applications)
    assert items[1] > 0.75 * 5000
    assert items[2]
    assert items[3]
    assert set(Counter(plan.channel for plan in year_plan.applications)) == set(Channel)


def test_only_the_configured_share_of_handlers_ignore_reminders() -> None:
    obedient = plan_year(count=1000, year=2025, seed=2, is_workday=_weekdays)
    assert {plan.behaviour for plan in obedient.applications} == {Behaviour.ACTS_ON_REMINDERS}
    careless = plan_year(count=1000, year=2025, seed=2, is_workday=_weekdays, ignore_reminders=1.0)
    assert all(plan.behaviour is Behaviour.IGNORES_REMINDERS and plan.finish_left < 0 for plan in careless.applications)
    with pytest.raises(ValueError, match="share"):
        plan_year(count=1, year=2025, seed=2, is_workday=_weekdays, ignore_reminders=1.5)


# --- the command ---------------------------------------------------------------------------------


def _run(organ: Organ, *arguments: str) -> tuple[str, SimulationResult]:
    command, out = Command(), io.StringIO()
    call_command(
        command, "--count", "80", "--seed", "3", "--organ", organ.slug, *arguments, stdout=out, stderr=io.StringIO()
    )
    assert command.result is not None
    return out.getvalue(), command.result


def _printed_rows(output: str) -> dict[int, int]:
    rows = {int(row): int(count) for row, count in re.findall(r"^\s*(\d+)\s+(\d+)\s+（", output, re.MULTILINE)}
    assert set(rows) == set(range(3, 25))
    return rows


@pytest.mark.django_db
def test_the_command_walks_a_year_and_reports_what_the_database_held(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    organ = organ_tree["department"]
    before = (Application.objects.count(), Letter.objects.count(), AuditEntry.objects.count())

    output, result = _run(organ)

    rows = _printed_rows(output)
    total = rows.pop(24)
    assert sum(rows.values()) == total == result.decided
    assert rows == result.rows  # what tally() read from the database inside the transaction
    assert result.registered == 80
    assert result.decided + result.carried_over + result.withdrawn == 80
    assert result.letters["REPLY"] >= result.decided
    assert f"申请登记 {result.registered} 件" in output
    assert result.missed_deadlines == result.approved_late_seen == 0
    assert re.search(r"超期 0 件", output)
    # Rolled back: nothing of the simulation is left.
    assert (Application.objects.count(), Letter.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.django_db
def test_handlers_who_ignore_reminders_miss_deadlines_and_keep_commits(
    organ_tree: dict[str, Organ], office: dict[str, User]
) -> None:
    organ = organ_tree["department"]
    output, result = _run(organ, "--ignore-reminders", "1.0", "--keep")
    assert result.missed_deadlines > 0
    assert result.missed_approved_late == result.approved_late_seen
    assert f"超期 {result.missed_deadlines} 件" in output
    assert result.escalations > 0
    assert Application.objects.filter(organ=organ).count() == 80
