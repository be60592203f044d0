"""Pure publication rules: 发文字号, 索引号, validity, the workflow table and the attribute rules."""

from datetime import date

import pytest

from gongkai.policies import attribute_rules, document_number, index_number
from gongkai.policies.attribute_rules import Proposal, Severity
from gongkai.policies.domain import (
    ART_20_ITEM,
    WORKFLOW,
    DisclosureAttribute,
    ItemKind,
    LegalBasis,
    Status,
    Transition,
    TransitionError,
    Validity,
    allowed_transitions,
    move_for,
    validity_on,
)
from gongkai.policies.topics import STATE_COUNCIL_TOPICS

PROACTIVE, ON_REQUEST, WITHHELD = (
    DisclosureAttribute.PROACTIVE,
    DisclosureAttribute.ON_REQUEST,
    DisclosureAttribute.WITHHELD,
)


@pytest.mark.parametrize(
    "typed",
    [
        "忻政办发〔2021〕35号",
        "忻政办发[2021]35号",
        "忻政办发(2021)35号",
        "忻政办发（2021）35号",
        "忻政办发【2021】35号",
        "忻政办发［2021］035号",
        " 忻政办发 〔2021〕 第35号 ",
        "忻政办发〔2021〕35",
    ],
)
def test_document_numbers_are_stored_in_the_standard_form(typed: str) -> None:
    assert document_number.normalise(typed) == "忻政办发〔2021〕35号"
    assert document_number.search_key(typed) == "忻政办发202135"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "empty"),
        ("忻政办发2021年35号", "format"),
        ("忻政办发〔21〕35号", "format"),
        ("忻政办发〔1850〕3号", "year"),
        ("忻政办发〔2021〕0号", "serial"),
    ],
)
def test_malformed_document_numbers_are_refused_with_a_reason(typed: str, code: str) -> None:
    with pytest.raises(document_number.DocumentNumberError) as raised:
        document_number.parse(typed)

    assert raised.value.code == code


def test_the_default_index_number_follows_the_state_council_pattern() -> None:
    context = index_number.IndexContext("11140900GK0000017X", "140900", 2021, 3, 7)

    assert index_number.render(index_number.DEFAULT_TEMPLATE, context) == "11140900GK0000017X/2021-00007"
    assert index_number.render("{org_code}/{year}{month:02d}-{serial:05d}", context) == "GK0000017/202103-00007"


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{credit_code}/{year}", "serial_and_year_required"),
        ("{name}-{year}-{serial}", "unknown_field"),
        ("{year-{serial}", "format"),
    ],
)
def test_a_template_that_could_not_be_unique_is_refused(template: str, problem: str) -> None:
    with pytest.raises(index_number.IndexTemplateError, match=problem):
        index_number.validate_template(template)


@pytest.mark.parametrize(
    ("expires_on", "repealed_on", "declared", "expected"),
    [
        (None, None, Validity.VALID, Validity.VALID),
        (date(2026, 12, 31), None, Validity.VALID, Validity.VALID),
        (date(2026, 11, 27), None, Validity.VALID, Validity.EXPIRED),
        (date(2026, 11, 28), None, Validity.VALID, Validity.VALID),
        (None, date(2026, 1, 1), Validity.VALID, Validity.REPEALED),
        (None, date(2027, 1, 1), Validity.VALID, Validity.VALID),
        (date(2020, 1, 1), None, Validity.REPEALED, Validity.REPEALED),
    ],
)
def test_validity_follows_expiry_and_repeal(
    expires_on: date | None, repealed_on: date | None, declared: Validity, expected: Validity
) -> None:
    assert (
        validity_on(today=date(2026, 11, 28), expires_on=expires_on, repealed_on=repealed_on, declared=declared)
        == expected
    )


def test_the_workflow_table_walks_from_draft_to_published() -> None:
    status = Status.DRAFT
    for transition in (Transition.SUBMIT, Transition.REVIEW, Transition.APPROVE, Transition.PUBLISH):
        status = move_for(transition, status).target

    assert status == Status.PUBLISHED
    assert allowed_transitions(Status.PUBLISHED) == [Transition.WITHDRAW, Transition.EXPIRE]


def test_no_step_can_be_skipped() -> None:
    with pytest.raises(TransitionError):
        move_for(Transition.APPROVE, Status.SUBMITTED)
    with pytest.raises(TransitionError):
        move_for(Transition.PUBLISH, Status.REVIEWED)


def test_review_and_approval_are_separated_from_drafting() -> None:
    assert {t for t, move in WORKFLOW.items() if move.separated} == {
        Transition.RETURN,
        Transition.REVIEW,
        Transition.APPROVE,
    }


def test_every_state_is_reachable_and_every_art_20_item_is_covered() -> None:
    reachable = {Status.DRAFT} | {move.target for move in WORKFLOW.values()}

    assert reachable == set(Status)
    assert set(ART_20_ITEM.values()) == set(range(1, 15))


