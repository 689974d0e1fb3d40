from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "haiphong_thidua"
    verbose_name = "Hải Phòng thi đua - khen thưởng"
