from rest_framework import mixins, serializers, viewsets

from organisation.permissions import reports_figures
from utilities.api import RightsFirst

from . import services
from .models import Actual, Target


class TargetSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    indicator_name = serializers.CharField(source="indicator.name", read_only=True)
    responsible_unit = serializers.CharField(source="responsible_unit.code", read_only=True)

    class Meta:
        model = Target
        fields = ["id", "indicator", "indicator_name", "year", "kind", "value_low", "value_high", "is_about",
                  "statement", "responsible_unit", "milestone_done_on"]


class TargetViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    serializer_class = TargetSerializer
    filterset_fields = ["year", "kind"]

    def get_queryset(self):
        return Target.objects.select_related("indicator", "responsible_unit").order_by("year", "indicator__order")


class ActualSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actual
        fields = ["id", "target", "period_kind", "period", "value", "source", "note", "reported_at"]
        read_only_fields = ["reported_at"]
        # Reporting a period again corrects its figure (targets.services.record_actual keeps the earlier value in
        # the history): the model's unique-together check must not refuse the second POST.
        validators = []


class ActualViewSet(RightsFirst, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Reported figures; POST reports (or corrects) one period for the responsible unit."""

    # The role first, as on the page; whether the caller answers for the target named in the body is the service's.
    write_rights = {"create": reports_figures}
    serializer_class = ActualSerializer
    filterset_fields = ["target", "period_kind"]

    def get_queryset(self):
        queryset = Actual.objects.select_related("target").order_by("id")
        return queryset

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        target = data.pop("target")
        serializer.instance = services.record_actual(self.request.user, target, **data)
