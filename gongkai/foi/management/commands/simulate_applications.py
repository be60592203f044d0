"""Simulate a year of information applications through the workflow, on the real working-day calendar.

Every step goes through foi.services with an explicit date, so letters are generated and sealed,
the clock is the real one and the audit trail is written; by default it all runs in one
transaction that is rolled back, leaving a printed report and an unchanged database.

Reminders follow the pure rule of foi.reminders over the simulated cases only, never through
foi.notify: that would mark (and email) the reminders of real applications in the same database.
"""

import secrets
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final, TypeVar

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test.utils import override_settings

from gongkai.accounts import services as account_services
from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.foi import reminders, services
from gongkai.foi.decisions import OUTCOMES, TOTAL_ROW, Outcome, row_of
from gongkai.foi.domain import CLOCK_RUNS, OPEN_STATES, Move, State
from gongkai.foi.fees import FeeMethod
from gongkai.foi.models import Application, Letter
from gongkai.foi.receipt import Channel
from gongkai.foi.simulation import PROCEDURAL_OUTCOMES, ApplicationPlan, Behaviour, plan_year
from gongkai.organs.models import Organ
from gongkai.workdays import selectors as workday_selectors
from gongkai.workdays import services as workday_services
from gongkai.workdays.domain import WorkdayCalendar
from gongkai.workdays.models import CalendarArrangement

T = TypeVar("T")

DEFAULT_ORGAN: Final = "xinzhou-fgw"  # the demo's city development and reform commission
DECIDED_STATES: Final = frozenset({State.DECISION_APPROVED, State.SERVED, State.CLOSED})
RUNNING_OPEN_STATES: Final = OPEN_STATES & CLOCK_RUNS
FAST_HASHER: Final = "django.contrib.auth.hashers.MD5PasswordHasher"
CHUNK: Final = 500  # ids per query: well inside every backend's parameter limit


@dataclass
class SimulationResult:
    organ: str
    year: int
    seed: int
    planned: int
    registered: int = 0
    decided: int = 0
    carried_over: int = 0
    withdrawn: int = 0
    rows: dict[int, int] = field(default_factory=dict)  # Table B row → applications, from the database
    letters: dict[str, int] = field(default_factory=dict)
    missed_approved_late: int = 0
    missed_open_overdue: int = 0
    approved_late_seen: int = 0  # counted while walking the year; must equal the database's count
    reminders_sent: int = 0
    escalations: int = 0
    seconds: float = 0.0
    seconds_by_step: dict[str, float] = field(default_factory=dict)

    @property
    def missed_deadlines(self) -> int:
        return self.missed_approved_late + self.missed_open_overdue


@dataclass
class Case:
    """One application on its way: the plan, the record, and the days its steps fell on."""

    plan: ApplicationPlan
    application: Application
    received_on: date | None = None
    started_on: date | None = None  # handling began: accepted, or the supplement arrived
    corrected_on: date | None = None
    consultation_ends_on: date | None = None
    consultation_ended_on: date | None = None
    fee_noticed_on: date | None = None
    extended: bool = False
    drafted_on: date | None = None
    approved_on: date | None = None


class Workdays:
    """Working-day arithmetic by bisection over the calendar's days, for the thousands of daily checks."""

    def __init__(self, calendar: WorkdayCalendar, first: date, last: date) -> None:
        days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
        self.days = [day for day in days if calendar.is_workday(day)]
        self.day_set = frozenset(self.days)

    def after(self, day: date, count: int) -> date:
        """The `count`-th working day after `day`; 0 gives `day` itself or the next working day."""
        position = bisect_right(self.days, day) + count - 1
        if count == 0 and (position < 0 or self.days[position] != day):
            position += 1
        return self.days[position]

    def left(self, today: date, due: date) -> int:
        """Working days in (today, due], negative once overdue (as WorkdayCalendar.workdays_between)."""
        return bisect_right(self.days, due) - bisect_right(self.days, today)


