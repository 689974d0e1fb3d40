from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from utilities import messages
from utilities.uploads import private_upload_to


class WorkerHeartbeat(models.Model):
    """Written by the periodic ``heartbeat`` task: proves that beat and a worker run."""

    name = models.CharField(max_length=64, unique=True)
    last_seen = models.DateTimeField()
    hostname = models.CharField(max_length=255, blank=True)

    class Meta:
        db_table = "haiphong_thidua_workerheartbeat"  # the kernel's models were haiphong_thidua's: tables kept

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_seen:%Y-%m-%d %H:%M:%S}"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


def _import_upload_to(instance, filename):  # named by the migration that made the field
    return private_upload_to(instance, filename)


class ImportJob(models.Model):
    """A large Excel import run by a Celery worker (core/import_jobs.py); its page shows the progress."""

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


    class Meta:
        db_table = "haiphong_thidua_importjob"  # the kernel's models were haiphong_thidua's: tables kept

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)


class ReminderKind(models.TextChoices):
    REGISTRATION = "registration", _("Emulation registration")
    REVIEW_REPORT = "review_report", _("Review report")
    PROGRAMME_TASK = "programme_task", _("Programme task")
    APPRAISAL = "appraisal", _("Appraisal of a dossier")
    TARGET_FIGURES = "target_figures", _("Target figures")
    PUBLIC_COMMENT = "public_comment", _("End of public comment")


class ReminderRule(models.Model):
    """A reminder ``days_before`` a kind of deadline (0: on the day). Data: the Board changes the schedule in the
    admin; several rules of one kind make several reminders."""

    kind = models.CharField(_("kind of deadline"), max_length=20, choices=ReminderKind.choices)
    days_before = models.PositiveSmallIntegerField(_("days before the deadline"))
    is_active = models.BooleanField(_("active"), default=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        db_table = "haiphong_thidua_reminderrule"  # the kernel's models were haiphong_thidua's: tables kept
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")
        ordering = ["kind", "-days_before"]
        constraints = [models.UniqueConstraint(fields=["kind", "days_before"], name="one_reminder_rule_per_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.days_before}"


class ReminderSent(models.Model):
    """One reminder given: a deadline (kind, object, date), a step of the schedule and one recipient — never twice.
    ``days_before`` is empty for the Board's own "remind now"."""

    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    key = models.CharField(max_length=120)  # the object the deadline belongs to ("registration:2026")
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField(null=True, blank=True)
    recipient = models.CharField(max_length=24)  # "unit:12" or "user:5"
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "haiphong_thidua_remindersent"  # the kernel's models were haiphong_thidua's: tables kept
        constraints = [models.UniqueConstraint(fields=["kind", "key", "due_on", "days_before", "recipient"],
                                               name="reminder_sent_once")]
        indexes = [models.Index(fields=["kind", "key", "due_on"], name="haiphong_th_kind_205be2_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.due_on} → {self.recipient}"


class Notification(models.Model):
    """An in-portal message to one user; every app sends them through ``core.notify``."""

    user = models.ForeignKey("organisation.User", on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(max_length=255)  # in the portal's language, as e-mailed
    body = models.TextField(blank=True)
    # What to say, for each reader's language (utilities.messages): {"title": …, "body": …}; empty on rows written
    # before it was kept, which show ``title`` and ``body``.
    message = models.JSONField(null=True, blank=True)
    link = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "awards_notification"  # moved from awards, then haiphong_thidua (issue 28): table and rows kept
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"], name="awards_noti_user_id_b2cc95_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_title(self) -> str:
        """The title in the reader's language."""
        return messages.render((self.message or {}).get("title")) or self.title

    @property
    def shown_body(self) -> str:
        return messages.render((self.message or {}).get("body")) if self.message else self.body


class AuditEvent(models.Model):
    """Append-only audit trail of every workflow without a trail of its own (the campaigns' movements,
    registrations, reviews, exemplary models and member scores): the engine's ``AuditRecord`` as a row, the same
    fields as a dossier's ``awards.WorkflowEvent`` plus the workflow and the record it is about."""

    workflow = models.CharField(_("workflow"), max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey("organisation.User", null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=20, blank=True)
    to_state = models.CharField(_("to"), max_length=20)
    note = models.TextField(_("note"), blank=True)  # in the portal's language (Vietnamese)
    note_en = models.TextField(_("note in English"), blank=True, default="")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"], name="audit_subject_at_idx")]

    def __str__(self) -> str:
        return f"{self.workflow} {self.object_id}: {self.action} → {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")
