"""A year of information applications, planned in advance: who applies, how, for what, and what happens.

Pure Python and seeded, so one seed always gives the same year. The plan says what the applicant and
the third parties do and when (working days after the step before), what the handler will decide
for each item, and how the handler works: most finish early, some would run late, and a handler who
acts on reminders finishes on the day the first one arrives. The command `simulate_applications`
turns the plans into service calls on the real calendar; the dates of the clock (due days, the end
of a 补正 or payment period) come from the services, never from here.

The mixes are shaped like published annual reports of city departments: 予以公开 and 部分公开 about
half, 本机关不掌握 about a quarter, every other row of Table B rare but present in a year of 5,000.
"""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Final, TypeVar

from gongkai.foi.applicants import ApplicantKind, IdType
from gongkai.foi.decisions import Outcome, application_outcome
from gongkai.foi.receipt import Channel
from gongkai.organs.domain import CREDIT_CODE_ALPHABET, credit_code_check_character
from gongkai.privacy.scanner import id_card_check_char

T = TypeVar("T")

CHANNEL_MIX: Final[dict[Channel, float]] = {
    Channel.ONLINE: 0.45,
    Channel.IN_PERSON: 0.18,
    Channel.SIGNED_MAIL: 0.20,
    Channel.ORDINARY_LETTER: 0.05,
    Channel.EMAIL: 0.06,
    Channel.FAX: 0.02,
    Channel.ORAL: 0.04,
}
# Online forms and emails arrive at any hour; post, fax and callers only when the office is open.
ANY_DAY_CHANNELS: Final = frozenset({Channel.ONLINE, Channel.EMAIL})
REST_DAY_SHARE: Final = 0.12  # of the any-day channels, the share that arrives on a rest day
STAFF_CHANNELS: Final = frozenset({Channel.IN_PERSON, Channel.ORAL, Channel.SIGNED_MAIL})

APPLICANT_MIX: Final[dict[ApplicantKind, float]] = {
    ApplicantKind.NATURAL_PERSON: 0.85,
    ApplicantKind.COMMERCIAL: 0.08,
    ApplicantKind.RESEARCH: 0.01,
    ApplicantKind.PUBLIC_WELFARE: 0.01,
    ApplicantKind.LEGAL_SERVICE: 0.03,
    ApplicantKind.OTHER_ORGANISATION: 0.02,
}
RETURNING_APPLICANT: Final = 0.2  # the share of applications from someone who applied earlier in the year

ITEM_COUNT_MIX: Final[dict[int, float]] = {1: 0.85, 2: 0.11, 3: 0.04}

# The decision on one requested item. Rows 21 and 22 are not decisions on an item: they follow
# from the procedure (no 补正, no payment), so the planner reaches them through those events.
OUTCOME_MIX: Final[dict[Outcome, float]] = {
    Outcome.DISCLOSED: 38.0,
    Outcome.PARTLY_DISCLOSED: 12.0,
    Outcome.WITHHELD_STATE_SECRET: 0.3,
    Outcome.WITHHELD_PROHIBITED_BY_LAW: 0.5,
    Outcome.WITHHELD_THREE_SECURITIES: 0.4,
    Outcome.WITHHELD_THIRD_PARTY: 1.2,
    Outcome.WITHHELD_INTERNAL_AFFAIRS: 0.8,
    Outcome.WITHHELD_PROCESS_INFORMATION: 1.2,
    Outcome.WITHHELD_ENFORCEMENT_FILE: 0.6,
    Outcome.WITHHELD_ADMINISTRATIVE_QUERY: 1.0,
    Outcome.UNAVAILABLE_NOT_HELD: 25.0,
    Outcome.UNAVAILABLE_WOULD_NEED_CREATING: 4.0,
    Outcome.UNAVAILABLE_STILL_UNCLEAR: 0.8,
    Outcome.NOT_PROCESSED_PETITION: 3.0,
    Outcome.NOT_PROCESSED_REPEAT: 2.0,
    Outcome.NOT_PROCESSED_PUBLICATION: 0.5,
    Outcome.NOT_PROCESSED_EXCESSIVE: 0.5,
    Outcome.NOT_PROCESSED_CONFIRMATION: 0.8,
    Outcome.OTHER: 2.0,
}
PROCEDURAL_OUTCOMES: Final = frozenset({Outcome.OTHER_NO_CORRECTION, Outcome.OTHER_FEE_UNPAID})


