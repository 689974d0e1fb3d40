import datetime

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from utilities.api import RightsFirst

from .filters import PersonFilter
from .history import show_as_of
from .models import Person, Unit
from .scoping import scope_to_user, visible_units


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True,
                                          help_text="The code of the unit above; null for the city's top units.")

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "level", "sector", "parent", "established_on",
                  "dissolved_on"]


ON = OpenApiParameter("on", OpenApiTypes.DATE, description=(
    "A day (YYYY-MM-DD): only the units that existed then, each with the name, kind, level and parent it had then "
    "(2023 data keeps its 2023 names after the 2025 reform)."))


@extend_schema_view(list=extend_schema(parameters=[ON]), retrieve=extend_schema(parameters=[ON]))
class UnitViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    """Units the user may see (staff: their unit and the units under it); with ``?on=`` as they were that day."""

    serializer_class = UnitSerializer
    lookup_field = "code"
    filterset_fields = ["kind", "level", "sector"]

    def _day(self) -> datetime.date | None:
        value = self.request.query_params.get("on")
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError({"on": _("Give a date as YYYY-MM-DD.")}) from None

    def get_queryset(self):
        units = visible_units(self.request.user).select_related("parent").order_by("path")
        day = self._day()
        return units.active_on(day) if day else units

    def get_serializer(self, *args, **kwargs):
        day = self._day()
        if day and args and args[0] is not None:  # the page's units (or the one asked for), as they were that day
            first = args[0]
            if isinstance(first, Unit):
                show_as_of([first], day)
            else:
                first = show_as_of(list(first), day)
            args = (first, *args[1:])
        return super().get_serializer(*args, **kwargs)


class PersonApiFilter(PersonFilter):
    class Meta(PersonFilter.Meta):
        fields = ["q", "sex", "category", "unit"]


class PersonSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Person
        fields = ["id", "full_name", "sex", "birth_date", "unit", "position", "category", "is_direct_worker",
                  "is_leader"]


class PersonViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer
    filterset_class = PersonApiFilter

    def get_queryset(self):
        return scope_to_user(Person.objects.select_related("unit"), self.request.user).order_by("id")
