"""The capped paginator of the award history (a million lines): a search that finds less than a page costs one query,
a longer list is counted (never past the cap) and paged as before."""

import pytest

from organisation.models import Unit
from utilities.pagination import CappedPaginator


@pytest.fixture
def units(db):
    return Unit.objects.order_by("pk")


def test_a_first_page_shorter_than_a_page_needs_no_count_query(units, django_assert_num_queries):
    few = units.filter(code__in=list(units.values_list("code", flat=True)[:3]))
    with django_assert_num_queries(1):
        page = CappedPaginator(few, 10).get_page(None)
        rows = list(page)
        assert page.paginator.count == 3 and page.paginator.num_pages == 1
        assert not page.has_next() and not page.paginator.truncated
    assert rows == list(few)


def test_a_longer_list_is_counted_and_paged(units, django_assert_num_queries):
    total, first = units.count(), list(units[:5])
    assert total > 12  # the seeded city's units
    with django_assert_num_queries(2):  # the first page (one row more) and the bounded count
        page = CappedPaginator(units, 5).get_page("1")
        assert list(page) == first
        assert page.paginator.count == total and page.has_next()
    second = CappedPaginator(units, 5).get_page("2")
    assert list(second) == list(units[5:10]) and second.number == 2
    last = CappedPaginator(units, 5).get_page("9999")  # past the end: the last page, as Django's paginator does
    assert last.number == last.paginator.num_pages


def test_the_count_stops_at_the_cap(units):
    page = CappedPaginator(units, 5, cap=10).get_page("1")
    assert page.paginator.count == 10 and page.paginator.truncated and page.paginator.num_pages == 2