@dataclass(frozen=True)
class Rates:
    """How often each procedural event happens, as a share of applications."""

    correction: float = 0.08
    abandoned: float = 0.25  # of the 补正 notices, the share never answered (row 21)
    consultation: float = 0.05
    fee: float = 0.01
    unpaid: float = 0.3  # of the fee notices, the share never paid (row 22)
    extension: float = 0.03
    withdrawal: float = 0.01
    late_without_reminders: float = 0.3  # handlers who would finish with under 5 working days left


DEFAULT_RATES: Final = Rates()


class Behaviour(StrEnum):
    ACTS_ON_REMINDERS = "ACTS_ON_REMINDERS"  # finishes by the day the first reminder arrives
    IGNORES_REMINDERS = "IGNORES_REMINDERS"  # procrastinates past the due day


@dataclass(frozen=True)
class Applicant:
    kind: ApplicantKind
    name: str
    phone: str
    email: str
    address: str
    id_type: str = ""
    id_number: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    contact_person: str = ""

    def fields(self) -> dict[str, str]:
        """The applicant's part of the registration form."""
        fields = {
            "applicant_kind": self.kind.value,
            "applicant_name": self.name,
            "phone": self.phone,
            "email": self.email,
            "address": self.address,
        }
        if self.kind is ApplicantKind.NATURAL_PERSON:
            return {**fields, "id_type": self.id_type, "id_number": self.id_number}
        return {
            **fields,
            "credit_code": self.credit_code,
            "legal_representative": self.legal_representative,
            "contact_person": self.contact_person,
        }


@dataclass(frozen=True)
class ItemPlan:
    description: str
    outcome: Outcome
    reason: str  # the reply states it for every result but 予以公开 (Art. 36)
    search_record: str = ""  # 本机关不掌握: where and how the organ searched
    referred_to: str = ""  # 本机关不掌握: the organ that holds it, when known


@dataclass(frozen=True)
class CorrectionPlan:
    """补正 (Art. 30): the notice goes out within 7 working days of receipt."""

    request_after: int  # working days after receipt
    period: int  # working days the applicant is given (1–15)
    supplied_after: int | None  # working days after the notice; None: never supplied
    what_to_supply: str


@dataclass(frozen=True)
class ConsultationPlan:
    """征求意见 (Arts. 32, 34): the consulted party answers within 15 working days."""

    start_after: int  # working days after the clock (re)starts
    lasts: int  # working days until the answer
    party: str
    concern: str


@dataclass(frozen=True)
class FeePlan:
    notice_after: int  # working days after the clock (re)starts or the consultation ends
    pages: int  # charged per page: more than the 30 free pages of 109号
    paid_after: int | None  # working days after the notice; None: not paid in time (row 22)
    receipt: str


@dataclass(frozen=True)
class ExtensionPlan:
    """Art. 33 para. 2: asked for when the first reminder comes and the work is not done."""

    workdays: int
    reason: str


@dataclass(frozen=True)
class ApplicationPlan:
    number: int
    arrived_on: date
    channel: Channel
    confirm_after: int  # channels needing confirmation (Art. 31): working days until confirmed
    applicant: Applicant
    delivery: str
    items: tuple[ItemPlan, ...]
    accept_after: int  # working days after receipt
    behaviour: Behaviour
    # Working days left before the due day when the handler would finish unprompted; negative
    # means after the due day. A handler acting on reminders finishes at the latest when one arrives.
    finish_left: int
    approve_after: int  # working days the approver takes after the draft
    serve_after: int  # working days from approval to service
    serve_method: str
    serve_proof: str
    correction: CorrectionPlan | None = None
    consultation: ConsultationPlan | None = None
    fee: FeePlan | None = None
    extension: ExtensionPlan | None = None
    withdraw_after: int | None = None  # working days after arrival

    @property
    def description(self) -> str:
        return "；".join(item.description for item in self.items)

    @property
    def expected_outcome(self) -> Outcome | None:
        """The Table B row the application ends in if the year is long enough; None if withdrawn."""
        if self.withdraw_after is not None:
            return None
        if self.correction is not None and self.correction.supplied_after is None:
            return Outcome.OTHER_NO_CORRECTION
        if self.fee is not None and self.fee.paid_after is None:
            return Outcome.OTHER_FEE_UNPAID
        return application_outcome([item.outcome for item in self.items])


