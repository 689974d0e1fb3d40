"""The eligibility engine: rules from the law are data (EligibilityRule rows with legal
basis and dates); each rule *kind* is checked once here.

``check(nominee)`` gives a verdict (eligible / not eligible / needs review) with one
finding per rule, in plain Vietnamese, citing the rule and the evidence. Blocking
conditions (discipline, investigation, pending complaint, an initiative already used,
the same achievement already awarded, a duplicate nomination) apply to every award.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from campaigns.models import MemberScore
from documents.formats import number, short_date
from legal.models import AwardType, EligibilityRule, Parameter
from organisation.models import Person
from organisation.text import fold, in_sentence

from .models import (
    INITIATIVE_RANK,
    RATING_RANK,
    AchievementFact,
    BlockingRecord,
    BlockKind,
    CommendationType,
    Initiative,
    LabourCriterion,
    LabourResult,
    LeadershipTenure,
    Nominee,
    Outcome,
    ParameterKey,
    PastAward,
    RuleKind,
    Status,
    Subject,
    TaskRating,
)

ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW = "eligible", "not_eligible", "needs_review"
SERIOUS_DISCIPLINE = ("canh cao", "ha bac", "giang chuc", "cach chuc", "buoc thoi viec")

# What the engine has read inside ``remembering()``: the law (rule versions, parameters, award types by code) and
# each person's or collective's evidence, read once instead of once per rule, language and nominee.
_memo: ContextVar[dict | None] = ContextVar("eligibility_memo", default=None)


@contextmanager
def remembering(persons=(), units=(), rivals_of=()):
    """Inside the block the engine reads the law and each nominee's evidence once: ``record`` judges a nominee in
    two languages from one reading, and a batch (the Excel import: ``persons`` and ``units`` named by its rows) reads
    the evidence of all its nominees in a few queries. Only for work that does not change the evidence it judges
    meanwhile (adding draft nominees does not: the evidence is awarded and past titles, ratings, initiatives and
    blocking records). Nested blocks share the outer one's memory."""
    if _memo.get() is not None:
        _preload(_memo.get(), persons, units, rivals_of)
        yield
        return
    token = _memo.set({})
    try:
        _preload(_memo.get(), persons, units, rivals_of)
        yield
    finally:
        _memo.reset(token)


def _remembered(key, load):
    memo = _memo.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    return memo[key]


def _award_by_code(code: str):
    return _remembered(("award", code), lambda: AwardType.objects.filter(code=code).first())


@dataclass
class Finding:
    ok: bool | None  # None: the data needed is missing, an officer must look
    message: str
    basis: str = ""


@dataclass
class Verdict:
    result: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        return [f"{f.message}" + (f" ({f.basis})" if f.basis else "") for f in self.findings if f.ok is not True]


def _level(level: str) -> str:
    return {"grassroots": _("at grassroots level"), "city": _("with city-wide effect"),
            "national": _("with national effect")}.get(level, level)


def _years(years) -> str:
    return ", ".join(str(y) for y in sorted(years)) or "—"


def rules_for(award_type, year: int, commendation_type: str | None = None) -> list[EligibilityRule]:
    """The rule versions in force at the end of the achievement year, for the type of commendation (a rule with
    no types listed applies to every type)."""
    def load():
        day = dt.date(year, 12, 31)
        rules = EligibilityRule.objects.in_force(day).filter(award_type=award_type).order_by("group", "id")
        if commendation_type:
            rules = rules.filter(Q(commendation_types=[]) | Q(commendation_types__contains=[commendation_type]))
        return list(rules)

    return list(_remembered(("rules", award_type.pk, year, commendation_type), load))


def criterion_points(award_type, year: int, commendation_type: str) -> set[str]:
    """The points of the article (a, b, c, d …) the award's alternatives in force stand for, for the choice the
    nomination records (Law 06/2022 Art 74.1; Decree 91/2017 Art 39 before 2024)."""
    return {p for rule in rules_for(award_type, year, commendation_type) if rule.group
            for p in _points(rule.group.partition(".")[2])}


def _merit_types() -> tuple[str, ...]:
    """Types of commendation whose awards count toward a higher merit award (ad hoc and thematic ones do not:
    Decree 98/2023 Art 4, Decree 152/2025 Art 4)."""
    return tuple(t for t in CommendationType.values if t not in (CommendationType.AD_HOC, CommendationType.THEMATIC))


def reading(key: str, year: int, default: int) -> tuple[int, Parameter | None]:
    """A reading of the law chosen as a parameter (``legal.Parameter`` with its basis and the reading stated), in
    force at the end of the achievement year; ``default`` where no row is recorded."""
    row = _remembered(("reading", key, year), lambda: Parameter.objects.in_force(dt.date(year, 12, 31)).filter(
        key=key, award_type__isnull=True).order_by("-effective_from").first())
    return (int(row.value) if row else default), row


def _reading_note(row: Parameter | None) -> str:
    if row is None:
        return ""
    return " " + _("(reading chosen: %(reading)s — %(article)s)") % {"reading": row.reading or row.get_key_display(),
                                                                       "article": row.article}


def initiative_window(within: int, year: int) -> tuple[int, Parameter | None]:
    """The period an initiative must be recognised in for a title of ``year``: the rule's ``within_years`` when the
    reading "thành tích đến đâu khen đến đó" (Law 06/2022 Art 5.2.c) is chosen, else 0 (any earlier year)."""
    within_period, row = reading(ParameterKey.INITIATIVE_WITHIN_PERIOD, year, 1)
    return (within if within_period else 0), row


class Evidence:
    """Everything the rules read about one person or collective, loaded once."""

    def __init__(self, *, person=None, unit=None, exclude_nominee=None, rows=None):
        self.person, self.unit = person, unit
        self.ratings, self.initiatives, self.blocks = {}, [], []
        self.titles: dict[str, set[int]] = defaultdict(set)
        self.any_titles: dict[str, set[int]] = defaultdict(set)
        if person is None and unit is None:  # a household: the officer's findings and the nominee's own fields
            return
        field_name, subject = ("person", person) if person else ("unit", unit)
        if rows is None:  # read for this one person or collective (a batch reads many at once: _read_evidence)
            rows = _read_evidence(field_name, [subject.pk])[subject.pk]
        self.ratings = {year: rating for year, rating in rows["ratings"]}
        # ``titles``: awards that count toward merit chains; ``any_titles``: every award, ad hoc included.
        merit = _merit_types()
        excluded = exclude_nominee.pk if exclude_nominee is not None else None
        for pk, code, year, commendation_type in rows["past"] + rows["awarded"]:
            if pk is not None and pk == excluded:
                continue
            self.any_titles[code].add(year)
            if commendation_type in merit:
                self.titles[code].add(year)
        self.initiatives = list(rows["initiatives"])
        self.blocks = list(rows["blocks"])

    def rating_ok(self, year: int, minimum: str) -> bool | None:
        rating = self.ratings.get(year)
        return None if rating is None else RATING_RANK[rating] >= RATING_RANK[minimum]


EVIDENCE_ROWS = ("ratings", "past", "awarded", "initiatives", "blocks")


