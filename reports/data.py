"""The figures a report shows, aggregated in SQL (GROUP BY / COUNT), never row by row in Python."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from awards import fund
from awards.models import (
    CENTRAL_DECIDERS,
    OPEN_STATUSES,
    Decider,
    Decision,
    DecisionKind,
    Nominee,
    Outcome,
    Status,
    Subject,
    Submission,
    WorkflowEvent,
)
from campaigns.models import (
    ActionProgramme,
    Movement,
    MovementKind,
    ProgrammeTask,
    Registration,
    RegistrationStatus,
    ReviewReport,
)
from legal.models import AwardType
from organisation.models import UnitLevel, UnitVersion, User
from targets import services as target_services

from . import circulars


def movements(start: dt.date, end: dt.date) -> dict:
    year = end.year
    registered = dict(
        Registration.objects.filter(year=year, status=RegistrationStatus.SUBMITTED)
        .values_list("movements__name").annotate(n=Count("pk", distinct=True)).values_list("movements__name", "n")
    )
    rows = list(
        Movement.objects.exclude(kind=MovementKind.THEME).running_in(year).annotate(
            programme_count=Count("programmes", filter=Q(programmes__year=year), distinct=True),
            report_count=Count("review_rounds__reports", filter=Q(
                review_rounds__reports__submitted_at__date__range=(start, end)), distinct=True),
        ).order_by("name").values("name", "programme_count", "report_count")
    )
    for row in rows:
        row["registered"] = registered.get(row["name"], 0)
    overdue = ProgrammeTask.objects.filter(programme__year=year).overdue(end).count()
    return {
        "rows": rows,
        "registrations": Registration.objects.filter(year=year, status=RegistrationStatus.SUBMITTED).count(),
        "programmes": ActionProgramme.objects.filter(year=year).count(),
        "overdue_tasks": overdue,
        "reports_received": ReviewReport.objects.filter(submitted_at__date__range=(start, end)).count(),
    }


def after(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` in the portal's time zone (a period ends at the end of its last day)."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def states_at(end: dt.date):
    """Dossiers with the state each one had at the end of ``end``: the target state of its last workflow event by
    then (the audit trail is append-only, so a later change never alters the answer)."""
    last = WorkflowEvent.objects.filter(submission=OuterRef("pk"), at__lt=after(end)).order_by("-at", "-id")
    return Submission.objects.annotate(state_then=Subquery(last.values("to_status")[:1])).filter(
        state_then__isnull=False).exclude(state_then=Status.DRAFT)


def _unit_was(**state):
    """Whether the dossier's unit had ``state`` (a level, a kind) on the day of the nominee's decision: a huyện
    that became an đặc khu in 2025 is not grassroots in a 2023 report."""
    day = OuterRef("decision__issued_on")
    return Exists(UnitVersion.objects.filter(unit=OuterRef("submission__unit"), valid_from__lte=day, **state).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=day)))


def nominations(start: dt.date, end: dt.date) -> dict:
    labels = dict(Status.choices)
    then = states_at(end)
    pipeline = [
        {"status": str(labels[s]), "n": n}
        for s, n in then.values_list("state_then").annotate(n=Count("pk")).order_by("state_then").values_list(
            "state_then", "n")
    ]
    within = WorkflowEvent.objects.filter(at__gte=after(start - dt.timedelta(days=1)), at__lt=after(end))
    decisions = Decision.objects.filter(issued_on__range=(start, end))
    awarded = Nominee.objects.filter(outcome=Outcome.AWARDED, decision__issued_on__range=(start, end)).annotate(
        grassroots_then=_unit_was(level=UnitLevel.COMMUNE))
    totals = awarded.aggregate(
        all=Count("pk"),
        individuals=Count("pk", filter=Q(subject=Subject.INDIVIDUAL)),
        women=Count("pk", filter=Q(subject=Subject.INDIVIDUAL, person__sex="female")),
        direct=Count("pk", filter=Q(subject=Subject.INDIVIDUAL, person__is_direct_worker=True)),
        collectives=Count("pk", filter=Q(subject=Subject.COLLECTIVE)),
        grassroots=Count("pk", filter=Q(grassroots_then=True)),  # the unit's level on the decision's day
        non_state=Count("pk", filter=Q(submission__unit__sector="non_state")),
    )
    return {
        "pipeline": pipeline,
        "sent_in_period": within.filter(to_status=Status.SUBMITTED).values("submission").distinct().count(),
        "received_in_period": within.filter(to_status=Status.RECEIVED).values("submission").distinct().count(),
        "overdue": then.filter(state_then__in=(*OPEN_STATUSES, Status.RETURNED), due_on__lt=end).count(),
        "decisions": decisions.filter(kind=DecisionKind.AWARD).count(),
        "revocations": decisions.filter(kind=DecisionKind.REVOCATION).count(),
        "totals": totals,
        "by_award": list(awarded.values("award_type__name").annotate(n=Count("pk")).order_by("-n")[:15]),
    }


def targets(end: dt.date) -> list:
    """Each target of the period's year with the figures reported for months up to the period's end."""
    return target_services.dashboard(end.year, through=end)


def yearly_statistics(year: int) -> dict:
    """Simplified content of Circular 02/2023/TT-BNV forms 0601–0605, from the portal's own records."""
    awarded = Nominee.objects.filter(outcome__in=[Outcome.AWARDED], decision__year=year)
    return {
        "f0601": list(Movement.objects.running_in(year).exclude(kind=MovementKind.THEME).values(
            "kind").annotate(n=Count("pk")).order_by("kind")),
        "f0602": list(Nominee.objects.filter(outcome=Outcome.FORWARDED, submission__year=year).values(
            "award_type__name").annotate(n=Count("pk")).order_by("award_type__name")),
        "f0603": list(awarded.filter(award_type__goes_to_central=False).values("award_type__name", "subject")
                      .annotate(n=Count("pk")).order_by("award_type__name", "subject")),
        "f0604": {"boards": 1, "council_members": User.objects.filter(groups__name="council_member").count()},
        "f0605": {"officers": User.objects.filter(groups__name="board_officer", is_active=True).count()},
        "fund": fund.year_summary(year),
    }


