"""Every write to government information: drafting, the attribute decision, the workflow, sealing."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.organs import serials
from gongkai.organs.models import Organ
from gongkai.policies import attribute_rules, document_number, index_number, privacy_review, seal
from gongkai.policies.content import content_hash_of, sanitise_body
from gongkai.policies.domain import (
    PUBLICATION_PERIOD_WORKDAYS,
    WORKFLOW,
    DisclosureAttribute,
    ItemKind,
    LegalBasis,
    Status,
    Transition,
    TransitionError,
    Validity,
)
from gongkai.policies.labels import DOCUMENT_NUMBER_ERRORS, FINDING_MESSAGES
from gongkai.policies.models import AttributeDecision, IndexScheme, InformationItem, Seal, SealKey, Topic
from gongkai.policies.topics import STATE_COUNCIL_TOPICS
from gongkai.search import indexing as search_indexing
from gongkai.workdays import services as workday_services

DRAFT_FIELDS = (
    "title",
    "document_number",
    "written_on",
    "formed_on",
    "topic",
    "kind",
    "declared_validity",
    "expires_on",
    "repealed_on",
    "keywords",
    "body",
    "target_groups",
    "areas",
    "is_major_policy",
    "attribute",
    "legal_basis",
    "other_law",
    "attribute_reason",
    "override_reason",
    "affects_public_interest",
    "re_review_on",
    "superior",
)

INDEX_SERIAL_SCOPE = "index"  # 索引号 serials (organs.Serial scope)


@transaction.atomic
def ensure_topics() -> int:
    """Seed the State Council taxonomy; existing (possibly edited) categories are left alone."""
    created = 0
    for first_order, (first, seconds) in enumerate(STATE_COUNCIL_TOPICS, start=1):
        parent, made = Topic.objects.get_or_create(parent=None, name=first, defaults={"sort_order": first_order})
        created += made
        for second_order, second in enumerate(seconds, start=1):
            created += Topic.objects.get_or_create(parent=parent, name=second, defaults={"sort_order": second_order})[1]
    return created


def _allocate_index_number(organ: Organ, year: int, month: int) -> str:
    serial = serials.next_serial(organ, year, INDEX_SERIAL_SCOPE)
    scheme = IndexScheme.objects.filter(organ=organ).first()
    template = scheme.template if scheme else getattr(settings, "GONGKAI_INDEX_TEMPLATE", index_number.DEFAULT_TEMPLATE)
    context = index_number.IndexContext(organ.credit_code, organ.division_code, year, month, serial)
    return index_number.render(template, context)


def _proposal(item: InformationItem, *, decided_by_lead_organ: bool = True) -> attribute_rules.Proposal:
    return attribute_rules.Proposal(
        attribute=DisclosureAttribute(item.attribute),
        kind=ItemKind(item.kind),
        legal_basis=LegalBasis(item.legal_basis) if item.legal_basis else None,
        reason=item.attribute_reason,
        other_law=item.other_law,
        title=item.title,
        keywords=tuple(item.keywords.split()),
        topic=item.topic.path,
        superior_attribute=DisclosureAttribute(item.superior.attribute) if item.superior else None,
        override_reason=item.override_reason,
        affects_public_interest=item.affects_public_interest,
        is_joint=bool(item.pk) and item.co_issuers.exists(),
        decided_by_lead_organ=decided_by_lead_organ,
        re_review_on=item.re_review_on,
    )


def finding_message(finding: attribute_rules.Finding) -> str:
    return str(FINDING_MESSAGES[finding.code]) % dict(finding.details)


def check_attribute(item: InformationItem) -> list[attribute_rules.Finding]:
    """Raise ValidationError at the fields the blocking findings name; return the warnings."""
    findings = attribute_rules.check(_proposal(item))
    errors: dict[str, list[str]] = {}
    for finding in attribute_rules.blocking(findings):
        errors.setdefault(finding.field, []).append(finding_message(finding))
    if errors:
        raise ValidationError(errors)
    return [finding for finding in findings if finding.severity == attribute_rules.Severity.WARNING]


def _normalise(item: InformationItem) -> None:
    errors: dict[str, str] = {}
    if item.document_number.strip():
        try:
            item.document_number = document_number.normalise(item.document_number)
        except document_number.DocumentNumberError as error:
            errors["document_number"] = str(DOCUMENT_NUMBER_ERRORS[error.code])
    item.document_number_key = document_number.search_key(item.document_number) if item.document_number else ""
    if item.attribute == DisclosureAttribute.PROACTIVE:
        item.legal_basis, item.other_law = "", ""
    if errors:
        raise ValidationError(errors)
    item.body, item.body_text = sanitise_body(item.body)
    item.content_hash = content_hash_of(item)


def _record_decision(
    item: InformationItem, occasion: str, warnings: Iterable[attribute_rules.Finding], user: User | None
) -> None:
    AttributeDecision.objects.create(
        item=item,
        occasion=occasion,
        attribute=item.attribute,
        legal_basis=item.legal_basis,
        reason=item.attribute_reason,
        warnings=[{"rule": w.rule, "source": w.source, "message": finding_message(w)} for w in warnings],
        decided_by=user,
        decided_on=timezone.localdate(),
    )


@transaction.atomic
def create_draft(
    *,
    acting_user: User,
    organ: Organ,
    co_issuers: Iterable[Organ] = (),
    amends: Iterable[InformationItem] = (),
    repeals: Iterable[InformationItem] = (),
    **fields: Any,
) -> InformationItem:
    permissions.require(acting_user, Action.DRAFT, organ)
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    today = timezone.localdate()
    fields.setdefault("formed_on", fields.get("written_on") or today)
    item = InformationItem(organ=organ, created_by=acting_user, status=Status.DRAFT, **fields)
    _normalise(item)
    warnings = check_attribute(item)
    item.index_number = _allocate_index_number(organ, item.formed_on.year, item.formed_on.month)
    item.full_clean(exclude=["index_number", "content_hash"])
    item.save()
    item.co_issuers.set(co_issuers)
    item.amends.set(amends)
    item.repeals.set(repeals)
    _record_decision(item, AttributeDecision.Occasion.DRAFTED, warnings, acting_user)
    audit.record(actor=acting_user, action="policies.drafted", target=item, organ=organ, after=item.snapshot())
    return item


@transaction.atomic
def update_draft(
    *,
    item: InformationItem,
    acting_user: User,
    reason: str = "",
    co_issuers: Iterable[Organ] | None = None,
    amends: Iterable[InformationItem] | None = None,
    repeals: Iterable[InformationItem] | None = None,
    **changes: Any,
) -> InformationItem:
    item = InformationItem.objects.select_for_update().get(pk=item.pk)
    permissions.require(acting_user, Action.DRAFT, item.organ)
    if item.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be edited; return it to the drafter first."))
    before = item.snapshot()
    attribute_before = (item.attribute, item.legal_basis, item.attribute_reason)
    for name, value in changes.items():
        if name not in DRAFT_FIELDS:
            raise TypeError(f"unknown field: {name}")
        setattr(item, name, value)
    _normalise(item)
    warnings = check_attribute(item)
    item.full_clean(exclude=["content_hash"])
    item.save()
    for relation, chosen in (("co_issuers", co_issuers), ("amends", amends), ("repeals", repeals)):
        if chosen is not None:
            getattr(item, relation).set(chosen)
    if (item.attribute, item.legal_basis, item.attribute_reason) != attribute_before:
        _record_decision(item, AttributeDecision.Occasion.CHANGED, warnings, acting_user)
    audit.record(
        actor=acting_user,
        action="policies.edited",
        target=item,
        organ=item.organ,
        reason=reason,
        before=before,
        after=item.snapshot(),
    )
    return item


def _active_seal_key(organ: Organ) -> SealKey:
    key = SealKey.objects.filter(organ=organ, is_active=True).first()
    if key is not None:
        return key
    pair = seal.generate(seal.key_encryption_key(settings.GONGKAI_SEAL_KEY_SECRET))
    return SealKey.objects.create(
        organ=organ,
        public_key=pair.public_pem,
        encrypted_private_key=pair.encrypted_private,
        fingerprint=pair.fingerprint,
    )


def sealed_record(item: InformationItem, approver: User, when: str) -> dict[str, Any]:
    """What the seal covers: the decision, and a hash of the content it was made on."""
    return {
        "index_number": item.index_number,
        "organ": item.organ.name,
        "title": item.title,
        "document_number": item.document_number,
        "attribute": item.attribute,
        "legal_basis": item.legal_basis,
        "content_hash": content_hash_of(item),
        "approver": approver.display_name,
        "approved_at": when,
    }


def sign_with_organ_seal(organ: Organ, record: dict[str, Any]) -> tuple[SealKey, str]:
    """Sign a record with the organ's 政府信息公开专用章 key (created on first use); call inside a transaction."""
    key = _active_seal_key(organ)
    signature = seal.sign(
        record,
        encrypted_private=bytes(key.encrypted_private_key),
        kek=seal.key_encryption_key(settings.GONGKAI_SEAL_KEY_SECRET),
    )
    return key, signature