@dataclass(frozen=True)
class YearPlan:
    year: int
    seed: int
    applications: tuple[ApplicationPlan, ...] = field(default_factory=tuple)


# --- what people ask for -------------------------------------------------------------------------

_SUBJECTS: Final = (
    "城区道路改造项目",
    "老旧小区改造工程",
    "集中供热管网改造项目",
    "农村饮水安全巩固提升工程",
    "高标准农田建设项目",
    "棚户区改造项目",
    "污水处理厂提标改造工程",
    "中小学校舍建设项目",
    "城市公园绿化工程",
    "农贸市场升级改造项目",
    "工业园区基础设施项目",
    "公共租赁住房分配",
    "征地补偿安置方案",
    "房屋征收补偿决定",
    "农村集体土地征收",
    "城乡低保资金发放",
    "残疾人两项补贴发放",
    "医疗保障基金使用",
    "企业技术改造专项资金",
    "中小企业发展专项资金",
    "大气污染防治专项资金",
    "河道综合治理工程",
    "乡村振兴衔接资金项目",
    "政府投资项目审批",
    "价格监测工作",
    "建设用地规划许可",
    "环境影响评价审批",
    "行政处罚案件",
    "食品安全抽检",
    "安全生产检查",
)
_DOCUMENTS: Final = (
    "批复文件",
    "立项审批文件",
    "资金拨付明细",
    "招标投标文件",
    "验收报告",
    "实施方案",
    "会议纪要",
    "补偿标准",
    "公示名单",
    "审计报告",
    "合同文本",
    "检查记录",
)
_PLACES: Final = ("忻府区", "原平市", "定襄县", "五台县", "代县", "繁峙县", "宁武县", "静乐县", "神池县", "五寨县")

_SURNAMES: Final = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
_GIVEN: Final = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文辉玉兰凤英晓东海燕鹏飞"
_ORG_WORDS: Final = ("晋北", "云中", "滹沱", "雁门", "五台", "芦芽", "汾源", "恒山", "牧马", "系舟")
_ORG_SUFFIX: Final[dict[ApplicantKind, tuple[str, ...]]] = {
    ApplicantKind.COMMERCIAL: ("商贸有限公司", "建筑工程有限公司", "房地产开发有限公司", "农业科技有限公司"),
    ApplicantKind.RESEARCH: ("区域经济研究院", "城乡规划研究所", "环境科学研究所"),
    ApplicantKind.PUBLIC_WELFARE: ("环保志愿者协会", "公益基金会", "助残服务中心"),
    ApplicantKind.LEGAL_SERVICE: ("律师事务所", "法律服务所"),
    ApplicantKind.OTHER_ORGANISATION: ("村民委员会", "业主委员会", "商会"),
}
_CREDIT_PREFIX: Final[dict[ApplicantKind, str]] = {
    ApplicantKind.COMMERCIAL: "91",  # 工商: 企业
    ApplicantKind.RESEARCH: "12",  # 机构编制: 事业单位
    ApplicantKind.PUBLIC_WELFARE: "53",  # 民政: 基金会 and the like
    ApplicantKind.LEGAL_SERVICE: "31",  # 司法行政: 律师执业机构
    ApplicantKind.OTHER_ORGANISATION: "54",  # 村民委员会 and other 基层群众性自治组织
}
_DIVISIONS: Final = ("140902", "140981", "140921", "140922", "140923", "140924", "140925", "140926", "140927")

