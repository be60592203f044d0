"""The life of an information application as one transition table (条例第二十九条至第四十五条).

Each move names the state it leaves, the state it reaches, the accounts action that permits it,
whether the person who drafted the decision is barred from it (不相容岗位分离), and whether it
needs a written reason. Services check permission and write the audit entry; this table is the law.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class State(StrEnum):
    AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION"  # Art. 31: letter, online, fax: not received until confirmed
    REGISTERED = "REGISTERED"  # 已登记
    CORRECTION_REQUESTED = "CORRECTION_REQUESTED"  # 补正中 (Art. 30)
    IN_PROGRESS = "IN_PROGRESS"  # 办理中
    CONSULTING = "CONSULTING"  # 征求意见中 (Arts. 32, 34): the clock is paused
    AWAITING_FEE = "AWAITING_FEE"  # 待缴费 (109号)
    DECISION_DRAFTED = "DECISION_DRAFTED"  # 答复拟稿
    DECISION_APPROVED = "DECISION_APPROVED"  # 答复已批准（已用印）
    SERVED = "SERVED"  # 已送达
    CLOSED = "CLOSED"  # 已办结
    WITHDRAWN = "WITHDRAWN"  # 申请人撤回


class Move(StrEnum):
    CONFIRM_RECEIPT = "CONFIRM_RECEIPT"
    ACCEPT = "ACCEPT"
    REQUEST_CORRECTION = "REQUEST_CORRECTION"
    RECEIVE_SUPPLEMENT = "RECEIVE_SUPPLEMENT"
    DEEM_ABANDONED = "DEEM_ABANDONED"  # 无正当理由逾期不补正 (Art. 30)
    START_CONSULTATION = "START_CONSULTATION"
    END_CONSULTATION = "END_CONSULTATION"
    SEND_FEE_NOTICE = "SEND_FEE_NOTICE"
    RECORD_PAYMENT = "RECORD_PAYMENT"
    FEE_UNPAID = "FEE_UNPAID"  # 逾期未缴费 (109号): processing ends, 其他处理-2
    DRAFT_DECISION = "DRAFT_DECISION"
    RETURN_DECISION = "RETURN_DECISION"
    APPROVE_DECISION = "APPROVE_DECISION"
    SERVE = "SERVE"  # 送达
    CLOSE = "CLOSE"
    WITHDRAW = "WITHDRAW"


@dataclass(frozen=True)
class Step:
    source: frozenset[State]
    target: State
    action: str  # accounts.domain.Action name
    separated: bool
    reason_required: bool


OPEN_STATES: Final = frozenset(
    {
        State.AWAITING_CONFIRMATION,
        State.REGISTERED,
        State.CORRECTION_REQUESTED,
        State.IN_PROGRESS,
        State.CONSULTING,
        State.AWAITING_FEE,
        State.DECISION_DRAFTED,
        # Approved is not yet answered: the clock runs until the reply is served (送达).
        State.DECISION_APPROVED,
    }
)

HANDLE, APPROVE = "HANDLE_APPLICATIONS", "APPROVE"

STEPS: Final[Mapping[Move, Step]] = {
    Move.CONFIRM_RECEIPT: Step(frozenset({State.AWAITING_CONFIRMATION}), State.REGISTERED, HANDLE, False, False),
    Move.ACCEPT: Step(frozenset({State.REGISTERED}), State.IN_PROGRESS, HANDLE, False, False),
    Move.REQUEST_CORRECTION: Step(frozenset({State.REGISTERED}), State.CORRECTION_REQUESTED, HANDLE, False, True),
    Move.RECEIVE_SUPPLEMENT: Step(frozenset({State.CORRECTION_REQUESTED}), State.IN_PROGRESS, HANDLE, False, False),
    Move.DEEM_ABANDONED: Step(frozenset({State.CORRECTION_REQUESTED}), State.CLOSED, HANDLE, False, True),
    Move.START_CONSULTATION: Step(frozenset({State.IN_PROGRESS}), State.CONSULTING, HANDLE, False, True),
    Move.END_CONSULTATION: Step(frozenset({State.CONSULTING}), State.IN_PROGRESS, HANDLE, False, False),
    Move.SEND_FEE_NOTICE: Step(frozenset({State.IN_PROGRESS}), State.AWAITING_FEE, HANDLE, False, False),
    Move.RECORD_PAYMENT: Step(frozenset({State.AWAITING_FEE}), State.IN_PROGRESS, HANDLE, False, False),
    Move.FEE_UNPAID: Step(frozenset({State.AWAITING_FEE}), State.CLOSED, HANDLE, False, True),
    Move.DRAFT_DECISION: Step(frozenset({State.IN_PROGRESS}), State.DECISION_DRAFTED, HANDLE, False, False),
    Move.RETURN_DECISION: Step(frozenset({State.DECISION_DRAFTED}), State.IN_PROGRESS, APPROVE, True, True),
    Move.APPROVE_DECISION: Step(frozenset({State.DECISION_DRAFTED}), State.DECISION_APPROVED, APPROVE, True, False),
    Move.SERVE: Step(frozenset({State.DECISION_APPROVED}), State.SERVED, HANDLE, False, False),
    Move.CLOSE: Step(frozenset({State.SERVED}), State.CLOSED, HANDLE, False, False),
    Move.WITHDRAW: Step(OPEN_STATES, State.WITHDRAWN, HANDLE, False, True),
}

# States in which the answer clock runs; elsewhere it has not started, is paused or has stopped.
CLOCK_RUNS: Final = frozenset({State.REGISTERED, State.IN_PROGRESS, State.DECISION_DRAFTED, State.DECISION_APPROVED})


class MoveError(ValueError):
    pass


def step_for(move: Move, current: State) -> Step:
    step = STEPS[move]
    if current not in step.source:
        raise MoveError(f"{move} is not allowed from {current}")
    return step


def moves_from(current: State) -> list[Move]:
    return [move for move, step in STEPS.items() if current in step.source]
