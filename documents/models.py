"""The documents floor's registers: the numbers given by series and year, and the signed copies issued."""

from django.db import models


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
