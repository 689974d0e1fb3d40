"""The working-day calendar the deadlines are counted in, kept by the Board (legal.services)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisation.permissions import keeps_calendar
from utilities.forms import posted_action, run_service

from . import services
from .calendar import missing_days
from .forms import HolidayForm
from .models import Holiday


def holiday_list(request):
    keeps_calendar.require(request.user)
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    if not 2000 <= year <= 2100:
        year = this_year
    form = HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, day = run_service(request, lambda: services.add_day(request.user, **form.cleaned_data), form=form,
                              success=lambda d: _("%(date)s added to the calendar.") % {"date": f"{d.date:%d/%m/%Y}"})
        if ok:
            return redirect(f"{reverse('legal:holidays')}?year={day.date.year}")
    years = list(range(this_year - 1, this_year + 3))
    if year not in years:
        years = sorted({*years, year})
    return render(request, "legal/holidays.html", {
        "form": form, "year": year, "years": years, "gaps": missing_days(years),
        "days": Holiday.objects.filter(date__year=year)})


@require_POST
def holiday_remove(request, pk):
    keeps_calendar.require(request.user)
    holiday = get_object_or_404(Holiday, pk=pk)
    back = f"{reverse('legal:holidays')}?year={holiday.date.year}"
    return posted_action(request, lambda data: services.remove_day(request.user, holiday), back=back,
                         success=_("%(date)s removed from the calendar.") % {"date": f"{holiday.date:%d/%m/%Y}"})