def _apply_seal(item: InformationItem, approver: User) -> Seal:
    record = sealed_record(item, approver, timezone.now().isoformat(timespec="seconds"))
    key, signature = sign_with_organ_seal(item.organ, record)
    return Seal.objects.create(item=item, key=key, record=record, signature=signature, signed_by=approver)


@transaction.atomic
def transition(*, item: InformationItem, to: Transition, acting_user: User, comment: str = "") -> InformationItem:
    """Move an item along the workflow table; every move is permission-checked and audited."""
    item = (
        InformationItem.objects.select_for_update(of=("self",))
        .select_related("organ", "topic", "superior")
        .get(pk=item.pk)
    )
    try:
        move = WORKFLOW[to]
        if item.status not in move.source:
            raise TransitionError(to)
    except TransitionError as error:
        raise ValidationError(_("This step is not possible from the item's current state.")) from error
    permissions.require(
        acting_user, Action(move.action), item.organ, originator=item.created_by if move.separated else None
    )
    if move.comment_required and not comment.strip():
        raise ValidationError({"comment": _("Give a reason for this step.")})
    before = item.snapshot()
    if to in {Transition.SUBMIT, Transition.REVIEW}:
        privacy_review.rescan(item)
    if to == Transition.APPROVE:
        check_attribute(item)
        if privacy_review.open_findings(item):
            raise ValidationError(
                _("Personal data found in the text must be masked or justified by the reviewer before approval.")
            )
    item.status = move.target
    if to == Transition.PUBLISH:
        item.published_on = timezone.localdate()
    item.save(update_fields=["status", "published_on", "updated_at"])
    if to == Transition.PUBLISH:
        _repeal_predecessors(item, acting_user)
    if to == Transition.APPROVE:
        _apply_seal(item, acting_user)
    search_indexing.refresh_items([item.pk])
    audit.record(
        actor=acting_user,
        action=f"policies.{to.lower()}",
        target=item,
        organ=item.organ,
        reason=comment,
        before=before,
        after=item.snapshot(),
    )
    return item


