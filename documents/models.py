"""The documents floor's registers: the numbers given by series and year."""

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
