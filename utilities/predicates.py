"""A named yes/no question about a user (and optionally an object) with the message of its refusal: the form
of every role check (the predicates themselves are in ``organisation.permissions``)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied


class Predicate:
    """A named yes/no question about a user (and optionally an object), with the message of a refusal."""

    def __init__(self, test: Callable[..., bool], message):
        self.test, self.message = test, message
        self.__name__ = test.__name__
        self.__doc__ = test.__doc__

    def __call__(self, user, obj=None) -> bool:
        return bool(self.test(user, obj))

    def require(self, user, obj=None) -> None:
        if not self(user, obj):
            raise PermissionDenied(self.message)

    def __repr__(self) -> str:
        return f"<predicate {self.__name__}>"


def predicate(message):
    def wrap(test):
        return Predicate(test, message)

    return wrap
