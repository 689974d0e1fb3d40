from rest_framework import serializers, viewsets

from .filters import PersonFilter
from .models import Person, Unit
from .scoping import scope_to_user, visible_units


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True,
                                          help_text="The code of the unit above; null for the city's top units.")

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "level", "sector", "parent", "established_on",
                  "dissolved_on"]


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Units the user may see (staff: their unit and the units under it)."""

    serializer_class = UnitSerializer
    lookup_field = "code"
    filterset_fields = ["kind", "level", "sector"]

    def get_queryset(self):
        return visible_units(self.request.user).select_related("parent").order_by("path")


class PersonApiFilter(PersonFilter):
    class Meta(PersonFilter.Meta):
        fields = ["q", "sex", "category", "unit"]


class PersonSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Person
        fields = ["id", "full_name", "sex", "birth_date", "unit", "position", "category", "is_direct_worker",
                  "is_leader"]


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer
    filterset_class = PersonApiFilter

    def get_queryset(self):
        return scope_to_user(Person.objects.select_related("unit"), self.request.user).order_by("id")
