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

    def get_page(self, number):
        """The first page is read with one row more than it shows: when that row is missing (a search that finds a
        few awards, the usual case), the rows read are the whole count and no count query runs."""
        if str(number or "1").strip() != "1":
            return super().get_page(number)
        rows = list(self.object_list[: self.per_page + 1])
        if len(rows) <= self.per_page:
            self.__dict__["_bounded_count"] = len(rows)
        elif self.count <= self.per_page + self.orphans:  # the orphans of a last page stay on it
            return super().get_page(1)
        return self._get_page(rows[: self.per_page], 1, self)
