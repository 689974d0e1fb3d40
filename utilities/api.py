"""Shared pieces of the REST API: error handling, permissions, the router."""

from django.core.exceptions import (
    ImproperlyConfigured,
    PermissionDenied as DjangoPermissionDenied,
    ValidationError as DjangoValidationError,
)
from rest_framework import exceptions, permissions
from rest_framework.views import exception_handler as drf_exception_handler

from .predicates import Predicate
from .workflow import Transition


def exception_handler(exc, context):
    """Service errors become JSON: validation errors with their field names, refusals as 403."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


def write_action(view, request) -> str | None:
    """The action a write request runs; None for a read, or for a method the view does not take (405). DRF's
    OPTIONS answer asks the permissions with a cloned POST or PUT: that is the action asked about."""
    method = request.method.lower()
    if request.method in permissions.SAFE_METHODS or method not in view.http_method_names:
        return None
    return getattr(view, "action_map", {}).get(method)


def write_right(view, action: str) -> Predicate:
    """The predicate that decides who may take ``action`` of ``view`` (a write)."""
    rule = view.write_rights.get(action)
    if rule is None:
        raise ImproperlyConfigured(
            f"{type(view).__name__}.{action} writes but has no entry in write_rights: name its predicate "
            "(organisation.permissions) or its workflow row.")
    return rule.permission if isinstance(rule, Transition) else rule


class WriteRights(permissions.BasePermission):
    """Who may take a write, asked before its body is read (what ``require_on_post`` does for the pages).

    The view's ``write_rights`` names the predicate of each write action. A collection's write (``create``) asks
    it with the user alone; an object's write (an ``@action`` on one record, ``update``, ``destroy``) asks it with
    the object, which ``RightsFirst`` looks up before the handler runs. Reads pass."""

    def has_permission(self, request, view):
        action = write_action(view, request)
        if action:
            predicate = write_right(view, action)
            if not view.detail:
                self._require(predicate, request.user, None)
        return True

    def has_object_permission(self, request, view, obj):
        action = write_action(view, request)
        if action:
            self._require(write_right(view, action), request.user, obj)
        return True

    @staticmethod
    def _require(predicate, user, obj):
        if not predicate(user, obj):
            raise exceptions.PermissionDenied(str(predicate.message))


class RightsFirst:
    """Mixed into every viewset of the API: who first, then what.

    ``write_rights`` maps each write action of the viewset (``create``, ``update``, ``partial_update``,
    ``destroy`` and every ``@action`` taking POST, PUT, PATCH or DELETE) to a named predicate of
    ``organisation.permissions`` or to a workflow table's row (``services.receive.transition``: its predicate). Before the
    handler reads the body, a write on a collection is refused (403, the predicate's message) to a role without the
    right; a write on a record first looks the record up in the caller's scope (another unit's record is not found,
    404) and then asks the predicate with it. A write with no entry is a programming error, never let through.
    States, dates and content are the services' business afterwards (400).
    """

    write_rights: dict = {}

    def get_permissions(self):
        return [*super().get_permissions(), WriteRights()]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication, then WriteRights.has_permission
        if self.detail and write_action(self, request):
            self.get_object()  # scoping (404), then WriteRights.has_object_permission (403)

    def get_object(self):
        """The record of this request, looked up (and its rights checked) once."""
        if getattr(self, "_record", None) is None:
            self._record = super().get_object()
        return self._record


def allowed_by(predicate: Predicate, *, read_only: bool = False) -> type[permissions.BasePermission]:
    """A DRF permission class answering with a named predicate (and, ``read_only``, only for reads)."""

    class Allowed(permissions.BasePermission):
        message = predicate.message

        def has_permission(self, request, view):
            return predicate(request.user) and (not read_only or request.method in permissions.SAFE_METHODS)

    Allowed.__name__ = Allowed.__qualname__ = f"AllowedBy_{predicate.__name__}"
    return Allowed
