import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from legal.models import AwardType
from organisation.text import fold
from utilities.params import YearFilter

from .models import Decision, DecisionKind, FundEntry, FundEntryKind, FundSource, Nominee, Status, Submission


class SubmissionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("All"))
    # A text filter, not a select: thousands of units would make every queue page heavy to render.
    unit = django_filters.CharFilter(label=_("Unit"), method="by_unit")
    award = django_filters.ModelChoiceFilter(label=_("Award"), queryset=AwardType.objects.all(),
                                             field_name="nominees__award_type", distinct=True, empty_label=_("All"))
    overdue = django_filters.ChoiceFilter(label=_("Deadline"), method="only_overdue", empty_label=_("All"),
                                          choices=[("1", _("Overdue only"))])
    year = YearFilter(label=_("Year"))
    # Column sorting of the queue (the headers are links); an unknown field makes the filter invalid, not a 500.
    o = django_filters.OrderingFilter(fields=(
        ("title", "title"), ("unit__name", "unit"), ("status", "status"), ("officer__last_name", "officer"),
        ("due_on", "due_on"), ("submitted_at", "submitted_at")), widget=django_filters.widgets.forms.HiddenInput)

    class Meta:
        model = Submission
        fields = ["q", "status", "unit", "award", "year", "overdue"]

    def search(self, queryset, name, value):
        return queryset.filter(title__unaccent__icontains=fold(value))

    def by_unit(self, queryset, name, value):
        return queryset.filter(unit__search_name__contains=fold(value))

    def only_overdue(self, queryset, name, value):
        return queryset.overdue() if value == "1" else queryset


class DecisionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search",
                                  help_text=_("Number, summary or an awardee's name"))
    year = YearFilter(label=_("Year"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DecisionKind.choices, empty_label=_("All"))

    class Meta:
        model = Decision
        fields = ["q", "year", "kind"]

    def search(self, queryset, name, value):
        """A number ("12" or "12/QĐ-UBND"), words of the summary, or an awardee's name (accents optional)."""
        value = value.strip()
        number = value.split("/", 1)[0].strip()
        folded = fold(value)
        named = Nominee.objects.filter(decision=OuterRef("pk"), name__unaccent__icontains=folded)
        match = Q(title__unaccent__icontains=folded) | Exists(named)
        if number.isascii() and number.isdecimal() and len(number) <= 9:
            match |= Q(number=int(number))
        return queryset.filter(match)


class FundEntryFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Fund year"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=FundEntryKind.choices, empty_label=_("All"))
    source = django_filters.ChoiceFilter(label=_("Source of the income"), choices=FundSource.choices, empty_label=_("All"))

    class Meta:
        model = FundEntry
        fields = ["year", "kind", "source"]
