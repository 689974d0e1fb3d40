"""Organisation pages: units (tree and history) and persons, scoped to the user."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from haiphong_thidua.forms import form_page

from . import staff
from .filters import PersonFilter, UnitFilter
from .forms import MoveOutForm, PersonForm
from .models import Person, UnitEvent
from .permissions import enters_staff_records
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
    return render(request, "organisation/person_list.html", {
        "filter": filterset, "page": page, "can_edit": enters_staff_records(request.user)})


def person_create(request):
    enters_staff_records.require(request.user)
    form = PersonForm(request.POST or None, user=request.user)
    return form_page(request, form, lambda data: staff.add_person(request.user, **data),
                     success=lambda p: _("%(name)s added to the staff records.") % {"name": p.full_name},
                     next_url=reverse("organisation:person_list"), context={"title": _("Add a person")})


def _person(request, pk) -> Person:
    return get_object_or_404(scope_to_user(Person.objects.select_related("unit"), request.user), pk=pk)


def person_edit(request, pk):
    enters_staff_records.require(request.user)
    person = _person(request, pk)
    form = PersonForm(request.POST or None, user=request.user, instance=person)  # the service locks and re-reads it
    title = _("Staff record of %(name)s") % {"name": person.full_name}  # before the form changes the instance
    return form_page(request, form, lambda data: staff.update_person(request.user, person, **data),
                     success=_("Staff record saved."), next_url=reverse("organisation:person_list"),
                     context={"title": title})


def person_move_out(request, pk):
    enters_staff_records.require(request.user)
    person = _person(request, pk)
    form = MoveOutForm(request.POST or None, initial={"left_on": timezone.localdate()})
    return form_page(request, form, lambda data: staff.move_out(request.user, person, **data),
                     success=_("%(name)s moved out of the unit; the record is kept.") % {"name": person.full_name},
                     next_url=reverse("organisation:person_list"),
                     context={"title": _("%(name)s leaves the unit") % {"name": person.full_name}})
