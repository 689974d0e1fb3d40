from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Hải Phòng thi đua - khen thưởng: nhân hệ thống"

    def ready(self):
        from .datacache import install_triggers  # noqa: PLC0415 — AppConfig.ready: the data domains' models must be loaded first

        # After every migrate, every table of the data domains carries its version trigger.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="portal_data_version_triggers")
