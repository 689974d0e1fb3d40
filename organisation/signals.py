"""Signal receivers of the organisation app, connected in ``OrganisationConfig.ready``."""

from django.db.models.signals import m2m_changed

from .models import ApiToken, User


def revoke_tokens_on_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    """Roles are groups: adding or removing one revokes the account's API tokens (from either side of the
    relation: ``user.groups.add(g)`` or ``group.user_set.add(u)``)."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:
        ApiToken.objects.revoke_all(instance)
    elif action == "pre_clear":
        ApiToken.objects.filter(user__groups=instance).delete()
    elif pk_set:
        ApiToken.objects.filter(user_id__in=pk_set).delete()


def connect() -> None:
    m2m_changed.connect(revoke_tokens_on_role_change, sender=User.groups.through,
                        dispatch_uid="organisation.revoke_tokens_on_role_change")
