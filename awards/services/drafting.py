"""Drafting a dossier (unit staff): create, edit, nominees, attachments, sending."""


from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from legal.models import AwardType
from organisation.models import Person, PersonCategory, Unit
from organisation.permissions import require_unit_actor
from organisation.text import clean_text, fold, in_sentence
from utilities.workflow import Step

from .. import authority, eligibility
from ..models import (
    Appraisal,
    Attachment,
    AttachmentKind,
    CommendationType,
    LabourResult,
    Nominee,
    Status,
    Submission,
)
from ..workflow import DOSSIER
from .steps import _lock, record

# Persons who may have no task rating and are judged by their results of the year instead (Law 06/2022 Art 24.3).
LABOUR_CATEGORIES = (PersonCategory.WORKER, PersonCategory.FARMER, PersonCategory.CITIZEN)


@transaction.atomic
def create_submission(user, *, unit: Unit, **fields) -> Submission:
    require_unit_actor(user, unit)
    submission = Submission(unit=unit, created_by=user, status=Status.DRAFT, **_clean_header(fields))
    submission._history_user = user
    submission.save()
    record(submission, user, "create", from_status="")
    return submission


HEADER_FIELDS = ("title", "reference", "round_kind", "year", "movement", "commendation_type", "special_category")


def _clean_header(fields: dict) -> dict:
    """The header's typed texts without bidi controls or zero-width characters (organisation.text.clean_text)."""
    return {name: clean_text(value or "") if name in ("title", "reference") else value
            for name, value in fields.items()}


@DOSSIER.action("edit")
def update_submission(user, submission: Submission, **fields) -> Step:
    """Correct the dossier's header (title, number, round, year, movement, type) while the unit may still edit it;
    the unit stays as created. The audit trail names the fields changed. (Its row's check guards every other edit
    of the draft: nominees, documents, the import.)"""
    changed = []
    fields = _clean_header(fields)
    for name in HEADER_FIELDS:
        if name in fields and getattr(submission, name) != fields[name]:
            setattr(submission, name, fields[name])
            changed.append(name)
    if not changed:
        return Step(save=False, audit=False)
    return Step(note=lambda: ", ".join(str(Submission._meta.get_field(f).verbose_name) for f in changed))


def _require_editable(user, submission: Submission) -> None:
    update_submission.check(user, submission)


def _check_nominee(award_type: AwardType, subject: str, person, collective_unit, submission: Submission) -> None:
    if award_type.subject != subject:
        raise ValidationError({"award_type": _("“%(award)s” is for a %(subject)s.") % {
            "award": award_type.name, "subject": in_sentence(award_type.get_subject_display())}})
    # Every reference, whatever the subject (a household's person too), lies inside the submitting unit: the
    # eligibility check then reads only that unit's records.
    if person is not None and not person.unit.path.startswith(submission.unit.path):
        raise ValidationError({"person": _("The person does not belong to the submitting unit.")})
    if collective_unit is not None and not collective_unit.path.startswith(submission.unit.path):
        raise ValidationError({"collective_unit": _("The collective does not belong to the submitting unit.")})


def _check_criterion(award_type: AwardType, submission: Submission, criterion: str) -> None:
    """The point chosen must be one of the award's alternatives in force for the dossier's year and type."""
    if not criterion:
        return
    points = eligibility.criterion_points(award_type, submission.year, submission.commendation_type)
    if criterion not in points:
        raise ValidationError({"criterion": _("%(award)s for achievements of %(year)s (%(type)s) has no point "
                                              "“%(point)s” among its criteria in force%(points)s.") % {
            "award": award_type.name, "year": submission.year, "point": criterion,
            "type": in_sentence(CommendationType(submission.commendation_type).label),
            "points": (": " + ", ".join(sorted(points))) if points else ""}})


LABOUR_FIELDS = {"labour_productivity": "productivity", "labour_income": "income",
                 "labour_initiative": "initiative_applied", "labour_details": "details", "labour_source": "source"}


