"""Campaign workflows. Each function checks permission and state, locks the rows it
changes, saves (simple-history keeps the audit trail with the acting user) and
queues side effects after commit. Views only parse input and call these."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _, gettext_noop

from core.notify import notify_unit_after_commit
from documents.formats import short_date
from organisation.models import ClusterMembership, Unit, UnitVersion
from organisation.permissions import can_finalise_cluster, require_board, require_unit_actor
from organisation.text import fold, in_sentence
from utilities.history import authored_by
from utilities.integrity import refused_as, unique_field
from utilities.workflow import Step

from .clusters import sync_scores
from .models import (
    MOVEMENT_NAME_TAKEN,
    ActionProgramme,
    Assessment,
    ClusterCovenant,
    CovenantCriterion,
    CriterionKind,
    CriterionScore,
    ExemplaryModel,
    InspectionVisit,
    MemberScore,
    ModelStatus,
    Movement,
    MovementStatus,
    ProgrammeTask,
    Registration,
    RegistrationStatus,
    RegistrationTarget,
    RegistrationWindow,
    ReviewReport,
    ReviewRound,
    ScoreStatus,
    TaskStatus,
)
from .workflow import EXEMPLARY_MODEL, MEMBER_SCORE, MOVEMENT, REGISTRATION, REVIEW

# --- Movements ---------------------------------------------------------------

def _unique_code(name: str) -> str:
    base = slugify(fold(name))[:70] or "phong-trao"
    code, n = base, 1
    while Movement.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


@transaction.atomic
def launch_movement(user, *, legal_basis: Iterable = (), **fields) -> Movement:
    require_board(user)
    if fields.get("starts_on") and fields.get("ends_on") and fields["ends_on"] < fields["starts_on"]:
        raise ValidationError({"ends_on": _("The end date is before the start date.")})
    if not fields.get("code"):
        fields["code"] = _unique_code(fields["name"])
    movement = authored_by(Movement(launched_by=user, status=MovementStatus.ACTIVE, **fields), user)
    movement.full_clean()  # checks the name (movement_name_unique)
    taken = ValidationError({"name": MOVEMENT_NAME_TAKEN})
    # The same name launched at the same moment takes the code made of it, or the name, first.
    with refused_as({"movement_name_unique": taken, unique_field(Movement, "code"): taken}):
        movement.save()
    movement.legal_basis.set(legal_basis)
    return movement


@MOVEMENT.action("close")
def close_movement(user, movement: Movement) -> None:
    """Nothing but the state: the engine closes, saves and audits."""


# --- Registration ------------------------------------------------------------

def registration_window(year: int) -> RegistrationWindow:
    window = RegistrationWindow.objects.filter(year=year).first()
    if window is None:
        raise ValidationError(_("Registration for %(year)s has not been opened by the Board.") % {"year": year})
    return window


@transaction.atomic
def save_registration(
    user, *, unit: Unit, year: int, movements: Iterable[Movement], targets: Iterable[tuple], note: str = "",
    submit: bool = False, today: datetime.date | None = None,
) -> Registration:
    """Save a unit's registration as a draft, or submit it. ``targets``: (award_type, quantity, note)."""
    require_unit_actor(user, unit)
    today = today or timezone.localdate()
    window = registration_window(year)
    existing = Registration.objects.filter(unit=unit, year=year).only("extended_until").first()
    deadline = deadline_for(window, existing)
    if today > deadline:
        raise ValidationError(
            _("The registration deadline for %(year)s was %(date)s. Ask the Board to reopen it.")
            % {"year": year, "date": short_date(deadline)}
        )
    if today < window.opens_on:
        raise ValidationError(_("Registration for %(year)s opens on %(date)s.") % {"year": year,
                                                                                 "date": short_date(window.opens_on)})
    registration, _created = Registration.objects.get_or_create(unit=unit, year=year)
    movements = list(movements)
    if submit and not movements:
        raise ValidationError(_("Choose at least one movement before submitting."))
    registration = save_draft(user, registration, movements=movements, targets=targets, note=note)
    return submit_registration(user, registration) if submit else registration


