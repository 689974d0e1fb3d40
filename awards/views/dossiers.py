"""The dossier queue and a dossier's pages: list, bulk, create, edit, nominees, attachments, imports, and the
one view every posted action of the DOSSIER table goes through."""


from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from core.datacache import fragment, split
from core.import_jobs import queue_if_large
from legal.models import AwardType
from organisation.models import Person
from organisation.permissions import (
    is_board,
    is_unit_staff,
)
from organisation.scoping import scope_key, scope_to_user
from utilities.forms import (
    form_page,
    posted_action,
    posted_form,
    run_service,
    show_form_errors,
    take_posted,
)
from utilities.links import row_links
from utilities.params import id_list
from utilities.uploads import serve_private

from .. import (
    eligibility,
    exports,
    fairness as stats,
    forms,
    imports,
    services,
)
from ..models import (
    Attachment,
    FairnessTarget,
    LabourResult,
    Nominee,
    Submission,
)
from ..workflow import DOSSIER
from ._common import _dossier_url, _submission

PAGE_SIZE = 25
NEW_ID = "new_%s"
EDIT = services.update_submission.transition  # the row whose check guards every change of a draft


# --- queue and dossier -----------------------------------------------------------------------------------

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
        # The rows by Jinja2 (awards/jinja2/awards/_submission_rows.html: the same markup, in a third of the time),
        # placed in the Django template as HTML; the filter row and the pager stay Django's.
        rows = mark_safe(render_to_string("awards/_submission_rows.html", {  # Jinja2 escaped it  # nosec B308 B703
            "page": row_links(page, detail_url=("awards:submission_detail",)), "is_board": board}, using="jinja2"))
        assign_form = forms.AssignForm(auto_id=NEW_ID) if board else None
        if assign_form:
            # The bulk form's fields sit in the table; the <form> with its CSRF token is outside the cache.
            assign_form.fields["officer"].widget.attrs["form"] = "bulk"
            # Not "required" in the page: "Receive" needs no officer; "Assign" is checked on the server.
            assign_form.fields["officer"].required = False
        return render_to_string("awards/_submission_list_body.html", {
            "request": request, "filter": filterset, "page": page, "rows": rows, "is_board": board,
            "assign_form": assign_form,
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
            # Only what the rows show (the long achievement report is on the nominee's own page), each row's
            # links from one reversal per pattern.
            "nominees": row_links(
                submission.nominees.select_related("award_type").defer("achievement_report"),
                certificate_url=("awards:certificate_pdf",), edit_url=("awards:nominee_edit", submission.pk),
                delete_url=("awards:nominee_delete", submission.pk)),
            "attachments": row_links(submission.attachments.all(),
                                     download_url=("awards:attachment_download", submission.pk)),
            "events": submission.events.select_related("actor"), "decisions": submission.decisions.all(),
            # Only while the Board still decides: the shares aggregate every award of the year.
            "fairness_warnings": _fairness_warnings(submission) if board and submission.is_open else [],
        }
        if can_edit:  # the nominee rows carry edit/remove forms with this user's CSRF token
            context["csrf_token"] = get_token(request)
        # Jinja2 (awards/jinja2/, utilities/jinja.py): the same markup as the Django template it replaced, its rows
        # rendered in about half the time (bench/results.md, issue 34).
        return render_to_string("awards/_submission_detail_body.html", context, using="jinja2")

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
        initial = {f: getattr(nominee, f) for f in (
            "subject", "name", "achievement_summary", "achievement_report", "is_posthumous", "martyrs_count",
            "service_period", "criterion", "criterion_evidence", "achievement_on", "achievement_event",
            "evidence_document")}
        initial.update(person=nominee.person_id, collective_unit=nominee.collective_unit_id,
                       award_type=nominee.award_type_id)
        labour = LabourResult.objects.filter(person_id=nominee.person_id, year=submission.year).first()
        if labour:  # the person's results of the year (Art 24.3), shown to be corrected where they are kept
            initial.update(labour_productivity=labour.productivity, labour_income=labour.income,
                           labour_initiative=labour.initiative_applied, labour_details=labour.details,
                           labour_source=labour.source)
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
    persons = scope_to_user(Person.objects.filter(left_on__isnull=True), request.user)  # their codes, for the column
    response = HttpResponse(imports.template_workbook(persons),
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


# --- transitions -----------------------------------------------------------------------------------------
# Every posted action of the workflow table (awards/workflow.py) goes through one view; the table's rows name their
# routes (DOSSIER.routes in urls.py), forms, messages and next pages. Pages of their own (the appraisal, the central
# result) take their action through the same engine.

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


