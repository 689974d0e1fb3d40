"""Campaign pages. Views parse input, call campaigns.services and render; every
queryset goes through organisation.scoping so units see only their own records."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from core.reminders import remind_now
from organisation.history import name_units_as_of, show_as_of, year_end
from organisation.models import Unit
from organisation.permissions import (
    acts_for_owner,
    acts_for_unit,
    is_board,
    is_unit_staff,
    require_board,
)
from organisation.scoping import scope_to_user, visible_units
from utilities.forms import form_page, posted_action, require_on_post, run_service
from utilities.params import year_param
from utilities.uploads import serve_private, suffix

from . import deadlines, forms, services
from .filters import (
    ExemplaryModelFilter,
    InspectionFilter,
    MovementFilter,
    ProgrammeFilter,
    RegistrationFilter,
    ReviewRoundFilter,
)
from .models import (
    ActionProgramme,
    ExemplaryModel,
    InspectionVisit,
    Movement,
    ProgrammeTask,
    Registration,
    RegistrationStatus,
    RegistrationTarget,
    RegistrationWindow,
    ReviewReport,
    ReviewRound,
)

PAGE_SIZE = 25
# Pages with a filter form and a create form: distinct element ids keep every label tied to its own field.
NEW_ID = "new_%s"


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# --- Movements ---------------------------------------------------------------

def movement_list(request):
    queryset = Movement.objects.select_related("parent").annotate(
        registered=Count("registrations", filter=Q(registrations__status=RegistrationStatus.SUBMITTED), distinct=True)
    ).order_by("kind", "name")
    filterset = MovementFilter(request.GET, queryset=queryset)
    return render(request, "campaigns/movement_list.html", {
        "filter": filterset, "page": _page(request, filterset.qs), "can_launch": is_board(request.user)})


def movement_detail(request, code):
    movement = get_object_or_404(Movement.objects.select_related("parent", "launching_unit"), code=code)
    return render(request, "campaigns/movement_detail.html", {
        "movement": movement,
        "documents": movement.legal_basis.all(),
        "children": movement.children.all(),
        "rounds": movement.review_rounds.all(),
        "registered": Registration.objects.filter(movements=movement, status=RegistrationStatus.SUBMITTED)
        .select_related("unit").order_by("-year", "unit__name")[:50],
        "models": movement.exemplary_models.published()[:10],
        "can_close": services.close_movement.allows(request.user, movement),
    })


def movement_launch(request):
    require_board(request.user)
    def launch(data):
        data = dict(data)
        return services.launch_movement(request.user, legal_basis=data.pop("legal_basis"), **data)

    return form_page(request, forms.MovementForm(request.POST or None), launch,
                     success=lambda m: _("Movement launched: %(name)s") % {"name": m.name},
                     next_url=lambda m: reverse("campaigns:movement_detail", args=[m.code]),
                     context={"title": _("Launch a movement")})


@require_POST
def movement_close(request, code):
    movement = get_object_or_404(Movement, code=code)
    services.close_movement.transition.permission.require(request.user, movement)
    return posted_action(request, lambda _d: services.close_movement(request.user, movement),
                         back=reverse("campaigns:movement_detail", args=[code]), success=_("Movement closed."))


# --- Registration ------------------------------------------------------------

def registration_home(request):
    """Staff: their units' registrations per year. Board: windows and the overview."""
    windows = RegistrationWindow.objects.all()
    registrations = scope_to_user(Registration.objects.select_related("unit"), request.user).order_by(
        "-year", "unit__path")
    filterset = RegistrationFilter(request.GET, queryset=registrations)
    return render(request, "campaigns/registration_home.html", {
        "windows": windows, "page": _page(request, filterset.qs), "filter": filterset,
        "is_board": is_board(request.user),
        "window_form": forms.RegistrationWindowForm(auto_id=NEW_ID, initial={"year": timezone.localdate().year}),
        "today": timezone.localdate(),
    })


@require_POST
def registration_window(request):
    require_board(request.user)
    return posted_action(request, lambda data: services.open_registration(request.user, **data),
                         back=reverse("campaigns:registration_home"), form=forms.RegistrationWindowForm(request.POST),
                         success=lambda w: _("Registration for %(year)s is open until %(date)s.") % {
                             "year": w.year, "date": w.closes_on.strftime("%d/%m/%Y")})


