from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from awards.views import public as awards_public
from campaigns import public as campaigns_public
from organisation import views_mfa

from . import metrics, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    path("metrics", metrics.metrics, name="metrics"),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("xac-thuc/", views_mfa.security, name="security"),
    path("xac-thuc/dang-ky/", views_mfa.setup, name="mfa_setup"),
    path("xac-thuc/ma-xac-thuc/", views_mfa.verify, name="mfa_verify"),
    path("xac-thuc/ma-du-phong/", views_mfa.recovery_codes, name="mfa_recovery_codes"),
    path("xac-thuc/tat/", views_mfa.disable, name="mfa_disable"),
    path("xac-thuc/token-api/", views_mfa.api_token, name="api_token"),
    path("nhap-excel/<int:pk>/", views.import_job, name="import_job"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("to-chuc/", include("organisation.urls")),
    path("phong-trao/", include("campaigns.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("chi-tieu/", include("targets.urls")),
    path("bao-cao/", include("reports.urls")),
    path("phap-ly/", include("legal.urls")),
    path("api/", include("haiphong_thidua.api_urls")),
    path("xac-minh/<uuid:code>/", awards_public.verify, name="verify_award"),
    path("kiem-tra-van-ban/", awards_public.verify_document, name="verify_document"),
    path("lay-y-kien/", awards_public.public_comment_list, name="public_comment_list"),
    path("lay-y-kien/<int:pk>/", awards_public.public_comment, name="public_comment"),
    path("dien-hinh/", campaigns_public.public_list, name="public_models"),
    path("dien-hinh/feed/", campaigns_public.public_feed, name="public_models_feed"),
    path("dien-hinh/<int:pk>/", campaigns_public.public_detail, name="public_model_detail"),
    path("dien-hinh/<int:pk>/anh/", campaigns_public.public_photo, name="public_model_photo"),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Cổng thi đua - khen thưởng Hải Phòng"
admin.site.site_title = "Quản trị"
