from django.urls import path, register_converter

from utilities.params import YearConverter

from . import exports, views, views_clusters

register_converter(YearConverter, "year")

app_name = "campaigns"
urlpatterns = [
    path("", views.movement_list, name="movement_list"),
    path("phat-dong/", views.movement_launch, name="movement_launch"),
    path("dang-ky/", views.registration_home, name="registration_home"),
    path("dang-ky/excel/", exports.registrations_excel, name="registration_home_excel"),
    path("dang-ky/mo/", views.registration_window, name="registration_window"),
    path("dang-ky/<year:year>/", views.registration_edit, name="registration_edit"),
    path("dang-ky/<year:year>/tong-hop/", views.registration_overview, name="registration_overview"),
    path("dang-ky/<year:year>/tong-hop/excel/", exports.overview_excel, name="registration_overview_excel"),
    path("dang-ky/<year:year>/nhac/", views.registration_remind, name="registration_remind"),
    path("dang-ky/mo-lai/<int:pk>/", views.registration_reopen, name="registration_reopen"),
    path("chuong-trinh/", views.programme_list, name="programme_list"),
    path("chuong-trinh/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("nhiem-vu/<int:pk>/cap-nhat/", views.task_update, name="task_update"),
    path("nhiem-vu/<int:pk>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/minh-chung/", views.task_evidence, name="task_evidence"),
    path("so-ket/", views.review_list, name="review_list"),
    path("so-ket/<int:pk>/", views.review_detail, name="review_detail"),
    path("so-ket/<int:pk>/nhac/", views.review_remind, name="review_remind"),
    path("bao-cao/<int:pk>/tep/", views.report_attachment, name="report_attachment"),
    path("kiem-tra/", views.inspection_list, name="inspection_list"),
    path("canh-bao/", views.flagged, name="flagged"),
    path("dien-hinh/", views.model_list, name="model_list"),
    path("dien-hinh/de-xuat/", views.model_propose, name="model_propose"),
    path("dien-hinh/<int:pk>/", views.model_detail, name="model_detail"),
    path("dien-hinh/<int:pk>/anh/", views.model_photo, name="model_photo"),
    path("cum-thi-dua/", views_clusters.covenant_list, name="covenant_list"),
    path("cum-thi-dua/<int:pk>/", views_clusters.covenant_detail, name="covenant_detail"),
    path("cum-thi-dua/<int:pk>/ket-qua/", views_clusters.covenant_finalise, name="covenant_finalise"),
    path("cum-thi-dua/<int:pk>/ky-ket/", views_clusters.covenant_signing, name="covenant_signing"),
    path("cum-thi-dua/<int:pk>/ban-ky/", views_clusters.covenant_signed_file, name="covenant_signed_file"),
    path("cum-thi-dua/<int:pk>/tai/<str:document>", views_clusters.covenant_document, name="covenant_document"),
    path("cum/<int:pk>/<year:year>/", views_clusters.cluster_year, name="cluster_year"),
    path("cham-diem/<int:pk>/", views_clusters.score_edit, name="score_edit"),
    path("diem/<int:pk>/", views_clusters.score_detail, name="score_detail"),
    path("<slug:code>/", views.movement_detail, name="movement_detail"),
    path("<slug:code>/ket-thuc/", views.movement_close, name="movement_close"),
]
