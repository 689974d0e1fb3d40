"""A service's check and the unique constraint behind it refuse with the same message.

A service checks first (“this cluster already has a covenant for 2024”) and then writes. Two requests at the same
moment can both pass the check; the database's unique constraint then stops the second write, and ``refused_as``
turns that violation into the check's own ValidationError: a race ends in the clear message, never in a 500.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


def violated_constraint(exc: IntegrityError) -> str | None:
    """The name of the constraint PostgreSQL reports as violated, if any."""
    return getattr(getattr(exc.__cause__, "diag", None), "constraint_name", None)


def unique_field(model, field: str) -> str:
    """The constraint of a ``unique=True`` field created with its table, as PostgreSQL names it
    (``<table>_<column>_key``)."""
    return f"{model._meta.db_table}_{model._meta.get_field(field).column}_key"


@contextmanager
def refused_as(refusals: Mapping[str, ValidationError]) -> Iterator[None]:
    """Run the block in a savepoint; the violation of a constraint named in ``refusals`` raises that constraint's
    ValidationError (the check's), any other IntegrityError passes on."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        refusal = refusals.get(violated_constraint(exc))
        if refusal is None:
            raise
        raise refusal from None
