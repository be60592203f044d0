"""The body of an item: what HTML it may keep, its plain text, and the hash the seal covers."""

import nh3
from django.utils.html import strip_tags

from gongkai.policies import seal
from gongkai.policies.models import InformationItem

# What a body may keep: the structure of a government document, nothing that runs or loads.
BODY_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "h2",
    "h3",
    "h4",
    "ol",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "a",
    "blockquote",
    "sup",
    "sub",
}
BODY_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}}


def sanitise_body(html: str) -> tuple[str, str]:
    clean = nh3.clean(html, tags=BODY_TAGS, attributes=BODY_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
    return clean, " ".join(strip_tags(clean).split())


def content_hash_of(item: InformationItem) -> str:
    """What the seal vouches for: title, document number, body and the attachments' fingerprints."""
    attachments = sorted(item.attachments.values_list("sha256", flat=True)) if item.pk else []
    return seal.content_hash(item.title, item.document_number, item.body, *attachments)


def refresh_content(item: InformationItem) -> None:
    """Re-sanitise and re-hash after the body changed outside the drafting form (e.g. masking)."""
    item.body, item.body_text = sanitise_body(item.body)
    item.content_hash = content_hash_of(item)
    item.save(update_fields=["body", "body_text", "content_hash", "updated_at"])
