"""Workflow tables: the one place where a record's states and the actions between them are written.

A ``Workflow`` lists ``Transition`` rows: the action's name, the states it starts from, the state(s) it
leads to, the named permission predicate (``organisation.permissions``) that says who may take it, its
label and its form. Pages call ``workflow.offered(user, obj)`` to build the buttons this user has now; the API,
the tests and the docs/workflows.md's diagrams read the same rows (``workflow.mermaid()``).

The engine takes the whole action (Hypha's ``perform_transition``, django-fsm's ``@transition``): the service
that does an action's own work is registered on its row with ``@workflow.action(name)`` (once; an unknown or
twice-registered row fails at import), and calling it, or ``workflow.take(name, user, obj, **data)``, runs

1. ``transaction.atomic``; the row locked (``select_for_update(of=("self",))`` through the model's default manager),
2. ``workflow.check(name, user, obj)``: the row's predicate, its source states and its condition,
3. the handler ``(user, obj, **data)``: the action's own work; it may return a ``Step`` choosing the target among
   the row's targets, the audit note, another audit name, the result to return and the action's own notice,
4. the state set, the row saved (its history row names the user), one ``AuditRecord`` handed to the table's
   audit writer (one field set for every workflow), and the notice queued (a TransactionAwareTask: sent on commit).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import structlog
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.urls import path as route
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]  # () where the state stays as it is (an edit, a vote, a revocation)
    permission: Callable  # an organisation.permissions predicate, asked with (user, obj)
    label: object
    form: str | None = None  # dotted name of the form class the page shows for it, if any
    form_initial: Callable | None = None  # (user) -> the form's initial values
    url_name: str | None = None  # the page's endpoint for it; None: not a button of the record's page
    method: str = "post"  # "post": a button or form posting to url_name; "get": a link to a page of its own
    style: str = "primary"
    # (obj, today) -> why the action is not possible now although state and role allow it; None: it is.
    condition: Callable | None = None
    hide_when_unmet: bool = False  # True: a page leaves the action out (not shown greyed) while its condition fails
    detail: Callable | None = None  # (obj) -> a line the page shows with the action
    labels_by_source: dict = field(default_factory=dict)  # another wording of the label from some states
    wrong_state: object = None  # this action's own message when the record is not in a source state
    confirm: object = None  # an irreversible step: the question the page asks first, saying what will happen
    # True: the unit's notice of this step waits in the Board's outbox until the Board releases it (awards/outbox.py)
    held_notice: bool = False
    path: str | None = None  # the page's URL segment of a posted action ("tiep-nhan"); the dispatcher's route
    done: object = None  # the message after success: a text, or a function of the action's result
    next_url: Callable | None = None  # (result) -> where the page goes after success; None: back to the record
    api_input: str | None = None  # dotted name of the API's input serializer for the action, if it reads a body
    api_path: str | None = None  # the API's URL segment, where it is not the action's name
    bulk: bool = False  # True: the queue takes it on several records at once (the same engine, one by one)

    @property
    def target(self) -> str | None:
        return self.targets[0] if self.targets else None

    def label_for(self, state: str):
        return self.labels_by_source.get(state, self.label)


@dataclass
class Step:
    """What an action's handler tells the engine, where it says more than "done" (a handler may return ``None``,
    or any other value, which ``take`` then returns)."""

    to: str | None = None  # one of the row's targets; None: the row's first (a row with none keeps the state)
    note: object = ""  # the audit note: a text, or a function composing it, called in each audit language
    event: str = ""  # the audit record's action where it is not the row's name ("resubmit", "return", …)
    result: object = None  # what ``take`` returns; None: the locked, saved object
    notice: Callable | None = None  # (obj, note) -> None: the action's own notice instead of the table's
    save: bool = True  # False: the record itself is not written (the action's work is on other rows: a vote)
    audit: bool = True  # False: nothing worth a record happened (an edit that changed nothing, a vote)


@dataclass(frozen=True)
class AuditRecord:
    """One audit record, in the one field set every workflow writes (the table's writer stores it)."""

    workflow: str
    action: str
    obj: object
    actor: object
    from_state: str
    to_state: str
    note: str = ""
    note_en: str = ""


def notes(note) -> tuple[str, str]:
    """An audit note in the portal's language and in English: ``note`` is a text (names, a user's reason: the same
    in both) or a function that composes it, called once in each language."""
    if not callable(note):
        return note, note
    with translation.override(settings.LANGUAGE_CODE):
        text = note()
    with translation.override("en"):
        english = note()
    return text, english


@dataclass
class Offer:
    """An action as a page offers it to one user now."""

    transition: Transition
    label: object
    reason: str | None  # why it is not possible yet (shown, with the action greyed out)
    detail: str
    form: object | None

    @property
    def name(self) -> str:
        return self.transition.name


class Workflow:
    def __init__(self, name: str, states, transitions: Iterable[Transition], *, state_field: str = "status",
                 initial: str | None = None, wrong_state_message=None, lock_related: tuple[str, ...] = ()):
        self.name, self.states, self.state_field, self.initial = name, states, state_field, initial
        self.lock_related = lock_related  # select_related of the locked row (what the handlers read)
        self.handlers: dict[str, Callable] = {}
        self._today: dict[str, str] = {}
        # Set by the app that writes (``writes_with``): the audit writer (AuditRecord) -> None and the table's
        # notice of a state change (obj, transition, to_state, note, note_en) -> None.
        self.audit: Callable | None = None
        self.notify: Callable | None = None
        # A lazy message with %(status)s: why an action is refused in the current state.
        self.wrong_state_message = wrong_state_message or gettext_lazy(
            "This action is not possible now (%(status)s).")
        self.transitions = {t.name: t for t in transitions}
        values = set(states.values)
        for t in self.transitions.values():
            unknown = (set(t.sources) | set(t.targets)) - values
            if unknown:
                raise ValueError(f"{name}.{t.name}: unknown states {sorted(unknown)}")

    def __getitem__(self, action: str) -> Transition:
        return self.transitions[action]

    def __iter__(self):
        return iter(self.transitions.values())

    def state_of(self, obj) -> str:
        return getattr(obj, self.state_field)

    def sources(self, action: str) -> tuple[str, ...]:
        return self[action].sources

    def is_in(self, action: str, obj) -> bool:
        """Is ``obj`` in a state from which ``action`` starts (whoever asks)?"""
        return self.state_of(obj) in self[action].sources

    def unmet(self, action: str, obj, today: datetime.date | None = None) -> str | None:
        condition = self[action].condition
        return condition(obj, today or timezone.localdate()) if condition else None

    def open_to(self, user, obj) -> list[str]:
        """The state-changing actions ``user`` may take on ``obj`` in its state (conditions, which may need a
        query, are checked when the action is taken): cheap enough for every row of a list."""
        state = self.state_of(obj)
        return [t.name for t in self.transitions.values()
                if t.targets and state in t.sources and t.permission(user, obj)]

    def allows(self, action: str, user, obj, today: datetime.date | None = None) -> bool:
        transition = self[action]
        return (self.state_of(obj) in transition.sources and transition.permission(user, obj)
                and not self.unmet(action, obj, today))

    def check(self, action: str, user, obj, today: datetime.date | None = None, field: str | None = None) -> Transition:
        """Raise ``PermissionDenied`` or ``ValidationError`` unless ``user`` may take ``action`` on ``obj`` now.
        ``field``: the input the day came from (a decision's date): the condition's refusal is that field's error."""
        structlog.contextvars.bind_contextvars(action=action)  # every later log line of the request names it
        transition = self[action]
        transition.permission.require(user, obj)
        state = self.state_of(obj)
        if state not in transition.sources:
            if transition.wrong_state:
                raise ValidationError(str(transition.wrong_state))
            display = getattr(obj, f"get_{self.state_field}_display", lambda: state)()
            raise ValidationError(str(self.wrong_state_message) % {"status": display})
        reason = self.unmet(action, obj, today)
        if reason:
            raise ValidationError({field: reason} if field else reason)
        return transition

    def offered(self, user, obj, today: datetime.date | None = None, bound: dict | None = None) -> list[Offer]:
        """The actions of ``obj``'s page that ``user`` may take in its state, with their forms, in table order.
        ``bound``: {action: its form bound to a refused post}, shown instead of a fresh one (the input kept)."""
        state, offers = self.state_of(obj), []
        for t in self.transitions.values():
            if not t.url_name or state not in t.sources or not t.permission(user, obj):
                continue
            reason = self.unmet(t.name, obj, today)
            if reason and t.hide_when_unmet:
                continue
            form = (bound or {}).get(t.name)
            if t.form and form is None:
                form = import_string(t.form)(initial=t.form_initial(user) if t.form_initial else None,
                                             auto_id=f"{t.name}_%s")
            offers.append(Offer(t, t.label_for(state), reason, t.detail(obj) if t.detail else "", form))
        return offers

    # --- the engine ---------------------------------------------------------------------------------------

    def writes_with(self, *, audit: Callable, notify: Callable | None = None) -> None:
        """Give the table its audit writer and its notice of a state change (the app's kernel services)."""
        self.audit, self.notify = audit, notify

    def action(self, name: str, *, today: str = "today", record: Callable | None = None):
        """Register the decorated function as the handler of row ``name``: calling the function takes the action
        (``take``). ``today``: the keyword whose value is the day the row's condition is checked on. ``record``:
        where the function is called with a part of the table's record (a dossier's nominee), how to reach the
        record from it; the handler is then called ``(user, record, part, …)``."""
        if name not in self.transitions:
            raise ImproperlyConfigured(f"{self.name}: no row {name!r} to register a handler on")

        def register(handler: Callable) -> Callable:
            if name in self.handlers:
                raise ImproperlyConfigured(f"{self.name}.{name}: a handler is already registered")
            self.handlers[name], self._today[name] = handler, today

            @functools.wraps(handler)
            def taken(user, obj, *args, **data):
                if record is not None:
                    return self.take(name, user, record(obj), obj, *args, **data)
                return self.take(name, user, obj, *args, **data)

            # The row as the function's callers ask it (pages, the API): no name spelled again outside the table.
            taken.handler, taken.workflow, taken.transition = handler, self, self.transitions[name]
            taken.check = functools.partial(self.check, name)  # (user, obj, today=None)
            taken.allows = functools.partial(self.allows, name)  # (user, obj, today=None)
            taken.is_in = functools.partial(self.is_in, name)  # (obj)
            return taken

        return register

    def routes(self, view, prefix: str) -> list:
        """The named URL patterns of the posted rows (those with a ``path``), every one to the one dispatch
        ``view`` with the row's name as its ``action``: ``{% url %}`` names and old addresses keep working."""
        return [route(f"{prefix}{t.path}/", view, {"action": t.name}, name=t.url_name.rpartition(":")[2])
                for t in self.transitions.values() if t.path]

    def lock(self, obj):
        """``obj`` read again and locked for this transaction (not its related rows)."""
        manager = type(obj)._default_manager
        return manager.select_for_update(of=("self",)).select_related(*self.lock_related).get(pk=obj.pk)

    def take(self, action: str, user, obj, *args, **data):
        """Lock, check, do the action's work, set the state, save, audit and queue the notice, in one transaction."""
        transition = self[action]
        handler = self.handlers.get(action)
        if handler is None or self.audit is None:
            raise ImproperlyConfigured(f"{self.name}.{action}: no handler registered, or no audit writer")
        with transaction.atomic():
            obj = self.lock(obj)
            day_from = self._today[action]
            day = data.get(day_from)
            self.check(action, user, obj, day, field=day_from if day is not None and day_from != "today" else None)
            step = handler(user, obj, *args, **data)
            if not isinstance(step, Step):
                step = Step(result=step)
            from_state = self.state_of(obj)
            to_state = step.to or transition.target or from_state
            if transition.targets and to_state not in transition.targets:
                raise ValueError(f"{self.name}.{action} does not lead to {to_state}")
            setattr(obj, self.state_field, to_state)
            if step.save or to_state != from_state:
                obj._history_user = user
                obj.save()
            note, note_en = notes(step.note) if step.audit else ("", "")
            if step.audit:
                self.audit(AuditRecord(self.name, step.event or action, obj, user, from_state, to_state, note,
                                       note_en))
            if step.notice:
                step.notice(obj, note)
            elif transition.targets and self.notify:
                self.notify(obj, transition, to_state, note, note_en)
        return obj if step.result is None else step.result

    def mermaid(self) -> str:
        """The table as a Mermaid state diagram (docs/workflows.md shows it; a test keeps them equal)."""
        lines = ["stateDiagram-v2"]
        if self.initial:
            lines.append(f"    [*] --> {self.initial}")
        for t in self.transitions.values():
            for source in t.sources:
                for target in t.targets:
                    lines.append(f"    {source} --> {target}: {t.name}")
        return "\n".join(lines)