def _read_evidence(field_name: str, ids) -> dict[int, dict]:
    """The evidence rows of each person (``field_name`` "person") or collective ("unit") in ``ids``: five queries
    whatever their number. Past awards as (None, code, year, type), awarded nominees as (their id, code, year,
    type), in the order the one-by-one reading gives."""
    ids = list(ids)
    rows = {pk: {name: [] for name in EVIDENCE_ROWS} for pk in ids}
    if not ids:
        return rows
    subject = {f"{field_name}_id__in": ids}
    for owner, year, rating in TaskRating.objects.filter(**subject).values_list(f"{field_name}_id", "year", "rating"):
        rows[owner]["ratings"].append((year, rating))
    for owner, code, year, kind in PastAward.objects.filter(**subject).values_list(
            f"{field_name}_id", "award_type__code", "year", "commendation_type"):
        rows[owner]["past"].append((None, code, year, kind))
    owner_field = "person_id" if field_name == "person" else "collective_unit_id"
    for owner, pk, code, year, kind in Nominee.objects.filter(
            outcome=Outcome.AWARDED, revoked_by__isnull=True, **{f"{owner_field}__in": ids}).values_list(
            owner_field, "pk", "award_type__code", "submission__year", "submission__commendation_type"):
        rows[owner]["awarded"].append((pk, code, year, kind))
    if field_name == "person":
        authored = Initiative.authors.through.objects.filter(person_id__in=ids).select_related(
            "initiative__consumed_by__award_type", "initiative__reserved_for__award_type",
            "initiative__consumed_by_unit_decision__award_type").order_by(*(
                f"initiative__{f.lstrip('-')}" if not f.startswith("-") else f"-initiative__{f[1:]}"
                for f in Initiative._meta.ordering))
        for link in authored:
            rows[link.person_id]["initiatives"].append(link.initiative)
    for block in BlockingRecord.objects.filter(**subject):
        rows[getattr(block, f"{field_name}_id")]["blocks"].append(block)
    return rows


def _preload(memo: dict, persons, units, rivals_of=()) -> None:
    for field_name, ids in (("person", persons), ("unit", units)):
        ids = {pk for pk in ids if pk is not None and ("evidence", field_name, pk) not in memo}
        for pk, rows in _read_evidence(field_name, ids).items():
            memo[("evidence", field_name, pk)] = rows
    units = {pk for pk in units if pk is not None and ("members", pk) not in memo}
    if units:  # the collectives' members, for the rules on their share of titles and ratings
        members = defaultdict(list)
        for person in Person.objects.filter(unit_id__in=units):
            members[person.unit_id].append(person)
        for pk in units:
            memo[("members", pk)] = members[pk]
        memo.setdefault("member units", set()).update(units)
    if rivals_of:
        _preload_rivals(memo, rivals_of)


def _rivals(nominee: Nominee, year: int):
    """Nominations of the same person or collective for the same award and year in dossiers under way or decided
    (neither drafts nor closed, nor refused), besides ``nominee`` itself."""
    others = Nominee.objects.filter(award_type=nominee.award_type, submission__year=year).exclude(
        pk=nominee.pk).exclude(submission__status__in=[Status.DRAFT, Status.CLOSED]).exclude(
        outcome__in=[Outcome.REJECTED, Outcome.FAILED])
    return others.filter(person=nominee.person) if nominee.person_id else others.filter(
        collective_unit=nominee.collective_unit) if nominee.collective_unit_id else others.none()


def _rivals_key(nominee: Nominee, year: int) -> tuple:
    return ("rivals", nominee.pk, nominee.award_type_id, year, nominee.person_id, nominee.collective_unit_id)


def _preload_rivals(memo: dict, nominees) -> None:
    """The rivals of many nominees in two queries (by person, by collective)."""
    nominees = [n for n in nominees if n.person_id or n.collective_unit_id]
    found = defaultdict(list)
    for owner_field, attribute in (("person_id", "person_id"), ("collective_unit_id", "collective_unit_id")):
        owners = {getattr(n, attribute) for n in nominees if getattr(n, attribute)}
        if not owners:
            continue
        years = {n.submission.year for n in nominees}
        rows = Nominee.objects.filter(**{f"{owner_field}__in": owners}, submission__year__in=years).exclude(
            submission__status__in=[Status.DRAFT, Status.CLOSED]).exclude(
            outcome__in=[Outcome.REJECTED, Outcome.FAILED]).select_related("submission")
        for row in rows:
            found[(owner_field, getattr(row, owner_field), row.award_type_id, row.submission.year)].append(row)
    for n in nominees:
        owner_field = "person_id" if n.person_id else "collective_unit_id"
        year = n.submission.year
        memo[_rivals_key(n, year)] = [r for r in found[(owner_field, getattr(n, owner_field), n.award_type_id, year)]
                                      if r.pk != n.pk]


def evidence(*, person=None, unit=None, exclude_nominee=None) -> Evidence:
    """The evidence of a person or a collective (read once inside ``remembering()``)."""
    if person is None and unit is None:
        return Evidence()
    field_name, subject = ("person", person) if person else ("unit", unit)
    rows = _remembered(("evidence", field_name, subject.pk), lambda: _read_evidence(field_name, [subject.pk])[
        subject.pk])
    return Evidence(person=person, unit=unit, exclude_nominee=exclude_nominee, rows=rows)


def _members(unit):
    return _remembered(("members", unit.pk), lambda: list(Person.objects.filter(unit=unit)))


def _member_titles(unit, members, award_code: str, year: int) -> set[int]:
    memo = _memo.get()
    batch = (memo or {}).get("member units", set())
    if unit.pk in batch and ("member titles", unit.pk, award_code, year) not in memo:
        # A batch's collectives: the holders among all their members in two queries.
        by_unit = defaultdict(set)
        for person_id, unit_id in PastAward.objects.filter(
                person__unit_id__in=batch, award_type__code=award_code, year=year).values_list(
                "person_id", "person__unit_id"):
            by_unit[unit_id].add(person_id)
        for person_id, unit_id in Nominee.objects.filter(
                person__unit_id__in=batch, award_type__code=award_code, submission__year=year,
                outcome=Outcome.AWARDED).values_list("person_id", "person__unit_id"):
            by_unit[unit_id].add(person_id)
        for pk in batch:
            memo[("member titles", pk, award_code, year)] = by_unit[pk]

    def load():
        holders = set(PastAward.objects.filter(person__in=members, award_type__code=award_code, year=year)
                      .values_list("person_id", flat=True))
        holders |= set(Nominee.objects.filter(person__in=members, award_type__code=award_code, submission__year=year,
                                              outcome=Outcome.AWARDED).values_list("person_id", flat=True))
        return holders

    return _remembered(("member titles", unit.pk, award_code, year), load)


# --- one function per rule kind --------------------------------------------------------

def _rating_at_least(rule, ev: Evidence, year, nominee):
    minimum = rule.params["rating"]
    ok = ev.rating_ok(year, minimum)
    unrated = rule.params.get("unrated_categories", [])
    if ok is None and ev.person is not None and ev.person.category in unrated:
        return _labour_results(rule, ev, year)
    if ok is None:
        return Finding(None, _("no task rating recorded for %(year)s") % {"year": year})
    return Finding(ok, _("rated %(rating)s in %(year)s; needs %(minimum)s or better") % {
        "rating": ev.ratings[year], "year": year, "minimum": minimum})