class Simulator:
    def __init__(
        self,
        *,
        organ: Organ,
        handler: User,
        approver: User,
        year: int,
        thresholds: tuple[int, ...],
        progress: Callable[[str], object],
    ) -> None:
        self.organ, self.handler, self.approver, self.year = organ, handler, approver, year
        self.thresholds = thresholds
        self.first_threshold = max(thresholds)
        self.progress = progress
        self.workdays = Workdays(workday_selectors.current_calendar(), date(year, 1, 1), date(year + 2, 12, 31))
        self.cases: dict[int, Case] = {}  # open cases by application id
        self.all_ids: list[int] = []
        # Reminders already sent, per application, for the due day they were sent about: a new due
        # day (restart after 补正, end of a pause, extension) is a new clock with its own reminders.
        self.sent: dict[int, tuple[date, set[int]]] = {}
        self.timings: dict[str, float] = defaultdict(float)
        self.reminders_sent = self.escalations = self.approved_late = 0

    # --- the year ---------------------------------------------------------------------------------

    def run(self, plans: Iterable[ApplicationPlan], total: int) -> None:
        arrivals: dict[date, list[ApplicationPlan]] = defaultdict(list)
        for plan in plans:
            arrivals[plan.arrived_on].append(plan)
        day, last = date(self.year, 1, 1), date(self.year, 12, 31)
        while day <= last:
            for plan in arrivals.get(day, ()):
                self._register(plan)
                if len(self.all_ids) % 100 == 0:
                    self.progress(f"{len(self.all_ids)}/{total} registered, {day.isoformat()}")
            if day in self.workdays.day_set:
                reminded = self._reminders(day)
                for case in list(self.cases.values()):
                    self._advance(case, day, case.application.pk in reminded)
            day += timedelta(days=1)

    def _timed(self, label: str, call: Callable[..., T], **arguments: Any) -> T:
        started = time.perf_counter()
        try:
            return call(**arguments)
        finally:
            self.timings[label] += time.perf_counter() - started

    def _reminders(self, today: date) -> set[int]:
        """Run the reminder rule over the open cases whose clock runs; the ids whose handler is reminded."""
        open_cases = []
        for case in self.cases.values():
            application = case.application
            if application.state not in RUNNING_OPEN_STATES or application.due_on is None:
                continue
            due_for, sent = self.sent.get(application.pk, (application.due_on, set()))
            if due_for != application.due_on:
                sent = set()
            self.sent[application.pk] = (application.due_on, sent)
            open_cases.append(
                reminders.OpenCase(application.pk, self.workdays.left(today, application.due_on), frozenset(sent))
            )
        reminded = set()
        for reminder in reminders.due_reminders(open_cases, self.thresholds):
            self.sent[reminder.application_id][1].add(reminder.threshold)
            if reminder.escalate:
                self.escalations += 1  # to the head of the working body, not the handler
            else:
                self.reminders_sent += 1
                reminded.add(reminder.application_id)
        return reminded

    # --- registration -----------------------------------------------------------------------------

    def _register(self, plan: ApplicationPlan) -> None:
        channel = plan.channel
        application, _code = self._timed(
            "register",
            services.register,
            organ=self.organ,
            channel=channel,
            arrived_on=plan.arrived_on,
            # The portal's online form has no account behind it; staff register the rest.
            acting_user=None if channel is Channel.ONLINE else self.handler,
            signed_for_on=plan.arrived_on if channel is Channel.SIGNED_MAIL else None,
            description=plan.description,
            delivery=plan.delivery,
            **plan.applicant.fields(),
        )
        case = Case(plan, application, received_on=application.received_on)
        self.cases[application.pk] = case
        self.all_ids.append(application.pk)

    # --- one case, one day ------------------------------------------------------------------------

    def _advance(self, case: Case, today: date, reminded: bool) -> None:
        # A case may take several steps on one day (paid, then drafted); each step says whether it acted.
        for _ in range(8):
            if case.application.state in {State.CLOSED, State.WITHDRAWN}:
                self.cases.pop(case.application.pk, None)
                return
            extended = case.extended
            if not self._step(case, today, reminded):
                return
            # The reminder that led to an extension has been acted on; the next one is for the new due day.
            reminded = reminded and extended == case.extended

    def _step(self, case: Case, today: date, reminded: bool) -> bool:
        plan, state = case.plan, State(case.application.state)
        withdraw = plan.withdraw_after
        if state in OPEN_STATES and withdraw is not None and today >= self.workdays.after(plan.arrived_on, withdraw):
            self._move(case, Move.WITHDRAW, today, reason="申请人书面申请撤回")
            return True
        handlers: dict[State, Callable[[Case, date, bool], bool]] = {
            State.AWAITING_CONFIRMATION: self._confirm,
            State.REGISTERED: self._registered,
            State.CORRECTION_REQUESTED: self._awaiting_correction,
            State.IN_PROGRESS: self._in_progress,
            State.CONSULTING: self._consulting,
            State.AWAITING_FEE: self._awaiting_fee,
            State.DECISION_DRAFTED: self._drafted,
            State.DECISION_APPROVED: self._approved,
            State.SERVED: self._served,
        }
        return handlers[state](case, today, reminded)

    def _confirm(self, case: Case, today: date, reminded: bool) -> bool:
        if today < self.workdays.after(case.plan.arrived_on, case.plan.confirm_after):
            return False
        self._move(case, Move.CONFIRM_RECEIPT, today)
        case.received_on = case.application.received_on
        return True

    def _registered(self, case: Case, today: date, reminded: bool) -> bool:
        plan, received = case.plan, case.received_on or today
        correction = plan.correction
        if correction is not None:
            if today < self.workdays.after(received, correction.request_after):
                return False
            self._move(
                case,
                Move.REQUEST_CORRECTION,
                today,
                reason=correction.what_to_supply,
                period_workdays=correction.period,
            )
            case.corrected_on = today
            return True
        if today < self.workdays.after(received, plan.accept_after):
            return False
        self._move(case, Move.ACCEPT, today)
        self._begin(case, today)
        return True

    def _awaiting_correction(self, case: Case, today: date, reminded: bool) -> bool:
        correction, corrected_on = case.plan.correction, case.corrected_on
        if correction is None or corrected_on is None:
            raise CommandError(f"{case.application} awaits a correction it never asked for")
        if correction.supplied_after is not None:
            if today < self.workdays.after(corrected_on, correction.supplied_after):
                return False
            self._move(case, Move.RECEIVE_SUPPLEMENT, today)
            self._begin(case, today)
            return True
        due = case.application.correction_due_on
        if due is None or today <= due:
            return False
        self._move(case, Move.DEEM_ABANDONED, today, reason="申请人无正当理由逾期未补正，视为放弃申请")
        return True

    def _begin(self, case: Case, today: date) -> None:
        """Handling begins: the case gets its handler and the request is split into its items."""
        case.started_on = today
        case.application = self._timed(
            "assign", services.assign, application=case.application, handler=self.handler, acting_user=self.handler
        )
        for item in case.plan.items[1:]:
            self._timed(
                "add_requested_item",
                services.add_requested_item,
                application=case.application,
                description=item.description,
                acting_user=self.handler,
            )

    def _in_progress(self, case: Case, today: date, reminded: bool) -> bool:
        plan, started = case.plan, case.started_on or today
        consultation, fee = plan.consultation, plan.fee
        if consultation is not None and case.consultation_ends_on is None:
            if today < self.workdays.after(started, consultation.start_after):
                return False
            self._move(
                case,
                Move.START_CONSULTATION,
                today,
                reason=consultation.concern,
                consulted_party=consultation.party,
            )
            case.consultation_ends_on = self.workdays.after(today, consultation.lasts)
            return True
        if fee is not None and case.fee_noticed_on is None:
            if today < self.workdays.after(case.consultation_ended_on or started, fee.notice_after):
                return False
            self._move(case, Move.SEND_FEE_NOTICE, today, fee_method=FeeMethod.PER_PAGE, fee_quantity=fee.pages)
            case.fee_noticed_on = today
            return True
        due = case.application.due_on
        if due is None:
            return False
        left = self.workdays.left(today, due)
        if plan.extension is not None and not case.extended and left <= self.first_threshold:
            # The first reminder finds the work unfinished: the head approves more time (Art. 33).
            extension = plan.extension
            case.application = self._timed(
                "extend",
                services.extend,
                application=case.application,
                workdays=extension.workdays,
                acting_user=self.approver,
                reason=extension.reason,
                on=today,
            )
            case.extended = True
            return True
        if left > plan.finish_left and not (reminded and plan.behaviour is Behaviour.ACTS_ON_REMINDERS):
            return False
        self._decide(case, today)
        return True

    def _decide(self, case: Case, today: date) -> None:
        items = list(case.application.items.order_by("id"))
        for item, planned in zip(items, case.plan.items, strict=True):
            self._timed(
                "record_result",
                services.record_result,
                item=item,
                outcome=planned.outcome,
                acting_user=self.handler,
                reason=planned.reason,
                search_record=planned.search_record,
                referred_to=planned.referred_to,
            )
        self._move(case, Move.DRAFT_DECISION, today)
        case.drafted_on = today

    def _consulting(self, case: Case, today: date, reminded: bool) -> bool:
        if case.consultation_ends_on is None or today < case.consultation_ends_on:
            return False
        self._move(case, Move.END_CONSULTATION, today)
        case.consultation_ended_on = today
        return True

    def _awaiting_fee(self, case: Case, today: date, reminded: bool) -> bool:
        fee, noticed = case.plan.fee, case.fee_noticed_on
        if fee is None or noticed is None:
            raise CommandError(f"{case.application} awaits a fee it was never charged")
        due = case.application.fee_due_on
        if fee.paid_after is not None:
            paid_on = self.workdays.after(noticed, fee.paid_after)
            if today < min(paid_on, due or paid_on):
                return False
            self._move(case, Move.RECORD_PAYMENT, today, fee_receipt=fee.receipt)
            return True
        if due is None or today <= due:
            return False
        self._move(case, Move.FEE_UNPAID, today, reason="申请人逾期未按收费通知要求缴纳信息处理费")
        return True

    def _drafted(self, case: Case, today: date, reminded: bool) -> bool:
        drafted_on = case.drafted_on or today
        prompted = reminded and case.plan.behaviour is Behaviour.ACTS_ON_REMINDERS
        if today < self.workdays.after(drafted_on, case.plan.approve_after) and not prompted:
            return False
        self._move(case, Move.APPROVE_DECISION, today, user=self.approver)
        case.approved_on = today
        due = case.application.due_on
        if due is not None and today > due:
            self.approved_late += 1
        return True

    def _approved(self, case: Case, today: date, reminded: bool) -> bool:
        if today < self.workdays.after(case.approved_on or today, case.plan.serve_after):
            return False
        self._move(case, Move.SERVE, today, served_method=case.plan.serve_method, served_proof=case.plan.serve_proof)
        return True

    def _served(self, case: Case, today: date, reminded: bool) -> bool:
        self._move(case, Move.CLOSE, today)
        return True

    def _move(self, case: Case, to: Move, today: date, *, user: User | None = None, **facts: Any) -> None:
        case.application = self._timed(
            f"move {to.value}",
            services.move,
            application=case.application,
            to=to,
            acting_user=user or self.handler,
            on=today,
            **facts,
        )


