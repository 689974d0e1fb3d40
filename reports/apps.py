from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Progress reports")

    def ready(self):
        # Registers the beat's request_periodic_report with Celery in every process (a worker imports only the
        # apps' tasks modules); here because services needs the models, loaded only once the registry is ready.
        from django.db.models.signals import post_delete

        from documents import register

        from . import (
            services,  # noqa: F401
            signed_copies,
        )
        from .models import Report

        register.describe(signed_copies.KIND, signed_copies.describe)
        post_delete.connect(signed_copies.forget, sender=Report, dispatch_uid="reports.forget_signed_copies")
