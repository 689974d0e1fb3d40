"""Organisation pages: units (tree and history) and persons, scoped to the user."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from utilities.excel import DATE, filter_summary, first_rows, list_export
from utilities.forms import form_page, run_service

from . import staff, unit_changes, unit_forms
from .filters import PersonFilter, UnitFilter
from .forms import MoveOutForm, PersonForm
from .models import Person, Unit, UnitEvent
from .permissions import enters_staff_records, is_board
from .scoping import scope_to_user, visible_units

PAGE_SIZE = 50


def unit_list(request):
    units = visible_units(request.user).select_related("parent")
    filterset = UnitFilter(request.GET, queryset=units)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisation/unit_list.html", {"filter": filterset, "page": page,
                                                              "is_board": is_board(request.user)})


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
            "changes": [c for c in unit_changes.CHANGES.values() if c.needs_unit] if is_board(request.user)
            and unit.is_active else [],
        },
    )


def unit_change(request, kind, code=None):
    """The Board records a change of the organisation: the form, then a preview of what it does, then the change."""
    is_board.require(request.user)
    change = unit_changes.CHANGES.get(kind)
    if change is None or change.needs_unit != (code is not None):
        raise Http404
    unit = get_object_or_404(Unit.objects.active(), code=code) if code is not None else None
    form = getattr(unit_forms, change.form)(request.POST or None, unit=unit)
    lines = None
    if request.method == "POST" and form.is_valid():
        if "confirm" in request.POST:
            ok, result = run_service(request, lambda: unit_changes.record(request.user, change, unit, form.cleaned_data),
                                     form=form, success=_("The change is recorded with its legal basis."))
            if ok:
                target = result if isinstance(result, Unit) else unit
                return redirect("organisation:unit_detail", code=target.code)
        else:
            ok, lines = run_service(request, lambda: unit_changes.preview(request.user, change, unit,
                                                                          form.cleaned_data), form=form)
    return render(request, "organisation/unit_change.html", {"form": form, "unit": unit, "change": change,
                                                             "lines": lines})


def _person_filter(request) -> PersonFilter:
    """The staff records the user may see, filtered by the page's form (the page and its Excel download)."""
    return PersonFilter(request.GET, queryset=scope_to_user(Person.objects.select_related("unit"), request.user))


def person_list(request):
    filterset = _person_filter(request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisation/person_list.html", {
        "filter": filterset, "page": page, "can_edit": enters_staff_records(request.user)})


def person_list_excel(request):
    filterset = _person_filter(request)
    persons, truncated = first_rows(filterset.qs)
    rows = [[p.full_name, p.get_sex_display(), p.birth_date, p.position, p.unit.name, p.get_category_display(),
             p.left_on] for p in persons]
    return list_export(
        title=_("STAFF RECORDS"), filename="ho-so-ca-nhan", filters=filter_summary(filterset),
        headers=[_("Full name"), _("Sex"), _("Date of birth"), _("Position"), _("Unit"), _("Category"),
                 _("Moved out on")],
        rows=rows, truncated=truncated, widths=[30, 8, 13, 30, 40, 22, 13], formats={2: DATE, 6: DATE},
        sheet_name=_("Staff records"))


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
