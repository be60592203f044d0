"""Demo convenience replies (便民答复) at the city development and reform commission.

A few questions answered by telephone, on the 12345 hotline and on the website, each linked to the
published documents the suggestions find, and two hotline consultations still waiting for an
answer. They are filed with a demo token whose clear text is thrown away, so nobody holds it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.convenience import selectors, services
from gongkai.convenience.domain import Channel
from gongkai.convenience.models import ConvenienceReply, HotlineToken
from gongkai.organs.models import Organ

ORGAN_SLUG = "xinzhou-fgw"
ANSWERED_BY = "fgw.office"
DEMO_SYSTEM_NAME = "12345 热线工单系统（演示）"


@dataclass(frozen=True)
class ReplySeed:
    channel: Channel
    days_ago: int
    question: str
    answer: str = ""  # blank: a hotline consultation still waiting
    ticket: str = ""


REPLIES = (
    ReplySeed(
        Channel.TELEPHONE,
        20,
        "请问2021年市级重点工程项目名单在哪里可以查到？",
        "2021年市级重点工程项目名单已由市发展和改革委员会主动公开，可在本网站“法定主动公开内容”栏目查阅。",
    ),
    ReplySeed(
        Channel.HOTLINE_12345,
        12,
        "企业用电成本高，市里有没有降低企业用电成本的政策？",
        "我委已印发关于进一步降低企业用电成本的通知，相关措施和适用范围见所附文件；具体电费核算请咨询供电企业。",
        ticket="XZ12345-DEMO-0001",
    ),
    ReplySeed(
        Channel.WEBSITE_MESSAGE,
        8,
        "价格监测工作主要监测哪些商品的价格，结果在哪里公布？",
        "价格监测的品种和发布方式见我委关于开展价格监测工作的通知，监测结果按月在本网站发布。",
    ),
    ReplySeed(Channel.HOTLINE_12345, 2, "以工代赈项目的劳务报酬怎么发放？", ticket="XZ12345-DEMO-0002"),
    ReplySeed(Channel.HOTLINE_12345, 1, "优化营商环境有哪些新措施？企业开办要几天？", ticket="XZ12345-DEMO-0003"),
)


def _demo_token(organ: Organ) -> HotlineToken:
    token = HotlineToken.objects.filter(organ=organ, name=DEMO_SYSTEM_NAME).first()
    if token is None:
        token, _clear = services.issue_token(organ=organ, name=DEMO_SYSTEM_NAME, acting_user=None)
    return token


@transaction.atomic
def load_convenience_replies() -> int:
    organ = Organ.objects.filter(slug=ORGAN_SLUG).first()
    if organ is None:
        return 0
    staff = User.objects.filter(username=ANSWERED_BY).first()
    known = set(ConvenienceReply.objects.filter(organ=organ).values_list("question", flat=True))
    today = timezone.localdate()
    created = 0
    for seed in REPLIES:
        if seed.question in known:
            continue
        asked_on = today - timedelta(days=seed.days_ago)
        if seed.answer:
            documents = selectors.suggested_documents(seed.question, limit=2)
            services.record_reply(
                organ=organ,
                acting_user=staff,
                channel=seed.channel,
                question=seed.question,
                answer=seed.answer,
                asked_on=asked_on,
                hotline_ticket=seed.ticket,
                item_ids=[item.pk for item in documents],
            )
        else:
            services.hotline_submit(
                token=_demo_token(organ), ticket=seed.ticket, question=seed.question, asked_on=asked_on
            )
        created += 1
    return created
