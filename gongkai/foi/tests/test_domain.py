"""The application workflow table: every move from every state, allowed or refused."""

import pytest

from gongkai.foi.domain import CLOCK_RUNS, OPEN_STATES, STEPS, Move, MoveError, State, moves_from, step_for

# The whole table written out: state → the moves allowed from it. Everything else is refused.
ALLOWED: dict[State, set[Move]] = {
    State.AWAITING_CONFIRMATION: {Move.CONFIRM_RECEIPT, Move.WITHDRAW},
    State.REGISTERED: {Move.ACCEPT, Move.REQUEST_CORRECTION, Move.WITHDRAW},
    State.CORRECTION_REQUESTED: {Move.RECEIVE_SUPPLEMENT, Move.DEEM_ABANDONED, Move.WITHDRAW},
    State.IN_PROGRESS: {Move.START_CONSULTATION, Move.SEND_FEE_NOTICE, Move.DRAFT_DECISION, Move.WITHDRAW},
    State.CONSULTING: {Move.END_CONSULTATION, Move.WITHDRAW},
    State.AWAITING_FEE: {Move.RECORD_PAYMENT, Move.FEE_UNPAID, Move.WITHDRAW},
    State.DECISION_DRAFTED: {Move.RETURN_DECISION, Move.APPROVE_DECISION, Move.WITHDRAW},
    State.DECISION_APPROVED: {Move.SERVE, Move.WITHDRAW},
    State.SERVED: {Move.CLOSE},
    State.CLOSED: set(),
    State.WITHDRAWN: set(),
}


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("move", list(Move))
def test_every_move_from_every_state(state: State, move: Move) -> None:
    if move in ALLOWED[state]:
        assert step_for(move, state).target in State
    else:
        with pytest.raises(MoveError):
            step_for(move, state)


def test_the_table_and_the_written_out_list_agree() -> None:
    assert {state: set(moves_from(state)) for state in State} == ALLOWED


def test_only_the_approver_returns_or_approves_and_never_their_own_draft() -> None:
    assert {move for move, step in STEPS.items() if step.separated} == {Move.RETURN_DECISION, Move.APPROVE_DECISION}
    assert {move for move, step in STEPS.items() if step.action == "APPROVE"} == {
        Move.RETURN_DECISION,
        Move.APPROVE_DECISION,
    }


def test_closing_moves_and_pauses_need_a_written_reason() -> None:
    needs_reason = {move for move, step in STEPS.items() if step.reason_required}

    assert {
        Move.DEEM_ABANDONED,
        Move.FEE_UNPAID,
        Move.WITHDRAW,
        Move.REQUEST_CORRECTION,
        Move.START_CONSULTATION,
    } <= needs_reason


def test_the_clock_does_not_run_while_paused_or_after_the_end() -> None:
    assert State.CONSULTING not in CLOCK_RUNS
    assert State.AWAITING_CONFIRMATION not in CLOCK_RUNS
    assert OPEN_STATES | {State.DECISION_APPROVED} >= CLOCK_RUNS
