"""The award lists officers work from, as the page shows them and as Excel (issue 33, item 10).

Each list's filtered, scoped queryset is built here once: the page (awards.views.dossiers, awards.views.outbox, …) and its
``…/excel/`` download call the same function, so the file holds exactly the rows the page lists, under the same
permission. The sheets use the portal's one layout (``utilities.excel.list_export``)."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _, pgettext

from organisation.permissions import is_board
from organisation.text import fold
from utilities.excel import DATE, WHOLE, filter_summary, first_rows, list_export, local

from . import outbox
from .filters import DecisionFilter, SubmissionFilter
from .models import Decision, Nominee, Submission

# --- the lists' querysets (shared with the pages) ----------------------------------------------------------------


def queue_filter(request) -> SubmissionFilter:
    """The dossier queue: dossiers the user may see, soonest deadline first, filtered by the page's form."""
    queryset = Submission.objects.visible_to(request.user).select_related("unit", "officer").order_by(
        "due_on", "-submitted_at", "-created_at")
    return SubmissionFilter(request.GET, queryset=queryset)


def decision_filter(request) -> DecisionFilter:
    decisions = Decision.objects.visible_to(request.user).select_related("submission__unit").annotate(
        awardee_count=Count("awardees")).order_by("-year", "-number")
    return DecisionFilter(request.GET, queryset=decisions)


def history_params(request) -> tuple[str, str]:
    return request.GET.get("q", "").strip(), request.GET.get("unit", "").strip()


def history_awards(user, q: str, unit_q: str):
    """Every award ever given that the user may see, by person or unit name (with or without diacritics)."""
    # Newest decisions first, each decision's lines in their order: an index walk, not a sort of a million rows.
    # (The condition on the decision's date makes the join an inner one, which lets PostgreSQL walk it.)
    awards = Nominee.objects.visible_to(user).awarded().filter(decision__issued_on__isnull=False).select_related(
        "award_type", "decision", "submission__unit", "revoked_by").order_by(
        "-decision__issued_on", "-decision__number", "id")
    if q:
        awards = awards.search(q)
    if unit_q:
        awards = awards.filter(submission__unit__search_name__contains=fold(unit_q))
    return awards


# --- the downloads -------------------------------------------------------------------------------------------------


def queue_excel(request):
    filterset = queue_filter(request)
    submissions, truncated = first_rows(filterset.qs)
    counts = dict(Nominee.objects.filter(submission__in=[s.pk for s in submissions]).values_list("submission")
                  .annotate(n=Count("pk")).values_list("submission", "n"))
    rows = [[s.reference, s.title, s.get_round_kind_display(), s.year, s.unit.name, counts.get(s.pk, 0),
             s.get_status_display(), s.officer.get_full_name() if s.officer else "", local(s.submitted_at),
             s.due_on if s.is_open else None, _("overdue") if s.is_overdue else ""] for s in submissions]
    return list_export(
        title=_("NOMINATION DOSSIERS"), filename="ho-so-de-nghi", filters=filter_summary(filterset),
        headers=[_("Submission number"), _("Dossier"), _("Round"), _("Year"), _("Unit"), _("Nominees"), _("Status"),
                 _("Officer"), _("Submitted at"), _("Due on"), _("Deadline")],
        rows=rows, truncated=truncated, widths=[16, 50, 18, 8, 36, 11, 24, 24, 17, 12, 12],
        formats={5: WHOLE, 8: "DD/MM/YYYY HH:MM", 9: DATE}, sheet_name=_("Nomination dossiers"))


def decision_excel(request):
    filterset = decision_filter(request)
    decisions, truncated = first_rows(filterset.qs)
    rows = [[d.code, d.issued_on, d.title, d.get_kind_display(), d.awardee_count,
             d.submission.unit.name if d.submission else "", d.signer_name] for d in decisions]
    return list_export(
        title=_("DECISIONS ON EMULATION AND COMMENDATION"), filename="quyet-dinh", filters=filter_summary(filterset),
        headers=[pgettext("document number", "Number"), _("Issued on"), _("Title"), _("Kind"), _("Awardees"),
                 _("Unit"), _("Signed by")],
        rows=rows, truncated=truncated, widths=[14, 12, 60, 18, 11, 36, 26], formats={1: DATE, 4: WHOLE},
        sheet_name=_("Decisions"))


def history_excel(request):
    q, unit_q = history_params(request)
    awards, truncated = first_rows(history_awards(request.user, q, unit_q))
    rows = [[n.name, n.award_type.name, n.decision.code, n.decision.issued_on, n.golden_book_number,
             n.submission.unit.name, n.revoked_by.code if n.revoked_by else ""] for n in awards]
    return list_export(
        title=_("AWARD HISTORY"), filename="lich-su-khen-thuong",
        filters=filter_summary(**{_("Name"): q, _("Unit"): unit_q}),
        headers=[_("Awardee"), _("Award"), _("Decision"), _("Issued on"), _("Golden book"), _("Unit"),
                 _("Revoked by decision")],
        rows=rows, truncated=truncated, widths=[32, 40, 14, 12, 14, 36, 18], formats={3: DATE},
        sheet_name=_("Award history"))


def outbox_excel(request):
    is_board.require(request.user)
    dossiers, truncated = first_rows(outbox.held_dossiers())
    rows = [[s.title, s.unit.name, s.get_status_display(),
             _("ready to send") if outbox.is_ready(s) else _("waiting for the decision"),
             "; ".join(f"{n.get_to_status_display()}: {n.note}" if n.note else n.get_to_status_display()
                       for n in s.held)] for s in dossiers]
    return list_export(
        title=_("OUTBOX OF OUTCOME NOTICES"), filename="hop-thu-di",
        headers=[_("Dossier"), _("Unit"), _("Status"), _("Ready to send"), _("What will be sent")],
        rows=rows, truncated=truncated, widths=[50, 36, 24, 22, 60], sheet_name=_("Notices waiting"))
