"""Award pages: thin views over awards.services; every queryset is scoped to the user."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from core.datacache import fragment, split
from core.import_jobs import queue_if_large
from core.models import Notification
from core.notify import mark_all_read, open_notification
from legal.models import AwardType
from organisation.permissions import (
    can_open_council,
    can_view_fairness,
    enters_staff_records,
    is_board,
    is_council,
    is_unit_staff,
)
from organisation.scoping import scope_key
from utilities.forms import (
    form_page,
    posted_action,
    posted_form,
    run_service,
    show_form_errors,
    take_posted,
)
from utilities.pagination import CappedPaginator
from utilities.params import id_list, year_param
from utilities.uploads import serve_private

from . import (
    coverage,
    documents,
    eligibility,
    exports,
    fairness as stats,
    forms,
    imports,
    initiatives,
    ratings,
    round_documents,
    services,
    signed_documents,
    unit_decisions as decisions,
)
from .models import (
    Appraisal,
    Attachment,
    CouncilMeeting,
    CouncilVote,
    Decision,
    FairnessTarget,
    Nominee,
    Outcome,
    SignedDocument,
    SpecialCategory,
    Submission,
    VoteChoice,
)
from .payments import payment_pdf, payment_xlsx, totals
from .signed_documents import served_pdf
from .workflow import DOSSIER, SIGNATURE

PAGE_SIZE = 25
NEW_ID = "new_%s"
EDIT = services.update_submission.transition  # the row whose check guards every change of a draft


# --- queue and dossier ------------------------------------------------------------

def submission_list(request):
    user = request.user
    board = is_board(user)

    def body():
        filterset = exports.queue_filter(request)  # the same rows as its Excel download
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        # Count nominees for the rows on this page only: one grouped query, not a join over every line.
        counts = dict(Nominee.objects.filter(submission__in=[s.pk for s in page]).values_list("submission")
                      .annotate(n=Count("pk")).values_list("submission", "n"))
        for submission in page:
            submission.nominee_count = counts.get(submission.pk, 0)
        assign_form = forms.AssignForm(auto_id=NEW_ID) if board else None
        if assign_form:
            # The bulk form's fields sit in the table; the <form> with its CSRF token is outside the cache.
            assign_form.fields["officer"].widget.attrs["form"] = "bulk"
            # Not "required" in the page: "Receive" needs no officer; "Assign" is checked on the server.
            assign_form.fields["officer"].required = False
        return render_to_string("awards/_submission_list_body.html", {
            "request": request, "filter": filterset, "page": page, "is_board": board, "assign_form": assign_form,
            "overdue_count": Submission.objects.visible_to(user).overdue().count(),
        })

    # The queue is read far more often than dossiers move: its rendered body is reused until any
    # awards or organisation data changes; "overdue" depends on today, so the date is in the key.
    html = fragment("awards-queue", (scope_key(user), board, timezone.localdate(), sorted(request.GET.lists())),
                    ("awards", "organisation", "legal"), body)
    return render(request, "awards/submission_list.html", {
        "body": html, "can_create": is_unit_staff(user), "is_board": board})


@require_POST
def submission_bulk(request):
    """The queue's bulk actions (the table's rows marked ``bulk``), each dossier through the same engine."""
    is_board.require(request.user)
    ids = id_list(request.POST.getlist("ids"))
    submissions = list(Submission.objects.visible_to(request.user).filter(pk__in=ids))
    transition = DOSSIER.transitions.get(request.POST.get("action", ""))
    if transition is None or not transition.bulk:
        messages.error(request, _("Choose an action."))
        return redirect("awards:submission_list")
    form = posted_form(request, transition)
    if form is not None and not form.is_valid():
        show_form_errors(request, form)
        return redirect("awards:submission_list")
    if not submissions:
        messages.error(request, _("Tick at least one dossier."))
        return redirect("awards:submission_list")
    done, errors = services.bulk(request.user, submissions, transition.name, **(form.cleaned_data if form else {}))
    if done:
        messages.success(request, _("%(n)s dossier(s) updated.") % {"n": done})
    for error in errors:
        messages.error(request, error)
    return redirect("awards:submission_list")


def submission_create(request):
    is_unit_staff.require(request.user)  # the form only for those who may send it: the leadership reads
    form = forms.SubmissionForm(request.POST or None, user=request.user,
                                initial={"year": timezone.localdate().year, "round_kind": "yearly",
                                         "commendation_type": "regular"})

    def create(data):
        data = dict(data)
        return services.create_submission(request.user, unit=data.pop("unit"), **data)

    return form_page(request, form, create, success=_("Draft created. Add the nominees and documents, then send it."),
                     next_url=lambda s: reverse("awards:submission_detail", args=[s.pk]),
                     context={"title": _("New nomination dossier")})


def submission_edit(request, pk):
    submission = _submission(request, pk)
    EDIT.permission.require(request.user, submission)
    if not services.update_submission.is_in(submission):
        messages.error(request, _("The dossier was sent; it can be changed only if the Board returns it."))
        return redirect(_dossier_url(pk))
    initial = {name: getattr(submission, name) for name in services.HEADER_FIELDS}
    form = forms.SubmissionForm(request.POST or None, user=request.user, editing=True, initial=initial)
    return form_page(request, form, lambda data: services.update_submission(request.user, submission, **data),
                     success=_("Dossier details saved."), next_url=_dossier_url(pk),
                     context={"title": _("Dossier details"), "back": _dossier_url(pk)})


def _submission(request, pk, related=("unit", "officer", "meeting", "movement")) -> Submission:
    return get_object_or_404(Submission.objects.visible_to(request.user).select_related(*related), pk=pk)


def submission_detail(request, pk):
    return _dossier_page(request, pk)


def _dossier_page(request, pk, bound=None):
    """The dossier's page; ``bound``: {action: its form bound to a refused post}, shown with the input kept."""
    # Officer, meeting and movement are shown inside the cached body: loaded only when it is rendered.
    submission = _submission(request, pk, related=("unit",))
    user = request.user
    can_edit = services.update_submission.allows(user, submission)
    board = is_board(user)

    def body():
        context = {
            "submission": submission, "can_edit": can_edit,
            "nominees": submission.nominees.select_related("award_type", "person", "collective_unit", "decision"),
            "attachments": submission.attachments.select_related("nominee"),
            "events": submission.events.select_related("actor"), "decisions": submission.decisions.all(),
            # Only while the Board still decides: the shares aggregate every award of the year.
            "fairness_warnings": _fairness_warnings(submission) if board and submission.is_open else [],
        }
        if can_edit:  # the nominee rows carry edit/remove forms with this user's CSRF token
            context["csrf_token"] = get_token(request)
        return render_to_string("awards/_submission_detail_body.html", context)

    # A unit preparing its dossier sees its own edits at once, with its own forms: not reused.
    html = fragment("awards-dossier", (submission.pk, board, timezone.localdate()),
                    ("awards", "organisation", "legal"), body, reuse=not can_edit)
    main, trail = split(html, "<!-- actions -->")
    # The workflow table says which actions this viewer has now; only their forms are built.
    context = {"submission": submission, "body": main, "trail": trail, "can_edit": can_edit, "is_board": board,
               "actions": DOSSIER.offered(user, submission, bound=bound)}
    if can_edit:
        context.update(missing=services.missing_documents(submission),
                       attachment_form=forms.AttachmentForm(auto_id=NEW_ID))
    if services.submit.is_in(submission):  # a returned dossier says why at the top, where the unit starts work
        context["return_step"] = services.last_return(submission)
    return render(request, "awards/submission_detail.html", context)


