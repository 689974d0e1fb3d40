"""The documents floor's registers: the numbers given by series and year, and the signed copies issued."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NumberSequence(models.Model):
    """Gapless yearly counters by series (decision numbers, golden-book numbers, report numbers), locked row by
    row; given out by ``documents.numbering.next_number``. The table kept its first name (awards')."""

    name = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "awards_numbersequence"
        constraints = [models.UniqueConstraint(fields=["name", "year"], name="sequence_unique")]

    def __str__(self) -> str:
        return f"{self.name} {self.year}: {self.last}"


class SignedCopy(models.Model):
    """Each signed PDF a feature issued, by its SHA-256 (append-only): a copy e-mailed before the document was
    produced again still checks as the portal's own. ``kind`` names the feature's document ("report"),
    ``reference`` its id there; the feature says what a copy is (``documents.register.describe``). The table kept
    its first name (reports')."""

    kind = models.CharField(max_length=32)
    reference = models.BigIntegerField(db_index=True)
    sha256 = models.CharField(max_length=64, unique=True)
    signer = models.CharField(max_length=255, blank=True)
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "reports_signedreportcopy"
        ordering = ["signed_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.reference}: {self.sha256[:12]}"


class SigningStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the signing host")
    DONE = "done", _("Signed")
    FAILED = "failed", _("Signing failed")


class SigningJob(models.Model):
    """One signature asked for on a page and applied by the signing host (``documents.signing_jobs``): the web
    process records it and queues it on the ``signing`` queue; the worker that holds the keys signs, stores the
    file, moves the feature's state, and marks the job done, or failed with a reason the officer reads. ``kind``
    names the feature's document ("decision"), ``reference`` its id there, ``step`` the feature's signing step."""

    kind = models.CharField(max_length=32)
    reference = models.BigIntegerField()
    step = models.CharField(max_length=32)
    status = models.CharField(max_length=16, choices=SigningStatus.choices, default=SigningStatus.PENDING)
    reason = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["kind", "reference"], name="signingjob_document")]
        constraints = [models.UniqueConstraint(fields=["kind", "reference"], condition=models.Q(status="pending"),
                                               name="one_pending_signature_per_document")]

    def __str__(self) -> str:
        return f"{self.kind} {self.reference} {self.step}: {self.status}"

    @property
    def is_pending(self) -> bool:
        return self.status == SigningStatus.PENDING

    @property
    def failed(self) -> bool:
        return self.status == SigningStatus.FAILED