def _save_labour_results(person: Person | None, year: int, labour: dict) -> None:
    """A worker's or farmer's results of the year (Law 06/2022 Art 24.3), typed on the nomination, are kept on the
    person's record (``LabourResult``), where the Lao động tiên tiến rule reads them."""
    unknown = set(labour) - set(LABOUR_FIELDS)
    if unknown:
        raise TypeError(f"unexpected arguments: {', '.join(sorted(unknown))}")
    given = {LABOUR_FIELDS[k]: (clean_text(v) if isinstance(v, str) else v) for k, v in labour.items()
             if v not in (None, "")}
    if not given:
        return
    if person is None or person.category not in LABOUR_CATEGORIES:
        raise ValidationError({"labour_productivity": _("The results of Art 24.3 are recorded for a worker or farmer "
                                                        "without a task rating: choose the person first.")})
    defaults = {field: given.get(field, "" if field in ("details", "source") else None)
                for field in LABOUR_FIELDS.values()}  # the form shows the record: what is left empty is unknown
    LabourResult.objects.update_or_create(person=person, year=year, defaults=defaults)


@transaction.atomic
def save_nominee(user, submission: Submission, *, nominee: Nominee | None = None, subject: str, name: str,
                 award_type: AwardType, achievement_summary: str, achievement_report: str = "",
                 person: Person | None = None, collective_unit: Unit | None = None, is_posthumous: bool = False,
                 martyrs_count: int | None = None, service_period: str = "", criterion: str = "",
                 criterion_evidence: str = "", achievement_on=None, achievement_event: str = "",
                 evidence_document: str = "", **labour) -> Nominee:
    """Add or change a nominee. Besides the nomination itself: the point of the article it rests on with its
    evidence, the achievement of an ad hoc or thematic award (when, the movement or event, the document), and for a
    worker or farmer the year's results under Law 06/2022 Art 24.3 (``labour_*``, kept on the person's record)."""
    submission = _lock(submission)
    _require_editable(user, submission)
    nominee = _filled_nominee(
        user, submission, nominee, authority.not_for_the_city, subject=subject, name=name, award_type=award_type,
        achievement_summary=achievement_summary, achievement_report=achievement_report, person=person,
        collective_unit=collective_unit, is_posthumous=is_posthumous, martyrs_count=martyrs_count,
        service_period=service_period, criterion=criterion, criterion_evidence=criterion_evidence,
        achievement_on=achievement_on, achievement_event=achievement_event, evidence_document=evidence_document,
        **labour)
    nominee.save()
    # The unit sees on its draft what the Board will see once it is sent: each rule, its article and what is missing.
    eligibility.record(nominee)
    return nominee


def _filled_nominee(user, submission: Submission, nominee: Nominee | None, not_for_the_city, *, subject: str,
                    name: str, award_type: AwardType, achievement_summary: str, achievement_report: str,
                    person: Person | None, collective_unit: Unit | None, is_posthumous: bool,
                    martyrs_count: int | None, service_period: str, criterion: str, criterion_evidence: str,
                    achievement_on, achievement_event: str, evidence_document: str, **labour) -> Nominee:
    """The nominee with the nomination's fields set, once every check has passed (a ValidationError otherwise); the
    labour results are written to the person's record. Not saved."""
    _check_nominee(award_type, subject, person, collective_unit, submission)
    _check_criterion(award_type, submission, criterion)
    refusal = not_for_the_city(award_type, timezone.localdate())
    if refusal:
        raise ValidationError({"award_type": refusal})
    if nominee is None:
        nominee = Nominee(submission=submission)
    elif nominee.submission_id != submission.pk:
        raise PermissionDenied
    nominee.subject, nominee.name, nominee.award_type = subject, clean_text(name), award_type
    nominee.person, nominee.collective_unit = person, collective_unit
    nominee.achievement_summary = clean_text(achievement_summary)
    nominee.achievement_report = clean_text(achievement_report)
    nominee.is_posthumous, nominee.martyrs_count, nominee.service_period = is_posthumous, martyrs_count, service_period
    nominee.criterion, nominee.criterion_evidence = criterion or "", clean_text(criterion_evidence or "")
    nominee.achievement_on, nominee.achievement_event = achievement_on, clean_text(achievement_event or "")
    nominee.evidence_document = clean_text(evidence_document or "")
    _save_labour_results(person, submission.year, labour)
    if nominee.appraisal == Appraisal.INCOMPLETE:
        nominee.appraisal = Appraisal.PENDING  # corrected: appraise again
    nominee._history_user = user
    return nominee