class _Span(Func):
    """Whole months (``part="months"``) or the days left over (``"days"``) from a movement's first day to the day
    after its last: 01/01–31/12 is 12 months and 0 days. NULL without both dates."""

    output_field = IntegerField()

    def __init__(self, part: str, **extra):
        super().__init__(F("ends_on"), F("starts_on"), **extra)
        self.part = part

    def as_sql(self, compiler, connection, **extra_context):
        end, end_params = compiler.compile(self.source_expressions[0])
        start, start_params = compiler.compile(self.source_expressions[1])
        age = f"AGE({end} + 1, {start})"
        if self.part == "months":
            return (f"(EXTRACT(YEAR FROM {age}) * 12 + EXTRACT(MONTH FROM {age}))::integer",
                    (*end_params, *start_params) * 2)
        return f"EXTRACT(DAY FROM {age})::integer", (*end_params, *start_params)


def _not_revoked(awards, end: dt.date):
    """Revoked awards are not counted: those whose revoking decision was issued by the period's end."""
    return awards.exclude(revoked_by__issued_on__lte=end)


def form_population(name: str, start: dt.date, end: dt.date):
    """The records a form's cells count, in the reporting period ``start``–``end``."""
    if name == "movements":  # launched in the period: the first day, or the launch when no first day is set
        launched = Coalesce("starts_on", TruncDate("launched_at", tzinfo=timezone.get_current_timezone()))
        return Movement.objects.exclude(kind=MovementKind.THEME).annotate(launched_on=launched).filter(
            launched_on__range=(start, end)).annotate(span_months=_Span("months"), span_days=_Span("days"))
    if name == "state_awards":  # counted on the day the portal recorded the central result (the nominee's history)
        result_day = Nominee.history.filter(id=OuterRef("pk"), outcome=Outcome.AWARDED).order_by(
            "history_date").annotate(day=TruncDate("history_date", tzinfo=timezone.get_current_timezone()))
        # The award types as a list of ids: each nominee's history is then read only for the few central awards,
        # not for every award of every year (PostgreSQL would look up the history of each of millions of awarded
        # nominees before joining the award type).
        central = list(AwardType.objects.filter(decided_by__in=CENTRAL_DECIDERS).values_list("pk", flat=True))
        awards = Nominee.objects.filter(outcome=Outcome.AWARDED, award_type__in=central).annotate(
            result_on=Subquery(result_day.values("day")[:1])).filter(result_on__range=(start, end))
        return _not_revoked(awards, end)
    if name == "city_awards":  # the Chairman's award decisions issued in the period
        awards = Nominee.objects.filter(outcome=Outcome.AWARDED, award_type__decided_by=Decider.CITY_CHAIRMAN,
                                        decision__kind=DecisionKind.AWARD, decision__issued_on__range=(start, end))
        return _not_revoked(awards, end)
    return None  # "manual": filled in by the Board


def form_cells(form: circulars.Form, start: dt.date, end: dt.date) -> list[dict]:
    """[{"line": row, "cells": [count or None per column]}]: one COUNT … FILTER per cell, one query per form."""
    population = form_population(form.population, start, end)
    measures = {}
    for i, row in enumerate(form.rows):
        for j, column in enumerate(form.columns):
            if population is not None and row.q is not None and column.q is not None:
                q = row.q & column.q
                measures[f"c{i}_{j}"] = Count("pk", filter=q) if q else Count("pk")
    figures = population.aggregate(**measures) if measures else {}
    return [{"line": row, "cells": [figures.get(f"c{i}_{j}") for j in range(len(form.columns))]}
            for i, row in enumerate(form.rows)]


def circular_forms(start: dt.date, end: dt.date) -> dict:
    """The forms of the circular in force on the period's last day, each cell counted in SQL."""
    circular = circulars.circular_for(end)
    if circular is None:
        return {"circular": None, "forms": []}
    return {"circular": circular, "due_on": circular.due_on(end.year),
            "forms": [{"form": form, "rows": form_cells(form, start, end)} for form in circular.forms]}


def collect(kind: str, start: dt.date, end: dt.date) -> dict:
    context = {"generated_at": timezone.localtime()}
    if kind == "yearly_statistics":
        context["stats"] = yearly_statistics(start.year)
    elif kind == "circular_forms":
        context["circular_forms"] = circular_forms(start, end)
    else:
        context.update(movements=movements(start, end), nominations=nominations(start, end), targets=targets(end))
    return context
