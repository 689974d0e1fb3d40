"""A cluster's results as the members receive them: the score table (bảng điểm, PDF and Excel) and the minutes of
the year-end review (biên bản bình xét, PDF), from the same rows the covenant's page shows."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents.pdf import render_pdf
from organisation.permissions import sees_self_score
from utilities.excel import table_workbook

from .clusters import members
from .models import ClusterCovenant
from .services import cross_check, submit_self_score

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def score_rows(covenant: ClusterCovenant, user) -> list:
    """The covenant's scores by rank, each with what ``user`` may do and see (a self-score before the cross-check
    only for the Board, the member and the head)."""
    rows = list(covenant.scores.select_related("unit").order_by("rank", "-final_total", "unit__name"))
    for score in rows:
        score.covenant = covenant  # one covenant object for every row's checks
        score.can_self_score = submit_self_score.allows(user, score)
        score.can_cross_check = cross_check.allows(user, score)
        score.shows_self_score = sees_self_score(user, score)
    return rows


def _context(covenant: ClusterCovenant, user) -> dict:
    rows = members(covenant.cluster, covenant.year)
    head = next((m.unit for m in rows if m.is_head), None)
    deputy = next((m.unit for m in rows if m.is_deputy), None)
    scores = score_rows(covenant, user)
    return {"covenant": covenant, "scores": scores, "criteria": list(covenant.criteria.all()), "head": head,
            "deputy": deputy, "acclaimed": [s for s in scores if s.acclaimed], "today": timezone.localdate(),
            "signatories": covenant.signatories.splitlines()}


def score_table_pdf(covenant: ClusterCovenant, user) -> tuple[bytes, str]:
    return render_pdf("campaigns/pdf/score_table.html", _context(covenant, user)), PDF


def minutes_pdf(covenant: ClusterCovenant, user) -> tuple[bytes, str]:
    return render_pdf("campaigns/pdf/cluster_minutes.html", _context(covenant, user)), PDF


def score_table_xlsx(covenant: ClusterCovenant, user) -> tuple[bytes, str]:
    with translation.override(settings.LANGUAGE_CODE):
        scores = score_rows(covenant, user)
        body = table_workbook(
            title=_("Score table of %(cluster)s, %(year)s") % {"cluster": covenant.cluster.name, "year": covenant.year},
            subtitle=(_("Results final") if covenant.is_final else _("Results not final yet")) + " – "
            + _("made on %(date)s") % {"date": timezone.localdate().strftime("%d/%m/%Y")},
            headers=[_("Rank"), _("Member"), _("Status"), _("Self-score"), _("Final score"), _("Acclaimed")],
            rows=[[s.rank, s.unit.name, s.get_status_display(), s.self_total if s.shows_self_score else None,
                   s.final_total, _("Leading unit") if s.acclaimed else ""] for s in scores],
            widths=[8, 42, 28, 14, 14, 18], formats={3: "#,##0.00", 4: "#,##0.00"}, sheet_name=_("Score table"))
    return body, XLSX
