from django.db import models


class WorkerHeartbeat(models.Model):
    """Written by the periodic ``heartbeat`` task: proves that beat and a worker run."""

    name = models.CharField(max_length=64, unique=True)
    last_seen = models.DateTimeField()
    hostname = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_seen:%Y-%m-%d %H:%M:%S}"
