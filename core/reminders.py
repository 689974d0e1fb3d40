"""Reminders of deadlines, sent by Celery beat in the portal and by e-mail, once per deadline, step and recipient.

Each app says which deadlines it has (``SOURCES``: ``campaigns.deadlines``, ``awards.deadlines``,
``targets.deadlines``), as ``Deadline`` rows: a kind, the object, the date, who it concerns (a unit's accounts or
one user) and what is due, in the reader's words. The schedule is data (``ReminderRule``: days before each kind of
deadline). ``send_due`` (the beat task, daily) sends, for every deadline that a rule reaches today, the nearest
step not yet sent; a run missed is caught up the next day, and a step passed over is not sent late on top of a
nearer one. The same rows feed each user's home page ("Hạn sắp tới") and the Board's "remind now".
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from organisation.models import Unit, User
from organisation.roles import Role, user_roles
from utilities.messages import Message

from .models import ReminderRule, ReminderSent
from .notify import deliver, deliver_to_unit

SOURCES = ("campaigns.deadlines", "awards.deadlines", "targets.deadlines")
HORIZON_DAYS = 30  # how far ahead the home page looks


@dataclass(frozen=True)
class Deadline:
    kind: str  # a ReminderKind
    key: str  # the object ("registration:2026", "task:17")
    due_on: datetime.date
    what: Message | str  # what is due ("the emulation registration for 2026"), shown in the reader's language
    link: str = ""
    unit_id: int | None = None  # the unit whose accounts are concerned …
    user_id: int | None = None  # … or one user (the officer in charge)
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def recipient(self) -> str:
        return f"unit:{self.unit_id}" if self.unit_id else f"user:{self.user_id}"


def deadlines(start: datetime.date, end: datetime.date, *, unit_ids: Iterable[int] | None = None,
              user_id: int | None = None) -> list[Deadline]:
    """Every deadline from ``start`` to ``end`` (both included), of every app; optionally only those of these units
    or of this user."""
    unit_ids = set(unit_ids) if unit_ids is not None else None
    rows = []
    for dotted in SOURCES:
        rows.extend(import_module(dotted).deadlines(start, end, unit_ids=unit_ids, user_id=user_id))
    return sorted(rows, key=lambda d: (d.due_on, d.kind, d.key))


def _schedule() -> dict[str, list[int]]:
    steps: dict[str, list[int]] = {}
    for kind, days in ReminderRule.objects.filter(is_active=True).values_list("kind", "days_before"):
        steps.setdefault(kind, []).append(days)
    return steps


def _message(deadline: Deadline, today: datetime.date) -> tuple[Message, Message]:
    """Kept as what to say (utilities.messages): each reader sees what is due and the days left in their
    language."""
    left = (deadline.due_on - today).days
    title = Message(gettext_noop("Reminder: %(what)s is due on %(date)s"), {"what": deadline.what,
                                                                          "date": deadline.due_on})
    body = (Message(gettext_noop("Today is the deadline.")) if left == 0 else
            Message(gettext_noop("%(n)s day left."), {"n": left}, plural=gettext_noop("%(n)s days left.")))
    return title, body


def _deliver(deadline: Deadline, title: str, body: str) -> int:
    if deadline.unit_id:
        return deliver_to_unit(deadline.unit_id, title, body, deadline.link)
    return deliver(User.objects.filter(pk=deadline.user_id, is_active=True), title, body, deadline.link)


def _record(deadline: Deadline, steps: Iterable[int | None]) -> bool:
    """Mark the steps sent; False when another run already did (the unique constraint decides)."""
    try:
        with transaction.atomic():
            for days in steps:
                ReminderSent.objects.create(kind=deadline.kind, key=deadline.key, due_on=deadline.due_on,
                                            days_before=days, recipient=deadline.recipient)
    except IntegrityError:
        return False
    return True


def send_due(today: datetime.date | None = None) -> int:
    """Send the reminders due today; returns how many deadlines were reminded."""
    today = today or timezone.localdate()
    schedule = _schedule()
    if not schedule:
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        rows = deadlines(today, today + datetime.timedelta(days=max(max(s) for s in schedule.values())))
        done = set(ReminderSent.objects.filter(due_on__gte=today, days_before__isnull=False).values_list(
            "kind", "key", "due_on", "days_before", "recipient"))
        for deadline in rows:
            left = (deadline.due_on - today).days
            reached = [d for d in schedule.get(deadline.kind, ()) if left <= d]
            if not reached or (deadline.kind, deadline.key, deadline.due_on, min(reached),
                               deadline.recipient) in done:
                continue
            # the nearest step, and the farther ones it stands for (never sent late on top of it)
            todo = [d for d in reached if (deadline.kind, deadline.key, deadline.due_on, d, deadline.recipient)
                    not in done]
            with transaction.atomic():
                if not _record(deadline, todo):
                    continue
                _deliver(deadline, *_message(deadline, today))
            sent += 1
    return sent


@shared_task(name="haiphong_thidua.tasks.send_reminders")  # its first module's name, kept (the beat's row)
def send_reminders() -> int:
    """Daily: the reminders of deadlines due today, each once."""
    return send_due()


def remind_now(rows: list[Deadline], today: datetime.date | None = None) -> int:
    """The Board's "remind now" for these deadlines (the units that have not registered or reported): sent at
    once, recorded without a schedule step, so the scheduled reminders still follow."""
    today = today or timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        for deadline in rows:
            with transaction.atomic():
                _record(deadline, [None])
                _deliver(deadline, *_message(deadline, today))
    return len(rows)


def upcoming_for(user, today: datetime.date | None = None) -> list[Deadline]:
    """The deadlines of the next ``HORIZON_DAYS`` days that concern ``user``: its unit's (and the units below it)
    for unit staff, its own as officer in charge."""
    today = today or timezone.localdate()
    end = today + datetime.timedelta(days=HORIZON_DAYS)
    if Role.UNIT_STAFF in user_roles(user) and user.unit_id:
        units = Unit.objects.filter(path__startswith=user.unit.path).values_list("pk", flat=True)
        return deadlines(today, end, unit_ids=units)
    return deadlines(today, end, unit_ids=(), user_id=user.pk)
