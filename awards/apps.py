from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards and nominations")

    def ready(self):
        from documents import register, signing_jobs  # noqa: PLC0415 — AppConfig.ready: both import the models

        from . import signed_documents  # noqa: PLC0415 — AppConfig.ready: signed_documents imports the models

        register.add_register(signed_documents.find)  # the public check asks the decisions' register first
        signing_jobs.add_performer(signed_documents.KIND, signed_documents.perform)  # run by the signing host
