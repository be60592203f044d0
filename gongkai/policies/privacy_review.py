"""Personal data in an item before approval: scan, then mask or justify each finding (条例第十五条).

Findings are made when an item is submitted, from its body and from its attachments' text; approval
is refused while any is open. The organ's own published contact numbers and addresses are not
personal data and are never reported.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.policies import attachments
from gongkai.policies.content import refresh_content
from gongkai.policies.models import Attachment, InformationItem, PrivacyFinding
from gongkai.privacy import scanner

CONTEXT_CHARS = 20


def _context(text: str, found: scanner.Finding, masked: str) -> str:
    return text[max(0, found.start - CONTEXT_CHARS) : found.end + CONTEXT_CHARS].replace(found.text, masked)[:300]


def rescan(item: InformationItem) -> list[PrivacyFinding]:
    """Replace the open findings with a fresh scan of the item's text; resolved ones stay on record."""
    text = item.body_text
    item.privacy_findings.filter(state=PrivacyFinding.State.OPEN).delete()
    resolved = item.privacy_findings.exclude(state=PrivacyFinding.State.OPEN)
    settled = set(resolved.filter(attachment=None).values_list("matched", flat=True))
    created = []
    for found in scanner.scan(text, public_contacts=attachments.public_contacts(item)):
        if found.text in settled:
            continue
        masked = scanner.mask_finding(found)
        created.append(
            PrivacyFinding.objects.create(
                item=item,
                kind=found.kind.value,
                matched=found.text[:200],
                masked=masked[:200],
                context=_context(text, found, masked),
            )
        )
    return created + _rescan_attachments(item)


def _rescan_attachments(item: InformationItem) -> list[PrivacyFinding]:
    # A masked finding keeps only its masked form while the original file still holds the raw text,
    # so a finding is settled when either form was resolved for that attachment.
    settled = set(
        item.privacy_findings.exclude(state=PrivacyFinding.State.OPEN)
        .exclude(attachment=None)
        .values_list("attachment_id", "matched")
    )
    created = []
    for attachment, found in attachments.attachment_findings(item):
        masked = scanner.mask_finding(found)
        keys = {(attachment.pk, found.text[:200]), (attachment.pk, masked[:200])}
        if keys & settled:
            continue
        # One finding per distinct value and file: masking it masks every occurrence.
        settled |= keys
        created.append(
            PrivacyFinding.objects.create(
                item=item,
                attachment=attachment,
                kind=found.kind.value,
                matched=found.text[:200],
                masked=masked[:200],
                context=_context(attachment.extracted_text, found, masked),
            )
        )
    return created


def open_findings(item: InformationItem) -> int:
    return item.privacy_findings.filter(state=PrivacyFinding.State.OPEN).count()


def _finding_for_review(finding: PrivacyFinding, acting_user: User) -> PrivacyFinding:
    finding = PrivacyFinding.objects.select_for_update().select_related("item", "item__organ").get(pk=finding.pk)
    permissions.require(acting_user, Action.REVIEW, finding.item.organ)
    if finding.state != PrivacyFinding.State.OPEN:
        raise ValidationError(_("This finding has already been resolved."))
    return finding


@transaction.atomic
def redact(*, finding: PrivacyFinding, acting_user: User) -> PrivacyFinding:
    """Mask the personal data: the published text, or the attachment's published copy, shows only the masked form."""
    finding = _finding_for_review(finding, acting_user)
    if finding.attachment_id is not None:
        return _redact_attachment(finding, finding.attachment_id, acting_user)
    item = InformationItem.objects.select_for_update().get(pk=finding.item_id)
    before = {"content_hash": item.content_hash}
    item.body = item.body.replace(finding.matched, finding.masked)
    refresh_content(item)
    finding.state, finding.resolved_by = PrivacyFinding.State.REDACTED, acting_user
    finding.matched = finding.masked  # the raw personal data is not kept once it is masked
    finding.save(update_fields=["state", "resolved_by", "matched", "updated_at"])
    audit.record(
        actor=acting_user,
        action="policies.privacy_redacted",
        target=item,
        organ=item.organ,
        reason=finding.get_kind_display(),
        before=before,
        after={"content_hash": item.content_hash},
    )
    return finding


def _redact_attachment(finding: PrivacyFinding, attachment_id: int, acting_user: User) -> PrivacyFinding:
    item = InformationItem.objects.select_for_update(of=("self",)).select_related("organ").get(pk=finding.item_id)
    attachment = Attachment.objects.select_related("item__organ").get(pk=attachment_id)
    finding.state, finding.resolved_by = PrivacyFinding.State.REDACTED, acting_user
    finding.matched = finding.masked  # the raw personal data is not kept once it is masked
    finding.save(update_fields=["state", "resolved_by", "matched", "updated_at"])
    # Made after the finding is saved as masked, so the copy includes it with the earlier ones.
    attachments.regenerate_masked_copy(attachment)
    audit.record(
        actor=acting_user,
        action="policies.privacy_redacted",
        target=item,
        organ=item.organ,
        reason=finding.get_kind_display(),
        after={"attachment_id": attachment.pk, "attachment": attachment.original_name},
    )
    return finding


@transaction.atomic
def justify(*, finding: PrivacyFinding, acting_user: User, reason: str) -> PrivacyFinding:
    """Keep the data with the reviewer's reason, e.g. a public official's published work phone."""
    finding = _finding_for_review(finding, acting_user)
    if not reason.strip():
        raise ValidationError({"justification": _("Give the reason for keeping this data.")})
    finding.state, finding.resolved_by, finding.justification = PrivacyFinding.State.JUSTIFIED, acting_user, reason
    finding.save(update_fields=["state", "resolved_by", "justification", "updated_at"])
    audit.record(
        actor=acting_user,
        action="policies.privacy_justified",
        target=finding.item,
        organ=finding.item.organ,
        reason=reason,
    )
    return finding
