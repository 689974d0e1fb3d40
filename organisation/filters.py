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
    staff = django_filters.ChoiceFilter(label=_("On the staff"), method="on_staff", empty_label=_("Current staff"),
                                        choices=[("left", _("Moved out")), ("all", _("All records"))])

    class Meta:
        model = Person
        fields = ["q", "sex", "category", "staff"]

    @property
    def qs(self):
        queryset = super().qs
        # The list shows the current staff unless the filter asks for those who moved out (or everyone).
        if not self.is_bound or not self.form.is_valid() or not self.form.cleaned_data.get("staff"):
            queryset = queryset.filter(left_on__isnull=True)
        return queryset

    def on_staff(self, queryset, name, value):
        return queryset.filter(left_on__isnull=False) if value == "left" else queryset

    def search(self, queryset, name, value):
        return queryset.search(value)