def _labour_results(rule, ev, year) -> Finding:
    """A worker or farmer outside the civil service has no task rating: the results of Law 06/2022 Art 24.3
    (``labour_criteria``: productivity, income, an initiative applied) recorded for the year decide instead."""
    criteria = rule.params.get("labour_criteria") or []
    category = ev.person.get_category_display()
    if not criteria:
        return Finding(None, _("%(category)s: judged by the criteria of Law 06/2022 Art 24.3 (productive work, "
                               "taking part in the movements), without a task rating; the officer confirms them") % {
            "category": category})
    labels = dict(LabourCriterion.choices)
    result = _remembered(("labour", ev.person.pk, year),  # read once for both languages and for a batch's reruns
                         lambda: LabourResult.objects.filter(person=ev.person, year=year).first())
    if result is None:
        return Finding(None, _("%(category)s without a task rating: no results of %(year)s recorded for the "
                               "criteria of Art 24.3; missing: %(missing)s") % {
            "category": category, "year": year, "missing": "; ".join(str(labels[c]) for c in criteria)})
    failed = [c for c in criteria if result.met(c) is False]
    unknown = [c for c in criteria if result.met(c) is None]
    met = [c for c in criteria if result.met(c)]
    parts = []
    if met:
        parts.append(_("met: %(list)s") % {"list": "; ".join(str(labels[c]) for c in met)})
    if failed:
        parts.append(_("not met: %(list)s") % {"list": "; ".join(str(labels[c]) for c in failed)})
    if unknown:
        parts.append(_("not recorded: %(list)s") % {"list": "; ".join(str(labels[c]) for c in unknown)})
    extra = [c for c in LabourCriterion.values if c not in criteria and result.met(c)]
    if extra:
        parts.append(_("also: %(list)s") % {"list": "; ".join(str(labels[c]) for c in extra)})
    message = _("%(category)s, results of %(year)s under Art 24.3 (%(source)s): %(parts)s") % {
        "category": category, "year": year, "source": result.source or _("source not given"),
        "parts": "; ".join(str(p) for p in parts)}
    return Finding(False if failed else None if unknown else True, message)


def _consecutive_ratings(rule, ev, year, nominee):
    minimum, count = rule.params["rating"], int(rule.params["years"])
    wanted = range(year - count + 1, year + 1)
    good = [y for y in wanted if ev.rating_ok(y, minimum)]
    unknown = [y for y in wanted if ev.rating_ok(y, minimum) is None]
    if len(good) == count:
        return Finding(True, _("%(n)02d consecutive years rated %(minimum)s or better: %(years)s") % {
            "n": count, "minimum": minimum, "years": _years(good)})
    missing = [y for y in wanted if y not in good]
    message = _("lacks %(n)02d consecutive years rated %(minimum)s or better: has %(has)s; lacks %(lacks)s") % {
        "n": count, "minimum": minimum, "has": _years(good), "lacks": _years(missing)}
    return Finding(None if unknown and len(good) + len(unknown) == count else False, message)


def _ratings_within(rule, ev, year, nominee):
    """At least ``times`` years rated ``rating`` or better among the ``years`` years up to the achievement year."""
    minimum, times, span = rule.params["rating"], int(rule.params["times"]), int(rule.params["years"])
    wanted = range(year - span + 1, year + 1)
    good = [y for y in wanted if ev.rating_ok(y, minimum)]
    unknown = [y for y in wanted if ev.rating_ok(y, minimum) is None]
    ok = True if len(good) >= times else None if len(good) + len(unknown) >= times else False
    return Finding(ok, _("%(count)s year(s) rated %(minimum)s or better in %(first)s–%(year)s (needs %(times)s): "
                         "%(years)s") % {"count": len(good), "minimum": minimum, "first": year - span + 1,
                                          "year": year, "times": times, "years": _years(good)})


def _title_name(code):
    award = _award_by_code(code)
    return award.name if award else code


def _consecutive_titles(rule, ev, year, nominee):
    """``years`` consecutive times ``award``, one every ``step`` years (step 3: consecutive three-year cycles,
    the reading of "02 lần liên tục" chosen for CSTĐ toàn quốc). With ``fresh`` the chain may not reach back
    into a chain already used for an earlier award of the nominee's own title."""
    code, count, step = rule.params["award"], int(rule.params["years"]), int(rule.params.get("step", 1))
    wanted = sorted(year - k * step for k in range(count))
    has = [y for y in wanted if y in ev.titles[code]]
    if rule.params.get("fresh"):
        earlier = [y for y in ev.titles[nominee.award_type.code] if y < year]
        if earlier and wanted[0] <= max(earlier):
            return Finding(False, _("the chain %(years)s was already used for %(title)s %(last)s; a new award needs "
                                    "%(n)02d consecutive times after %(last)s") % {
                "years": _years(wanted), "title": nominee.award_type.name, "last": max(earlier), "n": count})
    if count == 1:
        if has:
            return Finding(True, _("holds the title %(title)s for %(year)s") % {"title": _title_name(code),
                                                                                 "year": wanted[0]})
        missing = _("has not been awarded the title %(title)s for %(year)s") % {
            "title": _title_name(code), "year": wanted[0]}
        if rule.params.get("standard_suffices"):
            return _standard_instead_of_title(code, ev, wanted[0], nominee, missing)
        return Finding(False, missing)
    if len(has) == count:
        return Finding(True, _("%(n)02d consecutive times %(title)s: %(years)s") % {
            "n": count, "title": _title_name(code), "years": _years(has)})
    return Finding(False, _("lacks %(n)02d consecutive times %(title)s: has %(has)s; lacks %(lacks)s") % {
        "n": count, "title": _title_name(code), "has": _years(has),
        "lacks": _years(y for y in wanted if y not in has)})


def _standard_instead_of_title(code, ev, year, nominee, missing: str) -> Finding:
    """The law asks that the standard of ``code`` be met, not that its decision exist (Law 06/2022 Art 23.1:
    "Đạt tiêu chuẩn danh hiệu Lao động tiên tiến"): proposed in the same round, its decision may not be taken yet.
    The standard met without a decision is for the officer to confirm, never a flat refusal."""
    award = _award_by_code(code)
    rules = rules_for(award, year, CommendationType.REGULAR) if award else []
    if not rules:
        return Finding(None, missing + "; " + _("no criteria of %(title)s in force to check its standard") % {
            "title": _title_name(code)})
    findings = _judge(rules, ev, year, nominee)
    met = _result(findings)
    details = "; ".join(f.message for f in findings)
    if met is False:
        return Finding(False, missing + "; " + _("nor does the nominee meet its standard: %(details)s") % {
            "details": details})
    if met is None:
        return Finding(None, missing + "; " + _("its standard cannot be checked yet: %(details)s") % {
            "details": details})
    return Finding(None, missing + "; " + _("its standard is met (%(details)s): the law asks for the standard, "
                                            "not the decision; the officer confirms the title proposed in the same "
                                            "round") % {"details": details})


def _titles_within(rule, ev, year, nominee):
    code, times, span = rule.params["award"], int(rule.params["times"]), int(rule.params["years"])
    has = [y for y in range(year - span + 1, year + 1) if y in ev.titles[code]]
    return Finding(len(has) >= times, _("%(title)s %(count)s time(s) in %(span)s years (needs %(times)s): %(years)s")
                   % {"title": _title_name(code), "count": len(has), "span": span, "times": times,
                      "years": _years(has)})