# --- accounts, calendar and the report ----------------------------------------------------------


def _member(organ: Organ, role: Role, exclude: User | None = None) -> User | None:
    people = User.objects.filter(memberships__organ=organ, memberships__role=role, is_active=True)
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return people.order_by("pk").first()


def _account(organ: Organ, role: Role, username: str, full_name: str) -> User:
    """A staff account for the simulation, holding `role` at the organ and nothing else."""
    user = User.objects.filter(username=username).first() or account_services.create_staff_account(
        acting_user=None,
        username=username,
        full_name=full_name,
        # Nobody logs in as the simulation: a random password that is never shown.
        password=secrets.token_urlsafe(32),
        email=f"{username}@example.invalid",
    )
    account_services.grant_role(acting_user=None, user=user, organ=organ, role=role, reason="依申请公开办理模拟")
    return user


def staff_for(organ: Organ) -> tuple[User, User]:
    """The organ's handler and a different approver: the organ's own where it has them."""
    handler = _member(organ, Role.OPENNESS_OFFICE) or _account(
        organ, Role.OPENNESS_OFFICE, f"sim.{organ.slug}.handler", "模拟经办人"
    )
    approver = _member(organ, Role.APPROVER, exclude=handler) or _account(
        organ, Role.APPROVER, f"sim.{organ.slug}.approver", "模拟审批人"
    )
    return handler, approver


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def tally(result: SimulationResult, ids: list[int], year: int) -> None:
    """Fill the report from the database: what the stored records say, not what the walk remembers."""
    last_day = date(year, 12, 31)
    rows: Counter[int] = Counter()
    letters: Counter[str] = Counter()
    due: dict[int, date | None] = {}
    decided_reply: set[int] = set()
    for chunk in _chunks(ids):
        for pk, state, outcome, due_on in Application.objects.filter(pk__in=chunk).values_list(
            "pk", "state", "outcome", "due_on"
        ):
            result.registered += 1
            due[pk] = due_on
            if state in DECIDED_STATES:
                result.decided += 1
                rows[row_of(Outcome(outcome)).report_row] += 1
                if outcome not in PROCEDURAL_OUTCOMES:
                    decided_reply.add(pk)
            elif state == State.WITHDRAWN:
                result.withdrawn += 1
            else:
                result.carried_over += 1
                if state in RUNNING_OPEN_STATES and due_on is not None and due_on < last_day:
                    result.missed_open_overdue += 1
        for application_id, kind, issued_on in Letter.objects.filter(
            application_id__in=chunk, state=Letter.State.ISSUED
        ).values_list("application_id", "kind", "issued_on"):
            letters[kind] += 1
            due_on = due.get(application_id)
            # The reply on the merits is the approved one; 逾期不补正/不缴费 letters end a stopped clock.
            if kind == "REPLY" and application_id in decided_reply and due_on and issued_on and issued_on > due_on:
                result.missed_approved_late += 1
    result.rows = {row.report_row: rows[row.report_row] for row in OUTCOMES}
    result.letters = dict(letters)


