"""Public pages (no login): approved exemplary models and their Atom feed for the press."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.datacache import fragment
from utilities.uploads import serve_private

from .models import ExemplaryModel

PUBLIC_FIELDS = ("unit", "movement")


def _published():
    return ExemplaryModel.objects.published().select_related(*PUBLIC_FIELDS)


@login_not_required
def public_list(request):
    def body():
        page = Paginator(_published(), 12).get_page(request.GET.get("page"))
        return render_to_string("campaigns/_public_list_body.html", {"request": request, "page": page})

    # The press and the public read this page far more often than the Board publishes.
    html = fragment("public-models", (sorted(request.GET.lists()),), ("campaigns", "organisation"), body)
    return render(request, "campaigns/public_list.html", {"body": html})


@login_not_required
def public_detail(request, pk):
    return render(request, "campaigns/public_detail.html", {"model": get_object_or_404(_published(), pk=pk)})


@login_not_required
def public_photo(request, pk):
    model = get_object_or_404(ExemplaryModel.objects.published(), pk=pk)
    return serve_private(model.photo, f"dien-hinh-{model.pk}.jpg", inline=True)


class TextAtomFeed(Atom1Feed):
    """Atom with the summary declared as text: Django's generator says ``type="html"``, so a feed reader would render
    stored text such as ``"><img src=x onerror=…>`` as live markup."""

    def add_item_elements(self, handler, item):
        description = item.get("description")
        super().add_item_elements(handler, {**item, "description": None})
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})


class ExemplaryModelFeed(Feed):
    """Atom feed: titles and summaries are plain text (``type="text"``), escaped by the feed generator."""

    feed_type = TextAtomFeed
    title = "Điển hình tiên tiến, người tốt việc tốt - Thành phố Hải Phòng"
    subtitle = _("Exemplary models approved by the Emulation and Commendation Board of Hai Phong")

    def link(self):
        return reverse("public_models")

    def items(self):
        return _published()[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.subject_name} ({item.unit.name}): {item.summary}"

    def item_link(self, item):
        return reverse("public_model_detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.unit.name

    def item_categories(self, item):
        return [item.get_kind_display()]


public_feed = login_not_required(ExemplaryModelFeed())
