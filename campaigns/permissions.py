"""Who may do what in campaigns. Services call these before changing anything."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from organisation.roles import Role, has_role
from organisation.scoping import can_act_for_unit


def is_board(user) -> bool:
    return has_role(user, Role.BOARD_OFFICER, Role.ADMINISTRATOR)


def require_board(user) -> None:
    if not is_board(user):
        raise PermissionDenied(_("Only officers of the Emulation and Commendation Board may do this."))


def require_unit_actor(user, unit) -> None:
    if not can_act_for_unit(user, unit):
        raise PermissionDenied(_("You may act only for your own unit and the units under it."))