def _holds_award(rule, ev, year, nominee):
    """Holds ``award`` (any of ``awards``) for merit: an ad hoc or thematic one is no basis for a higher award."""
    codes = rule.params.get("awards") or [rule.params["award"]]
    span = int(rule.params.get("followed_by_years", 0))
    # "và sau đó 05 năm" (a Huân chương's ladder) always orders them; the Bằng khen Thủ tướng's order is a reading.
    follow, row = (1, None) if span and rule.params.get("follows") else reading(
        ParameterKey.YEARS_FOLLOW_BANG_KHEN, year, 0) if span else (0, None)
    last = year - span if follow else year  # "05 năm tiếp theo": held before the first of the five years
    for code in codes:
        years = [y for y in ev.titles[code] if y <= last]
        if years:
            return Finding(True, _("holds %(title)s (%(years)s)") % {"title": _title_name(code),
                                                                     "years": _years(years)} + _reading_note(row))
    late = [(c, y) for c in codes for y in ev.titles[c] if last < y <= year]
    if late:
        code, held = late[0]
        return Finding(False, _("holds %(title)s only from %(held)s, inside the %(n)02d years %(first)s–%(year)s; "
                                "they must follow it") % {"title": _title_name(code), "held": held, "n": span,
                                                          "first": year - span + 1, "year": year}
                       + _reading_note(row))
    names = ", ".join(_title_name(c) for c in codes)
    ad_hoc = [c for c in codes if any(y <= year for y in ev.any_titles[c])]
    if ad_hoc:
        return Finding(False, _("holds %(title)s only for an ad hoc or thematic achievement, which is no basis for "
                                "a higher merit award") % {"title": ", ".join(_title_name(c) for c in ad_hoc)})
    return Finding(False, _("does not hold %(title)s") % {"title": names})


def _initiative(rule, ev, year, nominee):
    level, needed = rule.params.get("level", "grassroots"), int(rule.params.get("min", 1))
    alternative = rule.params.get("or_rating")
    if alternative and ev.rating_ok(year, alternative):
        return Finding(True, _("rated %(rating)s in %(year)s (instead of an initiative)") % {
            "rating": alternative, "year": year})
    # 0: any year up to the achievement year; the rule's period applies under the reading of Art 5.2.c.
    within, row = initiative_window(int(rule.params.get("within_years", 0)), year)
    first_year = year - within + 1 if within else 0
    in_level = [i for i in ev.initiatives if INITIATIVE_RANK[i.level] >= INITIATIVE_RANK[level]
                and i.recognised_on.year <= year]
    eligible = [i for i in in_level if i.recognised_on.year >= first_year]
    too_old = [i for i in in_level if i.recognised_on.year < first_year]
    mine = getattr(nominee, "pk", None)
    free = [i for i in eligible if i.consumed_by_id in (None, mine) and i.reserved_for_id in (None, mine)
            and i.consumed_by_unit_decision_id is None]
    used = [i for i in eligible if i not in free]
    if len(free) >= needed:
        period = int(rule.params.get("within_years", 0))
        early = [i for i in free if i.recognised_on.year < year - period + 1] if period else []
        message = _("%(n)s recognised initiative(s) %(level)s not used for another award") % {
            "n": len(free), "level": _level(level)}
        if early:  # counted only because the reading chosen lets an earlier initiative count: say so
            message += "; " + _("recognised before the year of achievement: %(list)s") % {
                "list": "; ".join(f"“{i.title}” ({i.recognised_on.year})" for i in early)} + _reading_note(row)
        return Finding(True, message)
    message = _("needs %(needed)s initiative(s) %(level)s not used for another award; has %(free)s") % {
        "needed": needed, "level": _level(level), "free": len(free)}
    if used:
        message += "; " + _("already used: %(list)s") % {"list": "; ".join(
            f"“{i.title}” → {used_for(i)}" for i in used)}
    if too_old:
        message += "; " + _("recognised outside the period of this achievement (%(first)s–%(year)s): %(list)s") % {
            "first": first_year, "year": year,
            "list": "; ".join(f"“{i.title}” ({i.recognised_on.year})" for i in too_old)} + _reading_note(row)
    return Finding(False, message)


def used_for(initiative) -> str:
    """What an initiative is used for, or held by: a city dossier's nominee or a unit's own decision."""
    if initiative.consumed_by_unit_decision_id:
        decision = initiative.consumed_by_unit_decision
        return f"{decision.award_type.name} {decision.year} ({decision.decision_number})"
    return (initiative.consumed_by or initiative.reserved_for).award_type.name


def _members_share(rule, ev, year, nominee):
    members = _members(ev.unit)
    if not members:
        return Finding(None, _("the collective's member list is empty"))
    share = float(rule.params["share"])
    strict = rule.params.get("strict", False)
    memo = _memo.get()
    if ev.unit.pk in (memo or {}).get("member units", set()) and ("member ratings", ev.unit.pk, year) not in memo:
        by_unit = defaultdict(dict)  # a batch's collectives: all their members' ratings of the year in one query
        for person_id, unit_id, rating in TaskRating.objects.filter(
                person__unit_id__in=memo["member units"], year=year).values_list("person_id", "person__unit_id",
                                                                                 "rating"):
            by_unit[unit_id][person_id] = rating
        for pk in memo["member units"]:
            memo[("member ratings", pk, year)] = by_unit[pk]
    ratings = _remembered(("member ratings", ev.unit.pk, year), lambda: {
        r.person_id: r.rating for r in TaskRating.objects.filter(person__in=members, year=year)})
    if "rating" in rule.params:
        holders = {p for p, r in ratings.items() if RATING_RANK[r] >= RATING_RANK[rule.params["rating"]]}
        what = _("rated %(rating)s or better") % {"rating": rule.params["rating"]}
    else:
        holders = _member_titles(ev.unit, members, rule.params["award"], year)
        what = _title_name(rule.params["award"])
    # A member with no rating recorded (and not holding the title) is an open fact, not a member who failed.
    unknown = [m for m in members if m.pk not in holders and m.pk not in ratings]

    def passes(count):
        return count / len(members) > share if strict else count / len(members) >= share

    actual = len(holders) / len(members)
    ok = True if passes(len(holders)) else None if passes(len(holders) + len(unknown)) else False
    message = _("%(holders)s of %(members)s members %(what)s (%(actual).0f%%; needs %(sign)s%(share).0f%%)") % {
        "holders": len(holders), "members": len(members), "what": what, "actual": actual * 100,
        "sign": ">" if strict else "≥", "share": share * 100}
    if ok is None:
        names = ", ".join(m.full_name for m in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        message += "; " + _("%(n)s member(s) without a rating recorded for %(year)s decide it: %(names)s") % {
            "n": len(unknown), "year": year, "names": names}
    return Finding(ok, message)


def _members_count(rule, ev, year, nominee):
    members = _members(ev.unit)
    holders = _member_titles(ev.unit, members, rule.params["award"], year)
    needed = int(rule.params.get("min", 1))
    return Finding(len(holders) >= needed, _("%(n)s member(s) %(title)s in %(year)s (needs %(needed)s)") % {
        "n": len(holders), "title": _title_name(rule.params["award"]), "year": year, "needed": needed})


def _no_member_discipline(rule, ev, year, nominee):
    members = _members(ev.unit)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    serious = [b for b in _remembered(("member discipline", ev.unit.pk, year), lambda: list(
        BlockingRecord.objects.filter(person__in=members, kind=BlockKind.DISCIPLINE, starts_on__lte=end).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=start)).select_related("person")))
        if any(level in fold(b.level) for level in SERIOUS_DISCIPLINE)]
    if serious:
        return Finding(False, _("member(s) disciplined at warning level or above: %(names)s") % {
            "names": ", ".join(f"{b.person.full_name} ({b.level})" for b in serious)})
    return Finding(True, _("no member disciplined at warning level or above in %(year)s") % {"year": year})


