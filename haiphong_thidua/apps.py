from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The configuration package: settings, URLs, the WSGI and Celery apps, and the commands that set up a whole
    portal (seed, demo accounts and data, the embedded database). It has no models."""

    name = "haiphong_thidua"
    verbose_name = "Hải Phòng thi đua - khen thưởng"

    def ready(self):
        from . import metrics, observability  # noqa: PLC0415 — an AppConfig.ready body, once the models are loaded

        observability.connect_receivers()
        metrics.connect_receivers()