def test_the_taxonomy_has_the_22_state_council_categories() -> None:
    assert len(STATE_COUNCIL_TOPICS) == 22
    assert STATE_COUNCIL_TOPICS[8] == (
        "市场监管、安全生产监管",
        ("工商", "质量监督", "标准", "食品药品监管", "安全生产监管", "其他"),
    )


def _codes(proposal: Proposal) -> set[tuple[str, Severity]]:
    return {(finding.code, finding.severity) for finding in attribute_rules.check(proposal)}


E, W = Severity.ERROR, Severity.WARNING

# Each row: the proposal, the findings expected, and the source the rule cites.
RULE_TABLE = [
    # 条例第十四条至第十六条: a basis and a reason for anything not proactive.
    (Proposal(PROACTIVE, ItemKind.WORK_NEWS), set(), "—"),
    (Proposal(ON_REQUEST, ItemKind.MEETING), {("basis_missing", E), ("reason_missing", E)}, "条例第十四条"),
    (
        Proposal(WITHHELD, ItemKind.MEETING, LegalBasis.OTHER_LAW, "依法不公开"),
        {("other_law_missing", E)},
        "条例第十四条",
    ),
    (Proposal(WITHHELD, ItemKind.INTERNAL, LegalBasis.ART_16_1, "内部人事管理"), set(), "条例第十六条"),
    # 条例第二十条: the statutory items are proactive; lawful secrets are only flagged.
    (
        Proposal(ON_REQUEST, ItemKind.NORMATIVE_DOCUMENT, LegalBasis.ART_16_1, "理由"),
        {("statutory_item", E)},
        "条例第二十条",
    ),
    (Proposal(WITHHELD, ItemKind.FISCAL, LegalBasis.ART_14, "涉密"), {("statutory_item", W)}, "条例第二十条"),
    # Plan item 5: livelihood topics are errors; livelihood words in the title are warnings.
    (
        Proposal(ON_REQUEST, ItemKind.MEETING, LegalBasis.ART_16_1, "理由", topic="科技、教育\\教育"),
        {("livelihood_topic", E)},
        "plan item 5",
    ),
    (
        Proposal(ON_REQUEST, ItemKind.MEETING, LegalBasis.ART_16_1, "理由", title="关于城区机动车限行的通知"),
        {("livelihood_terms", W)},
        "plan item 5",
    ),
    # Plan item 6: a proactive superior document sets the floor, unless an approver overrides with a reason.
    (
        Proposal(ON_REQUEST, ItemKind.MEETING, LegalBasis.ART_16_1, "理由", superior_attribute=PROACTIVE),
        {("superior_is_proactive", E)},
        "plan item 6",
    ),
    (
        Proposal(
            ON_REQUEST,
            ItemKind.MEETING,
            LegalBasis.ART_16_1,
            "理由",
            superior_attribute=PROACTIVE,
            override_reason="仅涉及内部分工",
        ),
        {("superior_overridden", W)},
        "plan item 6",
    ),
    (
        Proposal(ON_REQUEST, ItemKind.MEETING, LegalBasis.ART_16_1, "理由", superior_attribute=ON_REQUEST),
        set(),
        "plan item 6",
    ),
    # Plan item 7: letters in the public interest are proactive; the lead organ decides joint documents.
    (
        Proposal(
            ON_REQUEST,
            ItemKind.LETTER_REPLY,
            LegalBasis.ART_16_2,
            "理由",
            affects_public_interest=True,
            re_review_on=date(2027, 1, 1),
        ),
        {("public_interest_letter", E)},
        "plan item 7",
    ),
    (
        Proposal(ON_REQUEST, ItemKind.LETTER_REPLY, LegalBasis.ART_16_2, "理由", re_review_on=date(2027, 1, 1)),
        set(),
        "plan item 7",
    ),
    (
        Proposal(PROACTIVE, ItemKind.OTHER_DOCUMENT, is_joint=True, decided_by_lead_organ=False),
        {("not_lead_organ", E)},
        "plan item 7",
    ),
    # 条例第十六条第二款、第十八条: process information gets a re-review date.
    (
        Proposal(ON_REQUEST, ItemKind.MEETING, LegalBasis.ART_16_2, "决策尚未作出"),
        {("re_review_date_missing", E)},
        "条例第十六条第二款",
    ),
]


@pytest.mark.parametrize(("proposal", "expected", "source"), RULE_TABLE)
def test_attribute_rules(proposal: Proposal, expected: set[tuple[str, Severity]], source: str) -> None:
    findings = attribute_rules.check(proposal)

    assert _codes(proposal) == expected
    assert all(source in finding.source for finding in findings)


def test_only_errors_block() -> None:
    proposal = Proposal(WITHHELD, ItemKind.FISCAL, LegalBasis.ART_14, "涉密")

    assert attribute_rules.blocking(attribute_rules.check(proposal)) == []
