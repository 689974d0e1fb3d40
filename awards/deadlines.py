"""The awards' deadlines for reminders and home pages (core/reminders.py): the officer in charge's
appraisal deadline and the end of a dossier's public comment. The states come from the workflow table."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext_noop

from core.models import ReminderKind
from core.reminders import Deadline
from utilities.messages import Message

from .models import Submission
from .workflow import DOSSIER


def deadlines(start: datetime.date, end: datetime.date, *, unit_ids=None, user_id=None) -> list[Deadline]:
    if user_id is None and unit_ids is not None:
        return []  # these deadlines are officers', not units'
    mine = Submission.objects.filter(officer__isnull=False)
    if user_id is not None:
        mine = mine.filter(officer_id=user_id)
    rows = [Deadline(ReminderKind.APPRAISAL, f"appraisal:{s.pk}", s.due_on,
                     Message(gettext_noop("the appraisal of “%(title)s”"), {"title": s.title}),
                     reverse("awards:submission_detail", args=[s.pk]), user_id=s.officer_id)
            for s in mine.filter(status__in=DOSSIER["appraise"].sources, due_on__range=(start, end))]
    rows += [Deadline(ReminderKind.PUBLIC_COMMENT, f"comment:{s.pk}", s.public_comment_until,
                      Message(gettext_noop("the end of public comment on “%(title)s”"), {"title": s.title}),
                      reverse("awards:submission_detail", args=[s.pk]), user_id=s.officer_id)
             for s in mine.filter(status__in=DOSSIER["to_council"].sources, public_comment_until__range=(start, end))]
    return rows
