"""The documents floor's registers: the numbers given by series and year, and the signed copies issued."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .formats import short_date


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


class SignedPaper(models.TextChoices):
    """The papers the portal issues, each with its own signer and issuing agency (``SigningAuthority``)."""

    DECISION = "decision", _("Award decision")
    REVOCATION = "revocation", _("Revocation decision")
    CERTIFICATE = "certificate", _("Certificate (Bằng khen, emulation title)")
    BOARD_REPORT = "board_report", _("The Board's submission (tờ trình)")
    REPORT = "report", _("Periodic report")


class SigningKey(models.TextChoices):
    """The keys the signing host holds, each configured by settings (``DOCUMENT_SIGNING``): a PKCS#12 file or a
    key label on the PKCS#11 token (docs/signed-documents.md)."""

    CHAIRMAN = "chairman", _("The Chairman's personal key (SIGNING_SIGNER_P12 / SIGNING_PKCS11_SIGNER_KEY)")
    CITY = "city", _("The city People's Committee's key and seal (SIGNING_AGENCY_P12 / SIGNING_PKCS11_AGENCY_KEY)")
    BOARD = "board", _("The Board's (Department of Home Affairs') key and seal (SIGNING_BOARD_P12 / "
                       "SIGNING_PKCS11_BOARD_KEY)")


class SigningAuthority(models.Model):
    """Who signs a kind of document and which agency issues it, from a date (issue 32, item 1): the signer's title
    as printed, the designated signer's account, the signer's key, the issuing agency, its key and the text of its
    seal. Data, edited in the admin ("Thẩm quyền ký"); a change of Chairman or of the Board's place is a new row
    from its date (``documents.authority.for_kind``)."""

    kind = models.CharField(_("document"), max_length=16, choices=SignedPaper.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    signer_title = models.CharField(_("signer's title as printed"), max_length=120)
    signer_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("designated signer's account"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
        help_text=_("The only account that may sign this kind of document (it must have the signer role and a "
                    "second factor). Empty: any account with the signer role."))
    signer_key = models.CharField(_("signer's key"), max_length=16, choices=SigningKey.choices, blank=True,
                                  help_text=_("Empty: no personal signature (a paper the portal produces "
                                              "unattended carries only the agency's)."))
    agency_name = models.CharField(_("issuing agency"), max_length=255)
    agency_key = models.CharField(_("agency's key (seal)"), max_length=16, choices=SigningKey.choices)
    seal_text = models.TextField(_("text of the seal"), help_text=_("One line per line of the round seal."))
    basis = models.TextField(_("legal basis"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("signing authority")
        verbose_name_plural = _("signing authorities")
        ordering = ["kind", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["kind", "valid_from"], name="signing_authority_from")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.signer_title} / {self.agency_name} ({short_date(self.valid_from)})"

    def clean(self) -> None:
        from organisation.roles import Role, has_role  # noqa: PLC0415 — only when the admin validates a row

        if self.signer_account_id and not has_role(self.signer_account, Role.SIGNER):
            raise ValidationError({"signer_account": _("This account does not have the signer role.")})
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date is before the start date.")})

    @property
    def seal_lines(self) -> list[str]:
        return [line.strip() for line in self.seal_text.splitlines() if line.strip()]
