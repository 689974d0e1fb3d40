"""Registration lists as the pages show them and as Excel (issue 33, item 10): the units' registrations (filtered,
scoped to the user) and the Board's overview of a year, with the units that have not registered.

The page (campaigns.views) and its ``…/excel/`` download build their rows with the same functions here."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from organisation.history import show_as_of, year_end
from organisation.permissions import require_board
from organisation.scoping import scope_to_user
from utilities.excel import DATE, filter_summary, first_rows, list_export, local

from . import services
from .filters import RegistrationFilter
from .models import Registration, RegistrationTarget


def registration_filter(request) -> RegistrationFilter:
    """The registrations the user may see (their units', or every unit's for the Board), newest year first."""
    registrations = scope_to_user(Registration.objects.select_related("unit"), request.user).order_by(
        "-year", "unit__path")
    return RegistrationFilter(request.GET, queryset=registrations)


def year_overview(year: int) -> tuple[list, list]:
    """A year's registrations with their movements and titles aimed for, and the expected units not registered,
    each unit named as it was that year."""
    targets = RegistrationTarget.objects.select_related("award_type")
    registrations = list(Registration.objects.filter(year=year).select_related("unit").prefetch_related(
        "movements", Prefetch("targets", queryset=targets)).order_by("unit__path"))
    missing = list(services.units_without_registration(year))
    show_as_of([r.unit for r in registrations] + missing, year_end(year))  # a past year's names
    return registrations, missing


def registrations_excel(request):
    filterset = registration_filter(request)
    registrations, truncated = first_rows(filterset.qs)
    rows = [[r.year, r.unit.name, r.get_status_display(), local(r.submitted_at), r.extended_until]
            for r in registrations]
    return list_export(
        title=_("REGISTRATIONS FOR THE EMULATION MOVEMENTS"), filename="dang-ky-thi-dua",
        filters=filter_summary(filterset),
        headers=[_("Year"), _("Unit"), _("Status"), _("Submitted at"), _("Extended deadline")],
        rows=rows, truncated=truncated, widths=[8, 44, 22, 17, 14], formats={3: "DD/MM/YYYY HH:MM", 4: DATE},
        sheet_name=_("Registrations"))


def overview_excel(request, year):
    require_board(request.user)
    registrations, missing = year_overview(year)
    rows = [[r.unit.name, r.get_status_display(), local(r.submitted_at), "; ".join(m.name for m in r.movements.all()),
             "; ".join(f"{t.quantity} × {t.award_type.name}" for t in r.targets.all())] for r in registrations]
    return list_export(
        title=_("REGISTRATIONS FOR %(year)s") % {"year": year}, filename=f"dang-ky-{year}",
        filters=filter_summary(**{_("Year"): year}),
        headers=[_("Unit"), _("Status"), _("Submitted at"), _("Movements"), _("Titles aimed for")],
        rows=rows, widths=[44, 22, 17, 50, 50], formats={2: "DD/MM/YYYY HH:MM"}, sheet_name=_("Registered"),
        more=[{"title": _("UNITS NOT YET REGISTERED FOR %(year)s") % {"year": year},
               "headers": [_("Code"), _("Unit")], "rows": [[u.code, u.name] for u in missing], "widths": [20, 60],
               "sheet_name": _("Not yet registered")}])
