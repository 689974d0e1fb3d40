"""The base class of every Celery task of the portal (the Celery app's ``task_cls``).

A task queued inside a database transaction must not reach a worker before the transaction commits: the worker
would read rows that are not there yet, or act on a change that is then rolled back. ``TransactionAwareTask``
(pretix's idea) makes that the default: ``delay``/``apply_async`` inside an ``atomic`` block hands the message to
``transaction.on_commit`` (sent once the outermost block commits, dropped on rollback); outside any block it is
sent at once. Callers therefore write a plain ``task.delay(...)``.

Model-free and importing no app of the portal, so that every app may use it.
"""

from __future__ import annotations

from functools import partial

from celery import Task
from celery.utils import uuid
from django.db import transaction


class TransactionAwareTask(Task):
    def apply_async(self, args=None, kwargs=None, task_id=None, *rest, **options):
        if not transaction.get_connection().in_atomic_block:
            return super().apply_async(args, kwargs, task_id, *rest, **options)
        # The message leaves after the commit; the caller still gets the result handle of the task it queued.
        task_id = task_id or uuid()
        transaction.on_commit(partial(super().apply_async, args, kwargs, task_id, *rest, **options))
        return self.AsyncResult(task_id)