@REGISTRATION.action("save")
def save_draft(user, registration: Registration, *, movements: list, targets: Iterable[tuple],
               note: str = "") -> None:
    """The draft's movements, targets and note (the window and the deadline are checked by ``save_registration``)."""
    registration.note = note
    registration.movements.set(movements)
    registration.targets.all().delete()
    RegistrationTarget.objects.bulk_create(
        RegistrationTarget(registration=registration, award_type=award, quantity=qty, note=target_note)
        for award, qty, target_note in targets
    )


@REGISTRATION.action("submit")
def submit_registration(user, registration: Registration) -> None:
    """Send the saved draft to the Board (``save_registration(..., submit=True)`` saves it first)."""
    if not registration.movements.exists():
        raise ValidationError(_("Choose at least one movement before submitting."))
    registration.submitted_at = timezone.now()
    registration.submitted_by = user


def deadline_for(window: RegistrationWindow, registration: Registration | None) -> datetime.date:
    """A unit's registration deadline: the year's, or its own where the Board reopened it later."""
    extended = registration.extended_until if registration is not None else None
    return max(window.closes_on, extended) if extended else window.closes_on


@REGISTRATION.action("reopen")
def reopen_registration(user, registration: Registration, *, days: int | None = None,
                        today: datetime.date | None = None) -> Step:
    """Reopen a unit's registration for changes. After the year's deadline the unit gets its own deadline
    (``REGISTRATION_REOPEN_DAYS`` days from today, 7 by default) and is told so; it is not flagged meanwhile."""
    today = today or timezone.localdate()
    window = registration_window(registration.year)
    if today >= window.closes_on:
        days = days if days is not None else int(getattr(settings, "REGISTRATION_REOPEN_DAYS", 7))
        registration.extended_until = today + datetime.timedelta(days=days)
    until = deadline_for(window, registration)

    def notice(registration, _note):
        notify_unit_after_commit(
            registration.unit_id, gettext_noop("Emulation registration for %(year)s reopened"),
            gettext_noop("The Board reopened your unit's emulation registration for %(year)s; send it again by "
                         "%(date)s."),
            {"year": registration.year, "date": short_date(until)},
            link=reverse("campaigns:registration_edit", args=[registration.year]))

    return Step(note=short_date(until), notice=notice)


def expected_units(year: int):
    window = RegistrationWindow.objects.filter(year=year).first()
    kinds = window.expected_kinds if window else []
    day = datetime.date(year, 12, 31)
    # the units that exist at the end of the year, of an expected kind as they were then (a huyện of 2023 that is
    # a thành phố today, the communes and wards from 01/7/2025): one version of each unit holds both conditions
    then = UnitVersion.objects.filter(unit=OuterRef("pk"), kind__in=kinds, valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=day))
    return Unit.objects.active_on(day).filter(Exists(then))


def units_without_registration(year: int, today: datetime.date | None = None, *, past_deadline: bool = False):
    """Units expected to register for ``year`` that have not submitted (a draft is not a registration); with
    ``past_deadline``, only those whose own deadline (the year's, or an extension) has passed."""
    submitted = Registration.objects.filter(unit=OuterRef("pk"), year=year, status=RegistrationStatus.SUBMITTED)
    units = expected_units(year).filter(~Exists(submitted))
    if past_deadline:
        extended = Registration.objects.filter(unit=OuterRef("pk"), year=year,
                                               extended_until__gte=today or timezone.localdate())
        units = units.filter(~Exists(extended))
    return units.order_by("path")


# --- Action programmes -------------------------------------------------------

@transaction.atomic
def create_programme(user, *, unit: Unit, movement: Movement, year: int, title: str) -> ActionProgramme:
    require_unit_actor(user, unit)
    taken = ValidationError(_("Your unit already has a programme for this movement and year."))
    if ActionProgramme.objects.filter(unit=unit, movement=movement, year=year).exists():
        raise taken
    if movement.status == MovementStatus.CLOSED:
        raise ValidationError(_("This movement is closed."))
    programme = authored_by(ActionProgramme(unit=unit, movement=movement, year=year, title=title, created_by=user), user)
    with refused_as({"programme_once_per_movement_year": taken}):
        programme.save()
    return programme