def _repeal_predecessors(item: InformationItem, acting_user: User) -> None:
    """Publishing a document that repeals others makes them 废止 from that day, with a pointer back."""
    for repealed in item.repeals.select_for_update(of=("self",)).exclude(declared_validity=Validity.REPEALED):
        repealed.declared_validity, repealed.repealed_on = Validity.REPEALED, item.published_on
        repealed.save(update_fields=["declared_validity", "repealed_on", "updated_at"])
        search_indexing.refresh_items([repealed.pk])
        audit.record(
            actor=acting_user,
            action="policies.repealed",
            target=repealed,
            organ=repealed.organ,
            reason=item.index_number,
            after={"repealed_on": repealed.repealed_on, "repealed_by": item.index_number},
        )


def verify_seal(seal_row: Seal) -> tuple[bool, bool]:
    """(the signature is genuine, the item's content is still what was sealed)."""
    genuine = seal.verify(seal_row.record, signature=seal_row.signature, public_pem=seal_row.key.public_key)
    unchanged = seal_row.record.get("content_hash") == content_hash_of(seal_row.item)
    return genuine, unchanged


def publication_due_on(item: InformationItem) -> date:
    """条例第二十六条: 20 working days from the day the information was formed or changed."""

    return workday_services.compute_deadline(item.formed_on, PUBLICATION_PERIOD_WORKDAYS).due