def _fairness_warnings(submission):
    labels = dict(FairnessTarget._meta.get_field("dimension").choices)
    return [(labels[new.dimension], old, new) for old, new in stats.warnings_for(submission)]


def nominee_edit(request, pk, nominee_pk=None):
    submission = _submission(request, pk)
    EDIT.permission.require(request.user, submission)
    nominee = get_object_or_404(submission.nominees, pk=nominee_pk) if nominee_pk else None
    # A new nominee starts from the achievement-report outline the awards use.
    initial = {"achievement_report": AwardType.objects.exclude(report_template="").values_list(
        "report_template", flat=True).first() or ""}
    if nominee:
        initial = {f: getattr(nominee, f) for f in ("subject", "name", "achievement_summary", "achievement_report")}
        initial.update(person=nominee.person_id, collective_unit=nominee.collective_unit_id,
                       award_type=nominee.award_type_id)
    form = forms.NomineeForm(request.POST or None, submission=submission, initial=initial)
    return form_page(request, form, lambda data: services.save_nominee(request.user, submission, nominee=nominee,
                                                                       **data),
                     success=_("Nominee saved."), next_url=_dossier_url(pk), template="awards/nominee_form.html",
                     context={"submission": submission, "nominee": nominee})


@require_POST
def nominee_delete(request, pk, nominee_pk):
    submission = _submission(request, pk)
    EDIT.permission.require(request.user, submission)
    nominee = get_object_or_404(submission.nominees, pk=nominee_pk)
    return posted_action(request, lambda _data: services.remove_nominee(request.user, nominee),
                         back=_dossier_url(pk), success=_("Nominee removed."))