def _check_task_date(programme: ActionProgramme, due_on: datetime.date) -> None:
    if due_on.year != programme.year:
        raise ValidationError({"due_on": _("A task of the %(year)s programme is due within %(year)s.") % {
            "year": programme.year}})


@transaction.atomic
def add_task(user, programme: ActionProgramme, *, title: str, owner: str, due_on: datetime.date) -> ProgrammeTask:
    require_unit_actor(user, programme.unit)
    _check_task_date(programme, due_on)
    task = authored_by(ProgrammeTask(programme=programme, title=title, owner=owner, due_on=due_on), user)
    task.save()
    return task


@transaction.atomic
def edit_task(user, task: ProgrammeTask, *, title: str, owner: str, due_on: datetime.date) -> ProgrammeTask:
    """Correct a task's wording, owner or due date while it is not done (a done task is kept as reported)."""
    task = ProgrammeTask.objects.select_for_update().select_related("programme__unit").get(pk=task.pk)
    require_unit_actor(user, task.programme.unit)
    if task.status == TaskStatus.DONE:
        raise ValidationError(_("A task reported done is kept as it is; add a new task instead."))
    _check_task_date(task.programme, due_on)
    task.title, task.owner, task.due_on = title, owner, due_on
    authored_by(task, user).save()
    return task


@transaction.atomic
def update_task(user, task: ProgrammeTask, *, status: str, evidence: str = "", evidence_file=None,
                today: datetime.date | None = None) -> ProgrammeTask:
    task = ProgrammeTask.objects.select_for_update().select_related("programme__unit").get(pk=task.pk)
    require_unit_actor(user, task.programme.unit)
    if status == TaskStatus.DONE and not (evidence or evidence_file or task.evidence or task.evidence_file):
        raise ValidationError({"evidence": _("Describe or attach the evidence before marking the task done.")})
    task.status = status
    task.completed_on = (today or timezone.localdate()) if status == TaskStatus.DONE else None
    if evidence:
        task.evidence = evidence
    if evidence_file:
        task.evidence_file = evidence_file
    authored_by(task, user).save()
    return task


# --- Reviews and inspections --------------------------------------------------

@transaction.atomic
def open_review_round(user, **fields) -> ReviewRound:
    require_board(user)
    if fields["period_end"] < fields["period_start"]:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    review_round = authored_by(ReviewRound(created_by=user, **fields), user)
    review_round.save()
    return review_round


def expected_reporters(review_round: ReviewRound):
    """Units that registered for the round's movement in the round's year."""
    return Unit.objects.filter(
        registrations__year=review_round.year,
        registrations__status=RegistrationStatus.SUBMITTED,
        registrations__movements=review_round.movement,
    ).distinct()


def units_without_report(review_round: ReviewRound):
    """Registered units that have not sent their report for the round (the flagged list, the round's page and the
    reminders ask this same question)."""
    reported = ReviewReport.objects.filter(round=review_round, unit=OuterRef("pk"))
    return expected_reporters(review_round).filter(~Exists(reported)).order_by("path")


@REVIEW.action("report")
def submit_review_report(user, review_round: ReviewRound, *, unit: Unit, text: str, attachment=None) -> Step:
    require_unit_actor(user, unit)
    if not text.strip():
        raise ValidationError({"text": _("Write the report before submitting.")})
    report = ReviewReport.objects.filter(round=review_round, unit=unit).first() or ReviewReport(
        round=review_round, unit=unit
    )
    report.text = text
    report.submitted_at = timezone.now()
    report.submitted_by = user
    if attachment:
        report.attachment = attachment
    authored_by(report, user).save()
    return Step(save=False, note=unit.name, result=report)  # the round's trail names the unit that reported


@REVIEW.action("consolidate")
def consolidate_round(user, review_round: ReviewRound, *, summary: str) -> None:
    if not summary.strip():
        raise ValidationError({"summary": _("Write the consolidated summary.")})
    review_round.consolidated_summary = summary
    review_round.consolidated_at = timezone.now()
    review_round.consolidated_by = user


