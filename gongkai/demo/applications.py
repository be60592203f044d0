"""Demo information applications at the city development and reform commission, one per stage.

Registered and moved through the real services on recent working days, so the queue shows
countdowns in every colour, each letter is really sealed, and the portal's status page has
something to show. Applicants and identity numbers are fictional (valid check digits only).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.foi import services
from gongkai.foi.applicants import ApplicantKind, IdType
from gongkai.foi.decisions import Outcome
from gongkai.foi.domain import Move
from gongkai.foi.models import Application
from gongkai.foi.receipt import Channel
from gongkai.organs.models import Organ
from gongkai.workdays import selectors as workday_selectors
from gongkai.workdays.domain import WorkdayCalendar

ORGAN_SLUG = "xinzhou-fgw"
HANDLER, HEAD = "fgw.office", "fgw.approver"

Step = tuple[int, Callable[[Application, date, User, User], Application]]


def _move(to: Move, **facts: Any) -> Callable[[Application, date, User, User], Application]:
    def run(application: Application, on: date, handler: User, head: User) -> Application:
        user = head if to in {Move.APPROVE_DECISION, Move.RETURN_DECISION} else handler
        return services.move(application=application, to=to, acting_user=user, on=on, **facts)

    return run


def _result(
    outcome: Outcome, reason: str = "", search: str = ""
) -> Callable[[Application, date, User, User], Application]:
    def run(application: Application, on: date, handler: User, head: User) -> Application:
        for item in application.items.all():
            services.record_result(item=item, outcome=outcome, acting_user=handler, reason=reason, search_record=search)
        return application

    return run


@dataclass(frozen=True)
class DemoApplication:
    name: str
    id_number: str
    description: str
    channel: Channel
    arrived_days_ago: int  # working days before today
    steps: list[Step] = field(default_factory=list)  # (working days after arrival, step)


DECIDE_DISCLOSED = [
    (1, _move(Move.ACCEPT)),
    (6, _result(Outcome.DISCLOSED)),
    (6, _move(Move.DRAFT_DECISION)),
    (7, _move(Move.APPROVE_DECISION)),
]

APPLICATIONS = (
    DemoApplication(
        "张伟",
        "140902198001010016",
        "忻州市2025年市级重点工程项目名单及投资计划",
        Channel.IN_PERSON,
        18,
        [*DECIDE_DISCLOSED, (8, _move(Move.SERVE, served_method="IN_PERSON")), (8, _move(Move.CLOSE))],
    ),
    DemoApplication(
        "王秀英",
        "11010519491231002X",
        "忻州市城区集中供热价格调整的成本监审报告",
        Channel.SIGNED_MAIL,
        17,
        [
            (1, _move(Move.ACCEPT)),
            (5, _result(Outcome.PARTLY_DISCLOSED, "成本监审报告中供热企业的成本明细属于商业秘密，已作区分处理")),
            (5, _move(Move.DRAFT_DECISION)),
        ],
    ),
    DemoApplication(
        "李娜",
        "440524198001010013",
        "关于某工业园区项目核准的文件",
        Channel.ONLINE,
        9,
        [
            (1, _move(Move.CONFIRM_RECEIPT)),
            (2, _move(Move.REQUEST_CORRECTION, reason="请写明园区和项目的名称，或者核准文件的文号、年份")),
        ],
    ),
    DemoApplication(
        "刘洋",
        "510105199001011237",
        "忻州市2024年以工代赈项目资金分配方案",
        Channel.EMAIL,
        12,
        [
            (1, _move(Move.CONFIRM_RECEIPT)),
            (2, _move(Move.ACCEPT)),
            (
                3,
                _move(
                    Move.START_CONSULTATION,
                    reason="方案附件含有承建企业的报价信息",
                    consulted_party="山西某建设工程有限公司",
                ),
            ),
        ],
    ),
    DemoApplication(
        "陈杰", "142201199007070038", "市发改委2025年政府信息公开工作年度报告的原始统计数据", Channel.IN_PERSON, 3
    ),
    DemoApplication("赵敏", "14090219850505002X", "忻州市新能源项目开发建设方案征求意见稿", Channel.ONLINE, 1),
)


def _workdays_before(calendar: WorkdayCalendar, day: date, count: int) -> date:
    while count > 0:
        day -= timedelta(days=1)
        count -= calendar.is_workday(day)
    return day


@transaction.atomic
def load_applications() -> int:
    organ = Organ.objects.get(slug=ORGAN_SLUG)
    if Application.objects.filter(organ=organ).exists():
        return 0
    handler, head = User.objects.get(username=HANDLER), User.objects.get(username=HEAD)
    calendar = workday_selectors.current_calendar()
    today = timezone.localdate()
    for seed in APPLICATIONS:
        arrived = _workdays_before(calendar, today, seed.arrived_days_ago)
        application, _code = services.register(
            organ=organ,
            acting_user=None if seed.channel == Channel.ONLINE else handler,
            channel=seed.channel,
            arrived_on=arrived,
            signed_for_on=arrived if seed.channel == Channel.SIGNED_MAIL else None,
            applicant_kind=ApplicantKind.NATURAL_PERSON,
            applicant_name=seed.name,
            id_type=IdType.RESIDENT_ID,
            id_number=seed.id_number,
            phone="13800000000",
            address="山西省忻州市（演示地址）",
            description=seed.description,
            delivery="ELECTRONIC",
        )
        for offset, step in seed.steps:
            application = step(application, calendar.add_workdays(arrived, offset), handler, head)
    return len(APPLICATIONS)
