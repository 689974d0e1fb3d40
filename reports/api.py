from rest_framework import serializers, viewsets

from organisation.permissions import can_read_reports
from utilities.api import RightsFirst, allowed_by

from .models import Report


class ReportSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)

    class Meta:
        model = Report
        fields = ["id", "kind", "period_start", "period_end", "code", "status", "error", "attempts", "finished_at"]


class ReportViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportSerializer
    permission_classes = [allowed_by(can_read_reports)]
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        return Report.objects.order_by("-period_start")
