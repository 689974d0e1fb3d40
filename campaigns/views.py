"""Campaign pages. Views parse input, call campaigns.services and render; every
queryset goes through organisation.scoping so units see only their own records."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haiphong_thidua.forms import show_form_errors, show_validation_error
from haiphong_thidua.uploads import serve_private
from organisation.models import Unit
from organisation.permissions import is_board, require_board
from organisation.roles import Role, has_role
from organisation.scoping import can_act_for_unit, scope_to_user, visible_units

from . import forms, services
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
    ClusterCovenant,
    ExemplaryModel,
    InspectionVisit,
    MemberScore,
    ModelStatus,
    Movement,
    ProgrammeTask,
    Registration,
    RegistrationStatus,
    RegistrationWindow,
    ReviewReport,
    ReviewRound,
    RoundStatus,
    ScoreStatus,
)

PAGE_SIZE = 25
# Pages with a filter form and a create form: distinct element ids keep every label tied to its own field.
NEW_ID = "new_%s"


def is_unit_staff(user) -> bool:
    return has_role(user, Role.UNIT_STAFF)


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
        "can_manage": is_board(request.user),
    })


def movement_launch(request):
    require_board(request.user)
    form = forms.MovementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        basis = data.pop("legal_basis")
        try:
            movement = services.launch_movement(request.user, legal_basis=basis, **data)
        except ValidationError as exc:
            show_validation_error(request, exc, form)
        else:
            messages.success(request, _("Movement launched: %(name)s") % {"name": movement.name})
            return redirect("campaigns:movement_detail", code=movement.code)
    return render(request, "form.html", {"form": form, "title": _("Launch a movement")})


@require_POST
def movement_close(request, code):
    movement = get_object_or_404(Movement, code=code)
    try:
        services.close_movement(request.user, movement)
        messages.success(request, _("Movement closed."))
    except ValidationError as exc:
        show_validation_error(request, exc)
    return redirect("campaigns:movement_detail", code=code)


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
    form = forms.RegistrationWindowForm(request.POST)
    if form.is_valid():
        try:
            window = services.open_registration(request.user, **form.cleaned_data)
            messages.success(request, _("Registration for %(year)s is open until %(date)s.") % {
                "year": window.year, "date": window.closes_on.strftime("%d/%m/%Y")})
        except ValidationError as exc:
            show_validation_error(request, exc)
    else:
        show_form_errors(request, form)
    return redirect("campaigns:registration_home")


def registration_edit(request, year):
    unit = _acting_unit(request)
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
        try:
            services.save_registration(
                request.user, unit=unit, year=year, movements=form.cleaned_data["movements"], targets=chosen,
                note=form.cleaned_data["note"], submit="submit" in request.POST,
            )
        except ValidationError as exc:
            show_validation_error(request, exc, form)
        else:
            messages.success(request, _("Registration submitted.") if "submit" in request.POST
                             else _("Draft saved."))
            return redirect("campaigns:registration_home")
    return render(request, "campaigns/registration_form.html", {
        "form": form, "targets": targets, "unit": unit, "year": year, "window": window,
        "registration": registration, "units": visible_units(request.user).active().order_by("path"),
    })


def registration_overview(request, year):
    require_board(request.user)
    registrations = Registration.objects.filter(year=year).select_related("unit").prefetch_related(
        "movements", Prefetch("targets", queryset=_targets())).order_by("unit__path")
    return render(request, "campaigns/registration_overview.html", {
        "year": year, "registrations": registrations, "missing": services.units_without_registration(year),
        "window": RegistrationWindow.objects.filter(year=year).first(),
    })


def _targets():
    from .models import RegistrationTarget

    return RegistrationTarget.objects.select_related("award_type")


@require_POST
def registration_reopen(request, pk):
    registration = get_object_or_404(Registration, pk=pk)
    services.reopen_registration(request.user, registration)
    messages.success(request, _("Registration reopened for changes."))
    return redirect("campaigns:registration_overview", year=registration.year)


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
    programmes = scope_to_user(ActionProgramme.objects.select_related("unit", "movement"), request.user).annotate(
        task_count=Count("tasks"),
        overdue_count=Count("tasks", filter=Q(tasks__in=ProgrammeTask.objects.overdue())),
    ).order_by("-year", "unit__path", "movement__name")
    filterset = ProgrammeFilter(request.GET, queryset=programmes)
    overdue = scope_to_user(ProgrammeTask.objects.overdue(), request.user, "programme__unit").select_related(
        "programme__unit", "programme__movement").order_by("due_on")[:100]
    form = forms.ProgrammeForm(request.POST or None, user=request.user, auto_id=NEW_ID,
                               initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.create_programme(request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_validation_error(request, exc, form)
        else:
            messages.success(request, _("Programme created. Add its tasks below."))
            return redirect("campaigns:programme_detail", pk=programme.pk)
    return render(request, "campaigns/programme_list.html", {
        "page": _page(request, filterset.qs), "filter": filterset, "overdue": overdue, "form": form,
        "can_create": is_unit_staff(request.user),
    })


def programme_detail(request, pk):
    programme = get_object_or_404(
        scope_to_user(ActionProgramme.objects.select_related("unit", "movement"), request.user), pk=pk)
    form = forms.TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_task(request.user, programme, **form.cleaned_data)
        except ValidationError as exc:
            show_validation_error(request, exc, form)
        else:
            messages.success(request, _("Task added."))
            return redirect("campaigns:programme_detail", pk=pk)
    return render(request, "campaigns/programme_detail.html", {
        "programme": programme, "tasks": programme.tasks.all(), "form": form,
        "can_edit": can_act_for_unit(request.user, programme.unit),
        "update_form": forms.TaskUpdateForm(),
    })


@require_POST
def task_update(request, pk):
    task = get_object_or_404(scope_to_user(ProgrammeTask.objects.select_related("programme"), request.user,
                                           "programme__unit"), pk=pk)
    form = forms.TaskUpdateForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.update_task(request.user, task, **form.cleaned_data)
            messages.success(request, _("Task updated."))
        except ValidationError as exc:
            show_validation_error(request, exc)
    else:
        show_form_errors(request, form)
    return redirect("campaigns:programme_detail", pk=task.programme_id)


def task_evidence(request, pk):
    task = get_object_or_404(scope_to_user(ProgrammeTask.objects.all(), request.user, "programme__unit"), pk=pk)
    return serve_private(task.evidence_file, f"minh-chung-{task.pk}{_ext(task.evidence_file)}")


def _ext(field_file) -> str:
    from pathlib import PurePath

    return PurePath(field_file.name).suffix if field_file else ""


# --- Reviews -----------------------------------------------------------------

def review_list(request):
    rounds = ReviewRoundFilter(request.GET, queryset=ReviewRound.objects.select_related("movement").annotate(
        report_count=Count("reports")).order_by("-due_on"))
    form = forms.ReviewRoundForm(request.POST or None, auto_id=NEW_ID, initial={"year": timezone.localdate().year})
    if request.method == "POST":
        require_board(request.user)
        if form.is_valid():
            try:
                review_round = services.open_review_round(request.user, **form.cleaned_data)
            except ValidationError as exc:
                show_validation_error(request, exc, form)
            else:
                messages.success(request, _("Review opened; units can now submit their reports."))
                return redirect("campaigns:review_detail", pk=review_round.pk)
    return render(request, "campaigns/review_list.html", {
        "page": _page(request, rounds.qs), "filter": rounds, "form": form, "is_board": is_board(request.user)})


def review_detail(request, pk):
    review_round = get_object_or_404(ReviewRound.objects.select_related("movement", "consolidated_by"), pk=pk)
    reports = scope_to_user(review_round.reports.select_related("unit", "submitted_by"), request.user)
    board = is_board(request.user)
    form = forms.ReviewReportForm(request.POST or None, request.FILES or None, user=request.user)
    consolidate_form = forms.ConsolidateForm(request.POST or None if "consolidate" in request.POST else None)
    if request.method == "POST" and "consolidate" in request.POST:
        if consolidate_form.is_valid():
            try:
                services.consolidate_round(request.user, review_round, **consolidate_form.cleaned_data)
                messages.success(request, _("Review consolidated."))
                return redirect("campaigns:review_detail", pk=pk)
            except ValidationError as exc:
                show_validation_error(request, exc, consolidate_form)
    elif request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.submit_review_report(request.user, review_round, **data)
            except ValidationError as exc:
                show_validation_error(request, exc, form)
            else:
                messages.success(request, _("Report submitted."))
                return redirect("campaigns:review_detail", pk=pk)
    missing = []
    if board:
        reported = set(review_round.reports.values_list("unit_id", flat=True))
        missing = [u for u in services.expected_reporters(review_round).order_by("path") if u.pk not in reported]
    return render(request, "campaigns/review_detail.html", {
        "round": review_round, "reports": reports, "form": form, "consolidate_form": consolidate_form,
        "is_board": board, "missing": missing, "is_open": review_round.status == RoundStatus.OPEN,
        "can_report": is_unit_staff(request.user),
    })


def report_attachment(request, pk):
    report = get_object_or_404(scope_to_user(ReviewReport.objects.all(), request.user), pk=pk)
    return serve_private(report.attachment, f"bao-cao-{report.pk}{_ext(report.attachment)}")


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
    return render(request, "campaigns/inspection_list.html", {
        "page": _page(request, visits.qs), "filter": visits, "form": form, "is_board": is_board(request.user)})


def flagged(request):
    require_board(request.user)
    year = int(request.GET.get("year") or timezone.localdate().year)
    return render(request, "campaigns/flagged.html", {"year": year, "flags": services.flagged_units(year)})


# --- Exemplary models ---------------------------------------------------------

def model_list(request):
    queryset = scope_to_user(ExemplaryModel.objects.select_related("unit", "movement"), request.user)
    filterset = ExemplaryModelFilter(request.GET, queryset=queryset)
    return render(request, "campaigns/model_list.html", {
        "filter": filterset, "page": _page(request, filterset.qs), "is_board": is_board(request.user)})


def model_propose(request):
    form = forms.ExemplaryModelForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = data.pop("unit")
        try:
            model = services.propose_model(request.user, unit=unit, **data)
        except ValidationError as exc:
            show_validation_error(request, exc, form)
        else:
            messages.success(request, _("Proposal sent to the Board."))
            return redirect("campaigns:model_detail", pk=model.pk)
    return render(request, "form.html", {"form": form, "title": _("Propose an exemplary model"),
                                                   "multipart": True})


def model_detail(request, pk):
    model = get_object_or_404(
        scope_to_user(ExemplaryModel.objects.select_related("unit", "movement", "reviewed_by"), request.user), pk=pk)
    form = forms.DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        try:
            if "approve" in request.POST:
                services.approve_model(request.user, model, note)
                messages.success(request, _("Approved and published on the public page."))
            else:
                services.reject_model(request.user, model, note)
                messages.success(request, _("Proposal returned with the reason."))
            return redirect("campaigns:model_detail", pk=pk)
        except ValidationError as exc:
            show_validation_error(request, exc, form)
    return render(request, "campaigns/model_detail.html", {
        "model": model, "form": form, "can_decide": is_board(request.user) and model.status == ModelStatus.PROPOSED})


def model_photo(request, pk):
    model = get_object_or_404(scope_to_user(ExemplaryModel.objects.all(), request.user), pk=pk)
    return serve_private(model.photo, f"anh-{model.pk}{_ext(model.photo)}", inline=True)


# --- Clusters ----------------------------------------------------------------

def covenant_list(request):
    covenants = ClusterCovenant.objects.select_related("cluster").annotate(members=Count("scores"))
    form = forms.CovenantForm(request.POST or None, initial={"year": timezone.localdate().year})
    criteria = forms.CriterionFormSet(request.POST or None, prefix="criteria")
    if request.method == "POST":
        require_board(request.user)
        if form.is_valid() and criteria.is_valid():
            rows = [(c["name"], c["kind"], c["max_points"]) for c in criteria.cleaned_data
                    if c.get("name") and c.get("max_points") is not None]
            try:
                covenant = services.create_covenant(request.user, criteria=rows, **form.cleaned_data)
            except ValidationError as exc:
                show_validation_error(request, exc, form)
            else:
                messages.success(request, _("Covenant recorded."))
                return redirect("campaigns:covenant_detail", pk=covenant.pk)
    return render(request, "campaigns/covenant_list.html", {
        "covenants": covenants, "form": form, "criteria": criteria, "is_board": is_board(request.user)})


def covenant_detail(request, pk):
    covenant = get_object_or_404(ClusterCovenant.objects.select_related("cluster"), pk=pk)
    criteria = list(covenant.criteria.all())
    scores = list(services.score_table(covenant))
    mine = set(visible_units(request.user).values_list("pk", flat=True)) if is_unit_staff(request.user) else set()
    acting = [s for s in scores if s.unit_id in mine]
    can_check = is_board(request.user) or services.is_cluster_head(request.user, covenant)
    return render(request, "campaigns/covenant_detail.html", {
        "covenant": covenant, "criteria": criteria, "scores": scores, "acting": acting, "can_check": can_check,
        "all_checked": bool(scores) and all(s.status == ScoreStatus.CHECKED for s in scores),
    })


def score_edit(request, pk):
    score = get_object_or_404(MemberScore.objects.select_related("covenant__cluster", "unit"), pk=pk)
    criteria = score.covenant.criteria.all()
    checking = score.status == ScoreStatus.SELF_SCORED
    if checking:
        if not (is_board(request.user) or services.is_cluster_head(request.user, score.covenant)):
            raise PermissionDenied
    elif score.unit not in visible_units(request.user):
        raise PermissionDenied
    lines = {line.criterion_id: line for line in score.lines.all()}
    form = forms.ScoreLinesForm(
        request.POST or None, criteria=criteria,
        text_label=_("Cross-check note") if checking else _("Evidence"),
        initial_points={cid: line.self_points for cid, line in lines.items()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            if checking:
                services.cross_check(request.user, score, form.lines())
            else:
                services.submit_self_score(request.user, score, form.lines())
        except ValidationError as exc:
            show_validation_error(request, exc, form)
        else:
            messages.success(request, _("Scores saved."))
            return redirect("campaigns:covenant_detail", pk=score.covenant_id)
    return render(request, "campaigns/score_form.html", {"score": score, "form": form, "checking": checking,
                                                         "lines": lines})


@require_POST
def covenant_finalise(request, pk):
    covenant = get_object_or_404(ClusterCovenant, pk=pk)
    ids = [int(i) for i in request.POST.getlist("acclaimed") if i.isdigit()]
    try:
        services.finalise_ranking(request.user, covenant, acclaimed_unit_ids=ids)
        messages.success(request, _("Ranking and acclaimed units recorded."))
    except ValidationError as exc:
        show_validation_error(request, exc)
    return redirect("campaigns:covenant_detail", pk=pk)
