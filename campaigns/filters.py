import django_filters
from django.utils.translation import gettext_lazy as _

from organisation.text import fold

from .models import ExemplaryModel, ModelKind, ModelStatus, Movement, MovementKind, MovementStatus


class MovementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=MovementKind.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MovementStatus.choices, empty_label=_("All"))
    year = django_filters.NumberFilter(label=_("Running in year"), method="in_year")

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