def registration_edit(request, year):
    unit = _acting_unit(request)
    require_on_post(request, acts_for_unit, unit)
    window = RegistrationWindow.objects.filter(year=year).first()
    registration = Registration.objects.filter(unit=unit, year=year).prefetch_related("movements", "targets").first()
    initial_targets = [
        {"award_type": t.award_type_id, "quantity": t.quantity, "note": t.note}
        for t in (registration.targets.all() if registration else [])
    ]
    form = forms.RegistrationForm(request.POST or None, year=year, initial={
        "movements": list(registration.movements.all()) if registration else [],
        "note": registration.note if registration else ""})
    # Initial rows only on GET: on POST, rows equal to their initial values would count as unchanged and be lost.
    targets = forms.TargetFormSet(request.POST or None, initial=None if request.POST else initial_targets,
                                  prefix="targets")
    if request.method == "POST" and form.is_valid() and targets.is_valid():
        chosen = [(t["award_type"], t["quantity"] or 1, t["note"]) for t in targets.cleaned_data
                  if t.get("award_type")]
        submit = services.submit_registration.transition.name in request.POST  # the button named as its row
        ok, _result = run_service(request, lambda: services.save_registration(
            request.user, unit=unit, year=year, movements=form.cleaned_data["movements"], targets=chosen,
            note=form.cleaned_data["note"], submit=submit,
        ), form=form, success=_("Registration submitted.") if submit else _("Draft saved."))
        if ok:
            return redirect("campaigns:registration_home")
    return render(request, "campaigns/registration_form.html", {
        "form": form, "targets": targets, "unit": unit, "year": year, "window": window,
        "registration": registration, "can_save": registration is None or services.save_draft.is_in(registration),
        "units": visible_units(request.user).active().order_by("path"),
    })


def registration_overview(request, year):
    require_board(request.user)
    registrations = Registration.objects.filter(year=year).select_related("unit").prefetch_related(
        "movements", Prefetch("targets", queryset=_targets())).order_by("unit__path")
    for registration in registrations:
        registration.can_reopen = services.reopen_registration.allows(request.user, registration)

    missing = list(services.units_without_registration(year))
    show_as_of([r.unit for r in registrations] + missing, year_end(year))  # a past year's names
    return render(request, "campaigns/registration_overview.html", {
        "year": year, "registrations": registrations, "missing": missing,
        "window": RegistrationWindow.objects.filter(year=year).first(),
    })


@require_POST
def registration_remind(request, year):
    """The Board reminds now every unit that has not sent its registration for ``year``."""
    require_board(request.user)
    window = get_object_or_404(RegistrationWindow, year=year)
    return posted_action(request, lambda _d: _remind(deadlines.unregistered(window)),
                         back=reverse("campaigns:registration_overview", args=[year]),
                         success=_reminded)


@require_POST
def review_remind(request, pk):
    """The Board reminds now every registered unit without a report for the review round."""
    require_board(request.user)
    review_round = get_object_or_404(ReviewRound, pk=pk)
    return posted_action(request, lambda _d: _remind(deadlines.unreported(review_round)),
                         back=reverse("campaigns:review_detail", args=[pk]), success=_reminded)


def _remind(rows) -> int:
    if not rows:
        raise ValidationError(_("Every unit concerned has already sent it; nobody to remind."))
    return remind_now(rows)


def _reminded(n: int) -> str:
    return ngettext("%(n)s unit reminded (in the portal and by e-mail).",
                    "%(n)s units reminded (in the portal and by e-mail).", n) % {"n": n}


def _targets():
    return RegistrationTarget.objects.select_related("award_type")


@require_POST
def registration_reopen(request, pk):
    registration = get_object_or_404(Registration, pk=pk)
    services.reopen_registration.transition.permission.require(request.user, registration)
    return posted_action(request, lambda _d: services.reopen_registration(request.user, registration),
                         back=reverse("campaigns:registration_overview", args=[registration.year]),
                         success=_("Registration reopened for changes."))


def _acting_unit(request) -> Unit:
    """The unit a staff member acts for: ?unit=code within their scope, or their own."""
    code = request.GET.get("unit") or request.POST.get("unit_code")
    units = visible_units(request.user).active()
    if code:
        return get_object_or_404(units, code=code)
    if request.user.unit_id and units.filter(pk=request.user.unit_id).exists():
        return request.user.unit
    raise PermissionDenied(_("Your account is not attached to a unit."))


# --- Action programmes -------------------------------------------------------

