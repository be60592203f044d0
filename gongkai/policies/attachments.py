"""Attachments (附件) of an item: added and removed while drafting, scanned and masked like the body."""

import hashlib
import posixpath
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.policies import attachment_files
from gongkai.policies.attachment_files import KINDS, FileKind
from gongkai.policies.domain import Status
from gongkai.policies.models import Attachment, InformationItem, PrivacyFinding
from gongkai.privacy import scanner

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
NAME_MAX_CHARS = 200


def max_bytes() -> int:
    return int(getattr(settings, "GONGKAI_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def public_contacts(item: InformationItem) -> list[str]:
    """The organ's own published numbers and address: public by design, never personal data."""
    organ = item.organ
    return [value for value in (organ.phone, organ.fax, organ.email) if value]


def _clean_name(name: str, kind: FileKind) -> str:
    # Browsers may send a full client path; only the last part is the name the drafter chose.
    base = posixpath.basename(name.replace("\\", "/")).strip() or _("attachment")
    extension = attachment_files.extension_of(base)
    if not extension:
        extension = KINDS[kind].extensions[0]
        base += extension
    stem = base[: len(base) - len(extension)]
    return stem[: NAME_MAX_CHARS - len(extension)] + extension


def _locked_draft(item: InformationItem, acting_user: User) -> InformationItem:
    item = InformationItem.objects.select_for_update(of=("self",)).select_related("organ").get(pk=item.pk)
    permissions.require(acting_user, Action.DRAFT, item.organ)
    if item.status != Status.DRAFT:
        raise ValidationError(_("Attachments can be added or removed only while the item is a draft."))
    return item


def _delete_files_after_commit(*names: str) -> None:
    # Storage is not transactional: files go only once the rows that pointed to them are gone.
    def delete() -> None:
        for name in names:
            if name:
                default_storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def add_attachment(*, item: InformationItem, uploaded: UploadedFile, acting_user: User) -> Attachment:
    """Check the file's kind by its content and its size, keep its text, and record the upload."""
    item = _locked_draft(item, acting_user)
    limit = max_bytes()
    too_large = ValidationError(
        {"file": _("The file is larger than %(limit)s.") % {"limit": attachment_files.human_size(limit)}}
    )
    if uploaded.size is not None and uploaded.size > limit:
        raise too_large
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise too_large
    kind = attachment_files.sniff(data, uploaded.name or "")
    if kind is None:
        raise ValidationError(
            {
                "file": _(
                    "Only PDF, Word (DOCX), Excel (XLSX), OFD and image (PNG, JPEG, GIF) files are accepted, "
                    "and the file name's extension must match its content."
                )
            }
        )
    try:
        # PostgreSQL text cannot hold NUL, which some PDF text layers contain.
        text = attachment_files.extract_text(data, kind).replace("\x00", "")
    except attachment_files.UnreadableFileError as error:
        raise ValidationError(
            {"file": _("The file could not be read; it may be damaged or protected by a password.")}
        ) from error
    digest = hashlib.sha256(data).hexdigest()
    name = _clean_name(uploaded.name or "", kind)
    last = item.attachments.aggregate(last=Max("sort_order"))["last"]
    attachment = Attachment(
        item=item,
        original_name=name,
        content_type=KINDS[kind].content_type,
        size=len(data),
        sha256=digest,
        extracted_text=text,
        sort_order=0 if last is None else last + 1,
    )
    # The stored name is the content hash: a drafter's file name may itself contain personal data.
    attachment.file.save(digest[:32] + KINDS[kind].extensions[0], ContentFile(data), save=False)
    attachment.save()
    audit.record(
        actor=acting_user,
        action="policies.attachment_added",
        target=item,
        organ=item.organ,
        reason=name,
        after={"attachment_id": attachment.pk, "name": name, "size": len(data), "sha256": digest},
    )
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment, acting_user: User) -> None:
    attachment = Attachment.objects.get(pk=attachment.pk)
    item = _locked_draft(attachment.item, acting_user)
    before = {
        "attachment_id": attachment.pk,
        "name": attachment.original_name,
        "size": attachment.size,
        "sha256": attachment.sha256,
    }
    files = (attachment.file.name or "", attachment.published_file.name or "")
    attachment.delete()  # its privacy findings go with it
    audit.record(
        actor=acting_user,
        action="policies.attachment_removed",
        target=item,
        organ=item.organ,
        reason=attachment.original_name,
        before=before,
    )
    _delete_files_after_commit(*files)


def attachment_findings(item: InformationItem) -> list[tuple[Attachment, scanner.Finding]]:
    """Personal data in the attachments' text, with the same public contacts excepted as the body."""
    contacts = public_contacts(item)
    return [
        (attachment, found)
        for attachment in item.attachments.order_by("sort_order", "id")
        for found in scanner.scan(attachment.extracted_text, public_contacts=contacts)
    ]


def kind_of(attachment: Attachment) -> FileKind:
    return next(kind for kind, info in KINDS.items() if info.content_type == attachment.content_type)


def _redactions(attachment: Attachment) -> list[tuple[str, str]]:
    """(raw, masked) for every redacted finding of this file, the longest raw text first.

    A redacted finding keeps only the masked form (the raw data is not stored twice), so the raw
    text is found again by scanning the original and matching the masked forms. Longest first, so a
    number inside a longer one is masked as part of the longer one.
    """
    redacted = set(
        attachment.privacy_findings.filter(state=PrivacyFinding.State.REDACTED).values_list("kind", "masked")
    )
    replacements: dict[str, str] = {}
    for found in scanner.scan(attachment.extracted_text, public_contacts=public_contacts(attachment.item)):
        masked = scanner.mask_finding(found)
        if (found.kind.value, masked) in redacted:
            replacements[found.text] = masked
    return sorted(replacements.items(), key=lambda pair: -len(pair[0]))


def published_text(attachment: Attachment) -> str:
    """The text the public can read in the file it is served (see ``served_file``), for search.

    The original's text when the original is served; otherwise the same text with every redacted
    finding masked as in the published copy, so that search never finds or shows what was masked.
    """
    if not attachment.published_file:
        return attachment.extracted_text
    return attachment_files.replace_all(attachment.extracted_text, _redactions(attachment))


def regenerate_masked_copy(attachment: Attachment) -> None:
    """Make the published copy from the original with every redacted finding of this file masked."""
    with attachment.file.open("rb") as original:
        data = original.read()
    try:
        copy, copy_kind = attachment_files.masked_copy(data, kind_of(attachment), _redactions(attachment))
    except attachment_files.UnreadableFileError as error:
        raise ValidationError(_("The masked copy of the attachment could not be made.")) from error
    previous = attachment.published_file.name or ""
    attachment.published_file.save(
        f"{attachment.sha256[:32]}-masked{KINDS[copy_kind].extensions[0]}", ContentFile(copy), save=False
    )
    attachment.save(update_fields=["published_file", "updated_at"])
    _delete_files_after_commit(previous)


@dataclass(frozen=True)
class ServedFile:
    file: FieldFile
    name: str
    content_type: str
    size: int


def served_file(attachment: Attachment) -> ServedFile:
    """What the public gets: the masked copy when there is one, never the original beside it."""
    if not attachment.published_file:
        return ServedFile(attachment.file, attachment.original_name, attachment.content_type, attachment.size)
    extension = attachment_files.extension_of(attachment.published_file.name or "")
    kind = next(kind for kind, info in KINDS.items() if extension in info.extensions)
    stem = attachment.original_name[
        : len(attachment.original_name) - len(attachment_files.extension_of(attachment.original_name))
    ]
    return ServedFile(
        attachment.published_file, stem + extension, KINDS[kind].content_type, attachment.published_file.size
    )
