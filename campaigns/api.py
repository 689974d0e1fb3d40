from rest_framework import serializers, viewsets

from organisation.permissions import is_board
from organisation.scoping import scope_to_user
from utilities.api import RightsFirst

from . import services
from .models import Movement, Registration


class MovementSerializer(serializers.ModelSerializer):
    legal_basis = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = Movement
        fields = ["id", "code", "name", "kind", "authority", "scope", "starts_on", "ends_on", "status", "parent",
                  "description", "legal_basis"]
        read_only_fields = ["code", "status"]


class MovementViewSet(RightsFirst, viewsets.ModelViewSet):
    """Movements; the Board launches new ones (POST)."""

    write_rights = {"create": is_board}
    serializer_class = MovementSerializer
    lookup_field = "code"
    filterset_fields = ["kind", "status", "authority"]
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return Movement.objects.prefetch_related("legal_basis").order_by("id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.launch_movement(self.request.user, **data)


class RegistrationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    movements = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "unit", "year", "status", "movements", "note", "submitted_at"]


class RegistrationViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    serializer_class = RegistrationSerializer
    filterset_fields = ["year", "status"]

    def get_queryset(self):
        return scope_to_user(Registration.objects.select_related("unit").prefetch_related("movements"),
                             self.request.user).order_by("id")
