"""A report's signed copies, kept in the documents floor's register (documents.register, kind "report"), and how
the public check names one."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from documents import register

from .models import Report

KIND = "report"


def keep(report_id: int, content: bytes, signer: str) -> None:
    register.keep(KIND, report_id, content, signer)


def copies(report_id: int):
    return register.copies(KIND, report_id)


def describe(copy) -> str | None:
    """"A signed, unaltered report of the register: report No. …", and whether a later copy replaced it."""
    report = Report.objects.filter(pk=copy.reference).first()
    if report is None:
        return None
    text = _("A signed, unaltered report of the register: report No. %(number)s/BC-BTĐKT issued on %(date)s "
             "(%(period)s).") % {"number": f"{report.number:02d}", "date": f"{report.issued_on:%d/%m/%Y}" if report.issued_on
                                 else "—", "period": f"{report.period_start:%d/%m/%Y}–{report.period_end:%d/%m/%Y}"}
    latest = copies(report.pk).order_by("-signed_at", "-id").first()
    if latest is not None and latest.pk != copy.pk:
        text += " " + _("It was produced again on %(date)s (the report says why): rely on the later copy.") % {
            "date": f"{timezone.localtime(latest.signed_at):%d/%m/%Y}"}
    return text


def forget(sender, instance, **kwargs) -> None:
    """A deleted report's copies go with it (post_delete of Report)."""
    register.forget(KIND, instance.pk)
