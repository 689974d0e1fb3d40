"""Template context every page has."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.notify import unread_count


def notifications(request):
    """The signed-in user's unread notifications, counted only when a page shows the number."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}


def version(request):
    """The portal's release, shown in every page's footer."""
    return {"portal_version": settings.PORTAL_VERSION}