class AlreadyImportedError(Exception):
    """The row was imported before (same source key): importing a file again adds nothing."""


@transaction.atomic
def import_published(
    *,
    acting_user: User | None,
    organ: Organ,
    published_on: date,
    source: str,
    index_number_given: str = "",
    source_key: str = "",
    **fields: Any,
) -> InformationItem:
    """Bring in an item published before the platform existed, with its own dates and 索引号.

    The rules still apply: a legacy item that breaks one is refused, row by row, like a draft.
    ``acting_user`` is None only for the system's own loaders (demo data).
    """
    if acting_user is not None:
        permissions.require(acting_user, Action.MANAGE_PUBLICATIONS, organ)
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    fields.setdefault("formed_on", fields.get("written_on") or published_on)
    if source_key and InformationItem.objects.filter(source_key=source_key).exists():
        raise AlreadyImportedError(source_key)
    item = InformationItem(
        organ=organ,
        created_by=acting_user,
        status=Status.PUBLISHED,
        published_on=published_on,
        source_key=source_key,
        **fields,
    )
    _normalise(item)
    warnings = check_attribute(item)
    if index_number_given:
        if InformationItem.objects.filter(index_number=index_number_given).exists():
            raise ValidationError({"index_number": _("This index number is already in use.")})
        item.index_number = index_number_given
    else:
        item.index_number = _allocate_index_number(organ, item.formed_on.year, item.formed_on.month)
    # The related objects arrive as instances and both unique keys were checked above; skipping
    # those lookups matters when a county's export of ten thousand rows comes in.
    item.full_clean(
        exclude=["content_hash", "organ", "topic", "created_by", "superior"],
        validate_unique=False,
        validate_constraints=False,
    )
    item.save()
    _record_decision(item, AttributeDecision.Occasion.DRAFTED, warnings, acting_user)
    search_indexing.refresh_items([item.pk])
    audit.record(
        actor=acting_user, action="policies.imported", target=item, organ=organ, reason=source, after=item.snapshot()
    )
    return item


def re_review_cycle_days() -> int:
    """How often withheld items come up again (条例第十八条 says 定期, without a period): configurable."""
    return int(getattr(settings, "GONGKAI_RE_REVIEW_DAYS", 365))


