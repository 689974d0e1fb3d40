"""Cluster pages: each year's members, head and deputy; covenants, their signing, scoring and results."""

from __future__ import annotations

from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisation.models import Cluster
from organisation.permissions import can_finalise_cluster, is_board, require_board, sees_self_score
from utilities.forms import form_page, posted_action, require_on_post, run_service
from utilities.params import id_list
from utilities.uploads import serve_private, suffix

from . import cluster_documents, clusters, forms, services
from .models import ClusterCovenant, MemberScore, ScoreStatus


def covenant_list(request):
    covenants = ClusterCovenant.objects.select_related("cluster").annotate(members=Count("scores"))
    form = forms.CovenantForm(request.POST or None, initial={"year": timezone.localdate().year})
    criteria = forms.CriterionFormSet(request.POST or None, prefix="criteria")
    if request.method == "POST":
        require_board(request.user)
        if form.is_valid() and criteria.is_valid():
            rows = [(c["name"], c["kind"], c["max_points"]) for c in criteria.cleaned_data
                    if c.get("name") and c.get("max_points") is not None]
            ok, covenant = run_service(request, lambda: services.create_covenant(
                request.user, criteria=rows, **form.cleaned_data), form=form, success=_("Covenant recorded."))
            if ok:
                return redirect("campaigns:covenant_detail", pk=covenant.pk)
    return render(request, "campaigns/covenant_list.html", {
        "covenants": covenants, "form": form, "criteria": criteria, "is_board": is_board(request.user),
        "clusters": Cluster.objects.annotate(years=Count("memberships__year", distinct=True)).order_by("name"),
        "this_year": timezone.localdate().year})


def cluster_year(request, pk, year):
    """A cluster's members in ``year``: the Board records them, or starts the year from the last one's."""
    require_on_post(request, is_board)
    cluster = get_object_or_404(Cluster, pk=pk)
    rows = clusters.members(cluster, year)
    initial = {"units": [m.unit_id for m in rows], "head": next((m.unit_id for m in rows if m.is_head), None),
               "deputy": next((m.unit_id for m in rows if m.is_deputy), None)}
    form = forms.MembersForm(request.POST or None, year=year, initial=initial)
    back = reverse("campaigns:cluster_year", args=[pk, year])
    if request.method == "POST" and "start" in request.POST:
        return posted_action(request, lambda _d: clusters.start_year(request.user, cluster, year), back=back,
                             success=lambda n: _("%(n)s members carried over; now name the head and the deputy.")
                             % {"n": n})
    if request.method == "POST" and form.is_valid():
        ok, _n = run_service(request, lambda: clusters.set_members(request.user, cluster, year, **form.cleaned_data),
                             form=form, success=_("Members, head and deputy recorded."))
        if ok:
            return redirect(back)
    return render(request, "campaigns/cluster_year.html", {
        "cluster": cluster, "year": year, "rows": rows, "form": form, "is_board": is_board(request.user),
        "years": clusters.years(cluster), "previous": clusters.previous_year(cluster, year),
        "covenant": ClusterCovenant.objects.filter(cluster=cluster, year=year).first()})


def _covenant(pk) -> ClusterCovenant:
    return get_object_or_404(ClusterCovenant.objects.select_related("cluster"), pk=pk)


def covenant_detail(request, pk):
    covenant = _covenant(pk)
    return render(request, "campaigns/covenant_detail.html", {
        "covenant": covenant, "criteria": list(covenant.criteria.all()),
        "scores": cluster_documents.score_rows(covenant, request.user),
        "can_check": can_finalise_cluster(request.user, covenant), "is_board": is_board(request.user),
        "signatories": covenant.signatories.splitlines(),
        "all_checked": covenant.scores.exists() and not covenant.scores.exclude(status=ScoreStatus.CHECKED).exists(),
    })


def covenant_signing(request, pk):
    require_board(request.user)
    covenant = _covenant(pk)
    form = forms.SigningForm(request.POST or None, request.FILES or None,
                             initial={"signed_on": covenant.signed_on, "signatories": covenant.signatories})
    return form_page(request, form, lambda data: clusters.record_signing(request.user, covenant, **data),
                     success=_("Signing recorded."), next_url=reverse("campaigns:covenant_detail", args=[pk]),
                     context={"title": _("Signing of the covenant: %(covenant)s") % {"covenant": covenant},
                              "multipart": True})


def covenant_signed_file(request, pk):
    covenant = _covenant(pk)
    return serve_private(covenant.signed_file, f"giao-uoc-{covenant.pk}{suffix(covenant.signed_file)}")


def covenant_document(request, pk, document):
    """The results table (bảng điểm: PDF, Excel) and the minutes of the cluster's review (biên bản: PDF)."""
    covenant = _covenant(pk)
    makers = {"bang-diem.pdf": cluster_documents.score_table_pdf, "bang-diem.xlsx": cluster_documents.score_table_xlsx,
              "bien-ban.pdf": cluster_documents.minutes_pdf}
    if document not in makers:
        raise Http404
    body, content_type = makers[document](covenant, request.user)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="cum-{covenant.pk}-{covenant.year}-{document}"'
    return response


def score_detail(request, pk):
    """One member's lines: its self-score and evidence, and after the cross-check the head's figures and notes."""
    score = get_object_or_404(MemberScore.objects.select_related("covenant__cluster", "unit"), pk=pk)
    if not sees_self_score(request.user, score):
        raise Http404
    return render(request, "campaigns/score_detail.html", {
        "score": score, "lines": score.lines.select_related("criterion").order_by("criterion__order"),
        "is_cross_checked": score.status == ScoreStatus.CHECKED,
        "checker": score.history.filter(status=ScoreStatus.CHECKED).select_related("history_user")
        .order_by("history_date").first(),
        "entered_by": score.history.filter(status=ScoreStatus.SELF_SCORED).select_related("history_user")
        .order_by("history_date").first()})


def score_edit(request, pk):
    score = get_object_or_404(MemberScore.objects.select_related("covenant__cluster", "unit"), pk=pk)
    criteria = score.covenant.criteria.all()
    checking = services.cross_check.is_in(score)
    save = services.cross_check if checking else services.submit_self_score
    save.transition.permission.require(request.user, score)
    lines = {line.criterion_id: line for line in score.lines.all()}
    form = forms.ScoreLinesForm(
        request.POST or None, criteria=criteria,
        text_label=_("Cross-check note") if checking else _("Evidence"),
        initial_points={cid: line.self_points for cid, line in lines.items()},
    )
    return form_page(request, form, lambda _data: save(request.user, score, form.lines()), success=_("Scores saved."),
                     next_url=reverse("campaigns:covenant_detail", args=[score.covenant_id]),
                     template="campaigns/score_form.html", context={"score": score, "checking": checking,
                                                                    "lines": lines})


@require_POST
def covenant_finalise(request, pk):
    covenant = get_object_or_404(ClusterCovenant, pk=pk)
    can_finalise_cluster.require(request.user, covenant)
    ids = id_list(request.POST.getlist("acclaimed"))
    return posted_action(request, lambda _d: services.finalise_ranking(request.user, covenant, acclaimed_unit_ids=ids),
                         back=reverse("campaigns:covenant_detail", args=[pk]),
                         success=_("Ranking and acclaimed units recorded."))
