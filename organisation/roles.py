"""The portal's roles. Each role is a Django group whose name is the role code."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    UNIT_STAFF = "unit_staff", _("Unit staff")
    BOARD_OFFICER = "board_officer", _("Board officer")
    COUNCIL_MEMBER = "council_member", _("Council member")
    LEADER = "leader", _("Leadership")
    ADMINISTRATOR = "administrator", _("Administrator")
    # The Board's monitoring account: reads /metrics (Prometheus), nothing else; sees no unit's data.
    MONITORING = "monitoring", _("Monitoring")
    # Separation of duties for signed documents (issue 32): the person with signing authority (the Chairman, or the
    # Board's head for the Board's papers) signs from their own account; the records clerk (văn thư) applies the
    # agency's seal. Neither prepares a document; one account never both signs and seals the same document.
    SIGNER = "signer", _("Signer (signing authority)")
    RECORDS_CLERK = "records_clerk", _("Records clerk (văn thư)")


# Roles that see every unit's data (read or write is decided per action).
CITY_WIDE_ROLES = frozenset({Role.BOARD_OFFICER, Role.COUNCIL_MEMBER, Role.LEADER, Role.ADMINISTRATOR, Role.SIGNER})


def user_roles(user) -> frozenset[str]:
    """The role codes of ``user``, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_role_codes", None)
    if cached is None:
        cached = remember_roles(user, user.groups.values_list("name", flat=True))
    return cached


def remember_roles(user, group_names) -> frozenset[str]:
    """Keep the roles of ``user`` (from its group names) on the object for the rest of the request."""
    codes = set(group_names) & set(Role.values)
    if user.is_superuser:
        codes.add(Role.ADMINISTRATOR)
    user._role_codes = frozenset(codes)
    return user._role_codes


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def is_city_wide(user) -> bool:
    return bool(user_roles(user) & CITY_WIDE_ROLES)
