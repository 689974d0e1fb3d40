"""The campaigns' workflows, each as one table (see utilities/workflow.py).

Movements (under way → closed), units' registrations (draft ⇄ submitted), review rounds (collecting
reports → consolidated), exemplary models (proposed → approved or not) and cluster member scores
(self-scoring → self-score submitted → cross-checked). Services check these rows; pages ask them which
actions a user has; tests and docs/workflows.md read them.
"""

from __future__ import annotations

from django.utils.translation import gettext as _, gettext_lazy

from core.audit import record
from organisation.permissions import acts_for_owner, can_cross_check, enters_self_score, is_board, is_unit_staff
from utilities.workflow import Transition, Workflow

from .models import ModelStatus, MovementStatus, RegistrationStatus, RoundStatus, ScoreStatus


def _covenant_final(score, today):
    return _("The cluster's results are final.") if score.covenant.is_final else None


MOVEMENT = Workflow("movement", MovementStatus, initial=MovementStatus.ACTIVE, transitions=[
    Transition("close", (MovementStatus.ACTIVE,), (MovementStatus.CLOSED,), is_board,
               gettext_lazy("Close the movement"), url_name="campaigns:movement_close",
               wrong_state=gettext_lazy("This movement is already closed.")),
])

REGISTRATION = Workflow("registration", RegistrationStatus, initial=RegistrationStatus.DRAFT, lock_related=("unit",),
                        transitions=[
    Transition("save", (RegistrationStatus.DRAFT,), (), acts_for_owner, gettext_lazy("Save draft"),
               wrong_state=gettext_lazy("This registration was already submitted and can no longer be changed.")),
    Transition("submit", (RegistrationStatus.DRAFT,), (RegistrationStatus.SUBMITTED,), acts_for_owner,
               gettext_lazy("Submit the registration"),
               wrong_state=gettext_lazy("This registration was already submitted and can no longer be changed.")),
    Transition("reopen", (RegistrationStatus.SUBMITTED,), (RegistrationStatus.DRAFT,), is_board,
               gettext_lazy("Reopen"), url_name="campaigns:registration_reopen"),
])

REVIEW = Workflow("review", RoundStatus, initial=RoundStatus.OPEN, transitions=[
    Transition("report", (RoundStatus.OPEN,), (), is_unit_staff, gettext_lazy("Submit the report"),
               wrong_state=gettext_lazy("The Board has already consolidated this review; reports are closed.")),
    Transition("consolidate", (RoundStatus.OPEN,), (RoundStatus.CONSOLIDATED,), is_board,
               gettext_lazy("Consolidate"), wrong_state=gettext_lazy("This review is already consolidated.")),
])

EXEMPLARY_MODEL = Workflow("exemplary_model", ModelStatus, initial=ModelStatus.PROPOSED, transitions=[
    Transition("approve", (ModelStatus.PROPOSED,), (ModelStatus.APPROVED,), is_board,
               gettext_lazy("Approve and publish"), wrong_state=gettext_lazy("This proposal was already decided.")),
    Transition("reject", (ModelStatus.PROPOSED,), (ModelStatus.REJECTED,), is_board, gettext_lazy("Do not approve"),
               wrong_state=gettext_lazy("This proposal was already decided.")),
])

MEMBER_SCORE = Workflow("member_score", ScoreStatus, initial=ScoreStatus.DRAFT, lock_related=("covenant", "unit"),
                        transitions=[
    Transition("self_score", (ScoreStatus.DRAFT,), (ScoreStatus.SELF_SCORED,), enters_self_score,
               gettext_lazy("Self-score"), condition=_covenant_final,
               wrong_state=gettext_lazy("The self-score was already submitted.")),
    Transition("cross_check", (ScoreStatus.SELF_SCORED,), (ScoreStatus.CHECKED,), can_cross_check,
               gettext_lazy("Cross-check"), condition=_covenant_final,
               wrong_state=gettext_lazy("Only a submitted self-score can be cross-checked.")),
])

WORKFLOWS = (MOVEMENT, REGISTRATION, REVIEW, EXEMPLARY_MODEL, MEMBER_SCORE)
for _workflow in WORKFLOWS:
    _workflow.writes_with(audit=record)  # core.AuditEvent: the engine's one audit record

