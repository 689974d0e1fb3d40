"""Role checks shared by the apps. Services call these before changing anything."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .roles import Role, has_role
from .scoping import can_act_for_unit


def is_board(user) -> bool:
    return has_role(user, Role.BOARD_OFFICER, Role.ADMINISTRATOR)


def enters_staff_records(user) -> bool:
    """Unit staff and Board officers enter what the law asks about persons (ratings, initiatives)."""
    return has_role(user, Role.UNIT_STAFF, Role.BOARD_OFFICER)


def require_board(user) -> None:
    if not is_board(user):
        raise PermissionDenied(_("Only officers of the Emulation and Commendation Board may do this."))


def require_unit_actor(user, unit) -> None:
    if not can_act_for_unit(user, unit):
        raise PermissionDenied(_("You may act only for your own unit and the units under it."))


def is_council(user) -> bool:
    return has_role(user, Role.COUNCIL_MEMBER)


def require_council(user) -> None:
    if not is_council(user):
        raise PermissionDenied(_("Only members of the Emulation and Commendation Council may vote."))
