"""The kernel's audit writer for the workflow engine (``utilities.workflow``): a table given
``writes_with(audit=core.audit.record)`` keeps its trail in ``core.AuditEvent``."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from utilities.workflow import AuditRecord

from .models import AuditEvent


def record(entry: AuditRecord) -> AuditEvent:
    return AuditEvent.objects.create(
        workflow=entry.workflow, content_type=ContentType.objects.get_for_model(entry.obj), object_id=entry.obj.pk,
        actor=entry.actor, action=entry.action, from_state=entry.from_state, to_state=entry.to_state,
        note=entry.note, note_en=entry.note_en)


def trail(obj):
    """The audit events of ``obj``, oldest first."""
    return AuditEvent.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