@require_POST
def eligibility_recheck(request, pk):
    """The unit checks its draft's nominees again against the rules (what the Board will see once it is sent)."""
    submission = _submission(request, pk)
    return posted_action(request, lambda _data: services.recheck_eligibility(request.user, submission),
                         back=reverse("awards:submission_detail", args=[submission.pk]) + "#nominees",
                         success=lambda n: ngettext("%(n)s nominee checked against the rules in force.",
                                                    "%(n)s nominees checked against the rules in force.", n) % {"n": n})


@require_POST
def attachment_add(request, pk):
    submission = _submission(request, pk)
    EDIT.permission.require(request.user, submission)
    return posted_action(request, lambda data: services.add_attachment(request.user, submission, kind=data["kind"],
                                                                       upload=data["upload"]),
                         back=_dossier_url(pk), form=forms.AttachmentForm(request.POST, request.FILES),
                         success=_("Document attached."))


def attachment_download(request, pk, attachment_pk):
    submission = _submission(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, submission=submission)
    return serve_private(attachment.file, attachment.original_name)


def import_template(request):
    response = HttpResponse(imports.template_workbook(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-de-nghi-khen-thuong.xlsx"'
    return response


def import_upload(request, pk):
    submission = _submission(request, pk)
    EDIT.permission.require(request.user, submission)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        queued = queue_if_large(request, "awards.nominees", form.cleaned_data["upload"], submission.pk)
        if queued:
            return queued
        ok, result = run_service(request, lambda: imports.import_nominees(request.user, submission,
                                                                         form.cleaned_data["upload"]))
        count, row_errors = result if ok else (0, [])
        if count:
            messages.success(request, _("%(n)s nominee(s) imported.") % {"n": count})
            return redirect("awards:submission_detail", pk=pk)
    return render(request, "awards/import.html", {"form": form, "submission": submission, "row_errors": row_errors})


# --- transitions -------------------------------------------------------------------
# Every posted action of the workflow table (awards/workflow.py) goes through one view; the table's rows name their
# routes (DOSSIER.routes in urls.py), forms, messages and next pages. Pages of their own (the appraisal, the central
# result) take their action through the same engine.

def _dossier_url(pk) -> str:
    return reverse("awards:submission_detail", args=[pk])


@require_POST
def submission_action(request, pk, action):
    """Take ``action`` of the dossier's table: the role before the input is read, then the row's form and the
    engine (lock, check, the step, audit, notice)."""
    return take_posted(request, DOSSIER, action, _submission(request, pk), back=_dossier_url(pk),
                       page=lambda bound: _dossier_page(request, pk, bound))


def submission_appraise(request, pk):
    submission = _submission(request, pk)
    services.appraise.transition.permission.require(request.user, submission)

    nominees = list(submission.nominees.select_related("award_type", "person", "collective_unit", "submission"))
    checks = {n.pk: eligibility.check(n) for n in nominees}
    form = forms.AppraisalForm(request.POST or None, nominees=nominees, checks=checks)
    return form_page(request, form, lambda _data: services.appraise(request.user, submission, form.verdicts()),
                     success=_("Appraisal recorded."), next_url=_dossier_url(pk), template="awards/appraise.html",
                     context={"submission": submission, "checks": checks})


# --- the Council -------------------------------------------------------------------

def council(request, posted=None):
    """The Council's page; ``posted``: a refused ballot's choices {nominee id: choice}, shown as they were typed."""
    can_open_council.require(request.user)
    submissions = Submission.objects.filter(status__in=services.cast_votes.transition.sources).select_related(
        "unit", "meeting").prefetch_related(
        Prefetch("nominees", queryset=Nominee.objects.filter(appraisal=Appraisal.ELIGIBLE).select_related(
            "award_type").with_vote_counts().prefetch_related(
            Prefetch("votes", queryset=CouncilVote.objects.filter(member=request.user), to_attr="my_votes")),
            to_attr="eligible"))
    submissions = list(submissions)
    # The tally as it stands, before "Kiểm phiếu": votes per choice and what the count would decide now (the
    # rules of every award on the page in one query).
    awards, by_day, sizes = {n.award_type for s in submissions for n in s.eligible}, {}, {}
    for submission in submissions:
        members = sizes.setdefault(submission.meeting_id, services.council_size(submission.meeting))
        day = services.threshold_day(submission.meeting)  # the thresholds of the meeting's date
        if day not in by_day:
            by_day[day] = services.vote_rules(awards, day)
        rules = by_day[day]
        for nominee in submission.eligible:
            mine = nominee.my_votes[0].choice if nominee.my_votes else ""
            nominee.shown_choice = (posted or {}).get(nominee.pk, mine)
            nominee.vote_count = nominee.yes + nominee.no + nominee.abstain
            nominee.passes_now, nominee.rule_now = rules[nominee.award_type_id].judge(
                nominee.yes, nominee.vote_count, members)
        submission.members = members
    return render(request, "awards/council.html", {"submissions": submissions, "is_council": is_council(request.user),
                                                   "choices": VoteChoice.choices, "in_favour": VoteChoice.YES})


@require_POST
def vote(request, nominee_pk):
    services.cast_votes.transition.permission.require(request.user)  # before the lookup: the answer tells nothing of the id
    nominee = get_object_or_404(Nominee.objects.select_related("submission"), pk=nominee_pk)
    form = forms.VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("%(name)s: choose in favour, against or abstain.") % {"name": nominee.name})
        return redirect(reverse("awards:council") + f"#dossier-{nominee.submission_id}")
    return posted_action(request, lambda data: services.cast_vote(request.user, nominee, data["choice"]),
                         back=reverse("awards:council") + f"#dossier-{nominee.submission_id}", form=form,
                         success=lambda vote: _("Vote changed for %(change)s.") % {"change": vote.changed}
                         if vote.changed else _("Vote recorded for %(name)s.") % {"name": nominee.name})


def _ballot_done(ballot) -> str:
    """The result of a ballot in words: the votes recorded, each earlier vote it changed, the votes left as they
    were ("In favour of all" never replaces a vote)."""
    text = _("%(n)s vote(s) recorded.") % {"n": ballot.recorded}
    if ballot.changed:
        text += " " + _("Changed: %(changes)s.") % {"changes": "; ".join(ballot.changed)}
    if ballot.kept:
        text += " " + _("Your earlier votes stay for: %(names)s (to change one, choose it and “Record my votes”).") % {
            "names": ", ".join(ballot.kept)}
    return text


@require_POST
def vote_all(request, pk):
    """One member's votes on every eligible nominee of a dossier: the choices ticked, or "in favour of all" (only
    the nominees this member has not voted on yet: a recorded vote is never replaced silently). A refused ballot
    shows the page again with the choices as ticked."""
    services.cast_votes.transition.permission.require(request.user)
    submission = get_object_or_404(Submission, pk=pk)
    ids = submission.nominees.filter(appraisal=Appraisal.ELIGIBLE).values_list("pk", flat=True)
    everyone = request.POST.get("all")
    choices = {pk: everyone if everyone else request.POST.get(f"choice_{pk}", "") for pk in ids}
    choices = {pk: choice for pk, choice in choices.items() if choice}
    ok, _ballot = run_service(request, lambda: services.cast_votes(request.user, submission, choices,
                                                                   keep_existing=bool(everyone)),
                              success=_ballot_done)
    if ok:
        return redirect(reverse("awards:council") + f"#dossier-{submission.pk}")
    return council(request, posted={} if everyone else choices)


# --- decisions, certificates, verification -------------------------------------------

def decision_list(request):
    filterset = exports.decision_filter(request)  # the same rows as its Excel download
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "awards/decision_list.html", {"filter": filterset, "page": page})


