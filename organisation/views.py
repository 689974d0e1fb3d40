"""Organisation pages: units (tree and history) and persons, scoped to the user."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .filters import PersonFilter, UnitFilter
from .models import Person, UnitEvent
from .scoping import scope_to_user, visible_units

PAGE_SIZE = 50


def unit_list(request):
    units = visible_units(request.user).select_related("parent")
    filterset = UnitFilter(request.GET, queryset=units)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisation/unit_list.html", {"filter": filterset, "page": page})


def unit_detail(request, code):
    unit = get_object_or_404(visible_units(request.user).select_related("parent"), code=code)
    versions = unit.versions.select_related("parent", "event").order_by("-valid_from")
    children = unit.children.order_by("name")
    events = (
        UnitEvent.objects.filter(predecessors=unit).select_related("successor").order_by("-effective_on")
    )
    return render(
        request,
        "organisation/unit_detail.html",
        {
            "unit": unit,
            "versions": versions,
            "children": children,
            "merged_events": events,
            "person_count": unit.persons.count(),
        },
    )


def person_list(request):
    persons = scope_to_user(Person.objects.select_related("unit"), request.user)
    filterset = PersonFilter(request.GET, queryset=persons)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisation/person_list.html", {"filter": filterset, "page": page})
