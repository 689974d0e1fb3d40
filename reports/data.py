"""The figures a report shows, aggregated in SQL (GROUP BY / COUNT), never row by row in Python."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from awards import fund
from awards.models import (
    OPEN_STATUSES,
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
from organisation.models import UnitLevel, UnitVersion, User
from targets import services as target_services


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


def collect(kind: str, start: dt.date, end: dt.date) -> dict:
    context = {"generated_at": timezone.localtime()}
    if kind == "yearly_statistics":
        context["stats"] = yearly_statistics(start.year)
    else:
        context.update(movements=movements(start, end), nominations=nominations(start, end), targets=targets(end))
    return context