def _decision(request, pk) -> Decision:
    return get_object_or_404(Decision.objects.visible_to(request.user).select_related("submission__unit", "revokes"),
                             pk=pk)


def decision_detail(request, pk):
    decision = _decision(request, pk)

    signed = SignedDocument.objects.filter(decision=decision).first() or SignedDocument(decision=decision)
    signing_actions = [SIGNATURE[name] for name in SIGNATURE.open_to(request.user, signed)]
    awardees = list((decision.revoked_awards if decision.is_revocation else decision.awardees).select_related(
        "award_type", "submission__unit", "revoked_by"))
    return render(request, "awards/decision_detail.html", {
        "decision": decision, "awardees": awardees, "is_board": is_board(request.user), "bonus": totals(awardees),
        "signed": signed, "signing_actions": signing_actions, "signing_job": signed_documents.latest_job(decision),
        "revoke_form": forms.RevokeForm(initial={"issued_on": timezone.localdate()}),
        "recovery_form": forms.RecoveryForm()})


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def decision_pdf(request, pk):
    decision = _decision(request, pk)
    return _pdf_response(served_pdf(decision), f"quyet-dinh-{decision.number}-{decision.year}.pdf")


def submission_report(request, pk):
    """The Board's tờ trình to the Chairman for a dossier: nominees, awards proposed, the appraisal result."""
    is_board.require(request.user)

    submission = _submission(request, pk)
    return _pdf_response(round_documents.submission_report_pdf(submission), f"to-trinh-{submission.pk}.pdf")