def _quota_share(rule, ev, year, nominee):
    """At most ``max_share`` of the holders of ``of_award`` in the year may get this award, counted over the scope
    the law gives the quota (Decree 91/2017 Art 9.3: the ministry or province, i.e. the whole city), not per unit."""
    of_award, share = rule.params["of_award"], float(rule.params["max_share"])
    base = _remembered(("quota base", of_award, year), lambda: PastAward.objects.filter(
        award_type__code=of_award, year=year).count())
    # A draft's nominee is not among those counted, so every draft nominee of the award shares one count.
    counted = nominee.submission.status not in (Status.CLOSED, Status.DRAFT)
    proposed = _remembered(("quota", nominee.award_type_id, year, nominee.pk if counted else None), lambda: (
        PastAward.objects.filter(award_type=nominee.award_type, year=year).count()
        + Nominee.objects.filter(submission__year=year, award_type=nominee.award_type)
        .exclude(submission__status__in=[Status.CLOSED, Status.DRAFT]).exclude(
            outcome__in=[Outcome.REJECTED, Outcome.FAILED]).exclude(pk=nominee.pk).count() + 1))
    if base == 0:
        return Finding(None, _("no %(title)s recorded in the city in %(year)s to compute the quota") % {
            "title": _title_name(of_award), "year": year})
    limit = int(base * share)
    return Finding(proposed <= limit, _("quota: %(proposed)s proposed, at most %(limit)s (%(share).0f%% of %(base)s "
                                        "%(title)s)") % {"proposed": proposed, "limit": limit, "share": share * 100,
                                                         "base": base, "title": _title_name(of_award)})


def _collective_rating(rule, ev, year, nominee):
    minimum = rule.params["rating"]
    ok = ev.rating_ok(year, minimum)
    if ok is None:
        return Finding(None, _("no rating of the collective recorded for %(year)s") % {"year": year})
    return Finding(ok, _("the collective was rated %(rating)s in %(year)s; needs %(minimum)s or better") % {
        "rating": ev.ratings[year], "year": year, "minimum": minimum})


def _leads_cluster(rule, ev, year, nominee):
    """Leads its emulation cluster in the year: acclaimed, or ranked first, in the cluster's final results."""
    scores = list(MemberScore.objects.filter(unit=ev.unit, covenant__year=year, covenant__is_final=True)
                  .select_related("covenant__cluster"))
    if not scores:
        return Finding(None, _("no final cluster result of %(year)s for the collective") % {"year": year})
    leading = [s for s in scores if s.acclaimed or s.rank == 1]
    if leading:
        return Finding(True, _("leads “%(cluster)s” in %(year)s") % {"cluster": leading[0].covenant.cluster.name,
                                                                       "year": year})
    return Finding(False, _("does not lead its cluster in %(year)s (rank %(rank)s)") % {
        "year": year, "rank": scores[0].rank or "—"})


def _martyrs(rule, ev, year, nominee):
    count, low, high = nominee.martyrs_count, int(rule.params["min"]), rule.params.get("max")
    if not count:
        return Finding(None, _("the number of martyrs of the family is not recorded"))
    ok = count >= low and (high is None or count <= int(high))
    span = f"{low}" if high == low else f"{low}–{high}" if high else f"{low}+"
    return Finding(ok, _("the family has %(n)s martyr(s); this class is for %(span)s") % {"n": count, "span": span})


def _not_for(rule, ev) -> Finding | None:
    """A rule of employment (time in service, days absent) does not apply to a farmer or citizen (``not_for``)."""
    if ev.person is not None and ev.person.category in rule.params.get("not_for", []):
        return Finding(True, _("does not apply to a %(category)s") % {
            "category": in_sentence(ev.person.get_category_display())})
    return None


def _service_months(rule, ev, year, nominee):
    if (skipped := _not_for(rule, ev)) is not None:
        return skipped
    minimum, person = int(rule.params["min"]), ev.person
    if person is None or person.hired_on is None:
        return Finding(None, _("the date of recruitment is not recorded"))
    end = dt.date(year, 12, 31)
    months = (end.year - person.hired_on.year) * 12 + end.month - person.hired_on.month + (
        1 if end.day >= person.hired_on.day else 0)
    return Finding(months >= minimum, _("%(months)s month(s) in service by the end of %(year)s (needs %(min)s): "
                                        "recruited on %(date)s") % {
        "months": max(months, 0), "year": year, "min": minimum, "date": short_date(person.hired_on)})


def _absence_at_most(rule, ev, year, nominee):
    if (skipped := _not_for(rule, ev)) is not None:
        return skipped
    limit = int(rule.params["max"])
    rating = TaskRating.objects.filter(person=ev.person, year=year).first() if ev.person else None
    if rating is None or rating.days_absent is None:
        return Finding(None, _("the working days absent in %(year)s are not recorded") % {"year": year})
    return Finding(rating.days_absent <= limit, _("%(days)s working day(s) absent in %(year)s (at most %(max)s)")
                   % {"days": rating.days_absent, "year": year, "max": limit})


def _leadership_years(rule, ev, year, nominee):
    """Years in posts of ``levels`` up to the end of the year; a woman needs ``years`` less one third."""
    if ev.person is None:
        return Finding(None, _("only a person's time in post counts"))
    end = dt.date(year, 12, 31)
    tenures = LeadershipTenure.objects.filter(person=ev.person, post_level__in=rule.params["levels"],
                                              starts_on__lte=end)
    days = sum(((min(t.ends_on or end, end) - t.starts_on).days + 1) for t in tenures)
    held = Decimal(days) / Decimal("365.25")
    needed = Decimal(str(rule.params["years"]))
    shown = held.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    # The reduction for women of the period's law: one third less (Decree 98/2023 and 152/2025 Art 4), a fixed
    # number of years less (``{"years_less": N}``, Decree 65/2014 before 2024), or not recorded (N None: the officer).
    woman, women = ev.person.sex == "female", rule.params.get("women", "one_third")
    if woman and women == "one_third":
        needed, note = needed * 2 / 3, _(" (one third less for a woman)")
    elif woman and isinstance(women, dict) and women.get("years_less") is not None:
        needed = needed - Decimal(str(women["years_less"]))
        note = _(" (%(n)s year(s) less for a woman)") % {"n": women["years_less"]}
    elif woman and held < needed:
        return Finding(None, _("%(held)s year(s) in the post by the end of %(year)s; needs %(needed)s less the "
                               "reduction for women of %(basis)s, which is not recorded: the officer applies it") % {
            "held": number(shown), "year": year, "needed": number(needed.normalize()),
            "basis": (women or {}).get("basis", rule.legal_basis) if isinstance(women, dict) else rule.legal_basis})
    else:
        note = ""

    return Finding(held >= needed, _("%(held)s year(s) in the post by the end of %(year)s; needs %(needed)s%(women)s")
                   % {"held": number(shown), "year": year, "needed": number(needed.normalize()), "women": note})