def simulate(
    *,
    count: int,
    year: int,
    seed: int,
    organ_slug: str,
    ignore_reminders: float,
    progress: Callable[[str], object],
) -> SimulationResult:
    """Plan and walk the year; call inside a transaction (the command decides whether it stays)."""
    organ = Organ.objects.filter(slug=organ_slug).first()
    if organ is None:
        raise CommandError(f"No organ with slug {organ_slug!r}: load the demo data or pass --organ.")
    if not CalendarArrangement.objects.exists():
        workday_services.seed_from_package()
    calendar = workday_selectors.current_calendar()
    if not calendar.has_arrangement(year):
        progress(f"No confirmed arrangement for {year}: deadlines are provisional (weekends only).")
    handler, approver = staff_for(organ)
    plan = plan_year(
        count=count, year=year, seed=seed, is_workday=calendar.is_workday, ignore_reminders=ignore_reminders
    )
    thresholds = tuple(getattr(settings, "GONGKAI_REMINDER_THRESHOLDS", reminders.DEFAULT_THRESHOLDS))
    simulator = Simulator(
        organ=organ, handler=handler, approver=approver, year=year, thresholds=thresholds, progress=progress
    )
    started = time.perf_counter()
    simulator.run(plan.applications, count)
    result = SimulationResult(organ=organ.name, year=year, seed=seed, planned=count)
    tally(result, simulator.all_ids, year)
    result.approved_late_seen = simulator.approved_late
    result.reminders_sent, result.escalations = simulator.reminders_sent, simulator.escalations
    result.seconds = time.perf_counter() - started
    result.seconds_by_step = dict(sorted(simulator.timings.items(), key=lambda pair: -pair[1]))
    return result


