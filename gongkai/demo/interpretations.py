"""Demo policy interpretations and the portal's columns and topics.

市发改委's two newest normative documents get interpretations written, reviewed, sealed and
published through the ordinary release flow (one in questions and answers, one with a follow-up);
its third newest is flagged as waiting, so the 解读待发布 notice and a rate below 90 % show. The
column tree is the one the city plan names (items 1–3), kept by the city's openness office.
"""

from dataclasses import dataclass

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.columns import services as column_services
from gongkai.columns.models import Column
from gongkai.interpretations import services
from gongkai.interpretations.domain import Channel, Form
from gongkai.interpretations.models import Interpretation
from gongkai.interpretations.services import Details
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies import services as policy_services
from gongkai.policies.domain import ItemKind, Transition

ORGAN_SLUG = "xinzhou-fgw"
RELEASE = (
    (Transition.SUBMIT, "fgw.drafter"),
    (Transition.REVIEW, "fgw.reviewer"),
    (Transition.APPROVE, "fgw.approver"),
    (Transition.PUBLISH, "fgw.office"),
)


@dataclass(frozen=True)
class ColumnSeed:
    name: str
    slug: str
    children: tuple[tuple[str, str], ...]
    summary: str = ""


COLUMNS = (
    ColumnSeed(
        "转型发展政策专栏",
        "zxfz",
        (
            ("政策文件", "zxfz-zcwj"),
            ("政策解读", "zxfz-zcjd"),
            ("具体举措", "zxfz-jtjc"),
            ("典型问题", "zxfz-dxwt"),
            ("落实情况", "zxfz-lsqk"),
            ("互动回应", "zxfz-hdhy"),
        ),
        "转型发展的政策文件、解读、举措和落实情况",
    ),
    ColumnSeed(
        "十四五规划",
        "sswgh",
        (
            ("规划纲要", "sswgh-ghgy"),
            ("专项规划", "sswgh-zxgh"),
            ("空间规划", "sswgh-kjgh"),
            ("区域规划", "sswgh-qygh"),
            ("历史规划", "sswgh-lsgh"),
        ),
    ),
    ColumnSeed(
        "清单目录",
        "qdml",
        (
            ("权责清单", "qdml-qzqd"),
            ("重大行政决策事项目录", "qdml-zdjc"),
            ("证明事项告知承诺目录", "qdml-zmsx"),
            ("行政审批中介服务事项清单", "qdml-zjfw"),
            ("公共资源交易目录", "qdml-ggzy"),
            ("收费目录清单", "qdml-sfml"),
        ),
    ),
)


def _columns(editor: User) -> dict[str, Column]:
    made: dict[str, Column] = {}
    for seed in COLUMNS:
        parent = column_services.add_column(
            parent=None, name=seed.name, slug=seed.slug, summary=seed.summary, acting_user=editor
        )
        made[seed.slug] = parent
        for name, slug in seed.children:
            made[slug] = column_services.add_column(parent=parent, name=name, slug=slug, acting_user=editor)
    return made


@transaction.atomic
def load_interpretations() -> int:
    if Column.objects.exists() or Interpretation.objects.exists():
        return 0
    people = {
        user.username: user for user in User.objects.filter(username__in=["city.office", *dict(RELEASE).values()])
    }
    organ = Organ.objects.get(slug=ORGAN_SLUG)
    columns = _columns(people["city.office"])
    normative = list(
        policy_selectors.public_items()
        .filter(organ=organ, kind=ItemKind.NORMATIVE_DOCUMENT)
        .order_by("-published_on")[:3]
    )
    made = 0
    first = None
    for index, policy in enumerate(normative[:2]):
        details = (
            Details(
                form=Form.QA,
                background=f"为贯彻落实上级部署，{organ.name}制定了《{policy.title.removeprefix('关于印发').removesuffix('的通知')}》。",
                significance="进一步明确工作目标和责任分工，推动政策落地见效。",
                effect="为企业和群众办事提供明确指引。",
                key_terms="营商环境：市场主体在准入、生产经营、退出等过程中涉及的政务环境、市场环境等外部因素和条件。",
                differences="与原政策相比，扩大了适用范围，简化了申报材料。",
                answers=(
                    ("哪些主体可以享受政策？", "在本市登记注册的企业和个体工商户。"),
                    ("到哪里咨询？", "可拨打12345政务服务便民热线咨询。"),
                ),
            )
            if index == 0
            else Details(form=Form.TEXT, background="落实年度重点工作安排。", significance="明确任务分工。")
        )
        interpretation = services.create(
            acting_user=people["fgw.drafter"],
            organ=organ,
            policies=[policy],
            details=details,
            title=f"《{policy.title}》政策解读",
            topic=policy.topic,
            keywords=policy.keywords,
        )
        item = interpretation.item
        for transition, username in RELEASE:
            item = policy_services.transition(item=item, to=transition, acting_user=people[username])
        services.record_channels(
            interpretation=interpretation,
            channels=[Channel.WEBSITE, Channel.NEW_MEDIA],
            acting_user=people["fgw.drafter"],
        )
        column_services.assign(item=item, columns=[columns["zxfz-zcjd"]], acting_user=people["fgw.drafter"])
        column_services.assign(item=policy, columns=[columns["zxfz-zcwj"]], acting_user=people["fgw.drafter"])
        first = first or interpretation
        made += 1
    for plan in policy_selectors.public_items().filter(organ=organ, kind=ItemKind.PLAN)[:3]:
        column_services.assign(item=plan, columns=[columns["sswgh-zxgh"]], acting_user=people["fgw.drafter"])
    return made
