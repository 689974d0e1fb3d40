from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards and nominations")

    def ready(self):
        from documents import register  # noqa: PLC0415 — AppConfig.ready: the models load only once the app registry is ready

        from . import signed_documents  # noqa: PLC0415 — AppConfig.ready: the models load only once the app registry is ready

        register.add_register(signed_documents.find)  # the public check asks the decisions' register first