LETTER_KINDS: Final = {
    "REPLY": "答复书",
    "CORRECTION": "补正告知书",
    "EXTENSION": "延期答复告知书",
    "CONSULTATION": "征求意见函",
    "FEE": "收费通知书",
}


def report_lines(result: SimulationResult) -> list[str]:
    lines = [
        f"{result.organ} {result.year}年依申请公开模拟（种子 {result.seed}）",
        f"申请登记 {result.registered} 件：办结 {result.decided} 件，结转下年度 {result.carried_over} 件，撤回 {result.withdrawn} 件",
        "",
        "行  件数  办理结果",
    ]
    for row in OUTCOMES:
        label = row.group if row.label == row.group else f"{row.group} {row.label}"
        lines.append(f"{row.report_row:>2} {result.rows[row.report_row]:>5}  {label}")
    lines.append(f"{TOTAL_ROW:>2} {sum(result.rows.values()):>5}  （七）总计")
    lines.append("")
    lines.append(
        "文书：" + "，".join(f"{name} {result.letters.get(kind, 0)} 件" for kind, name in LETTER_KINDS.items())
    )
    lines.append(f"提醒 {result.reminders_sent} 次，逾期督办 {result.escalations} 次")
    lines.append(
        f"超期 {result.missed_deadlines} 件（答复逾期批准 {result.missed_approved_late} 件，"
        f"年末在办已逾期 {result.missed_open_overdue} 件）"
    )
    lines.append(
        f"用时 {result.seconds:.1f} 秒："
        + "，".join(f"{step} {seconds:.1f}" for step, seconds in list(result.seconds_by_step.items())[:8])
    )
    return lines


