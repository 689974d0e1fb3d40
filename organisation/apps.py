from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation: units, persons, clusters and roles")

    def ready(self):
        from . import signals  # noqa: PLC0415 — AppConfig.ready: signals imports the models, loaded only once the registry is ready

        signals.connect()
