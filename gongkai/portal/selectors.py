"""Reads the public pages need, shaped for templates that hold no logic."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.organs import selectors as organ_selectors
from gongkai.organs.domain import OrganLevel
from gongkai.organs.models import LEVEL_LABELS, Organ
from gongkai.policies import attachment_files, attachments
from gongkai.policies import selectors as policy_selectors
from gongkai.policies import services as policy_services
from gongkai.policies.domain import Validity
from gongkai.policies.models import VALIDITY_LABELS, Attachment, InformationItem, Seal, Topic
from gongkai.workdays.domain import Deadline
from gongkai.workdays.labels import reason_label


@dataclass(frozen=True)
class ContactRow:
    label: Promise
    value: str
    href: str = ""


@dataclass(frozen=True)
class OrganGroup:
    label: str
    organs: list[Organ]


@dataclass(frozen=True)
class ProofRow:
    day: object
    counted: bool
    ordinal: int | None
    explanation: str
    provisional: bool


@dataclass(frozen=True)
class Guide:
    """What one organ's 政府信息公开指南 shows, read from the organ's own data."""

    organ: Organ
    contact_rows: list[ContactRow]
    setup_rows: list[ContactRow]
    subordinates: list[Organ]
    topics: list[str]


def organ_guide(organ: Organ) -> Guide:
    return Guide(
        organ=organ,
        contact_rows=guide_contact_rows(organ),
        setup_rows=guide_setup_rows(organ),
        subordinates=list(organ_selectors.organs_in_official_order().filter(parent=organ)),
        topics=list(Topic.objects.filter(parent=None).order_by("sort_order", "id").values_list("name", flat=True)),
    )


def guide_contact_rows(organ: Organ) -> list[ContactRow]:
    """条例第十二条: the guide names the working body, its address, hours, phone, fax and online contact."""
    return [
        ContactRow(_("disclosure working body"), organ.disclosure_office),
        ContactRow(_("office address"), organ.office_address),
        ContactRow(_("postcode"), organ.postcode),
        ContactRow(_("office hours"), organ.office_hours),
        ContactRow(_("telephone"), organ.phone),
        ContactRow(_("fax"), organ.fax),
        ContactRow(_("email"), organ.email, f"mailto:{organ.email}" if organ.email else ""),
        ContactRow(_("website"), organ.website, organ.website if _is_web_address(organ.website) else ""),
    ]


def _is_web_address(value: str) -> bool:
    # Data entered outside a form skips URLField validation; never turn it into a javascript: link.
    return value.startswith(("https://", "http://"))


def guide_setup_rows(organ: Organ) -> list[ContactRow]:
    """条例第二十条第一项: an organ discloses its set-up (机构设置) beside its functions."""
    parent = organ.parent if organ.parent and organ.parent.is_active else None
    return [
        ContactRow(_("kind"), organ.get_kind_display()),
        ContactRow(_("level"), organ.get_level_display()),
        ContactRow(
            _("parent organ"),
            parent.name if parent else "",
            reverse("portal:guide_organ", args=[parent.slug]) if parent else "",
        ),
    ]


LATEST_COUNT = 8


def latest_items() -> list[InformationItem]:
    """The home page's newest information, through the same public door as every listing."""
    return list(policy_selectors.public_items()[:LATEST_COUNT])


def organs_by_level() -> list[OrganGroup]:
    groups: dict[OrganLevel, list[Organ]] = {level: [] for level in OrganLevel}
    for organ in organ_selectors.organs_in_official_order():
        groups[OrganLevel(organ.level)].append(organ)
    return [OrganGroup(str(LEVEL_LABELS[level]), organs) for level, organs in groups.items() if organs]


def proof_rows(deadline: Deadline) -> list[ProofRow]:
    rows = []
    for line in deadline.proof:
        explanation = str(reason_label(line.reason))
        if line.festival:
            explanation = f"{explanation}（{line.festival}）"
        rows.append(ProofRow(line.day, line.counted, line.ordinal, explanation, line.provisional))
    return rows


@dataclass(frozen=True)
class MetadataRow:
    label: Promise
    value: str


@dataclass(frozen=True)
class PublicAttachment:
    name: str
    size: str
    url: str


