from django.urls import path

from . import views

app_name = "organisation"
urlpatterns = [
    path("don-vi/", views.unit_list, name="unit_list"),
    path("don-vi/<slug:code>/", views.unit_detail, name="unit_detail"),
    path("ca-nhan/", views.person_list, name="person_list"),
]
