from django.urls import path

from . import views

app_name = "organisation"
urlpatterns = [
    path("don-vi/", views.unit_list, name="unit_list"),
    path("thanh-lap-don-vi/", views.unit_change, {"kind": "thanh-lap"}, name="unit_establish"),
    path("don-vi/<slug:code>/", views.unit_detail, name="unit_detail"),
    path("don-vi/<slug:code>/<slug:kind>/", views.unit_change, name="unit_change"),
    path("ca-nhan/", views.person_list, name="person_list"),
    path("ca-nhan/excel/", views.person_list_excel, name="person_list_excel"),
    path("ca-nhan/moi/", views.person_create, name="person_create"),
    path("ca-nhan/<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("ca-nhan/<int:pk>/chuyen-di/", views.person_move_out, name="person_move_out"),
]
