"""Every role check of the portal, as a named predicate.

Views, services, templates (through the context), the API and the workflow tables use these names and
nothing else: no view or service tests a role itself. A predicate takes the user and, where the answer
depends on it, the object acted on; ``predicate.require(user, obj)`` raises ``PermissionDenied`` with
the predicate's own message.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from utilities.predicates import Predicate, predicate  # noqa: F401 (Predicate: the type every caller names)

from .models import ClusterMembership
from .roles import Role, has_role, is_city_wide
from .scoping import can_act_for_unit

BOARD_ONLY = _("Only officers of the Emulation and Commendation Board may do this.")


@predicate(BOARD_ONLY)
def is_board(user, obj=None) -> bool:
    """Board officers (and administrators) run the workflows of the city."""
    return has_role(user, Role.BOARD_OFFICER, Role.ADMINISTRATOR)


@predicate(BOARD_ONLY)
def is_board_officer(user, obj=None) -> bool:
    """A Board officer's account (the officer's own home page and queue; administrators are not officers)."""
    return has_role(user, Role.BOARD_OFFICER)


@predicate(_("This page is for the leadership."))
def is_leader(user, obj=None) -> bool:
    return has_role(user, Role.LEADER)


@predicate(_("Only administrators may do this."))
def is_administrator(user, obj=None) -> bool:
    return has_role(user, Role.ADMINISTRATOR)


@predicate(_("Only members of the Emulation and Commendation Council may vote."))
def is_council(user, obj=None) -> bool:
    return has_role(user, Role.COUNCIL_MEMBER)


can_vote = is_council


@predicate(_("Only members of the Council and officers of the Board may open this page."))
def can_open_council(user, obj=None) -> bool:
    return is_council(user) or is_board(user)


@predicate(_("Only unit staff prepare their unit's records."))
def is_unit_staff(user, obj=None) -> bool:
    return has_role(user, Role.UNIT_STAFF)


@predicate(_("You may act only for your own unit and the units under it."))
def acts_for_unit(user, unit) -> bool:
    """Staff of ``unit`` or of a unit above it submit data on its behalf."""
    return unit is not None and can_act_for_unit(user, unit)


@predicate(_("You may act only for your own unit and the units under it."))
def acts_for_owner(user, obj) -> bool:
    """Staff of the unit that owns ``obj`` (anything with a ``unit``)."""
    return obj is not None and can_act_for_unit(user, obj.unit)


@predicate(_("Only unit staff and Board officers enter staff records."))
def enters_staff_records(user, obj=None) -> bool:
    """Unit staff and Board officers enter what the law asks about persons (ratings, initiatives)."""
    return has_role(user, Role.UNIT_STAFF, Role.BOARD_OFFICER)


@predicate(_("Only the responsible units and the Board report target figures."))
def reports_figures(user, obj=None) -> bool:
    """Unit staff (for their units' targets) and Board officers report figures; leaders and the Council read."""
    return has_role(user, Role.UNIT_STAFF, Role.BOARD_OFFICER, Role.ADMINISTRATOR)


@predicate(_("Reports are for the Board, the Council and the leadership."))
def can_read_reports(user, obj=None) -> bool:
    """Reports are for the city-wide roles: Board, Council, leadership, administrators."""
    return is_city_wide(user)


can_request_reports = is_board
keeps_calendar = is_board  # the working-day calendar: each year's holidays, days off and days worked (legal)


@predicate(_("The fairness statistics are for the Board, the Council and the leadership."))
def can_view_fairness(user, obj=None) -> bool:
    return is_board(user) or has_role(user, Role.LEADER, Role.COUNCIL_MEMBER)


@predicate(_("The emulation and commendation fund is read by the Board and the leadership."))
def can_read_fund(user, obj=None) -> bool:
    return is_board(user) or has_role(user, Role.LEADER)


# The Board keeps the fund's ledger (allocations, income, reversing entries).
keeps_fund = is_board
@predicate(_("Only the signer's own account (signing authority) signs documents."))
def is_signer(user, obj=None) -> bool:
    """The account of a person with signing authority (the Chairman; the Board's head for the Board's papers)."""
    return has_role(user, Role.SIGNER)


@predicate(_("Only the records clerk (văn thư) applies the agency's seal."))
def is_records_clerk(user, obj=None) -> bool:
    """The records clerk (văn thư), who applies the issuing agency's seal (its organisational signature)."""
    return has_role(user, Role.RECORDS_CLERK)


@predicate(_("Signers and records clerks see every decision."))
def handles_issued_documents(user, obj=None) -> bool:
    """Who signs or seals the city's decisions reads every decision (not the dossiers behind them)."""
    return has_role(user, Role.SIGNER, Role.RECORDS_CLERK)


@predicate(_("Leadership accounts read the portal; they do not change it."))
def may_write(user, obj=None) -> bool:
    """Everyone but a read-only leadership account (one with no other role) may write."""
    return not (has_role(user, Role.LEADER) and not has_role(
        user, Role.BOARD_OFFICER, Role.UNIT_STAFF, Role.ADMINISTRATOR))


def _head_unit_id(user, cluster_id, year):
    """The unit heading a cluster in a year, remembered on the user object for the request."""
    memo = user.__dict__.setdefault("_cluster_heads", {})
    if (cluster_id, year) not in memo:
        memo[cluster_id, year] = ClusterMembership.objects.filter(
            cluster_id=cluster_id, year=year, is_head=True).values_list("unit_id", flat=True).first()
    return memo[cluster_id, year]


@predicate(_("Only the cluster head's own staff may do this."))
def is_cluster_head(user, covenant) -> bool:
    """Staff of the unit that heads ``covenant``'s cluster in its year (not units above or below it)."""
    if not (is_unit_staff(user) and user.unit_id):
        return False
    head = _head_unit_id(user, covenant.cluster_id, covenant.year)
    return head is not None and head == user.unit_id


@predicate(_("Only the cluster head or the Board may cross-check scores; the head's own score is checked by "
             "the Board."))
def can_cross_check(user, score) -> bool:
    """The Board, or the cluster head for another member's score (never its own)."""
    if is_board(user):
        return True
    return is_cluster_head(user, score.covenant) and score.unit_id != user.unit_id


@predicate(_("A member's self-score is shown to the Board, the member and the cluster head until it is checked."))
def sees_self_score(user, score) -> bool:
    """Before the cross-check a self-score is for the city's readers, the member itself and the cluster head;
    once checked, every viewer of the covenant sees it."""
    return (score.final_total is not None or is_city_wide(user) or can_act_for_unit(user, score.unit)
            or is_cluster_head(user, score.covenant))


@predicate(_("Only the member itself, or the Board on its behalf, enters its self-score."))
def enters_self_score(user, score) -> bool:
    """The member's own staff, or the Board for a member (a city of the national cluster) with no account."""
    return is_board(user) or acts_for_owner(user, score)


@predicate(_("Only the cluster head or the Board may finalise the results."))
def can_finalise_cluster(user, covenant) -> bool:
    return is_board(user) or is_cluster_head(user, covenant)


def require_board(user) -> None:
    is_board.require(user)


def require_council(user) -> None:
    is_council.require(user)


def require_unit_actor(user, unit) -> None:
    acts_for_unit.require(user, unit)


@predicate(_("The metrics are for the Board's monitoring account and the administrators."))
def can_read_metrics(user, obj=None) -> bool:
    """/metrics (Prometheus): the Board's monitoring account (the monitoring role) and administrators; Board
    officers and everyone else are refused. A scraper may also present METRICS_TOKEN (haiphong_thidua.metrics)."""
    return has_role(user, Role.MONITORING, Role.ADMINISTRATOR)


@predicate(_("This account must use a second factor (an authenticator app)."))
def needs_second_factor(user, obj=None) -> bool:
    """ASVS L2: accounts that decide, vote, read every unit or administer the portal sign in with two factors."""
    return has_role(user, Role.BOARD_OFFICER, Role.COUNCIL_MEMBER, Role.LEADER, Role.ADMINISTRATOR, Role.SIGNER,
                    Role.RECORDS_CLERK)


@predicate(_("Signing and sealing documents always need a second factor."))
def always_needs_second_factor(user, obj=None) -> bool:
    """The signer and the records clerk use a second factor even where ``MFA_REQUIRED`` is off (the demo): a
    signature or a seal is applied only from a session that gave it (issue 32)."""
    return has_role(user, Role.SIGNER, Role.RECORDS_CLERK)
