"""The Board's reading of citizens' public comments: each is taken into account or dismissed."""

from __future__ import annotations

import django_filters
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST

from organisation.permissions import is_board
from utilities.forms import posted_action

from .. import comments
from ..models import CommentStatus, PublicComment
from ..workflow import COMMENT

PAGE_SIZE = 50


class CommentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=CommentStatus.choices,
                                         empty_label=gettext_lazy("All"))
    submission = django_filters.NumberFilter(label=gettext_lazy("Dossier no."), field_name="nominee__submission",
                                             min_value=1, max_value=2**31 - 1)

    class Meta:
        model = PublicComment
        fields = ["status", "submission"]


def comment_list(request):
    is_board.require(request.user)
    data = request.GET.copy()
    data.setdefault("status", CommentStatus.NEW)
    filterset = CommentFilter(data, queryset=PublicComment.objects.select_related(
        "nominee__award_type", "nominee__submission__unit", "moderated_by").order_by("-created_at"))
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for comment in page:
        comment.actions = [COMMENT[name] for name in COMMENT.open_to(request.user, comment)]
    return render(request, "awards/comment_list.html", {"filter": filterset, "page": page})


@require_POST
def comment_moderate(request, pk, action):
    is_board.require(request.user)
    comment = get_object_or_404(PublicComment, pk=pk)
    if action not in COMMENT.transitions:
        raise Http404
    return posted_action(request, lambda _data: comments.moderate(request.user, comment, action,
                                                                  request.POST.get("note", "")),
                         back=reverse("awards:comment_list") + f"?status={comment.status}",
                         success=lambda c: _("Comment marked “%(status)s”.") % {"status": c.get_status_display()})