@contextmanager
def _query_code_hashing(*, keep: bool) -> Iterator[None]:
    """Hash the throwaway query codes cheaply when nothing is kept.

    register() hashes each applicant's query code with the first configured password hasher:
    PBKDF2 at Django's iterations costs about half a second, most of a registration. A rolled-back
    run stores nothing and shows no code, so a fast hasher changes no count; a kept run stores
    records like real ones and uses the configured hashers.
    """
    if keep:
        yield
        return
    with override_settings(PASSWORD_HASHERS=[FAST_HASHER, *settings.PASSWORD_HASHERS]):
        yield


class Command(BaseCommand):
    help = (
        "Simulate a year of information applications through the workflow on the real calendar and print "
        "the counts per annual-report row and the missed deadlines; rolled back unless --keep."
    )

    result: SimulationResult | None = None

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=5000)
        parser.add_argument("--year", type=int, default=2025)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--organ", default=DEFAULT_ORGAN, help="slug of the organ applied to")
        parser.add_argument(
            "--ignore-reminders",
            type=float,
            default=0.0,
            help="share of cases whose handler ignores reminders and finishes after the due day",
        )
        parser.add_argument("--keep", action="store_true", help="commit the simulated applications")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["count"] < 1:
            raise CommandError("--count must be at least 1")
        if not 0.0 <= options["ignore_reminders"] <= 1.0:
            raise CommandError("--ignore-reminders is a share between 0 and 1")
        with transaction.atomic(), _query_code_hashing(keep=options["keep"]):
            self.result = simulate(
                count=options["count"],
                year=options["year"],
                seed=options["seed"],
                organ_slug=options["organ"],
                ignore_reminders=options["ignore_reminders"],
                progress=self.stderr.write,
            )
            if not options["keep"]:
                transaction.set_rollback(True)
        for line in report_lines(self.result):
            self.stdout.write(line)
        if not options["keep"]:
            self.stdout.write("（模拟数据已回滚，数据库未改变）")
