"""The nomination workflow. Each action of the table (awards/workflow.py) has one function here, registered on its
row with ``@DOSSIER.action(name)``; calling it takes the action through the engine (utilities/workflow.py), which

1. locks the submission row (``select_for_update``),
2. checks the actor's role (and unit), the dossier's state and the row's condition,
3. runs the function (the action's own work), sets the state, saves and writes an append-only ``WorkflowEvent``,
4. queues notifications to the submitting unit (the task leaves once the transaction commits: TransactionAwareTask).

Views call these functions (or ``DOSSIER.take``) and nothing else changes a dossier's state.

The functions live by section (``steps``: the write half shared by all; ``drafting``; ``board``; ``council``;
``decisions``); the package names them all, so ``services.receive(...)`` reads as before.
"""

from ..workflow import needs_public_comment
from .board import (
    appraise,
    assign,
    bulk,
    create_meeting,
    last_return,
    open_public_comment,
    receive,
    reopen_appraisal,
    reopen_vote,
    return_to_unit,
    send_to_council,
)
from .council import (
    Ballot,
    VoteRule,
    cast_vote,
    cast_votes,
    close_vote,
    council_size,
    record_written_vote,
    redate_meeting,
    threshold_day,
    vote_passes,
    vote_rules,
)
from .decisions import forward_to_central, issue_decision, record_central_result, record_recovery, revoke
from .drafting import (
    HEADER_FIELDS,
    add_attachment,
    add_nominees,
    create_submission,
    missing_documents,
    recheck_eligibility,
    remove_nominee,
    save_nominee,
    submit,
    update_submission,
)

__all__ = [
    "HEADER_FIELDS", "Ballot", "VoteRule", "redate_meeting", "reopen_appraisal", "reopen_vote",
    "add_attachment", "add_nominees", "appraise", "assign", "bulk", "cast_vote", "cast_votes",
    "close_vote", "council_size", "create_meeting", "create_submission", "forward_to_central", "issue_decision",
    "last_return", "missing_documents", "needs_public_comment", "open_public_comment", "receive", "recheck_eligibility",
    "record_central_result", "record_recovery", "record_written_vote", "remove_nominee", "return_to_unit", "revoke",
    "save_nominee", "send_to_council", "submit", "threshold_day", "update_submission", "vote_passes", "vote_rules",
]
