"""Pure rules of publication: kinds, disclosure attributes, validity and the release workflow.

No Django here: a lawyer can read this file against the Regulation (条例) and the city plan.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final


class DisclosureAttribute(StrEnum):
    """公开属性, set at drafting (条例第十九条至第二十一条, 第十四条至第十六条)."""

    PROACTIVE = "PROACTIVE"  # 主动公开
    ON_REQUEST = "ON_REQUEST"  # 依申请公开
    WITHHELD = "WITHHELD"  # 不予公开


class LegalBasis(StrEnum):
    """Why an item is not proactive: the coded list the ledger counts by."""

    ART_14 = "ART_14"  # 国家秘密; 法律、行政法规禁止公开; 危及国家安全、公共安全、经济安全、社会稳定
    ART_15 = "ART_15"  # 商业秘密、个人隐私 (unless the third party agrees or public interest outweighs)
    ART_16_1 = "ART_16_1"  # 内部事务信息 (人事管理、后勤管理、内部工作流程)
    ART_16_2 = "ART_16_2"  # 过程性信息 and 行政执法案卷信息
    OTHER_LAW = "OTHER_LAW"  # another law or administrative regulation, which must be named


class ItemKind(StrEnum):
    """Kinds of government information, each mapped to the Art. 20 item it falls under."""

    REGULATION = "REGULATION"  # 规章
    NORMATIVE_DOCUMENT = "NORMATIVE_DOCUMENT"  # 行政规范性文件
    OTHER_DOCUMENT = "OTHER_DOCUMENT"  # 其他文件
    PLAN = "PLAN"  # 规划
    STATISTICS = "STATISTICS"  # 统计信息
    FISCAL = "FISCAL"  # 财政预算、决算信息
    PERSONNEL = "PERSONNEL"  # 人事信息 (公务员招考)
    WORK_NEWS = "WORK_NEWS"  # 工作动态
    ADMINISTRATIVE_LICENCE = "ADMINISTRATIVE_LICENCE"  # 行政许可
    ADMINISTRATIVE_PENALTY = "ADMINISTRATIVE_PENALTY"  # 行政处罚
    FEES = "FEES"  # 行政事业性收费
    PROCUREMENT = "PROCUREMENT"  # 政府集中采购
    EMERGENCY = "EMERGENCY"  # 突发公共事件应急预案
    PUBLIC_SERVICE = "PUBLIC_SERVICE"  # 扶贫、教育、医疗、社会保障、促进就业等方面
    ORGAN_INFO = "ORGAN_INFO"  # 机关职能、机构设置、联系方式、负责人
    MAJOR_PROJECT = "MAJOR_PROJECT"  # 重大建设项目
    INSPECTION = "INSPECTION"  # 环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查
    LETTER_REPLY = "LETTER_REPLY"  # 函复类 (letters and replies)
    MEETING = "MEETING"  # 会议纪要、会议信息
    INTERNAL = "INTERNAL"  # 内部事务
    INTERPRETATION = "INTERPRETATION"  # 政策解读 (plan items 11–12): released through the same flow


# 条例第二十条 lists, in fifteen items, what every administrative organ must publish proactively;
# the annual report and the attribute rules count items by the Art. 20 item their kind falls under.
ART_20_ITEM: Final[Mapping[ItemKind, int]] = {
    ItemKind.REGULATION: 1,
    ItemKind.NORMATIVE_DOCUMENT: 1,
    ItemKind.ORGAN_INFO: 2,
    ItemKind.PLAN: 3,
    ItemKind.STATISTICS: 4,
    ItemKind.ADMINISTRATIVE_LICENCE: 5,
    ItemKind.ADMINISTRATIVE_PENALTY: 6,
    ItemKind.FISCAL: 7,
    ItemKind.FEES: 8,
    ItemKind.PROCUREMENT: 9,
    ItemKind.MAJOR_PROJECT: 10,
    ItemKind.PUBLIC_SERVICE: 11,
    ItemKind.EMERGENCY: 12,
    ItemKind.INSPECTION: 13,
    ItemKind.PERSONNEL: 14,
}

# Kinds that a policy interpretation and the 规范性文件 rules (expiry, filing) apply to.
POLICY_KINDS: Final = frozenset({ItemKind.REGULATION, ItemKind.NORMATIVE_DOCUMENT, ItemKind.OTHER_DOCUMENT})


def needs_interpretation(kind: ItemKind, *, major: bool) -> bool:
    """Plan item 11: every 行政规范性文件, and any policy flagged as major, is released with an interpretation."""
    return kind is ItemKind.NORMATIVE_DOCUMENT or (major and kind in POLICY_KINDS)


class Validity(StrEnum):
    """有效性, as local sites show it beside the standard metadata."""

    VALID = "VALID"  # 有效
    EXPIRED = "EXPIRED"  # 失效: its period ran out
    REPEALED = "REPEALED"  # 废止: an act ended it


def validity_on(*, today: date, expires_on: date | None, repealed_on: date | None, declared: Validity) -> Validity:
    """A 规范性文件 with an expiry date turns 失效 on its own; a repeal wins over everything."""
    if repealed_on is not None and repealed_on <= today:
        return Validity.REPEALED
    if declared == Validity.REPEALED:
        return Validity.REPEALED
    if expires_on is not None and expires_on < today:
        return Validity.EXPIRED
    return declared


class Status(StrEnum):
    """发布审核 (plan item 20): one item's way from draft to the public page."""

    DRAFT = "DRAFT"  # 草稿
    SUBMITTED = "SUBMITTED"  # 已提交审核
    REVIEWED = "REVIEWED"  # 已审核
    APPROVED = "APPROVED"  # 已批准（已用印）
    PUBLISHED = "PUBLISHED"  # 已发布
    WITHDRAWN = "WITHDRAWN"  # 已撤回
    EXPIRED = "EXPIRED"  # 已过期下线