def meeting_document(request, pk, document):
    """The Council meeting's minutes or ballot tally (Board and Council members)."""
    can_open_council.require(request.user)

    meeting = get_object_or_404(CouncilMeeting, pk=pk)
    make = {"bien-ban": round_documents.meeting_minutes_pdf, "kiem-phieu": round_documents.ballot_tally_pdf}
    if document not in make:
        raise Http404
    return _pdf_response(make[document](meeting), f"{document}-{meeting.held_on:%Y%m%d}.pdf")


def _signing_step(request, pk, step):
    """Ask the signing host for ``step`` (``signed_documents.sign`` or ``.seal``, the SIGNATURE table's functions)."""
    decision = _decision(request, pk)
    step.transition.permission.require(request.user)
    return posted_action(request, lambda _data: signed_documents.request_step(request.user, decision, step),
                         back=reverse("awards:decision_detail", args=[decision.pk]) + "#signatures",
                         success=lambda job: _("Decision No. %(code)s: the signature was sent to the signing host; "
                                               "this page shows when it is done.") % {"code": decision.code})


@require_POST
def decision_sign(request, pk):
    return _signing_step(request, pk, signed_documents.sign)


@require_POST
def decision_seal(request, pk):
    return _signing_step(request, pk, signed_documents.seal)


