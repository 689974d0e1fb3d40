"""Pagination for lists that reach a million rows."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """Counts and pages through at most ``cap`` rows.

    Counting every awarded line of ten years (about a million) costs more than the page itself, and
    offsets that deep are never what a user wants: the list shows the newest ``cap`` rows and says so;
    a search narrows it. ``truncated`` tells the template that more rows exist.
    """

    def __init__(self, object_list, per_page, cap: int = 10_000, **kwargs):
        self.cap = cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def _bounded_count(self) -> int:
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.cap)

    @property
    def truncated(self) -> bool:
        return self._bounded_count > self.cap
