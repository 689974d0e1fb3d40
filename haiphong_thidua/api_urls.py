from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from awards.api import DecisionViewSet, FundEntryViewSet, SubmissionViewSet
from campaigns.api import MovementViewSet, RegistrationViewSet
from organisation.api import PersonViewSet, UnitViewSet
from reports.api import ReportViewSet
from targets.api import ActualViewSet, TargetViewSet

router = DefaultRouter()
router.register("units", UnitViewSet, basename="unit")
router.register("persons", PersonViewSet, basename="person")
router.register("movements", MovementViewSet, basename="movement")
router.register("registrations", RegistrationViewSet, basename="registration")
router.register("submissions", SubmissionViewSet, basename="submission")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("fund-entries", FundEntryViewSet, basename="fund-entry")
router.register("targets", TargetViewSet, basename="target")
router.register("actuals", ActualViewSet, basename="actual")
router.register("reports", ReportViewSet, basename="report")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
]