@transaction.atomic
def record_inspection(user, **fields) -> InspectionVisit:
    require_board(user)
    visit = authored_by(InspectionVisit(recorded_by=user, **fields), user)
    visit.save()
    return visit


@dataclass
class Flag:
    unit: Unit
    reasons: list[str]


def flagged_units(year: int, today: datetime.date | None = None) -> list[Flag]:
    """Units to call to account (directive item 6): missed review reports past their
    due date, passive inspection findings, or no registration after the deadline."""
    today = today or timezone.localdate()
    flags: dict[int, Flag] = {}

    def flag(unit, reason):
        flags.setdefault(unit.pk, Flag(unit, [])).reasons.append(reason)

    rounds = ReviewRound.objects.filter(year=year, due_on__lt=today).select_related("movement")
    for review_round in rounds:
        for unit in units_without_report(review_round):
            flag(unit, _("No report for “%(round)s” (due %(date)s)") % {"round": review_round.title,
                                                                        "date": short_date(review_round.due_on)})
    passive = InspectionVisit.objects.filter(visited_on__year=year, assessment=Assessment.PASSIVE).select_related(
        "unit")
    for visit in passive:
        flag(visit.unit, _("Assessed as passive at the %(kind)s of %(date)s") % {
            "kind": in_sentence(visit.get_kind_display()), "date": short_date(visit.visited_on)})
    window = RegistrationWindow.objects.filter(year=year).first()
    if window and today > window.closes_on:
        for unit in units_without_registration(year, today, past_deadline=True):
            flag(unit, _("Did not register for %(year)s (deadline %(date)s)") % {"year": year,
                                                                                "date": short_date(window.closes_on)})
    return sorted(flags.values(), key=lambda f: f.unit.path)


# --- Exemplary models ---------------------------------------------------------

@transaction.atomic
def propose_model(user, *, unit: Unit, **fields) -> ExemplaryModel:
    require_unit_actor(user, unit)
    model = authored_by(ExemplaryModel(unit=unit, proposed_by=user, status=ModelStatus.PROPOSED, **fields), user)
    model.save()
    return model


def _review_model(user, model: ExemplaryModel, note: str) -> None:
    model.review_note = note
    model.reviewed_by = user
    model.reviewed_at = timezone.now()


def _approved_notice(model: ExemplaryModel, _note: str) -> None:
    notify_unit_after_commit(
        model.unit_id, gettext_noop("Exemplary model approved: %(title)s"),
        gettext_noop("The Board approved “%(title)s”; it is now on the public page of exemplary models."),
        {"title": model.title}, link=reverse("campaigns:model_detail", args=[model.pk]),
    )


@EXEMPLARY_MODEL.action("approve")
def approve_model(user, model: ExemplaryModel, note: str = "") -> Step:
    _review_model(user, model, note)
    model.published_at = model.reviewed_at
    return Step(note=note, notice=_approved_notice)


@EXEMPLARY_MODEL.action("reject")
def reject_model(user, model: ExemplaryModel, note: str) -> Step:
    if not note.strip():
        raise ValidationError({"note": _("Give the reason so the unit can improve the proposal.")})
    _review_model(user, model, note)
    return Step(note=note)


# --- Cluster covenants and scoring ----------------------------------------------

@transaction.atomic
def create_covenant(user, *, cluster, year: int, signed_on: datetime.date, content: str,
                    criteria: Iterable[tuple[str, str, Decimal]]) -> ClusterCovenant:
    """``criteria``: (name, kind, max_points) in order."""
    require_board(user)
    taken = ValidationError(_("This cluster already has a covenant for %(year)s.") % {"year": year})
    if ClusterCovenant.objects.filter(cluster=cluster, year=year).exists():
        raise taken
    criteria = list(criteria)
    if not criteria:
        raise ValidationError(_("Add at least one criterion."))
    if not ClusterMembership.objects.filter(cluster=cluster, year=year).exists():
        raise ValidationError(_("The cluster has no members for %(year)s yet: record them (or start from last "
                                "year's) on the cluster's page first.") % {"year": year})
    covenant = authored_by(ClusterCovenant(cluster=cluster, year=year, signed_on=signed_on, content=content), user)
    with refused_as({"one_covenant_per_cluster_year": taken}):
        covenant.save()
    CovenantCriterion.objects.bulk_create(
        CovenantCriterion(covenant=covenant, order=i, name=name, kind=kind, max_points=points)
        for i, (name, kind, points) in enumerate(criteria, start=1)
    )
    sync_scores(covenant)
    return covenant