def programme_list(request):
    require_on_post(request, is_unit_staff)
    programmes = scope_to_user(ActionProgramme.objects.select_related("unit", "movement"), request.user).annotate(
        task_count=Count("tasks"),
        overdue_count=Count("tasks", filter=Q(tasks__in=ProgrammeTask.objects.overdue())),
    ).order_by("-year", "unit__path", "movement__name")
    filterset = ProgrammeFilter(request.GET, queryset=programmes)
    overdue = scope_to_user(ProgrammeTask.objects.overdue(), request.user, "programme__unit").select_related(
        "programme__unit", "programme__movement").order_by("due_on")[:100]
    form = forms.ProgrammeForm(request.POST or None, user=request.user, auto_id=NEW_ID,
                               initial={"year": timezone.localdate().year})
    return form_page(request, form, lambda data: services.create_programme(request.user, **data),
                     success=_("Programme created. Add its tasks below."),
                     next_url=lambda p: reverse("campaigns:programme_detail", args=[p.pk]),
                     template="campaigns/programme_list.html", context={
                         "page": _page(request, filterset.qs), "filter": filterset, "overdue": overdue,
                         "can_create": is_unit_staff(request.user)})


def programme_detail(request, pk):
    programme = get_object_or_404(
        scope_to_user(ActionProgramme.objects.select_related("unit", "movement"), request.user), pk=pk)
    require_on_post(request, acts_for_owner, programme)
    return form_page(request, forms.TaskForm(request.POST or None),
                     lambda data: services.add_task(request.user, programme, **data), success=_("Task added."),
                     next_url=reverse("campaigns:programme_detail", args=[pk]),
                     template="campaigns/programme_detail.html", context={
                         "programme": programme, "tasks": programme.tasks.all(),
                         "can_edit": acts_for_owner(request.user, programme), "update_form": forms.TaskUpdateForm()})


@require_POST
def task_update(request, pk):
    task = get_object_or_404(scope_to_user(ProgrammeTask.objects.select_related("programme"), request.user,
                                           "programme__unit"), pk=pk)
    acts_for_owner.require(request.user, task.programme)
    return posted_action(request, lambda data: services.update_task(request.user, task, **data),
                         back=reverse("campaigns:programme_detail", args=[task.programme_id]),
                         form=forms.TaskUpdateForm(request.POST, request.FILES), success=_("Task updated."))


def task_edit(request, pk):
    task = get_object_or_404(scope_to_user(ProgrammeTask.objects.select_related("programme__unit"), request.user,
                                           "programme__unit"), pk=pk)
    acts_for_owner.require(request.user, task.programme)
    back = reverse("campaigns:programme_detail", args=[task.programme_id])
    form = forms.TaskForm(request.POST or None, initial={"title": task.title, "owner": task.owner,
                                                         "due_on": task.due_on})
    return form_page(request, form, lambda data: services.edit_task(request.user, task, **data),
                     success=_("Task saved."), next_url=back, context={"title": _("Edit the task")})


def task_evidence(request, pk):
    task = get_object_or_404(scope_to_user(ProgrammeTask.objects.all(), request.user, "programme__unit"), pk=pk)
    return serve_private(task.evidence_file, f"minh-chung-{task.pk}{suffix(task.evidence_file)}")


# --- Reviews -----------------------------------------------------------------

def review_list(request):
    rounds = ReviewRoundFilter(request.GET, queryset=ReviewRound.objects.select_related("movement").annotate(
        report_count=Count("reports")).order_by("-due_on"))
    form = forms.ReviewRoundForm(request.POST or None, auto_id=NEW_ID, initial={"year": timezone.localdate().year})
    if request.method == "POST":
        require_board(request.user)
    return form_page(request, form, lambda data: services.open_review_round(request.user, **data),
                     success=_("Review opened; units can now submit their reports."),
                     next_url=lambda r: reverse("campaigns:review_detail", args=[r.pk]),
                     template="campaigns/review_list.html",
                     context={"page": _page(request, rounds.qs), "filter": rounds, "is_board": is_board(request.user)})