def _lower_title_standard(rule, ev, year, nominee):
    """The rules of the lower title (``award``) that the nominee's own title does not have, checked too: a collective
    never gets Tập thể lao động xuất sắc while failing Tập thể lao động tiên tiến on a rule (e.g. no member warned,
    Art 28) that Art 27 does not repeat."""
    lower = _award_by_code(rule.params["award"])
    own = {r.kind for r in rules_for(nominee.award_type, year, nominee.submission.commendation_type)}
    rules = [r for r in (rules_for(lower, year, CommendationType.REGULAR) if lower else []) if r.kind not in own]
    if not rules:
        return Finding(True, _("no rule of %(title)s beyond this title's own") % {"title": _title_name(
            rule.params["award"])})
    findings = _judge(rules, ev, year, nominee)
    details = "; ".join(f"{f.message} ({f.basis})" for f in findings)
    met = _result(findings)
    message = _("meets the rules of %(title)s this title does not repeat: %(details)s") if met else _(
        "the rules of %(title)s this title does not repeat: %(details)s")
    return Finding(met, message % {"title": _title_name(rule.params["award"]), "details": details})


def _achievement_facts(rule, ev, year, nominee):
    """The achievement the nomination records, checked against what the rule asks (``facts``): what, when (inside
    the year of achievement and not in the future), the movement or event (the dossier's movement if none is
    typed), the document that recognises or decides it, the evidence of the criterion chosen. A fact recorded and
    wrong refuses; each fact not recorded is named (the officer returns the dossier for it). An ad hoc or thematic
    award resting on these facts never counts toward a merit chain."""
    labels = dict(AchievementFact.choices)
    wanted = rule.params.get("facts") or list(AchievementFact.values)
    submission = getattr(nominee, "submission", None)
    movement = getattr(submission, "movement", None) if submission is not None else None
    event = (getattr(nominee, "achievement_event", "") or (movement.name if movement else "")).strip()
    values = {
        AchievementFact.WHAT: (getattr(nominee, "achievement_summary", "") or "").strip().strip("…").strip(),
        AchievementFact.WHEN: getattr(nominee, "achievement_on", None),
        AchievementFact.EVENT: event,
        AchievementFact.DOCUMENT: (getattr(nominee, "evidence_document", "") or "").strip(),
        AchievementFact.EVIDENCE: (getattr(nominee, "criterion_evidence", "") or "").strip(),
    }
    missing = [str(labels[f]) for f in wanted if not values.get(f)]
    problems = []
    when = values[AchievementFact.WHEN]
    if AchievementFact.WHEN in wanted and when:
        if when > timezone.localdate():
            problems.append(_("the date of the achievement %(date)s is in the future") % {
                "date": short_date(when)})
        elif rule.params.get("in_year", True) and when.year != year:
            problems.append(_("the achievement of %(date)s is outside the year of achievement %(year)s of the "
                              "dossier") % {"date": short_date(when), "year": year})
    if missing or problems:
        # A fact recorded and wrong refuses; a fact not recorded yet is named for the unit to add (the dossier is
        # incomplete, not the achievement refused).
        message = f"{rule.description}: "
        if missing:
            message += _("missing %(list)s") % {"list": "; ".join(missing)}
        if problems:
            message += ("; " if missing else "") + "; ".join(problems)
        return Finding(False if problems else None, message)
    shown = [values[f] if f != AchievementFact.WHEN else short_date(values[f])
             for f in wanted if f not in (AchievementFact.WHAT, AchievementFact.EVIDENCE)]
    detail = ", ".join(str(v) for v in shown)
    return Finding(True, _("%(criterion)s: recorded (%(detail)s)") % {"criterion": rule.description,
                                                                       "detail": detail or "—"})


def _not_awarded(rule, ev, year, nominee):
    """The award is not given for the nomination's type of commendation (e.g. a yearly title proposed ad hoc)."""
    return Finding(False, _("not awarded for %(type)s: %(criterion)s") % {
        "type": in_sentence(CommendationType(nominee.submission.commendation_type).label), "criterion": rule.description})


def _officer_judgment(rule, ev, year, nominee):
    return Finding(None, _("for the appraising officer to judge: %(criterion)s") % {"criterion": rule.description})


CHECKS = {
    RuleKind.RATING_AT_LEAST: _rating_at_least, RuleKind.CONSECUTIVE_RATINGS: _consecutive_ratings,
    RuleKind.CONSECUTIVE_TITLES: _consecutive_titles, RuleKind.TITLES_WITHIN: _titles_within,
    RuleKind.HOLDS_AWARD: _holds_award, RuleKind.INITIATIVE: _initiative, RuleKind.MEMBERS_SHARE: _members_share,
    RuleKind.MEMBERS_COUNT: _members_count, RuleKind.NO_MEMBER_DISCIPLINE: _no_member_discipline,
    RuleKind.QUOTA_SHARE: _quota_share, RuleKind.COLLECTIVE_RATING: _collective_rating,
    RuleKind.LEADS_CLUSTER: _leads_cluster, RuleKind.MARTYRS: _martyrs, RuleKind.OFFICER_JUDGMENT: _officer_judgment,
    RuleKind.SERVICE_MONTHS: _service_months, RuleKind.ABSENCE_AT_MOST: _absence_at_most,
    RuleKind.LEADERSHIP_YEARS: _leadership_years, RuleKind.LOWER_TITLE_STANDARD: _lower_title_standard,
    RuleKind.RATINGS_WITHIN: _ratings_within, RuleKind.ACHIEVEMENT_FACTS: _achievement_facts,
    RuleKind.NOT_AWARDED: _not_awarded,
}


# --- conditions that block every award ------------------------------------------------------

def _blocking(ev: Evidence, year: int, today: dt.date) -> list[Finding]:
    findings = []
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for block in ev.blocks:
        during_year = block.starts_on <= end and (block.ends_on is None or block.ends_on >= start)
        active_now = block.starts_on <= today and (block.ends_on is None or block.ends_on >= today)
        if block.kind == BlockKind.DISCIPLINE and during_year:
            findings.append(Finding(False, _("disciplined (%(form)s) from %(date)s") % {
                "form": block.level or "—", "date": short_date(block.starts_on)}, "Luật TĐKT 2022"))
        elif block.kind in (BlockKind.INVESTIGATION, BlockKind.COMPLAINT) and active_now:
            findings.append(Finding(False, _("%(kind)s since %(date)s") % {
                "kind": in_sentence(block.get_kind_display()), "date": short_date(block.starts_on)},
                "Luật TĐKT 2022"))
    return findings


def _duplicates(nominee: Nominee, ev: Evidence, year: int) -> list[Finding]:
    findings = []
    code = nominee.award_type.code
    commendation_type = nominee.submission.commendation_type
    if commendation_type in _merit_types():
        # The year's merit: an ad hoc or thematic award of the same year rests on another achievement.
        if year in ev.titles[code]:
            findings.append(Finding(False, _("the same achievement (%(year)s) was already awarded %(title)s") % {
                "year": year, "title": nominee.award_type.name}))
    else:
        findings += _same_ad_hoc_achievement(nominee, ev, year)
    merit = commendation_type in _merit_types()
    # The two languages' judgements of one nominee read its rivals once (a batch reads all of theirs at once).
    rivals = _remembered(_rivals_key(nominee, year), lambda: list(_rivals(nominee, year).select_related(
        "submission")))
    for other in rivals:
        if (other.submission.commendation_type in _merit_types()) != merit or (
                not merit and other.submission.commendation_type != commendation_type):
            continue  # a merit award's rivals are merit nominations; an ad hoc or thematic one's, of its own type
        if not merit and not _same_achievement(nominee, other):
            continue  # another ad hoc or thematic achievement of the same year
        findings.append(Finding(False, _("already nominated for the same award and year in “%(title)s”") % {
            "title": other.submission.title}))
    return findings