_REASONS: Final[dict[Outcome, str]] = {
    Outcome.PARTLY_DISCLOSED: "其中涉及个人身份信息和联系方式的内容已作区分处理，不予公开",
    Outcome.WITHHELD_STATE_SECRET: "经保密审查，该文件已依法定为国家秘密",
    Outcome.WITHHELD_PROHIBITED_BY_LAW: "统计法规定统计调查中获得的能够识别单个调查对象的资料不得对外提供",
    Outcome.WITHHELD_THREE_SECURITIES: "该信息涉及重要基础设施的安全防护部署，公开后可能危及公共安全",
    Outcome.WITHHELD_THIRD_PARTY: "该信息涉及企业的商业秘密，经征求意见第三方不同意公开",
    Outcome.WITHHELD_INTERNAL_AFFAIRS: "该信息属于本机关内部人事管理信息",
    Outcome.WITHHELD_PROCESS_INFORMATION: "该信息为讨论记录和请示报告，属于过程性信息",
    Outcome.WITHHELD_ENFORCEMENT_FILE: "该信息为行政执法案卷中的调查笔录",
    Outcome.WITHHELD_ADMINISTRATIVE_QUERY: "不动产登记资料依《不动产登记暂行条例》查询",
    Outcome.UNAVAILABLE_NOT_HELD: "经检索，本机关未制作或获取该信息",
    Outcome.UNAVAILABLE_WOULD_NEED_CREATING: "所申请的统计汇总需对现有信息加工分析后另行制作",
    Outcome.UNAVAILABLE_STILL_UNCLEAR: "补正后仍未能明确所需信息的名称、文号或其他特征",
    Outcome.NOT_PROCESSED_PETITION: "申请内容为对个案处理的投诉，属于信访事项",
    Outcome.NOT_PROCESSED_REPEAT: "申请人已就相同信息提出申请，本机关已作答复",
    Outcome.NOT_PROCESSED_PUBLICATION: "该信息已在政府公报正式刊发",
    Outcome.NOT_PROCESSED_EXCESSIVE: "申请人当月提出大量内容相近的申请且未说明理由",
    Outcome.NOT_PROCESSED_CONFIRMATION: "申请人要求对已获取的文件加盖印章予以确认",
    Outcome.OTHER: "申请内容为咨询政策适用问题，已告知咨询渠道",
}
_REFERRALS: Final = ("忻州市自然资源局", "忻州市住房和城乡建设局", "忻州市生态环境局", "忻州市财政局")
_CONSULTED: Final = ("忻州某建设有限公司", "忻州某房地产开发有限公司", "忻州市某某村民委员会", "忻州市自然资源局")
_SERVE_BY_DELIVERY: Final[dict[str, tuple[str, ...]]] = {
    "PAPER": ("POST",),
    "ELECTRONIC": ("ONLINE", "EMAIL"),
    "EMAIL": ("EMAIL",),
    "COLLECT": ("IN_PERSON",),
}
DELIVERY_MIX: Final[dict[str, float]] = {"PAPER": 0.45, "ELECTRONIC": 0.35, "EMAIL": 0.1, "COLLECT": 0.1}


