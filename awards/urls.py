from django.urls import path

from . import views

app_name = "awards"
urlpatterns = [
    path("ho-so/", views.submission_list, name="submission_list"),
    path("ho-so/xu-ly-nhieu/", views.submission_bulk, name="submission_bulk"),
    path("ho-so/moi/", views.submission_create, name="submission_create"),
    path("ho-so/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("ho-so/<int:pk>/de-nghi/", views.nominee_edit, name="nominee_add"),
    path("ho-so/<int:pk>/de-nghi/<int:nominee_pk>/", views.nominee_edit, name="nominee_edit"),
    path("ho-so/<int:pk>/de-nghi/<int:nominee_pk>/xoa/", views.nominee_delete, name="nominee_delete"),
    path("ho-so/<int:pk>/tai-lieu/", views.attachment_add, name="attachment_add"),
    path("ho-so/<int:pk>/tai-lieu/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("ho-so/<int:pk>/nhap-excel/", views.import_upload, name="import_upload"),
    path("mau-excel/", views.import_template, name="import_template"),
    path("ho-so/<int:pk>/gui/", views.submission_submit, name="submission_submit"),
    path("ho-so/<int:pk>/tiep-nhan/", views.submission_receive, name="submission_receive"),
    path("ho-so/<int:pk>/phan-cong/", views.submission_assign, name="submission_assign"),
    path("ho-so/<int:pk>/tham-dinh/", views.submission_appraise, name="submission_appraise"),
    path("ho-so/<int:pk>/lay-y-kien/", views.submission_public_comment, name="submission_public_comment"),
    path("ho-so/<int:pk>/trinh-hoi-dong/", views.submission_to_council, name="submission_to_council"),
    path("ho-so/<int:pk>/kiem-phieu/", views.submission_close_vote, name="submission_close_vote"),
    path("ho-so/<int:pk>/quyet-dinh/", views.submission_decide, name="submission_decide"),
    path("ho-so/<int:pk>/trinh-trung-uong/", views.submission_forward, name="submission_forward"),
    path("hoi-dong/", views.council, name="council"),
    path("bieu-quyet/<int:nominee_pk>/", views.vote, name="vote"),
    path("quyet-dinh/", views.decision_list, name="decision_list"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("quyet-dinh/<int:pk>/pdf/", views.decision_pdf, name="decision_pdf"),
    path("bang-khen/<int:nominee_pk>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("thu-hoi/<int:nominee_pk>/", views.nominee_revoke, name="nominee_revoke"),
    path("thu-hoi/<int:nominee_pk>/hien-vat/", views.nominee_recovery, name="nominee_recovery"),
    path("lich-su/", views.history, name="history"),
    path("thong-bao/", views.notifications, name="notifications"),
]