def _same_ad_hoc_achievement(nominee: Nominee, ev: Evidence, year: int) -> list[Finding]:
    """An ad hoc or thematic award is one achievement: the same deciding document, or the same event on the same
    day, already awarded this award is a duplicate; another achievement of the same year is not."""
    if nominee.subject == Subject.HOUSEHOLD or (not nominee.person_id and not nominee.collective_unit_id):
        return []
    earlier = Nominee.objects.filter(award_type=nominee.award_type, outcome=Outcome.AWARDED, revoked_by__isnull=True,
                                     submission__commendation_type=nominee.submission.commendation_type).exclude(
        pk=nominee.pk).select_related("submission")
    earlier = earlier.filter(person=nominee.person) if nominee.person_id else earlier.filter(
        collective_unit=nominee.collective_unit)
    for other in earlier:
        if _same_achievement(nominee, other):
            return [Finding(False, _("the same achievement (%(what)s) was already awarded %(title)s in “%(dossier)s”")
                            % {"what": other.evidence_document or other.achievement_event,
                               "title": nominee.award_type.name, "dossier": other.submission.title})]
    return []


def _same_achievement(nominee: Nominee, other: Nominee) -> bool:
    """Two ad hoc or thematic nominations rest on one achievement: the same document, or the same event and day."""
    document = fold(nominee.evidence_document or "")
    if document and fold(other.evidence_document or "") == document:
        return True
    return bool(nominee.achievement_on and other.achievement_on == nominee.achievement_on
                and fold(other.achievement_event or "") == fold(nominee.achievement_event or ""))


def check(nominee: Nominee, today: dt.date | None = None) -> Verdict:
    today = today or timezone.localdate()
    year = nominee.submission.year
    if nominee.subject == Subject.INDIVIDUAL and nominee.person_id is None:
        return Verdict(NEEDS_REVIEW, [Finding(None, _("the nominee is not linked to a person record"))])
    if nominee.subject == Subject.COLLECTIVE and nominee.collective_unit_id is None:
        return Verdict(NEEDS_REVIEW, [Finding(None, _("the collective is not linked to a unit"))])
    household = nominee.subject == Subject.HOUSEHOLD
    ev = evidence(person=None if household else nominee.person, unit=None if household else nominee.collective_unit,
                  exclude_nominee=nominee)
    findings = _blocking(ev, year, today) + _duplicates(nominee, ev, year)
    commendation_type = nominee.submission.commendation_type
    rules = rules_for(nominee.award_type, year, commendation_type)
    if not rules:
        findings.append(Finding(None, _("no criteria in force for %(award)s (%(type)s) for achievements of "
                                        "%(year)s: the Board must set them or judge the case") % {
            "award": nominee.award_type.name, "type": in_sentence(CommendationType(commendation_type).label),
            "year": year}))
    findings += _judge(rules, ev, year, nominee)
    if any(f.ok is False for f in findings):
        result = NOT_ELIGIBLE
    elif any(f.ok is None for f in findings):
        result = NEEDS_REVIEW
    else:
        result = ELIGIBLE
    return Verdict(result, findings)


def _result(findings) -> bool | None:
    if any(f.ok is False for f in findings):
        return False
    if any(f.ok is None for f in findings):
        return None
    return True


def _judge(rules, ev, year, nominee) -> list[Finding]:
    """Each rule without a group must be met; rules in groups "SET.OPTION" are alternatives: the set is met when
    every rule of one of its options is ("đạt một trong các tiêu chuẩn sau")."""
    findings, sets = [], defaultdict(lambda: defaultdict(list))
    for rule in rules:
        finding = CHECKS[rule.kind](rule, ev, year, nominee)
        finding.basis = f"{rule.legal_basis}" + (f", {rule.article}" if rule.article else "")
        if rule.group:
            name, _dot, option = rule.group.partition(".")
            sets[name][option or str(rule.pk)].append(finding)
        else:
            findings.append(finding)
    chosen = getattr(nominee, "criterion", "") or ""
    for options in sets.values():
        bases = sorted({f.basis for fs in options.values() for f in fs})
        points = {name: _points(name) for name in options}
        if chosen and any(points.values()):
            # The unit chose the point its nomination rests on: that point's facts decide, the others do not count.
            kept = {name: fs for name, fs in options.items() if chosen in points[name]}
            if not kept:
                findings.append(Finding(False, _("the criterion chosen (point %(point)s) is not one of this "
                                                 "award's criteria in force: points %(points)s") % {
                    "point": chosen, "points": ", ".join(sorted({p for ps in points.values() for p in ps}))},
                    "; ".join(bases)))
                continue
            results = [_result(fs) for fs in kept.values()]
            ok = True if True in results else None if None in results else False
            parts = " | ".join("; ".join(f.message for f in fs) for _name, fs in sorted(kept.items()))
            findings.append(Finding(ok, _("criterion chosen, point %(point)s: %(facts)s") % {
                "point": chosen, "facts": parts}, "; ".join(sorted({f.basis for fs in kept.values() for f in fs}))))
            continue
        results = [_result(fs) for fs in options.values()]
        ok = True if True in results else None if None in results else False
        # Options are named for the points of the article they come from ("c", "ab", "d1" → "(c)", "(a, b)", "(d)").
        parts = " | ".join(f"({', '.join(points[name]) if points[name] else i + 1}) " + "; ".join(f.message for f in fs)
                           for i, (name, fs) in enumerate(sorted(options.items())))
        message = _("meets one of these criteria: %(options)s") if ok else _(
            "meets none of these criteria (one is enough): %(options)s")
        findings.append(Finding(ok, message % {"options": parts}, "; ".join(bases)))
    return findings


def _points(option: str) -> list[str]:
    """The points of the article an option of an alternative set stands for: "ab" → a, b; "d1" → d; "1" → none."""
    letters = option.rstrip("0123456789")
    return list(letters) if letters.isalpha() else []


def _judged(nominee: Nominee, today: dt.date | None) -> tuple[Verdict, list[dict]]:
    """The verdict and the findings as stored: in the portal's language and in English, so that each reader sees
    them in their own."""
    with remembering():  # the second language judges from the first one's reading
        with translation.override(settings.LANGUAGE_CODE):
            verdict = check(nominee, today)
        with translation.override("en"):
            english = check(nominee, today)
    return verdict, [{"ok": f.ok, "message": f.message, "message_en": str(e.message), "basis": f.basis}
                     for f, e in zip(verdict.findings, english.findings, strict=False)]


def record(nominee: Nominee, today: dt.date | None = None) -> Verdict:
    """Check and store the verdict on the nominee (shown to staff and officers)."""
    verdict, reasons = _judged(nominee, today)
    Nominee.objects.filter(pk=nominee.pk).update(eligibility=verdict.result, eligibility_reasons=reasons)
    return verdict


def record_many(nominees: list[Nominee], today: dt.date | None = None, progress=None) -> None:
    """``record`` for many nominees (the Excel import): the evidence of all of them read at once, each judged as
    ``record`` judges it, the verdicts stored in a few queries. ``progress(n, saved=True)``: told as they are judged."""
    with remembering(persons={n.person_id for n in nominees if n.person_id},
                     units={n.collective_unit_id for n in nominees if n.collective_unit_id},
                     rivals_of=nominees):
        for done, nominee in enumerate(nominees):
            if progress is not None:
                progress(done, saved=True)
            verdict, nominee.eligibility_reasons = _judged(nominee, today)
            nominee.eligibility = verdict.result
    _store_verdicts(nominees)