def _pick(rng: random.Random, weights: dict[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _person_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _resident_id(rng: random.Random) -> str:
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    body = f"{rng.choice(_DIVISIONS)}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + id_card_check_char(body)


def _credit_code(rng: random.Random, kind: ApplicantKind) -> str:
    body = _CREDIT_PREFIX[kind] + rng.choice(_DIVISIONS) + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    return body + credit_code_check_character(body)


def _applicant(rng: random.Random, kind: ApplicantKind, serial: int) -> Applicant:
    contact = {
        "phone": f"13{rng.randrange(10**9):09d}",
        "email": f"applicant{serial}@example.com",
        "address": f"忻州市{rng.choice(_PLACES)}{rng.choice(_ORG_WORDS)}路{rng.randrange(1, 300)}号",
    }
    if kind is ApplicantKind.NATURAL_PERSON:
        # A few applicants abroad or from Hong Kong and Macao use other documents.
        if rng.random() < 0.02:
            return Applicant(
                kind, _person_name(rng), id_type=IdType.PASSPORT, id_number=f"E{rng.randrange(10**8):08d}", **contact
            )
        return Applicant(kind, _person_name(rng), id_type=IdType.RESIDENT_ID, id_number=_resident_id(rng), **contact)
    name = f"忻州市{rng.choice(_ORG_WORDS)}{rng.choice(_ORG_SUFFIX[kind])}"
    return Applicant(
        kind,
        name,
        credit_code=_credit_code(rng, kind),
        legal_representative=_person_name(rng),
        contact_person=_person_name(rng),
        **contact,
    )


def _item(rng: random.Random, year: int) -> ItemPlan:
    outcome = _pick(rng, OUTCOME_MIX)
    description = (
        f"{rng.choice(_PLACES)}{rng.randrange(year - 8, year)}年{rng.choice(_SUBJECTS)}的{rng.choice(_DOCUMENTS)}"
    )
    if outcome is not Outcome.UNAVAILABLE_NOT_HELD:
        return ItemPlan(description, outcome, _REASONS.get(outcome, ""))
    return ItemPlan(
        description,
        outcome,
        _REASONS[outcome],
        search_record="检索本机关公文管理系统、档案室纸质档案，关键词：" + description[-8:],
        referred_to=rng.choice(_REFERRALS) if rng.random() < 0.5 else "",
    )


def _arrival(rng: random.Random, channel: Channel, workdays: Sequence[date], rest_days: Sequence[date]) -> date:
    if channel in ANY_DAY_CHANNELS and rest_days and rng.random() < REST_DAY_SHARE:
        return rng.choice(rest_days)
    return rng.choice(workdays)


def _correction(rng: random.Random, rates: Rates, items: Sequence[ItemPlan]) -> CorrectionPlan | None:
    # 仍不明确 (row 15) is only ever decided after a 补正 that did not make the request clear.
    unclear = any(item.outcome is Outcome.UNAVAILABLE_STILL_UNCLEAR for item in items)
    if not unclear and rng.random() >= rates.correction:
        return None
    period = rng.randint(5, 15)
    abandoned = not unclear and rng.random() < rates.abandoned
    return CorrectionPlan(
        request_after=rng.randint(1, 5),
        period=period,
        supplied_after=None if abandoned else rng.randint(1, period),
        what_to_supply="请补充所需信息的文件名称、文号或者形成时间等特征描述",
    )


def _consultation(rng: random.Random, rates: Rates, items: Sequence[ItemPlan]) -> ConsultationPlan | None:
    # Third-party refusals (row 8) are usually decided after asking the third party.
    third_party = any(item.outcome is Outcome.WITHHELD_THIRD_PARTY for item in items)
    if not (rng.random() < (0.8 if third_party else rates.consultation)):
        return None
    return ConsultationPlan(
        start_after=rng.randint(1, 5),
        lasts=rng.randint(3, 15),
        party=rng.choice(_CONSULTED),
        concern="申请公开的信息可能涉及贵单位的商业秘密或者合法权益",
    )


def _fee(rng: random.Random, rates: Rates, number: int) -> FeePlan | None:
    if rng.random() >= rates.fee:
        return None
    return FeePlan(
        notice_after=rng.randint(1, 5),
        pages=rng.randint(35, 400),
        paid_after=None if rng.random() < rates.unpaid else rng.randint(1, 15),
        receipt=f"FS-{number:06d}",
    )


def _handler(rng: random.Random, rates: Rates, ignore_reminders: float) -> tuple[Behaviour, int]:
    if rng.random() < ignore_reminders:
        return Behaviour.IGNORES_REMINDERS, -rng.randint(1, 8)
    if rng.random() < rates.late_without_reminders:
        return Behaviour.ACTS_ON_REMINDERS, rng.randint(-6, 4)
    return Behaviour.ACTS_ON_REMINDERS, rng.randint(6, 17)


def _serving(rng: random.Random, delivery: str, applicant: Applicant) -> tuple[str, str]:
    method = rng.choice(_SERVE_BY_DELIVERY[delivery])
    proofs = {
        "POST": f"11{rng.randrange(10**11):011d}",  # an EMS tracking number
        "EMAIL": f"已发送至{applicant.email}",
        "ONLINE": "申请人凭查询码在线查阅",
        "IN_PERSON": "申请人当场签收",
    }
    return method, proofs[method]


def plan_application(
    rng: random.Random,
    *,
    number: int,
    year: int,
    applicant: Applicant,
    channel: Channel,
    arrived_on: date,
    rates: Rates,
    ignore_reminders: float,
) -> ApplicationPlan:
    items = tuple(_item(rng, year) for _ in range(_pick(rng, ITEM_COUNT_MIX)))
    delivery = _pick(rng, DELIVERY_MIX)
    behaviour, finish_left = _handler(rng, rates, ignore_reminders)
    extension = (
        ExtensionPlan(rng.randint(5, 20), "所申请信息涉及多个年度的档案，需调取核查")
        if rng.random() < rates.extension
        else None
    )
    if extension is not None and behaviour is Behaviour.ACTS_ON_REMINDERS:
        # More time is asked for because the work would not be done when the first reminder comes.
        finish_left = min(finish_left, 4)
    method, proof = _serving(rng, delivery, applicant)
    correction = _correction(rng, rates, items)
    return ApplicationPlan(
        number=number,
        arrived_on=arrived_on,
        channel=channel,
        confirm_after=rng.choice((0, 0, 1)),
        applicant=applicant,
        delivery=delivery,
        items=items,
        accept_after=rng.choice((0, 1, 1, 2)),
        behaviour=behaviour,
        finish_left=finish_left,
        approve_after=rng.choice((0, 1)),
        serve_after=rng.choice((0, 1, 2)),
        serve_method=method,
        serve_proof=proof,
        correction=correction,
        consultation=_consultation(rng, rates, items),
        fee=_fee(rng, rates, number),
        extension=extension,
        # Withdrawals come early, before the handler has finished.
        withdraw_after=rng.randint(1, 3) if rng.random() < rates.withdrawal else None,
    )


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=offset) for offset in range((date(year + 1, 1, 1) - first).days)]