class Transition(StrEnum):
    SUBMIT = "SUBMIT"
    RETURN = "RETURN"  # send back to the drafter with a comment
    REVIEW = "REVIEW"
    APPROVE = "APPROVE"
    PUBLISH = "PUBLISH"
    WITHDRAW = "WITHDRAW"
    EXPIRE = "EXPIRE"
    REOPEN = "REOPEN"  # a withdrawn item goes back to draft for correction


@dataclass(frozen=True)
class Move:
    source: frozenset[Status]
    target: Status
    action: str  # the accounts.domain.Action name that permits it
    separated: bool  # the item's drafter may not take it (不相容岗位分离)
    comment_required: bool


# The whole workflow in one table: every allowed move, who may make it, and what it needs.
WORKFLOW: Final[Mapping[Transition, Move]] = {
    Transition.SUBMIT: Move(frozenset({Status.DRAFT}), Status.SUBMITTED, "DRAFT", False, False),
    Transition.RETURN: Move(frozenset({Status.SUBMITTED, Status.REVIEWED}), Status.DRAFT, "REVIEW", True, True),
    Transition.REVIEW: Move(frozenset({Status.SUBMITTED}), Status.REVIEWED, "REVIEW", True, False),
    Transition.APPROVE: Move(frozenset({Status.REVIEWED}), Status.APPROVED, "APPROVE", True, False),
    Transition.PUBLISH: Move(frozenset({Status.APPROVED}), Status.PUBLISHED, "MANAGE_PUBLICATIONS", False, False),
    Transition.WITHDRAW: Move(
        frozenset({Status.PUBLISHED, Status.APPROVED}), Status.WITHDRAWN, "MANAGE_PUBLICATIONS", False, True
    ),
    Transition.EXPIRE: Move(frozenset({Status.PUBLISHED}), Status.EXPIRED, "MANAGE_PUBLICATIONS", False, True),
    Transition.REOPEN: Move(frozenset({Status.WITHDRAWN}), Status.DRAFT, "DRAFT", False, True),
}


class TransitionError(ValueError):
    pass


def move_for(transition: Transition, current: Status) -> Move:
    move = WORKFLOW[transition]
    if current not in move.source:
        raise TransitionError(f"{transition} is not allowed from {current}")
    return move


def allowed_transitions(current: Status) -> list[Transition]:
    return [transition for transition, move in WORKFLOW.items() if current in move.source]


# 条例第二十六条: proactive information is published within 20 working days of being formed or changed.
PUBLICATION_PERIOD_WORKDAYS: Final = 20
