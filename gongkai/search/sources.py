"""The indexable sources: every kind of public record search may return, each behind its public selector.

A source names the selector that decides what the public may see (for items,
``policies.selectors.public_items``, the one door), turns a record into an ``IndexDocument`` and
says how a hit is shown. Nothing that is not in a registered source's public selector can be
indexed or returned. Items (政策解读 included: they are items) register below, catalogue rows in
``catalogs.search_source``; a later source (the gazette, Q&A) registers the same way, with a new,
never reused ``code`` (it is part of the sort key).
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from gongkai.policies import attachments as policy_attachments
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.models import KIND_LABELS, InformationItem
from gongkai.search.documents import IndexDocument


@dataclass(frozen=True)
class Display:
    """What a hit shows, from the record read back through the public selector.

    The snippet comes from the record's indexed body (``IndexDocument.body``), which is what matched.
    """

    title: str
    document_number: str
    organ_name: str
    url: str


@dataclass(frozen=True)
class IndexableSource:
    name: str
    code: int
    public_objects: Callable[[], QuerySet[Any]]
    document: Callable[[Any], IndexDocument]
    display: Callable[[Any], Display]
    # The record's field naming its organ, so an organ's change refreshes its records.
    organ_field: str = "organ"
    # The public records whose target groups (适用对象) contain every one of the normalised words;
    # None for a source whose records have no target groups, which the filter then leaves out.
    target_group_matches: Callable[[Sequence[str]], QuerySet[Any]] | None = None
    # The public records put in any of these columns or their sub-columns; None for a source whose
    # records are never put in columns.
    column_matches: Callable[[Sequence[int]], QuerySet[Any]] | None = None
    # How the source's kinds read in facets and hits (lazy translations are fine).
    kind_labels: Mapping[str, Any] = field(default_factory=dict)


_REGISTRY: dict[str, IndexableSource] = {}


def register(source: IndexableSource) -> None:
    for other in _REGISTRY.values():
        if other.name != source.name and other.code == source.code:
            raise ValueError(f"source code {source.code} is taken by {other.name}")
    _REGISTRY[source.name] = source


def get(name: str) -> IndexableSource:
    return _REGISTRY[name]


def all_sources() -> Iterable[IndexableSource]:
    return tuple(_REGISTRY.values())


def names() -> frozenset[str]:
    return frozenset(_REGISTRY)


def code_of(name: str) -> int:
    return _REGISTRY[name].code


def name_of(code: int) -> str:
    for source in _REGISTRY.values():
        if source.code == code:
            return source.name
    raise KeyError(f"no source has code {code}")


def kind_choices() -> list[tuple[str, Any]]:
    """Every kind of every source, for a kind filter."""
    return [(kind, label) for source in _REGISTRY.values() for kind, label in source.kind_labels.items()]


def kind_label(kind: str) -> str:
    """A record kind's name as the public reads it, whichever source the kind belongs to."""
    for source in _REGISTRY.values():
        if kind in source.kind_labels:
            return str(source.kind_labels[kind])
    return kind


# --- 政府信息 (policies.InformationItem) ------------------------------------------------------

ITEMS = "policies.item"
ATTACHMENT_LABEL = "附件："


def _public_items() -> QuerySet[InformationItem]:
    return policy_selectors.public_items().prefetch_related("co_issuers", "attachments")


def _item_body(item: InformationItem) -> str:
    """The body text, then each attachment's name and the text the public can read in it (附件).

    Indexed and shown alike, so a snippet can come from an attachment and says which one. The label
    is the documents' own language, not the reader's: the indexed text (and its fingerprint) must
    not depend on the language of whoever triggered the indexing.
    """
    parts = [item.body_text]
    for attachment in sorted(item.attachments.all(), key=lambda attachment: (attachment.sort_order, attachment.pk)):
        parts.append(f"{ATTACHMENT_LABEL}{attachment.original_name}")
        parts.append(policy_attachments.published_text(attachment))
    return "\n".join(part for part in parts if part)


def _item_document(item: InformationItem) -> IndexDocument:
    organs = [item.organ, *sorted(item.co_issuers.all(), key=lambda organ: organ.pk)]
    tags = [name for organ in organs for name in (organ.name, organ.short_name) if name]
    if item.published_on is None:  # public_items only holds published items, which have the date
        raise ValueError(f"published item {item.pk} has no publication date")
    return IndexDocument(
        object_id=item.pk,
        title=item.title,
        codes=tuple(code for code in (item.document_number, item.index_number) if code),
        tags=(*tags, *item.keywords.split(), *item.target_groups.split()),
        body=_item_body(item),
        organ_id=item.organ_id,
        topic_id=item.topic_id,
        topic_parent_id=item.topic.parent_id,
        kind=item.kind,
        document_number_key=item.document_number_key,
        written_on=item.written_on,
        published_on=item.published_on,
        declared_validity=item.declared_validity,
        expires_on=item.expires_on,
        repealed_on=item.repealed_on,
    )


def _items_for_target_groups(words: Sequence[str]) -> QuerySet[InformationItem]:
    # target_groups is a short free-text field (小微企业 高校毕业生), so a substring test per word is
    # exact and cheap; the search joins it as a subquery on the record ids.
    matches = Q()
    for word in words:
        matches &= Q(target_groups__icontains=word)
    return policy_selectors.public_items().filter(matches)


def _items_in_columns(column_ids: Sequence[int]) -> QuerySet[InformationItem]:
    in_column = Q(column_entries__column_id__in=column_ids) | Q(column_entries__column__parent_id__in=column_ids)
    return policy_selectors.public_items().filter(in_column)


def _item_display(item: InformationItem) -> Display:
    return Display(
        title=item.title,
        document_number=item.document_number,
        organ_name=item.organ.name,
        url=reverse("portal:item", args=[item.pk]),
    )


register(
    IndexableSource(
        name=ITEMS,
        code=1,
        public_objects=_public_items,
        document=_item_document,
        display=_item_display,
        target_group_matches=_items_for_target_groups,
        column_matches=_items_in_columns,
        kind_labels={kind.value: label for kind, label in KIND_LABELS.items()},
    )
)
