"""The URLs of a list's rows from one ``reverse()`` per pattern.

``{% url %}`` resolves the pattern again on every row (some 60 reversals on a dossier's page, a third of the time
its rows take to render). A row's URL differs from its neighbour's only by its key: ``row_links`` reverses each
pattern once with a marker in the key's place and writes each row's key there.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

_MARK = "918273645"  # a key no row has: it must appear once in the reversed pattern


def row_links(rows: Iterable, **links: tuple) -> list:
    """Set ``row.<attr>`` for each ``attr=(url_name, *leading_args)``: the URL of ``url_name`` with the leading
    arguments and the row's pk last, exactly as ``reverse()`` gives it. Returns the rows as a list."""
    rows = list(rows)
    for attr, (name, *args) in links.items():
        pattern = reverse(name, args=[*args, _MARK])
        head, mark, tail = pattern.partition(_MARK)
        if not mark or _MARK in tail:  # never expected: fall back to one reversal a row
            for row in rows:
                setattr(row, attr, reverse(name, args=[*args, row.pk]))
            continue
        for row in rows:
            setattr(row, attr, f"{head}{row.pk}{tail}")
    return rows
