"""Authentication backend: Django's ModelBackend, loading the signed-in user in one query."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.postgres.aggregates import ArrayAgg

from .models import User
from .roles import remember_roles


class PortalBackend(ModelBackend):
    """Every page needs the user, its unit (shown in the menu) and its roles (menus, scoping):
    one query with the unit joined and the group names aggregated, instead of three."""

    def get_user(self, user_id):
        row = (User._default_manager.select_related("unit")
               .annotate(group_names=ArrayAgg("groups__name", default=[])).filter(pk=user_id).first())
        if row is None or not self.user_can_authenticate(row):
            return None
        remember_roles(row, [name for name in row.group_names if name])
        return row