def _signed(criterion: CovenantCriterion, points: Decimal) -> Decimal:
    return -points if criterion.kind == CriterionKind.DEDUCTION else points


def _check_points(criterion: CovenantCriterion, points: Decimal) -> None:
    if points < 0 or points > criterion.max_points:
        raise ValidationError(
            _("“%(criterion)s”: points must be between 0 and %(max)s.") % {"criterion": criterion.name,
                                                                          "max": criterion.max_points}
        )


@MEMBER_SCORE.action("self_score")
def submit_self_score(user, score: MemberScore, lines: dict[int, tuple[Decimal, str]]) -> None:
    """``lines``: criterion id -> (points, evidence)."""
    criteria = {c.pk: c for c in score.covenant.criteria.all()}
    if set(lines) != set(criteria):
        raise ValidationError(_("Score every criterion of the covenant."))
    total = Decimal(0)
    for criterion_id, (points, evidence) in lines.items():
        criterion = criteria[criterion_id]
        _check_points(criterion, points)
        CriterionScore.objects.update_or_create(
            member_score=score, criterion=criterion, defaults={"self_points": points, "evidence": evidence}
        )
        total += _signed(criterion, points)
    score.self_total = total


@MEMBER_SCORE.action("cross_check")
def cross_check(user, score: MemberScore, lines: dict[int, tuple[Decimal, str]]) -> None:
    """The cluster head (or the Board) confirms or corrects each self-assessed line."""
    total = Decimal(0)
    for line in score.lines.select_related("criterion"):
        points, note = lines.get(line.criterion_id, (line.self_points, ""))
        _check_points(line.criterion, points)
        line.checked_points, line.check_note = points, note
        authored_by(line, user).save()
        total += _signed(line.criterion, points)
    score.final_total = total


@transaction.atomic
def finalise_ranking(user, covenant: ClusterCovenant, *, acclaimed_unit_ids: Iterable[int]) -> list[MemberScore]:
    """Rank members by final score and record the unit(s) the members acclaimed."""
    covenant = ClusterCovenant.objects.select_for_update().get(pk=covenant.pk)
    can_finalise_cluster.require(user, covenant)
    scores = list(covenant.scores.select_for_update().select_related("unit"))
    if any(s.status != ScoreStatus.CHECKED for s in scores):
        raise ValidationError(_("Every member's score must be cross-checked first."))
    acclaimed = set(acclaimed_unit_ids)
    if not acclaimed:
        raise ValidationError(_("Record the leading unit(s) the members acclaimed."))
    scores.sort(key=lambda s: (-s.final_total, s.unit.name))
    rank = 0
    previous = None
    for position, score in enumerate(scores, start=1):
        if score.final_total != previous:
            rank, previous = position, score.final_total
        score.rank = rank
        score.acclaimed = score.unit_id in acclaimed
        authored_by(score, user).save(update_fields=["rank", "acclaimed"])
    covenant.is_final = True
    authored_by(covenant, user).save(update_fields=["is_final"])
    return scores


def score_table(covenant: ClusterCovenant):
    return covenant.scores.select_related("unit").order_by("rank", "-final_total", "unit__name")


@transaction.atomic
def open_registration(user, *, year: int, opens_on: datetime.date, closes_on: datetime.date,
                      basis: str = "") -> RegistrationWindow:
    """Open (or move the deadline of) the registration window of ``year``."""
    require_board(user)
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The deadline is before the opening date.")})
    window, _created = RegistrationWindow.objects.get_or_create(
        year=year, defaults={"opens_on": opens_on, "closes_on": closes_on, "basis": basis})
    window = RegistrationWindow.objects.select_for_update().get(pk=window.pk)
    window.opens_on, window.closes_on, window.basis = opens_on, closes_on, basis
    authored_by(window, user).save()
    return window
