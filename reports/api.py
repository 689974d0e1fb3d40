from rest_framework import serializers, viewsets

from haiphong_thidua.api import BoardOrLeadership, RightsFirst

from .models import Report


class ReportSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)

    class Meta:
        model = Report
        fields = ["id", "kind", "period_start", "period_end", "code", "status", "error", "attempts", "finished_at"]


class ReportViewSet(RightsFirst, viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportSerializer
    permission_classes = [BoardOrLeadership]
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        return Report.objects.order_by("-period_start")
