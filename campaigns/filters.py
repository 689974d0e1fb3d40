import django_filters
from django.utils.translation import gettext_lazy as _

from organisation.text import fold
from utilities.params import YearFilter

from .models import (
    ActionProgramme,
    Assessment,
    ExemplaryModel,
    InspectionVisit,
    ModelKind,
    ModelStatus,
    Movement,
    MovementKind,
    MovementStatus,
    Registration,
    RegistrationStatus,
    ReviewRound,
    RoundStatus,
    VisitKind,
)


class MovementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=MovementKind.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MovementStatus.choices, empty_label=_("All"))
    year = YearFilter(label=_("Running in year"), method="in_year")

    class Meta:
        model = Movement
        fields = ["q", "kind", "status", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(name__unaccent__icontains=fold(value))

    def in_year(self, queryset, name, value):
        return queryset.running_in(int(value))


class ExemplaryModelFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ModelKind.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ModelStatus.choices, empty_label=_("All"))

    class Meta:
        model = ExemplaryModel
        fields = ["q", "kind", "status"]

    def search(self, queryset, name, value):
        folded = fold(value)
        return queryset.filter(title__unaccent__icontains=folded) | queryset.filter(
            subject_name__unaccent__icontains=folded)


class ProgrammeFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Year"))
    movement = django_filters.ModelChoiceFilter(label=_("Movement"), empty_label=_("All"),
                                                queryset=Movement.objects.exclude(kind=MovementKind.THEME))
    q = django_filters.CharFilter(label=_("Search"), method="search")

    class Meta:
        model = ActionProgramme
        fields = ["year", "movement", "q"]

    def search(self, queryset, name, value):
        return queryset.filter(title__unaccent__icontains=fold(value))


class RegistrationFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Year"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RegistrationStatus.choices, empty_label=_("All"))

    class Meta:
        model = Registration
        fields = ["year", "status"]


class ReviewRoundFilter(django_filters.FilterSet):
    movement = django_filters.ModelChoiceFilter(label=_("Movement"), empty_label=_("All"),
                                                queryset=Movement.objects.exclude(kind=MovementKind.THEME))
    year = YearFilter(label=_("Year"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RoundStatus.choices, empty_label=_("All"))

    class Meta:
        model = ReviewRound
        fields = ["movement", "year", "status"]


class InspectionFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Year"), field_name="visited_on", lookup_expr="year")
    assessment = django_filters.ChoiceFilter(label=_("Assessment"), choices=Assessment.choices, empty_label=_("All"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=VisitKind.choices, empty_label=_("All"))

    class Meta:
        model = InspectionVisit
        fields = ["year", "assessment", "kind"]