def plan_year(
    *,
    count: int,
    year: int,
    seed: int,
    is_workday: Callable[[date], bool],
    ignore_reminders: float = 0.0,
    rates: Rates = DEFAULT_RATES,
) -> YearPlan:
    """`count` applications arriving over `year`, in arrival order, the same for the same seed."""
    if not 0.0 <= ignore_reminders <= 1.0:
        raise ValueError("ignore_reminders is a share between 0 and 1")
    rng = random.Random(seed)  # noqa: S311 (a reproducible plan, not a secret)
    days = _days_of(year)
    workdays = [day for day in days if is_workday(day)]
    rest_days = [day for day in days if not is_workday(day)]
    applicants: dict[ApplicantKind, list[Applicant]] = {}
    arrivals = []
    for serial in range(count):
        kind = _pick(rng, APPLICANT_MIX)
        earlier = applicants.setdefault(kind, [])
        if earlier and rng.random() < RETURNING_APPLICANT:
            applicant = rng.choice(earlier)
        else:
            applicant = _applicant(rng, kind, serial)
            earlier.append(applicant)
        channel = _pick(rng, CHANNEL_MIX)
        arrivals.append((_arrival(rng, channel, workdays, rest_days), serial, applicant, channel))
    arrivals.sort(key=lambda arrival: (arrival[0], arrival[1]))
    plans = tuple(
        plan_application(
            rng,
            number=number,
            year=year,
            applicant=applicant,
            channel=channel,
            arrived_on=arrived_on,
            rates=rates,
            ignore_reminders=ignore_reminders,
        )
        for number, (arrived_on, _serial, applicant, channel) in enumerate(arrivals, start=1)
    )
    return YearPlan(year, seed, plans)
