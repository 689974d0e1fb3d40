from django.db import models


class WorkerHeartbeat(models.Model):
    """Written by the periodic ``heartbeat`` task: proves that beat and a worker run."""

    name = models.CharField(max_length=64, unique=True)
    last_seen = models.DateTimeField()
    hostname = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_seen:%Y-%m-%d %H:%M:%S}"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


def _import_upload_to(instance, filename):
    from .uploads import private_upload_to

    return private_upload_to(instance, filename)


class ImportJob(models.Model):
    """A large Excel import run by a Celery worker (haiphong_thidua/import_jobs.py); its page shows the progress."""

    kind = models.CharField(max_length=32)  # a key of import_jobs.IMPORTERS
    user = models.ForeignKey("organisation.User", on_delete=models.CASCADE, related_name="import_jobs")
    object_id = models.PositiveIntegerField(null=True, blank=True)  # the dossier a nominee list goes into
    upload = models.FileField(upload_to=_import_upload_to)
    original_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=8, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)  # [[row, message], …] as the importer reports them
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
