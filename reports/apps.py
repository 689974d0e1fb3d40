from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Progress reports")

    def ready(self):
        # Registers the beat's request_periodic_report with Celery in every process (a worker imports only the
        # apps' tasks modules); here because services needs the models, loaded only once the registry is ready.
        from documents import register  # noqa: PLC0415 — AppConfig.ready: register imports the models

        from . import (  # noqa: PLC0415 — AppConfig.ready: services and signed_copies import the models
            services,  # noqa: F401
            signed_copies,
        )
        from .models import Report  # noqa: PLC0415 — AppConfig.ready: models only once the registry is ready

        register.describe(signed_copies.KIND, signed_copies.describe)
        post_delete.connect(signed_copies.forget, sender=Report, dispatch_uid="reports.forget_signed_copies")
