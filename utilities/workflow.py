"""Workflow tables: the one place where a record's states and the actions between them are written.

A ``Workflow`` lists ``Transition`` rows: the action's name, the states it starts from, the state(s) it
leads to, the named permission predicate (``organisation.permissions``) that says who may take it, its
label and its form. Services call ``workflow.check(action, user, obj)`` after locking the row; pages
call ``workflow.offered(user, obj)`` to build the buttons this user has now; the API, the tests and the
docs/workflows.md's diagrams read the same rows (``workflow.mermaid()``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import structlog
from django.core.exceptions import ValidationError
from django.utils import timezone
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

    @property
    def target(self) -> str | None:
        return self.targets[0] if self.targets else None

    def label_for(self, state: str):
        return self.labels_by_source.get(state, self.label)


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
                 initial: str | None = None, wrong_state_message=None):
        self.name, self.states, self.state_field, self.initial = name, states, state_field, initial
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

    def check(self, action: str, user, obj, today: datetime.date | None = None) -> Transition:
        """Raise ``PermissionDenied`` or ``ValidationError`` unless ``user`` may take ``action`` on ``obj`` now."""
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
            raise ValidationError(reason)
        return transition

    def offered(self, user, obj, today: datetime.date | None = None) -> list[Offer]:
        """The actions of ``obj``'s page that ``user`` may take in its state, with their forms, in table order."""
        state, offers = self.state_of(obj), []
        for t in self.transitions.values():
            if not t.url_name or state not in t.sources or not t.permission(user, obj):
                continue
            reason = self.unmet(t.name, obj, today)
            if reason and t.hide_when_unmet:
                continue
            form = None
            if t.form:
                form = import_string(t.form)(initial=t.form_initial(user) if t.form_initial else None,
                                             auto_id=f"{t.name}_%s")
            offers.append(Offer(t, t.label_for(state), reason, t.detail(obj) if t.detail else "", form))
        return offers

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