def payment_list_pdf(request, pk):
    decision = _decision(request, pk)
    if decision.is_revocation:
        raise Http404
    return _pdf_response(payment_pdf(decision), f"chi-thuong-{decision.number}-{decision.year}.pdf")


def payment_list_xlsx(request, pk):
    decision = _decision(request, pk)
    if decision.is_revocation:
        raise Http404
    response = HttpResponse(payment_xlsx(decision),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="chi-thuong-{decision.number}-{decision.year}.xlsx"'
    return response


def certificate_pdf(request, nominee_pk):
    # Only the city's own decisions have the city's certificate (a central award's comes from the centre).
    nominee = get_object_or_404(Nominee.objects.visible_to(request.user).awarded().filter(
        decision__isnull=False).select_related("decision", "award_type", "submission__unit"), pk=nominee_pk)
    return _pdf_response(documents.certificate_pdf(nominee), f"bang-khen-{nominee.pk}.pdf")


@require_POST
def nominee_revoke(request, nominee_pk):
    nominee = get_object_or_404(Nominee.objects.visible_to(request.user), pk=nominee_pk)
    services.revoke.transition.permission.require(request.user, nominee.submission)
    return posted_action(request, lambda data: services.revoke(request.user, nominee, **data),
                         back=reverse("awards:decision_detail", args=[nominee.decision_id]),
                         form=forms.RevokeForm(request.POST),
                         success=lambda d: _("Award revoked by decision No. %(code)s.") % {"code": d.code})


@require_POST
def nominee_recovery(request, nominee_pk):
    nominee = get_object_or_404(Nominee.objects.visible_to(request.user), pk=nominee_pk)
    services.record_recovery.transition.permission.require(request.user, nominee.submission)
    return posted_action(request, lambda data: services.record_recovery(request.user, nominee, **data),
                         back=reverse("awards:decision_detail", args=[nominee.decision_id]),
                         form=forms.RecoveryForm(request.POST), success=_("Recovery recorded."))


# --- fairness, special categories, ratings --------------------------------------------------

def fairness(request):
    can_view_fairness.require(request.user)

    year = year_param(request, timezone.localdate().year)
    labels = dict(FairnessTarget._meta.get_field("dimension").choices)
    return render(request, "awards/fairness.html", {"year": year, "shares": stats.shares(year), "labels": labels})


def special_queue(request):
    queryset = Submission.objects.visible_to(request.user).exclude(special_category="").select_related("unit").annotate(
        nominee_count=Count("nominees")).order_by("due_on", "submitted_at")
    category = request.GET.get("category")
    if category in SpecialCategory.values:
        queryset = queryset.filter(special_category=category)
    return render(request, "awards/special_queue.html", {
        "page": Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page")),
        "categories": [c for c in SpecialCategory.choices if c[0]], "category": category})


def ratings_import(request):
    """Units enter their staff's yearly ratings from Excel (template lists their persons)."""
    enters_staff_records.require(request.user)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    row_errors, year = [], year_param(request, timezone.localdate().year - 1)
    if request.GET.get("template"):
        response = HttpResponse(ratings.template(request.user, year),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="xep-loai-{year}.xlsx"'
        return response
    if request.method == "POST" and form.is_valid():
        queued = queue_if_large(request, "awards.ratings", form.cleaned_data["upload"])
        if queued:
            return queued
        count, row_errors = ratings.import_ratings(request.user, form.cleaned_data["upload"])
        if count:
            messages.success(request, _("%(n)s rating(s) saved.") % {"n": count})
            return redirect("awards:ratings_import")
    return render(request, "awards/ratings_import.html", {"form": form, "row_errors": row_errors, "year": year})


def initiative_list(request):
    """The initiative ledger: units record their staff's recognised initiatives, the Board sees all."""
    can_record = enters_staff_records(request.user)
    form = forms.InitiativeForm(request.POST or None) if can_record else None
    if request.method == "POST":
        enters_staff_records.require(request.user)
        if form.is_valid():
            data = dict(form.cleaned_data)
            ok, _result = run_service(request, lambda: initiatives.record_initiative(
                request.user, author_codes=data.pop("authors"), **data), form=form, success=_("Initiative recorded."))
            if ok:
                return redirect("awards:initiative_list")
    page = Paginator(initiatives.visible_initiatives(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "awards/initiatives.html", {"page": page, "form": form})


# --- history and notifications ---------------------------------------------------------

def history(request):
    """Every award ever given, by person or unit name, with or without diacritics."""
    user = request.user
    q, unit_q = exports.history_params(request)

    def body():
        awards = exports.history_awards(user, q, unit_q)  # the same rows as its Excel download
        page = CappedPaginator(awards, PAGE_SIZE).get_page(request.GET.get("page"))
        return render_to_string("awards/_history_body.html", {"request": request, "page": page})

    # Award names come from the law's catalogue (legal).
    html = fragment("awards-history", (scope_key(user), sorted(request.GET.lists())),
                    ("awards", "organisation", "legal"), body)
    return render(request, "awards/history.html", {"body": html, "q": q, "unit_q": unit_q})


def notifications(request):
    items = Notification.objects.filter(user=request.user)[:100]
    if request.method == "POST":
        mark_all_read(request.user)
        return redirect("awards:notifications")
    return render(request, "awards/notifications.html", {"items": items})


# --- the law: central results, units' own decisions, criteria coverage ---------------------------------------

def central_result(request, pk):
    """The Board records the Prime Minister's or the President's decision on the nominees it forwarded."""
    submission = _submission(request, pk)
    services.record_central_result.transition.permission.require(request.user, submission)
    nominees = list(submission.nominees.select_related("award_type").filter(outcome=Outcome.FORWARDED))
    form = forms.CentralResultForm(request.POST or None)
    if request.method == "POST":
        nominee = next((n for n in nominees if str(n.pk) == request.POST.get("nominee")), None)
        if nominee is None:
            messages.error(request, _("Choose a nominee forwarded to the central level."))
        elif form.is_valid():
            ok, _result = run_service(request, lambda: services.record_central_result(
                request.user, nominee, **form.cleaned_data), form=form, success=_("Central decision recorded."))
            if ok:
                return redirect("awards:central_result", pk=pk)
    return render(request, "awards/central_result.html", {"submission": submission, "nominees": nominees,
                                                          "form": form})


def unit_decisions(request):
    """Units record the decisions their own head takes (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …)."""
    today = timezone.localdate()
    can_record = is_unit_staff(request.user) and request.user.unit_id is not None
    form = forms.UnitDecisionForm(request.POST or None, award_types=decisions.local_award_types(today),
                                  initial={"year": today.year - 1, "decided_on": today}) if can_record else None
    if request.method == "POST":
        is_unit_staff.require(request.user)
        if form.is_valid():
            ok, _rows = run_service(request, lambda: decisions.record_unit_decision(
                request.user, unit=request.user.unit, **form.cleaned_data), form=form,
                success=lambda rows: _("%(n)s award(s) recorded.") % {"n": len(rows)})
            if ok:
                return redirect("awards:unit_decisions")
    page = Paginator(decisions.visible_unit_decisions(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "awards/unit_decisions.html", {"form": form, "page": page})


def criteria_coverage(request):
    """Which awards have criteria in force for which years and types of commendation (the gaps are findings)."""
    is_board.require(request.user)

    return render(request, "awards/criteria_coverage.html", coverage.table(coverage.YEARS))


def notification_open(request, pk):
    """Opening a notification marks it read and goes where it points."""
    return redirect(open_notification(request.user, pk))

