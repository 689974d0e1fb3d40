"""The targets' deadlines for reminders and home pages (core/reminders.py): each responsible unit's
figures for a period, due ``ReportingDeadline.days_after`` days after it ends; one reminder per unit and period for
all its targets not yet reported."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext_noop

from core.models import ReminderKind
from core.reminders import Deadline
from organisation.text import in_sentence
from utilities.messages import Message, Texts

from .models import PeriodKind, ReportingDeadline, Target, TargetKind
from .services import period_end


def deadlines(start: datetime.date, end: datetime.date, *, unit_ids=None, user_id=None) -> list[Deadline]:
    if unit_ids is not None and not unit_ids:
        return []
    days_after = {d.period_kind: d.days_after for d in ReportingDeadline.objects.all()}
    targets = (Target.objects.filter(year__range=(start.year - 1, end.year), kind=TargetKind.NUMERIC,
                                     responsible_unit__isnull=False).prefetch_related("actuals"))
    if unit_ids is not None:
        targets = targets.filter(responsible_unit_id__in=unit_ids)
    missing = defaultdict(int)  # (unit, year, kind, period, due) -> targets not reported
    for target in targets:
        kinds = {a.period_kind for a in target.actuals.all()} or {PeriodKind.QUARTER}
        kind = sorted(kinds)[0]
        reported = {a.period for a in target.actuals.all() if a.period_kind == kind}
        for period in (range(1, 13) if kind == PeriodKind.MONTH else range(1, 5)):
            due = period_end(target.year, kind, period) + datetime.timedelta(days=days_after.get(kind, 15))
            if start <= due <= end and period not in reported:
                missing[target.responsible_unit_id, target.year, kind, period, due] += 1
    return [Deadline(ReminderKind.TARGET_FIGURES, f"targets:{year}:{kind}:{period}", due,
                     Message(gettext_noop("the figures of %(n)s targets for %(period)s %(number)s/%(year)s"), {
                         "n": n, "period": Texts.of(PeriodKind(kind).label, in_sentence), "number": period,
                         "year": year}),
                     reverse("targets:report"), unit_id=unit)
            for (unit, year, kind, period, due), n in sorted(missing.items())]
