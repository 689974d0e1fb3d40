from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.archive, name="archive"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/tai/<str:fmt>/", views.download, name="download"),
]
