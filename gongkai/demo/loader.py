"""Load the demo data through the services, creating only what is missing."""

from django.db import transaction
from django.utils import timezone

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.demo import applications as applications_demo
from gongkai.demo import catalogs as catalogs_demo
from gongkai.demo import convenience as convenience_demo
from gongkai.demo import interpretations as interpretations_demo
from gongkai.demo import policies as policy_demo
from gongkai.demo import reports as reports_demo
from gongkai.demo.organs import contact_for, demo_organs, fictional_credit_code
from gongkai.demo.people import DEMO_PASSWORD, DEMO_PEOPLE
from gongkai.organs import services as organ_services
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.policies.domain import DisclosureAttribute, ItemKind, Transition
from gongkai.policies.models import InformationItem, Topic
from gongkai.workdays import services as workday_services


@transaction.atomic
def load_organs() -> int:
    existing = {organ.slug: organ for organ in Organ.objects.all()}
    created = 0
    for serial, seed in enumerate(demo_organs(), start=1):
        if seed.slug in existing:
            continue
        existing[seed.slug] = organ_services.create_organ(
            acting_user=None,
            slug=seed.slug,
            name=seed.name,
            short_name=seed.short_name,
            kind=seed.kind,
            level=seed.level,
            parent=existing[seed.parent] if seed.parent else None,
            credit_code=fictional_credit_code(seed.division_code, serial),
            division_code=seed.division_code,
            sort_order=serial * 10,
            functions=seed.functions,
            website="https://www.xinzhou.example.gov.cn/",
            **contact_for(seed, serial),
        )
        created += 1
    return created


@transaction.atomic
def load_people() -> int:
    created = 0
    organs = {organ.slug: organ for organ in Organ.objects.all()}
    for person in DEMO_PEOPLE:
        user = User.objects.filter(username=person.username).first()
        if user is None:
            user = account_services.create_staff_account(
                acting_user=None,
                username=person.username,
                full_name=person.full_name,
                password=DEMO_PASSWORD,
                email=f"{person.username}@xinzhou.example.gov.cn",
            )
            created += 1
        for role in person.roles:
            account_services.grant_role(acting_user=None, user=user, organ=organs[person.organ_slug], role=role)
    return created


WORKFLOW_DEMO = (
    # (title, steps taken): published ones carry a seal; the rest wait in the queues.
    ("忻州市发展和改革委员会关于公布2021年市级重点工程项目名单的通知", 4),
    ("忻州市发展和改革委员会关于进一步降低企业用电成本的通知", 4),
    ("忻州市发展和改革委员会关于开展价格监测工作的通知", 4),
    ("忻州市发展和改革委员会关于做好以工代赈项目实施工作的通知", 2),
    ("忻州市发展和改革委员会关于优化营商环境若干措施的通知", 1),
    ("忻州市发展和改革委员会关于编制“十四五”专项规划的通知", 1),
    ("忻州市发展和改革委员会关于开展节能监察的通知", 0),
)
WORKFLOW_STEPS = (
    (Transition.SUBMIT, "fgw.drafter"),
    (Transition.REVIEW, "fgw.reviewer"),
    (Transition.APPROVE, "fgw.approver"),
    (Transition.PUBLISH, "fgw.office"),
)


@transaction.atomic
def load_policies() -> int:
    policy_services.ensure_topics()
    organs = {organ.slug: organ for organ in Organ.objects.all()}
    names = {slug: organ.name for slug, organ in organs.items()}
    topics = {topic.path: topic for topic in Topic.objects.select_related("parent")}
    known = set(InformationItem.objects.values_list("title", flat=True))
    created = 0
    for seed in policy_demo.demo_items(names):
        if seed.title in known:
            continue
        organ = organs[seed.organ_slug]
        policy_services.import_published(
            acting_user=None,
            organ=organ,
            published_on=seed.published_on,
            source="演示数据",
            title=seed.title,
            document_number=seed.document_number,
            written_on=seed.written_on,
            topic=topics[seed.topic],
            kind=seed.kind,
            keywords=seed.keywords,
            body=policy_demo.body_for(seed, organ.name),
            attribute=seed.attribute,
            legal_basis=seed.legal_basis or "",
            attribute_reason=seed.reason,
            re_review_on=seed.re_review_on,
        )
        created += 1
    people = {user.username: user for user in User.objects.filter(username__startswith="fgw.")}
    for title, steps in WORKFLOW_DEMO:
        if title in known:
            continue
        item = policy_services.create_draft(
            acting_user=people["fgw.drafter"],
            organ=organs["xinzhou-fgw"],
            title=title,
            topic=topics["国民经济管理、国有资产监管\\宏观经济"],
            kind=ItemKind.OTHER_DOCUMENT,
            body=policy_demo.body_for(
                policy_demo.ItemSeed(
                    "xinzhou-fgw", title, ItemKind.OTHER_DOCUMENT, "", timezone.localdate(), timezone.localdate(), ""
                ),
                organs["xinzhou-fgw"].name,
            ),
            attribute=DisclosureAttribute.PROACTIVE,
        )
        for transition, username in WORKFLOW_STEPS[:steps]:
            item = policy_services.transition(item=item, to=transition, acting_user=people[username])
        created += 1
    penalty_title = "忻州市发展和改革委员会行政处罚决定书（忻发改罚〔2021〕3号）"
    if penalty_title not in known:
        # Personal data on purpose: the reviewer sees the privacy findings that block approval.
        item = policy_services.create_draft(
            acting_user=people["fgw.drafter"],
            organ=organs["xinzhou-fgw"],
            title=penalty_title,
            topic=topics["国民经济管理、国有资产监管\\物价"],
            kind=ItemKind.ADMINISTRATIVE_PENALTY,
            body=(
                "<p>当事人：王某某，身份证号码140902198001010016，联系电话13800001234，"
                "住忻州市忻府区东关小区3号楼2单元501室。</p>"
                "<p>经查，当事人在经营活动中存在不执行政府定价的行为，依法作出罚款人民币五千元的行政处罚。</p>"
            ),
            attribute=DisclosureAttribute.PROACTIVE,
        )
        policy_services.transition(item=item, to=Transition.SUBMIT, acting_user=people["fgw.drafter"])
        created += 1
    return created


def load_all() -> dict[str, int]:
    return {
        "calendar_years": len(workday_services.seed_from_package()),
        "organs": load_organs(),
        "people": load_people(),
        "items": load_policies(),
        "convenience_replies": convenience_demo.load_convenience_replies(),
        "applications": applications_demo.load_applications(),
        "interpretations": interpretations_demo.load_interpretations(),
        "annual_reports": reports_demo.load_reports(),
        "catalogs": catalogs_demo.load_catalogs(),
    }


def login_summary() -> str:
    names = ", ".join(person.username for person in DEMO_PEOPLE)
    return f"{names}（密码均为 {DEMO_PASSWORD}）"
