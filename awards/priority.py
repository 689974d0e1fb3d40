"""Women's priority among equal candidates (Law 06/2022 on gender equality in emulation and commendation; Decree
98/2023/NĐ-CP Art 4, Decree 152/2025/NĐ-CP Art 4; Decree 65/2014/NĐ-CP Art 2.3 before 2024): where candidates for
the same award are otherwise equal, a woman — or a collective whose members are women in at least the share of the
legal parameter ``women_priority`` (70 %) — comes first.

"Otherwise equal", as the portal reads it: nominees before the same Council meeting, for the same award, found
eligible, with the same number of votes in favour. The Council's list shows who has the priority and whom it puts
first; the ballot tally states it where it ordered two equal candidates. The Council decides each nominee against its
own threshold, so the priority orders the list the Chairman reads — it changes no outcome by itself.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from legal.models import DocumentKind, Parameter
from organisation.models import Person, Sex

from .models import ParameterKey, Subject

DOCUMENT_WORDS = {DocumentKind.LAW: "Luật", DocumentKind.DECREE: "Nghị định"}


@dataclass(frozen=True)
class WomenPriority:
    share: Decimal  # of women among a collective's members
    basis: str  # "Nghị định 98/2023/NĐ-CP, Điều 4 …"

    def favoured(self, nominee, shares: dict[int, Decimal]) -> bool:
        if nominee.subject == Subject.INDIVIDUAL:
            return nominee.person is not None and nominee.person.sex == Sex.FEMALE
        if nominee.subject == Subject.COLLECTIVE and nominee.collective_unit_id in shares:
            return shares[nominee.collective_unit_id] >= self.share
        return False


def in_force(day: datetime.date) -> WomenPriority | None:
    row = Parameter.objects.in_force(day).filter(key=ParameterKey.WOMEN_PRIORITY, award_type=None).select_related(
        "legal_basis").order_by("-effective_from").first()
    if row is None:
        return None
    # A Vietnamese document is named in Vietnamese in every language ("Nghị định 98/2023/NĐ-CP").
    law = f"{DOCUMENT_WORDS.get(row.legal_basis.kind, '')} {row.legal_basis.number}".strip() if row.legal_basis else ""
    return WomenPriority(row.value, ", ".join(part for part in (law, row.article) if part))


def _women_shares(nominees) -> dict[int, Decimal]:
    units = {n.collective_unit_id for n in nominees if n.subject == Subject.COLLECTIVE and n.collective_unit_id}
    counts = Person.objects.filter(unit_id__in=units).values("unit_id").annotate(
        women=Count("pk", filter=Q(sex=Sex.FEMALE)), all=Count("pk"))
    return {row["unit_id"]: Decimal(row["women"]) / row["all"] for row in counts if row["all"]}


@dataclass(frozen=True)
class Preference:
    """The priority put ``first`` before ``after``, equal in votes in favour (``yes``) for the same award."""

    first: object
    after: tuple
    yes: int
    basis: str

    def __str__(self) -> str:
        return _("%(first)s before %(after)s: same award, %(yes)s votes in favour each; women's priority "
                 "(%(basis)s)") % {"first": self.first.name, "after": ", ".join(n.name for n in self.after),
                                   "yes": self.yes, "basis": self.basis}


def apply(nominees, day: datetime.date, group=lambda n: 0) -> list[Preference]:
    """Order ``nominees`` (with ``yes`` counted) in place of a list: by award, then votes in favour, then the
    priority; mark each nominee ``women_priority`` (it has the priority) and ``put_first`` (the priority placed it
    before an equal candidate who has not). ``group`` keys the candidates that compete (the meeting). Returns what the
    priority decided, one entry per favoured nominee that it placed before others."""
    rule = in_force(day)
    shares = _women_shares(nominees) if rule else {}
    for nominee in nominees:
        nominee.women_priority = bool(rule and rule.favoured(nominee, shares))
        nominee.put_first = ""
    nominees.sort(key=lambda n: (group(n), n.award_type.order, -n.yes, not n.women_priority, n.pk))
    if rule is None:
        return []
    ties = defaultdict(list)
    for nominee in nominees:
        ties[group(nominee), nominee.award_type_id, nominee.yes].append(nominee)
    decided = []
    for equal in ties.values():
        others = tuple(n for n in equal if not n.women_priority)
        if not others:
            continue
        for nominee in equal:
            if nominee.women_priority:
                preference = Preference(nominee, others, nominee.yes, rule.basis)
                nominee.put_first = str(preference)
                decided.append(preference)
    return decided


def basis_on(day: datetime.date) -> str:
    rule = in_force(day)
    return rule.basis if rule else ""
