from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards and nominations")

    def ready(self):
        from documents import register

        from . import signed_documents

        register.add_register(signed_documents.find)  # the public check asks the decisions' register first
