"""Reads of convenience replies, and the suggestions shown while a question is typed.

Documents reach this module only through `policies.selectors.public_items`: a reply links to, and
the form suggests, nothing the public could not read.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from django.db.models import Q, QuerySet

from gongkai.convenience import matching
from gongkai.convenience.domain import State
from gongkai.convenience.models import ConvenienceReply, HotlineToken
from gongkai.foi.models import Application
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.models import InformationItem

# A few tokens spread over the question narrow the rows in SQL; Python ranks at most this many.
PREFILTER_TOKENS: Final = 6
CANDIDATE_CAP: Final = 200
RECENT_REPLIES: Final = 50

Row = TypeVar("Row", InformationItem, ConvenienceReply)


@dataclass(frozen=True)
class Suggestions:
    documents: list[InformationItem]
    replies: list[ConvenienceReply]

    def __bool__(self) -> bool:
        return bool(self.documents or self.replies)


NO_SUGGESTIONS: Final = Suggestions([], [])


def _any_of(fields: Sequence[str], tokens: Sequence[str]) -> Q:
    condition = Q()
    for token in tokens:
        for field in fields:
            condition |= Q(**{f"{field}__icontains": token})
    return condition


def _in_order(rows: QuerySet[Row], ids: list[int]) -> list[Row]:
    by_id = {row.pk: row for row in rows.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def suggested_documents(question: str, limit: int) -> list[InformationItem]:
    wanted = matching.sample(matching.tokens(question), PREFILTER_TOKENS)
    if not wanted:
        return []
    candidates = (
        policy_selectors.public_items()
        .filter(_any_of(("title", "keywords", "document_number"), wanted))
        .values_list("pk", "title", "keywords", "document_number")[:CANDIDATE_CAP]
    )
    ranked = matching.rank(
        question, ((pk, f"{title} {keywords} {number}") for pk, title, keywords, number in candidates), limit
    )
    return _in_order(policy_selectors.public_items(), ranked)


def suggested_replies(question: str, organ: Organ, limit: int, exclude: int | None = None) -> list[ConvenienceReply]:
    """Earlier answered replies of the organ: the answer given before is the place to start."""
    wanted = matching.sample(matching.tokens(question), PREFILTER_TOKENS)
    if not wanted:
        return []
    answered = ConvenienceReply.objects.filter(organ=organ, state=State.ANSWERED)
    if exclude is not None:
        answered = answered.exclude(pk=exclude)
    candidates = (
        answered.filter(_any_of(("question",), wanted)).order_by("-asked_on", "-id").values_list("pk", "question")
    )[:CANDIDATE_CAP]
    ranked = matching.rank(question, candidates, limit)
    return _in_order(answered, ranked)


def suggestions(question: str, organ: Organ, limit: int = 5, exclude: int | None = None) -> Suggestions:
    """Published documents and earlier answers that match the question, best first."""
    if not question.strip():
        return NO_SUGGESTIONS
    return Suggestions(suggested_documents(question, limit), suggested_replies(question, organ, limit, exclude))


def public_linked_items(reply: ConvenienceReply) -> QuerySet[InformationItem]:
    """The linked documents still public: a document withdrawn after the reply drops out."""
    return policy_selectors.public_items().filter(pk__in=reply.linked_items.values("pk"))


def linkable_items(ids: Sequence[int]) -> QuerySet[InformationItem]:
    return policy_selectors.public_items().filter(pk__in=ids)


def pending(organ_ids: Sequence[int]) -> QuerySet[ConvenienceReply]:
    """Hotline consultations waiting for an answer, oldest first."""
    return (
        ConvenienceReply.objects.filter(organ_id__in=organ_ids, state=State.PENDING)
        .select_related("organ", "filed_by_token")
        .order_by("asked_on", "id")
    )


def recent(organ_ids: Sequence[int], limit: int = RECENT_REPLIES) -> list[ConvenienceReply]:
    return list(
        ConvenienceReply.objects.filter(organ_id__in=organ_ids, state=State.ANSWERED)
        .select_related("organ", "answered_by")
        .order_by("-answered_on", "-id")[:limit]
    )


def reply_in(organ_ids: Sequence[int], pk: int) -> ConvenienceReply | None:
    return (
        ConvenienceReply.objects.filter(organ_id__in=organ_ids, pk=pk)
        .select_related("organ", "application", "answered_by", "created_by", "filed_by_token")
        .first()
    )


def consultation_for(token: HotlineToken, pk: int) -> ConvenienceReply | None:
    """A consultation the token's organ owns; another organ's is as good as missing."""
    return ConvenienceReply.objects.filter(organ_id=token.organ_id, pk=pk).first()


def tokens_of(organ: Organ) -> QuerySet[HotlineToken]:
    return HotlineToken.objects.filter(organ=organ).select_related("created_by").order_by("-is_active", "-created_at")


def application_by_number(organ: Organ, tracking_number: str) -> Application | None:
    # foi.selectors has no lookup by tracking number; this reads the foreign-keyed model directly.
    return Application.objects.filter(organ=organ, tracking_number=tracking_number.strip().upper()).first()
