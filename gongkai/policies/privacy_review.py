"""Personal data in an item before approval: scan, then mask or justify each finding (条例第十五条).

Findings are made when an item is submitted; approval is refused while any is open. The organ's own
published contact numbers and addresses are not personal data and are never reported.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.policies.content import refresh_content
from gongkai.policies.models import InformationItem, PrivacyFinding
from gongkai.privacy import scanner

CONTEXT_CHARS = 20


def _public_contacts(item: InformationItem) -> list[str]:
    organ = item.organ
    return [value for value in (organ.phone, organ.fax, organ.email) if value]


def rescan(item: InformationItem) -> list[PrivacyFinding]:
    """Replace the open findings with a fresh scan of the item's text; resolved ones stay on record."""
    text = item.body_text
    item.privacy_findings.filter(state=PrivacyFinding.State.OPEN).delete()
    settled = set(item.privacy_findings.exclude(state=PrivacyFinding.State.OPEN).values_list("matched", flat=True))
    created = []
    for found in scanner.scan(text, public_contacts=_public_contacts(item)):
        if found.text in settled:
            continue
        context = text[max(0, found.start - CONTEXT_CHARS) : found.end + CONTEXT_CHARS]
        masked = scanner.mask_finding(found)
        created.append(
            PrivacyFinding.objects.create(
                item=item,
                kind=found.kind.value,
                matched=found.text[:200],
                masked=masked[:200],
                context=context.replace(found.text, masked)[:300],
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
    """Mask the personal data in the body: the published text shows only the masked form."""
    finding = _finding_for_review(finding, acting_user)
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