@dataclass(frozen=True)
class ItemPage:
    item: InformationItem
    metadata: list[tuple[MetadataRow, MetadataRow]]
    validity: str
    is_valid: bool
    successors: list[policy_selectors.Successor]
    seal: Seal | None
    attachments: list[PublicAttachment]


def _public_attachments(item: InformationItem) -> list[PublicAttachment]:
    rows = []
    for attachment in item.attachments.order_by("sort_order", "id"):
        served = attachments.served_file(attachment)
        url = reverse("portal:attachment", args=[item.pk, attachment.pk])
        rows.append(PublicAttachment(served.name, attachment_files.human_size(served.size), url))
    return rows


def public_attachment(item_pk: int, attachment_pk: int) -> attachments.ServedFile:
    """An attachment's public file, reached only through the public item it belongs to."""
    item = policy_selectors.public_item(str(item_pk))
    return attachments.served_file(Attachment.objects.get(pk=attachment_pk, item=item))


def item_page(item: InformationItem, today: date) -> ItemPage:
    """The standard metadata box (REGULATIONS.md §6.1) and the validity banner of one item."""
    validity = policy_selectors.validity_of(item, today)
    metadata = [
        MetadataRow(_("index number"), item.index_number),
        MetadataRow(_("topic category"), item.topic.path),
        MetadataRow(_("issuing organ"), "、".join([item.organ.name, *(o.name for o in item.co_issuers.all())])),
        MetadataRow(_("date of writing"), _chinese_date(item.written_on)),
        MetadataRow(_("title"), item.title),
        MetadataRow(_("document number"), item.document_number),
        MetadataRow(_("date of publication"), _chinese_date(item.published_on)),
        MetadataRow(_("validity"), str(VALIDITY_LABELS[validity])),
    ]
    return ItemPage(
        item=item,
        # Two label-value pairs per row, as the State Council's policy library lays the box out.
        metadata=list(zip(metadata[::2], metadata[1::2], strict=True)),
        validity=str(VALIDITY_LABELS[validity]),
        is_valid=validity == Validity.VALID,
        successors=policy_selectors.public_successors(item) if validity != Validity.VALID else [],
        seal=item.seals.select_related("key").order_by("-id").first(),
        attachments=_public_attachments(item),
    )


def _chinese_date(day: date | None) -> str:
    return f"{day.year}年{day.month:02d}月{day.day:02d}日" if day else ""


@dataclass(frozen=True)
class SealCheck:
    label: Promise
    passed: bool


def seal_checks(item: InformationItem) -> list[SealCheck]:
    seal_row = item.seals.select_related("key", "item").order_by("-id").first()
    if seal_row is None:
        return []
    genuine, unchanged = policy_services.verify_seal(seal_row)
    return [
        SealCheck(_("The signature was made with this organ's seal key"), genuine),
        SealCheck(_("The published text is the text that was approved"), unchanged),
    ]


@dataclass(frozen=True)
class Listing:
    page: Page[InformationItem]
    organs: list[Organ]
    topics: list[Topic]
    years: list[int]
    chosen_organ: str
    chosen_topic: str
    chosen_year: str
    query_prefix: str


LISTING_PAGE_SIZE = 20


def public_listing(params: QueryDict) -> Listing:
    """法定主动公开内容 by organ, category and year, over the public selector only."""
    items = policy_selectors.public_items()
    organ, topic, year = params.get("organ", ""), params.get("topic", ""), params.get("year", "")
    if organ:
        items = items.filter(organ__slug=organ)
    if topic.isdigit():
        items = items.filter(Q(topic_id=int(topic)) | Q(topic__parent_id=int(topic)))
    if year.isdigit():
        items = items.filter(published_on__year=int(year))
    public = policy_selectors.public_items()
    organ_ids = public.values("organ_id")
    kept = {key: value for key, value in (("organ", organ), ("topic", topic), ("year", year)) if value}
    return Listing(
        page=Paginator(items, LISTING_PAGE_SIZE).get_page(params.get("page")),
        organs=list(organ_selectors.organs_in_official_order().filter(pk__in=organ_ids)),
        topics=list(Topic.objects.filter(parent=None).order_by("sort_order", "id")),
        years=sorted({day.year for day in public.dates("published_on", "year")}, reverse=True),
        chosen_organ=organ,
        chosen_topic=topic,
        chosen_year=year,
        query_prefix=urlencode(kept) + "&" if kept else "",
    )
