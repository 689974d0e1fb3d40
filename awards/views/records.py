"""The Board's records: who receives the awards, special categories, ratings, initiatives, the award history
and notifications."""


from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.datacache import fragment
from core.import_jobs import queue_if_large
from core.models import Notification
from core.notify import mark_all_read
from organisation.permissions import (
    can_view_fairness,
    enters_staff_records,
)
from organisation.scoping import scope_key
from utilities.forms import (
    run_service,
)
from utilities.pagination import CappedPaginator
from utilities.params import year_param

from .. import (
    exports,
    fairness as stats,
    forms,
    initiatives,
    ratings,
)
from ..models import (
    FairnessTarget,
    SpecialCategory,
    Submission,
)

PAGE_SIZE = 25


# --- fairness, special categories, ratings ---------------------------------------------------------------

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


# --- history and notifications ---------------------------------------------------------------------------

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


