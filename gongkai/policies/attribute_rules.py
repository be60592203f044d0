"""公开属性 rules: checks run on every attribute decision, each naming its source.

Each rule reads a Proposal and returns findings; an ERROR blocks the decision, a WARNING is shown
to the reviewer and kept in the ledger. Sources: 条例 (the Regulation) and the city's 2021 plan
(市政务公开工作要点, items 5–7, cited as "plan item N").
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from gongkai.policies.domain import ART_20_ITEM, DisclosureAttribute, ItemKind, LegalBasis


class Severity(StrEnum):
    ERROR = "ERROR"
    WARNING = "WARNING"


@dataclass(frozen=True)
class Proposal:
    """What a drafter proposes, with the facts the rules need."""

    attribute: DisclosureAttribute
    kind: ItemKind
    legal_basis: LegalBasis | None = None
    reason: str = ""
    other_law: str = ""
    title: str = ""
    keywords: tuple[str, ...] = ()
    topic: str = ""  # 主题分类 in 一级\二级 form
    superior_attribute: DisclosureAttribute | None = None
    override_reason: str = ""  # an approver's reason for departing from the superior document
    affects_public_interest: bool = False
    is_joint: bool = False
    decided_by_lead_organ: bool = True
    re_review_on: date | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    source: str
    severity: Severity
    code: str
    field: str = "attribute"
    details: tuple[tuple[str, str], ...] = ()


# Plan item 5: 事关重大民生的教育、医疗、社会保障、乡村振兴、促进就业 must be proactive.
LIVELIHOOD_TOPICS: Final = frozenset(
    {
        "科技、教育\\教育",
        "卫生、体育\\卫生",
        "卫生、体育\\医药管理",
        "劳动、人事、监察\\劳动就业",
        "劳动、人事、监察\\社会保障",
        "民政、扶贫、救灾\\扶贫",
        "民政、扶贫、救灾\\社会福利",
    }
)
LIVELIHOOD_TERMS: Final = ("教育", "医疗", "社会保障", "社保", "乡村振兴", "促进就业", "就业")
# Plan item 5: 限行、调价、准入、许可、基建、拆迁 and other major decisions with high public attention.
MAJOR_DECISION_TERMS: Final = ("限行", "调价", "价格调整", "准入", "许可", "基建", "基础设施建设", "拆迁", "征收")


def _text_of(proposal: Proposal) -> str:
    return proposal.title + " " + " ".join(proposal.keywords)


def basis_and_reason(proposal: Proposal) -> list[Finding]:
    """Anything but 主动公开 states its legal basis and a written reason."""
    rule, source = "basis_and_reason", "条例第十四条、第十五条、第十六条"
    if proposal.attribute == DisclosureAttribute.PROACTIVE:
        return []
    findings = []
    if proposal.legal_basis is None:
        findings.append(Finding(rule, source, Severity.ERROR, "basis_missing", "legal_basis"))
    elif proposal.legal_basis == LegalBasis.OTHER_LAW and not proposal.other_law.strip():
        findings.append(Finding(rule, source, Severity.ERROR, "other_law_missing", "other_law"))
    if not proposal.reason.strip():
        findings.append(Finding(rule, source, Severity.ERROR, "reason_missing", "reason"))
    return findings


def statutory_items_are_proactive(proposal: Proposal) -> list[Finding]:
    """The Art. 20 items are published proactively, except what is lawfully secret (Art. 14)."""
    rule, source = "statutory_items_are_proactive", "条例第二十条；plan item 5"
    if proposal.attribute == DisclosureAttribute.PROACTIVE or proposal.kind not in ART_20_ITEM:
        return []
    severity = Severity.WARNING if proposal.legal_basis == LegalBasis.ART_14 else Severity.ERROR
    return [Finding(rule, source, severity, "statutory_item", details=(("item", str(ART_20_ITEM[proposal.kind])),))]


def livelihood_and_major_decisions_are_proactive(proposal: Proposal) -> list[Finding]:
    """Plan item 5: livelihood fields and major decisions are proactive, except what is secret."""
    rule, source = "livelihood_and_major_decisions_are_proactive", "plan item 5"
    if proposal.attribute == DisclosureAttribute.PROACTIVE or proposal.legal_basis == LegalBasis.ART_14:
        return []
    if proposal.topic in LIVELIHOOD_TOPICS:
        return [Finding(rule, source, Severity.ERROR, "livelihood_topic", details=(("topic", proposal.topic),))]
    text = _text_of(proposal)
    terms = [term for term in (*LIVELIHOOD_TERMS, *MAJOR_DECISION_TERMS) if term in text]
    if terms:
        # A word in the title is a hint, not proof: the reviewer confirms.
        return [Finding(rule, source, Severity.WARNING, "livelihood_terms", details=(("terms", "、".join(terms)),))]
    return []


def superior_document_sets_the_floor(proposal: Proposal) -> list[Finding]:
    """上位政府文件为主动公开的，公开属性原则上不得拟定为依申请公开和不予公开 (plan item 6)."""
    rule, source = "superior_document_sets_the_floor", "plan item 6"
    if proposal.superior_attribute != DisclosureAttribute.PROACTIVE:
        return []
    if proposal.attribute == DisclosureAttribute.PROACTIVE:
        return []
    # 原则上: an approver may depart from it with a reason, which stays on record.
    if proposal.override_reason.strip():
        return [Finding(rule, source, Severity.WARNING, "superior_overridden", "override_reason")]
    return [Finding(rule, source, Severity.ERROR, "superior_is_proactive")]


def letters_in_the_public_interest_are_proactive(proposal: Proposal) -> list[Finding]:
    """函复类公文 of general guidance or public interest are proactive (plan item 7)."""
    rule, source = "letters_in_the_public_interest_are_proactive", "plan item 7"
    if (
        proposal.kind == ItemKind.LETTER_REPLY
        and proposal.affects_public_interest
        and proposal.attribute != DisclosureAttribute.PROACTIVE
    ):
        return [Finding(rule, source, Severity.ERROR, "public_interest_letter")]
    return []


def lead_organ_decides_joint_documents(proposal: Proposal) -> list[Finding]:
    """政府部门联合发文的，由牵头单位做好拟发公文属性认定工作 (plan item 7)."""
    rule, source = "lead_organ_decides_joint_documents", "plan item 7"
    if proposal.is_joint and not proposal.decided_by_lead_organ:
        return [Finding(rule, source, Severity.ERROR, "not_lead_organ")]
    return []


def process_information_is_reviewed_again(proposal: Proposal) -> list[Finding]:
    """Process information may be withheld only until the decision is made, so it needs a re-review date."""
    rule, source = "process_information_is_reviewed_again", "条例第十六条第二款、第十八条"
    withheld_as_process = (
        proposal.attribute != DisclosureAttribute.PROACTIVE and proposal.legal_basis == LegalBasis.ART_16_2
    )
    if withheld_as_process and proposal.re_review_on is None:
        return [Finding(rule, source, Severity.ERROR, "re_review_date_missing", "re_review_on")]
    return []


RULES: Final[tuple[Callable[[Proposal], list[Finding]], ...]] = (
    basis_and_reason,
    statutory_items_are_proactive,
    livelihood_and_major_decisions_are_proactive,
    superior_document_sets_the_floor,
    letters_in_the_public_interest_are_proactive,
    lead_organ_decides_joint_documents,
    process_information_is_reviewed_again,
)


def check(proposal: Proposal) -> list[Finding]:
    return [finding for rule in RULES for finding in rule(proposal)]


def blocking(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == Severity.ERROR]