@transaction.atomic
def re_review(*, item: InformationItem, acting_user: User, keep: bool, reason: str) -> InformationItem:
    """Confirm a non-proactive attribute with a reason, or convert the item to proactive.

    A converted item goes back through release: it returns to the approver as reviewed, so the new
    decision is approved and sealed before the openness office publishes it.
    """
    item = (
        InformationItem.objects.select_for_update(of=("self",))
        .select_related("organ", "topic", "superior")
        .get(pk=item.pk)
    )
    permissions.require(acting_user, Action.REVIEW, item.organ)
    if item.attribute == DisclosureAttribute.PROACTIVE:
        raise ValidationError(_("This item is already disclosed proactively."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the re-review decision.")})
    before = item.snapshot()
    today = timezone.localdate()
    if keep:
        occasion = AttributeDecision.Occasion.RE_REVIEWED
        item.re_review_on = today + timedelta(days=re_review_cycle_days())
        item.attribute_reason = reason
    else:
        occasion = AttributeDecision.Occasion.CONVERTED
        item.attribute, item.legal_basis, item.other_law = DisclosureAttribute.PROACTIVE, "", ""
        item.attribute_reason, item.re_review_on = reason, None
        item.formed_on = today  # 条例第二十六条: the 20 working days run from the change
        if item.status in {Status.APPROVED, Status.PUBLISHED}:
            item.status = Status.REVIEWED
    item.save()
    search_indexing.refresh_items([item.pk])
    AttributeDecision.objects.create(
        item=item,
        occasion=occasion,
        attribute=item.attribute,
        legal_basis=item.legal_basis,
        reason=reason,
        decided_by=acting_user,
        decided_on=today,
    )
    audit.record(
        actor=acting_user,
        action=f"policies.{occasion.lower()}",
        target=item,
        organ=item.organ,
        reason=reason,
        before=before,
        after=item.snapshot(),
    )
    return item


INDEX_TEMPLATE_ERRORS = {
    "format": gettext_lazy("The template is not well formed: use fields in braces, such as {year}."),
    "unknown_field": gettext_lazy("Use only these fields: credit_code, org_code, division_code, year, month, serial."),
    "serial_and_year_required": gettext_lazy("The template must contain {year} and {serial}, or numbers would repeat."),
}


@transaction.atomic
def set_index_template(*, organ: Organ, template: str, acting_user: User) -> IndexScheme:
    """Give an organ its own 索引号 template; numbers already issued keep their form."""
    permissions.require(acting_user, Action.MANAGE_ORGAN, organ)
    try:
        index_number.validate_template(template)
    except index_number.IndexTemplateError as error:
        raise ValidationError({"template": str(INDEX_TEMPLATE_ERRORS[str(error)])}) from error
    scheme, _created = IndexScheme.objects.update_or_create(organ=organ, defaults={"template": template})
    audit.record(
        actor=acting_user,
        action="policies.index_template_set",
        target=scheme,
        organ=organ,
        after={"template": template},
    )
    return scheme


def require_site_editor(acting_user: User) -> None:
    """What every organ shares (the taxonomy, the portal's columns) is kept by the city's openness office."""
    root = Organ.objects.active().filter(parent__isnull=True).order_by("sort_order", "id").first()
    if root is None:
        raise PermissionDenied(_("No top-level organ is set up."))
    permissions.require(acting_user, Action.MANAGE_PUBLICATIONS, root)


@transaction.atomic
def add_topic(*, parent: Topic | None, name: str, acting_user: User) -> Topic:
    """Add a local category (e.g. 乡村振兴 under 民政、扶贫、救灾); the State Council's tree is the seed."""
    require_site_editor(acting_user)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the name of the category.")})
    if parent is not None and parent.parent_id is not None:
        raise ValidationError({"parent": _("Categories have two levels; choose a first-level category.")})
    if Topic.objects.filter(parent=parent, name=name).exists():
        raise ValidationError({"name": _("This category already exists.")})
    last = Topic.objects.filter(parent=parent).order_by("-sort_order").values_list("sort_order", flat=True).first()
    topic = Topic.objects.create(parent=parent, name=name, sort_order=(last or 0) + 1)
    audit.record(actor=acting_user, action="policies.topic_added", target=topic, after={"path": topic.path})
    return topic


@transaction.atomic
def rename_topic(*, topic: Topic, name: str, acting_user: User) -> Topic:
    require_site_editor(acting_user)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the name of the category.")})
    if Topic.objects.filter(parent=topic.parent_id, name=name).exclude(pk=topic.pk).exists():
        raise ValidationError({"name": _("This category already exists.")})
    before = {"path": topic.path}
    topic.name = name
    topic.save(update_fields=["name", "updated_at"])
    audit.record(
        actor=acting_user, action="policies.topic_renamed", target=topic, before=before, after={"path": topic.path}
    )
    return topic
