"""The worker's list of the documents floor's tasks (each lives beside its work and is imported here so that
``autodiscover_tasks`` registers it): signatures applied on the signing host, which alone consumes the ``signing``
queue (CELERY_TASK_ROUTES)."""

from .signing_jobs import run_signing_job, sweep_stale_signing_jobs

__all__ = ["run_signing_job", "sweep_stale_signing_jobs"]
