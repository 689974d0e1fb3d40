import django_filters
from django.utils.translation import gettext_lazy as _

from haiphong_thidua.params import YearFilter

from .models import AwardType, Decision, DecisionKind, FundEntry, FundEntryKind, FundSource, Status, Submission


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

    class Meta:
        model = Submission
        fields = ["q", "status", "unit", "award", "year", "overdue"]

    def search(self, queryset, name, value):
        from organisation.text import fold

        return queryset.filter(title__unaccent__icontains=fold(value))

    def by_unit(self, queryset, name, value):
        from organisation.text import fold

        return queryset.filter(unit__search_name__contains=fold(value))

    def only_overdue(self, queryset, name, value):
        return queryset.overdue() if value == "1" else queryset


class DecisionFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Year"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DecisionKind.choices, empty_label=_("All"))

    class Meta:
        model = Decision
        fields = ["year", "kind"]


class FundEntryFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Fund year"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=FundEntryKind.choices, empty_label=_("All"))
    source = django_filters.ChoiceFilter(label=_("Source of the income"), choices=FundSource.choices, empty_label=_("All"))

    class Meta:
        model = FundEntry
        fields = ["year", "kind", "source"]