def _store_verdicts(nominees: list[Nominee], batch: int = 1000) -> None:
    """What ``record``'s update stores, for many nominees: one UPDATE … FROM (VALUES …) per thousand (Django's
    bulk_update builds a CASE of one branch per row, which costs more to build than to run). The table's and the
    columns' names come from the model, the values are parameters."""
    meta = Nominee._meta
    table, result, reasons = (connection.ops.quote_name(name) for name in (
        meta.db_table, meta.get_field("eligibility").column, meta.get_field("eligibility_reasons").column))
    with connection.cursor() as cursor:
        for start in range(0, len(nominees), batch):
            chunk = nominees[start:start + batch]
            cursor.execute(
                f"UPDATE {table} AS n SET {result} = v.result, {reasons} = v.reasons::jsonb "  # noqa: S608  # nosec B608
                f"FROM (VALUES {', '.join(['(%s, %s, %s)'] * len(chunk))}) AS v(id, result, reasons) "
                f"WHERE n.{connection.ops.quote_name(meta.pk.column)} = v.id",
                [value for n in chunk for value in (n.pk, n.eligibility, json.dumps(n.eligibility_reasons))])


def _need(award_type, year: int, commendation_type: str, person, criterion: str = "") -> tuple[int, str, int]:
    """(how many, lowest level, within how many years) the award's rules need of ``person``'s initiatives for
    ``year``; (0, …) where none is needed (or a rating stands in for it). With a point of the article chosen
    (``criterion``), only that point's rules count: a Bằng khen resting on point a holds no initiative."""
    needed, level, within = 0, "grassroots", 0
    for rule in rules_for(award_type, year, commendation_type):
        if rule.kind != RuleKind.INITIATIVE:
            continue
        points = _points(rule.group.partition(".")[2]) if rule.group else []
        if criterion and points and criterion not in points:
            continue
        if rule.params.get("or_rating") and person is not None and evidence(person=person).rating_ok(
                year, rule.params["or_rating"]):
            continue
        needed = max(needed, int(rule.params.get("min", 1)))
        level = rule.params.get("level", level)
        within = int(rule.params.get("within_years", within))
    return (needed if person is not None else 0), level, initiative_window(within, year)[0]


def _initiative_need(nominee: Nominee) -> tuple[int, str, int]:
    return _need(nominee.award_type, nominee.submission.year, nominee.submission.commendation_type,
                 nominee.person if nominee.person_id else None, nominee.criterion)


def _free_initiatives(person, year: int, level: str, within: int, *, lock: bool, nominee=None):
    """``person``'s initiatives recognised in the period, at ``level`` or above, neither used (by a city decision
    or a unit's own) nor held for another dossier; the lowest level first (it is the one to spend)."""
    rows = Initiative.objects.filter(authors=person, consumed_by__isnull=True, consumed_by_unit_decision__isnull=True,
                                     recognised_on__year__lte=year).filter(
        Q(reserved_for__isnull=True) | Q(reserved_for=nominee) if nominee is not None else Q(reserved_for__isnull=True))
    if within:
        rows = rows.filter(recognised_on__year__gte=year - within + 1)
    if lock:
        rows = rows.select_for_update(of=("self",))
    rows = [i for i in rows if INITIATIVE_RANK[i.level] >= INITIATIVE_RANK[level]]
    return sorted(rows, key=lambda i: (INITIATIVE_RANK[i.level], i.recognised_on, i.pk))


def _usable(nominee: Nominee, level: str, within: int, *, lock: bool):
    return _free_initiatives(nominee.person, nominee.submission.year, level, within, lock=lock, nominee=nominee)


def _save_initiatives(rows, fields) -> None:
    if rows:  # each with its history row, as a queryset update() would not write

        bulk_update_with_history(rows, Initiative, fields)


def reserve_initiatives(nominee: Nominee) -> int:
    """When a dossier is sent, the initiatives a nominee rests on are held for it, so that a second pending
    dossier cannot rest on the same ones (CV 5007/BNV-TĐKT: one initiative, one award). The rows are locked:
    two dossiers sent at the same moment cannot both hold one initiative."""
    needed, level, within = _initiative_need(nominee)
    if not needed:
        return 0
    chosen = _usable(nominee, level, within, lock=True)[:needed]
    held = [i for i in chosen if i.reserved_for_id != nominee.pk]
    for initiative in held:
        initiative.reserved_for = nominee
    _save_initiatives(held, ["reserved_for"])
    return len(chosen)


def release_initiatives(nominees) -> int:
    """A nominee refused (not eligible, not passed, not awarded) lets its initiatives go."""
    rows = list(Initiative.objects.select_for_update(of=("self",)).filter(reserved_for__in=nominees,
                                                                          consumed_by__isnull=True))
    for initiative in rows:
        initiative.reserved_for = None
    _save_initiatives(rows, ["reserved_for"])
    return len(rows)


def consume_initiatives(nominee: Nominee) -> int:
    """When an award is given, the initiatives its rules rely on are used up (one award each): those held for the
    nominee, then the lowest level that suffices."""
    needed, level, within = _initiative_need(nominee)
    if not needed:
        return 0
    chosen = _usable(nominee, level, within, lock=True)
    chosen = sorted(chosen, key=lambda i: (i.reserved_for_id != nominee.pk,))[:needed]
    for initiative in chosen:
        initiative.consumed_by, initiative.reserved_for = nominee, None
    _save_initiatives(chosen, ["consumed_by", "reserved_for"])
    return len(chosen)


def consume_for_unit_decision(awards) -> None:
    """A unit's own decision (``PastAward`` rows of one decision, awards.unit_decisions) uses up the initiatives its
    title rests on exactly as a city decision does (CV 5007/BNV-TĐKT: one initiative, one award): locked, so that
    a dossier sent at the same moment cannot hold them, and never one held by a pending dossier. A person without
    the free initiatives the title needs is refused with the reason, and the decision is not recorded."""
    problems = []
    for award in awards:
        needed, level, within = _need(award.award_type, award.year, award.commendation_type, award.person)
        if not needed:
            continue
        chosen = _free_initiatives(award.person, award.year, level, within, lock=True)[:needed]
        if len(chosen) < needed:
            ev = Evidence(person=award.person)
            taken = [i for i in ev.initiatives if INITIATIVE_RANK[i.level] >= INITIATIVE_RANK[level]
                     and i.recognised_on.year <= award.year and (not within or i.recognised_on.year > award.year - within)
                     and (i.consumed_by_id or i.reserved_for_id or i.consumed_by_unit_decision_id)]
            problem = _("%(name)s: %(title)s needs %(needed)s initiative(s) %(level)s recognised in the period, not "
                        "used or held for another award; has %(free)s") % {
                "name": award.person.full_name, "title": award.award_type.name, "needed": needed,
                "level": _level(level), "free": len(chosen)}
            if taken:
                problem += "; " + _("already used: %(list)s") % {"list": "; ".join(
                    f"“{i.title}” → {used_for(i)}" for i in taken)}
            problems.append(problem)
            continue
        for initiative in chosen:
            initiative.consumed_by_unit_decision = award
        _save_initiatives(chosen, ["consumed_by_unit_decision"])
    if problems:
        raise ValidationError({"person_codes": problems})
