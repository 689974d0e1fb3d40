from django.urls import path

from . import views

app_name = "targets"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<int:pk>/", views.target_detail, name="target_detail"),
    path("<int:pk>/moc/", views.milestone, name="milestone"),
    path("bao-cao/", views.report, name="report"),
    path("nhap-excel/", views.import_actuals, name="import"),
    path("mau-excel/", views.import_template, name="import_template"),
    path("tre-han/", views.late, name="late"),
    path("them/", views.target_create, name="target_create"),
]