def review_detail(request, pk):
    review_round = get_object_or_404(ReviewRound.objects.select_related("movement", "consolidated_by"), pk=pk)
    reports = scope_to_user(review_round.reports.select_related("unit", "submitted_by"), request.user)
    board = is_board(request.user)
    form = forms.ReviewReportForm(request.POST or None, request.FILES or None, user=request.user)
    # The page's two forms: the Board's consolidation (its button named as the row) and a unit's report.
    consolidating = services.consolidate_round.transition.name in request.POST
    consolidate_form = forms.ConsolidateForm(request.POST or None if consolidating else None)
    posted, ok = request.method == "POST", False
    step = services.consolidate_round if consolidating else services.submit_review_report
    if posted:
        step.transition.permission.require(request.user, review_round)
    if posted and consolidating and consolidate_form.is_valid():
        ok, _result = run_service(request, lambda: services.consolidate_round(
            request.user, review_round, **consolidate_form.cleaned_data), form=consolidate_form,
            success=_("Review consolidated."))
    elif posted and not consolidating and form.is_valid():
        ok, _result = run_service(request, lambda: services.submit_review_report(
            request.user, review_round, **form.cleaned_data), form=form, success=_("Report submitted."))
    if ok:
        return redirect("campaigns:review_detail", pk=pk)
    missing = []
    if board:
        missing = list(services.units_without_report(review_round))

    reports = list(reports)
    show_as_of([r.unit for r in reports] + missing, review_round.period_end)  # names of the reviewed period
    return render(request, "campaigns/review_detail.html", {
        "round": review_round, "reports": reports, "form": form, "consolidate_form": consolidate_form,
        "is_board": board, "missing": missing, "is_open": services.submit_review_report.is_in(review_round),
        "can_report": is_unit_staff(request.user),
    })


def report_attachment(request, pk):
    report = get_object_or_404(scope_to_user(ReviewReport.objects.all(), request.user), pk=pk)
    return serve_private(report.attachment, f"bao-cao-{report.pk}{suffix(report.attachment)}")


def inspection_list(request):
    visits = InspectionFilter(request.GET, queryset=scope_to_user(
        InspectionVisit.objects.select_related("unit", "movement"), request.user))
    form = forms.InspectionForm(request.POST or None, auto_id=NEW_ID)
    if request.method == "POST":
        require_board(request.user)
        if form.is_valid():
            services.record_inspection(request.user, **form.cleaned_data)
            messages.success(request, _("Visit recorded."))
            return redirect("campaigns:inspection_list")

    page = _page(request, visits.qs)
    page.object_list = list(page.object_list)
    name_units_as_of(page.object_list, unit=lambda v: v.unit, day=lambda v: v.visited_on)  # names of the visit's day
    return render(request, "campaigns/inspection_list.html", {
        "page": page, "filter": visits, "form": form, "is_board": is_board(request.user)})


def flagged(request):
    require_board(request.user)
    year = year_param(request, timezone.localdate().year)

    flags = name_units_as_of(services.flagged_units(year), unit=lambda f: f.unit, day=lambda f: year_end(year))
    return render(request, "campaigns/flagged.html", {"year": year, "flags": flags})


# --- Exemplary models ---------------------------------------------------------

def model_list(request):
    queryset = scope_to_user(ExemplaryModel.objects.select_related("unit", "movement"), request.user)
    filterset = ExemplaryModelFilter(request.GET, queryset=queryset)
    return render(request, "campaigns/model_list.html", {
        "filter": filterset, "page": _page(request, filterset.qs), "is_board": is_board(request.user)})


def model_propose(request):
    require_on_post(request, is_unit_staff)

    def propose(data):
        data = dict(data)
        return services.propose_model(request.user, unit=data.pop("unit"), **data)

    form = forms.ExemplaryModelForm(request.POST or None, request.FILES or None, user=request.user)
    return form_page(request, form, propose, success=_("Proposal sent to the Board."),
                     next_url=lambda m: reverse("campaigns:model_detail", args=[m.pk]),
                     context={"title": _("Propose an exemplary model"), "multipart": True})


def model_detail(request, pk):
    model = get_object_or_404(
        scope_to_user(ExemplaryModel.objects.select_related("unit", "movement", "reviewed_by"), request.user), pk=pk)
    approve = services.approve_model.transition.name in request.POST  # the page's two buttons, named as the rows
    step = services.approve_model if approve else services.reject_model
    require_on_post(request, step.transition.permission, model)

    def decide(data):
        return step(request.user, model, data["note"])

    return form_page(request, forms.DecisionForm(request.POST or None), decide,
                     success=_("Approved and published on the public page.") if approve
                     else _("Proposal returned with the reason."),
                     next_url=reverse("campaigns:model_detail", args=[pk]), template="campaigns/model_detail.html",
                     context={"model": model, "can_decide": services.approve_model.allows(request.user, model)})


def model_photo(request, pk):
    model = get_object_or_404(scope_to_user(ExemplaryModel.objects.all(), request.user), pk=pk)
    return serve_private(model.photo, f"anh-{model.pk}{suffix(model.photo)}", inline=True)