@transaction.atomic
def add_nominees(user, submission: Submission, rows: list[dict], progress=None) -> list[tuple[int, ValidationError]]:
    """Many new nominees at once (the Excel import), each checked, written and judged as ``save_nominee`` does it
    for one: every row checked first, then all written in a few queries with their history, then each judged (the
    law and the evidence of all of them read once). Returns the refused rows (index in ``rows``, the refusal); if
    there is any, nothing is written. ``progress`` (an import's counter) is told the rows judged so far."""
    submission = _lock(submission)
    try:
        _require_editable(user, submission)
    except ValidationError as exc:  # refused for every row, as save_nominee refuses each
        return [(index, exc) for index in range(len(rows))]
    refusals, nominees, law = [], [], {}
    if progress is not None:
        progress(0, saved=True)  # the whole sheet is read: the page shows the rows checked and saved from now on

    def not_for_the_city(award_type, day):  # one reading of the deciding authority per award
        if award_type.pk not in law:
            law[award_type.pk] = authority.not_for_the_city(award_type, day)
        return law[award_type.pk]

    for index, row in enumerate(rows):
        try:
            nominees.append(_filled_nominee(user, submission, None, not_for_the_city, **{
                "achievement_report": "", "person": None, "collective_unit": None, "is_posthumous": False,
                "martyrs_count": None, "service_period": "", "criterion": "", "criterion_evidence": "",
                "achievement_on": None, "achievement_event": "", "evidence_document": "", **row}))
        except ValidationError as exc:
            refusals.append((index, exc))
    if refusals:
        transaction.set_rollback(True)  # the labour results of the rows checked are not kept either
        return refusals
    for nominee in nominees:
        nominee.search_name = fold(nominee.name)  # what Nominee.save() sets, which a bulk insert does not call
    bulk_create_with_history(nominees, Nominee, batch_size=500, default_user=user)
    eligibility.record_many(nominees, progress=progress)
    return []


@transaction.atomic
def recheck_eligibility(user, submission: Submission) -> int:
    """Check every nominee of a draft again (staff records, ratings or initiatives entered since): the findings the
    unit reads before sending. Returns how many nominees were checked."""
    submission = _lock(submission)
    _require_editable(user, submission)
    nominees = list(submission.nominees.select_related("award_type", "person", "collective_unit", "submission"))
    for nominee in nominees:
        eligibility.record(nominee)
    return len(nominees)


@transaction.atomic
def remove_nominee(user, nominee: Nominee) -> None:
    submission = _lock(nominee.submission)
    _require_editable(user, submission)
    nominee.delete()


@transaction.atomic
def add_attachment(user, submission: Submission, *, kind: str, upload, nominee: Nominee | None = None) -> Attachment:
    submission = _lock(submission)
    _require_editable(user, submission)
    return Attachment.objects.create(submission=submission, nominee=nominee, kind=kind, file=upload,
                                     original_name=clean_text(upload.name)[:255], uploaded_by=user)


def missing_documents(submission: Submission) -> list[str]:
    """Documents the awards proposed require but the dossier lacks (not for ad hoc awards)."""
    if submission.commendation_type == CommendationType.AD_HOC:
        return []
    present = set(submission.attachments.values_list("kind", flat=True))
    needed: dict[str, str] = {}
    labels = dict(AttachmentKind.choices)
    for award in AwardType.objects.filter(nominees__submission=submission).distinct():
        for kind in award.required_attachments:
            if kind not in present:
                needed[kind] = str(labels.get(kind, kind))
    return sorted(needed.values())


@DOSSIER.action("submit")
def submit(user, submission: Submission) -> Step:
    if not submission.nominees.exists():
        raise ValidationError(_("Add at least one nominee before sending the dossier."))
    missing = missing_documents(submission)
    if missing:
        raise ValidationError(_("The dossier lacks: %(documents)s.") % {"documents": "; ".join(missing)})
    resubmission = submission.status == Status.RETURNED
    submission.submitted_at = timezone.now()
    for nominee in submission.nominees.select_related("award_type", "person", "collective_unit", "submission"):
        eligibility.reserve_initiatives(nominee)  # held for this dossier until it is decided or refused
        eligibility.record(nominee)  # shown to the unit and the Board; the officer decides
    return Step(event="resubmit" if resubmission else "submit")
