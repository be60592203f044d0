"""What the item pages show of interpretations: an interpretation's sections, a policy's interpretations."""

from dataclasses import dataclass, field
from typing import Any

from gongkai.interpretations import domain
from gongkai.interpretations import selectors as interpretation_selectors
from gongkai.interpretations.models import CHANNEL_LABELS, FOLLOW_UP_LABELS, FORM_LABELS, Interpretation
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.models import InformationItem


@dataclass(frozen=True)
class Section:
    heading: str
    text: str


@dataclass(frozen=True)
class InterpretationPanel:
    """An interpretation's own page parts; ``policies`` and ``related`` are what the reader may open."""

    interpretation: Interpretation
    form_label: str
    sections: list[Section]
    missing: list[str]
    answers: list[tuple[str, str]]
    channels: list[str]
    policies: list[InformationItem]
    follow_up_label: str
    first: InformationItem | None
    follow_ups: list[InformationItem] = field(default_factory=list)


def interpretation_panel(interpretation: Interpretation, *, public: bool) -> InterpretationPanel:
    texts = interpretation.element_texts()
    policies: Any = (
        interpretation_selectors.public_policies_of(interpretation) if public else interpretation.policies.all()
    )
    follow_ups: Any = (
        interpretation_selectors.public_follow_ups(interpretation) if public else interpretation.follow_ups.all()
    )
    first = interpretation.follow_up_of.item if interpretation.follow_up_of else None
    if public and first is not None:
        first = policy_selectors.public_items().filter(pk=first.pk).first()
    return InterpretationPanel(
        interpretation=interpretation,
        form_label=str(FORM_LABELS[domain.Form(interpretation.form)]),
        sections=[
            Section(domain.ELEMENT_HEADINGS[element], texts[element]) for element in domain.Element if texts[element]
        ],
        missing=[domain.ELEMENT_HEADINGS[element] for element in domain.missing_elements(texts)],
        answers=[(answer.question, answer.answer) for answer in interpretation.answers.all()],
        channels=[str(CHANNEL_LABELS[domain.Channel(channel)]) for channel in interpretation.channels],
        policies=list(policies),
        follow_up_label=str(FOLLOW_UP_LABELS[domain.FollowUp(interpretation.follow_up_kind)])
        if interpretation.follow_up_kind
        else "",
        first=first,
        follow_ups=[follow_up.item for follow_up in follow_ups],
    )


@dataclass(frozen=True)
class PolicyPanel:
    """A policy's interpretations, or the 解读待发布 notice when it needs one and has none yet."""

    interpretations: list[InformationItem]
    awaiting: bool


def policy_panel(item: InformationItem, *, public: bool) -> PolicyPanel | None:
    found: Any = (
        interpretation_selectors.public_interpretations_of(item)
        if public
        else Interpretation.objects.filter(policies=item).select_related("item")
    )
    interpretations = [interpretation.item for interpretation in found]
    awaiting = interpretation_selectors.awaits_interpretation(item)
    if not interpretations and not awaiting:
        return None
    return PolicyPanel(interpretations, awaiting)
