from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Progress reports")

    def ready(self):
        # Registers the beat's request_periodic_report with Celery in every process (a worker imports only the
        # apps' tasks modules); here because services needs the models, loaded only once the registry is ready.
        from . import services  # noqa: F401
