import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Person, PersonCategory, Sex, Unit, UnitKind, UnitLevel
from .text import fold


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=UnitKind.choices, empty_label=_("All"))
    level = django_filters.ChoiceFilter(label=_("Level"), choices=UnitLevel.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("active", _("Active")), ("dissolved", _("Dissolved"))],
        empty_label=_("All"),
        method="filter_status",
    )

    class Meta:
        model = Unit
        fields = ["q", "kind", "level", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(dissolved_on__isnull=(value == "active"))

    def search(self, queryset, name, value):
        return queryset.filter(search_name__contains=fold(value))


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name (with or without diacritics)"), method="search")

    sex = django_filters.ChoiceFilter(label=_("Sex"), choices=Sex.choices, empty_label=_("All"))
    category = django_filters.ChoiceFilter(label=_("Category"), choices=PersonCategory.choices, empty_label=_("All"))

    class Meta:
        model = Person
        fields = ["q", "sex", "category"]

    def search(self, queryset, name, value):
        return queryset.search(value)
