"""Shared pieces of the REST API: error handling, permissions, the router."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied, ValidationError as DjangoValidationError
from rest_framework import exceptions, permissions
from rest_framework.views import exception_handler as drf_exception_handler

from organisation.permissions import can_read_fund, can_read_reports, may_write


def exception_handler(exc, context):
    """Service errors become JSON: validation errors with their field names, refusals as 403."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


class ReadOnlyForLeaders(permissions.BasePermission):
    """Leadership and Council members read; writes are decided by each service."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return may_write(request.user)


class BoardOrLeadership(permissions.BasePermission):
    def has_permission(self, request, view):
        return can_read_reports(request.user)


class FundReaders(permissions.BasePermission):
    """The fund's ledger: the Board and the leadership, read-only."""

    def has_permission(self, request, view):
        return can_read_fund(request.user) and request.method in permissions.SAFE_METHODS
