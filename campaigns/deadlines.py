"""The campaigns' deadlines for reminders and home pages (core/reminders.py): units' registrations,
review reports and programme tasks not yet done."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_noop

from core.models import ReminderKind
from core.reminders import Deadline
from utilities.messages import Message

from .models import OPEN_TASK_STATUSES, ProgrammeTask, Registration, RegistrationWindow, ReviewRound, RoundStatus
from .services import deadline_for, units_without_registration, units_without_report


def _wanted(unit_ids, unit_id) -> bool:
    return unit_ids is None or unit_id in unit_ids


def unregistered(window: RegistrationWindow) -> list[Deadline]:
    """Units expected to register for the window's year that have not sent it, at their own deadline (the year's,
    or an extension)."""
    own = {r.unit_id: r for r in Registration.objects.filter(year=window.year, extended_until__isnull=False)}
    return [Deadline(ReminderKind.REGISTRATION, f"registration:{window.year}", deadline_for(window, own.get(u.pk)),
                     Message(gettext_noop("the emulation registration for %(year)s"), {"year": window.year}),
                     reverse("campaigns:registration_edit", args=[window.year]), unit_id=u.pk)
            for u in units_without_registration(window.year)]


def registrations(start, end, unit_ids=None) -> list[Deadline]:
    extended_years = Registration.objects.filter(extended_until__gte=start).values("year")
    windows = RegistrationWindow.objects.filter(Q(closes_on__gte=start) | Q(year__in=extended_years), opens_on__lte=end)
    return [d for window in windows for d in unregistered(window)
            if start <= d.due_on <= end and _wanted(unit_ids, d.unit_id)]


def unreported(review: ReviewRound) -> list[Deadline]:
    """Registered units without a report for the review round."""
    return [Deadline(ReminderKind.REVIEW_REPORT, f"review:{review.pk}", review.due_on,
                     Message(gettext_noop("the report for “%(title)s”"), {"title": review.title}),
                     reverse("campaigns:review_detail", args=[review.pk]), unit_id=u.pk)
            for u in units_without_report(review)]


def review_reports(start, end, unit_ids=None) -> list[Deadline]:
    return [d for review in ReviewRound.objects.filter(status=RoundStatus.OPEN, due_on__range=(start, end))
            for d in unreported(review) if _wanted(unit_ids, d.unit_id)]


def programme_tasks(start, end, unit_ids=None) -> list[Deadline]:
    tasks = ProgrammeTask.objects.filter(status__in=OPEN_TASK_STATUSES, due_on__range=(start, end)).select_related(
        "programme")
    if unit_ids is not None:
        tasks = tasks.filter(programme__unit_id__in=unit_ids)
    return [Deadline(ReminderKind.PROGRAMME_TASK, f"task:{t.pk}", t.due_on,
                     Message(gettext_noop("the programme task “%(title)s”"), {"title": t.title}),
                     reverse("campaigns:programme_detail", args=[t.programme_id]), unit_id=t.programme.unit_id)
            for t in tasks]


def deadlines(start: datetime.date, end: datetime.date, *, unit_ids=None, user_id=None) -> list[Deadline]:
    if unit_ids is not None and not unit_ids:
        return []  # only units' deadlines here
    return registrations(start, end, unit_ids) + review_reports(start, end, unit_ids) + programme_tasks(
        start, end, unit_ids)
