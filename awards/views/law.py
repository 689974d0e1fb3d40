"""The law's pages: central results, units' own decisions, the criteria in force."""


from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.notify import open_notification
from organisation.permissions import (
    is_board,
    is_unit_staff,
)
from utilities.forms import (
    run_service,
)

from .. import (
    coverage,
    forms,
    services,
    unit_decisions as decisions,
)
from ..models import (
    Outcome,
)
from ._common import _submission

PAGE_SIZE = 25


# --- the law: central results, units' own decisions, criteria coverage -----------------------------------

def central_result(request, pk):
    """The Board records the Prime Minister's or the President's decision on the nominees it forwarded."""
    submission = _submission(request, pk)
    services.record_central_result.transition.permission.require(request.user, submission)
    nominees = list(submission.nominees.select_related("award_type").filter(outcome=Outcome.FORWARDED))
    form = forms.CentralResultForm(request.POST or None)
    if request.method == "POST":
        nominee = next((n for n in nominees if str(n.pk) == request.POST.get("nominee")), None)
        if nominee is None:
            messages.error(request, _("Choose a nominee forwarded to the central level."))
        elif form.is_valid():
            ok, _result = run_service(request, lambda: services.record_central_result(
                request.user, nominee, **form.cleaned_data), form=form, success=_("Central decision recorded."))
            if ok:
                return redirect("awards:central_result", pk=pk)
    return render(request, "awards/central_result.html", {"submission": submission, "nominees": nominees,
                                                          "form": form})


def unit_decisions(request):
    """Units record the decisions their own head takes (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …)."""
    today = timezone.localdate()
    can_record = is_unit_staff(request.user) and request.user.unit_id is not None
    form = forms.UnitDecisionForm(request.POST or None, award_types=decisions.local_award_types(today),
                                  initial={"year": today.year - 1, "decided_on": today}) if can_record else None
    if request.method == "POST":
        is_unit_staff.require(request.user)
        if form.is_valid():
            ok, _rows = run_service(request, lambda: decisions.record_unit_decision(
                request.user, unit=request.user.unit, **form.cleaned_data), form=form,
                success=lambda rows: _("%(n)s award(s) recorded.") % {"n": len(rows)})
            if ok:
                return redirect("awards:unit_decisions")
    page = Paginator(decisions.visible_unit_decisions(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "awards/unit_decisions.html", {"form": form, "page": page})


def criteria_coverage(request):
    """Which awards have criteria in force for which years and types of commendation (the gaps are findings)."""
    is_board.require(request.user)

    return render(request, "awards/criteria_coverage.html", coverage.table(coverage.YEARS))


def notification_open(request, pk):
    """Opening a notification marks it read and goes where it points."""
    return redirect(open_notification(request.user, pk))

