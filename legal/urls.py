from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("ngay-nghi/", views.holiday_list, name="holidays"),
    path("ngay-nghi/<int:pk>/xoa/", views.holiday_remove, name="holiday_remove"),
]
