"""The Board's outbox of outcome notices (pretalx's pending decisions and outbox are the model).

Steps of the dossier workflow marked ``held_notice`` (the Council's tally, the decision, forwarding to the central
level) do not tell the unit at once: their notice waits here. The Board reads what will be sent and releases a
dossier's notices once its outcome is settled (the decision issued, the dossier forwarded or closed without award);
then the unit's accounts and every awardee with an account are told, in the portal and by e-mail.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from organisation.permissions import is_board

from .models import FINISHED_STATUSES, NoticeStatus, OutcomeNotice, Submission
from .tasks import notify_awardees, notify_submission_change


def hold(submission: Submission, action: str, to_status: str, note: str, note_en: str = "") -> OutcomeNotice:
    return OutcomeNotice.objects.create(submission=submission, action=action, to_status=to_status, note=note,
                                        note_en=note_en)


def is_ready(submission: Submission) -> bool:
    """A dossier's notices may leave once its outcome is settled."""
    return submission.status in FINISHED_STATUSES


def held_dossiers():
    """Dossiers with notices waiting, oldest first, each with its notices (two queries)."""
    held = OutcomeNotice.objects.filter(status=NoticeStatus.HELD)
    # Ordered by the oldest held notice, computed once per dossier: ordering by the notices' column itself would add
    # it to SELECT DISTINCT and list a dossier once per notice.
    return (Submission.objects.filter(notices__status=NoticeStatus.HELD).select_related("unit")
            .annotate(first_held=Min("notices__created_at", filter=Q(notices__status=NoticeStatus.HELD)))
            .prefetch_related(Prefetch("notices", queryset=held, to_attr="held"))
            .order_by("first_held", "pk"))


def recently_sent(limit: int = 30):
    return (OutcomeNotice.objects.filter(status=NoticeStatus.SENT).select_related("submission__unit", "released_by")
            .order_by("-released_at")[:limit])


@transaction.atomic
def release(user, submission_ids: Iterable[int]) -> int:
    """Send the held notices of these dossiers; refused (nothing sent) while one of them has no settled outcome."""
    is_board.require(user)
    submissions = list(Submission.objects.select_for_update().filter(pk__in=list(submission_ids)))
    waiting = [s.title for s in submissions if not is_ready(s)]
    if waiting:
        raise ValidationError(_("No decision is issued yet for: %(titles)s. Their notices stay in the outbox.") % {
            "titles": "; ".join(waiting)})
    notices = list(OutcomeNotice.objects.select_for_update().filter(
        submission__in=submissions, status=NoticeStatus.HELD).order_by("created_at", "pk"))
    if not notices:
        raise ValidationError(_("There is no notice waiting for these dossiers."))
    now = timezone.now()
    for notice in notices:
        notice.status, notice.released_at, notice.released_by = NoticeStatus.SENT, now, user
    OutcomeNotice.objects.bulk_update(notices, ["status", "released_at", "released_by"])
    for notice in notices:
        notify_submission_change.delay(notice.submission_id, notice.to_status, notice.note, notice.note_en)
    for submission in submissions:
        notify_awardees.delay(submission.pk)  # both sent on commit (TransactionAwareTask)
    return len(notices)
