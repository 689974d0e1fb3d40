"""Texts the portal composes and keeps (a notification, a line of the fund's ledger), stored as what to say rather
than as words: an English message id (marked with ``gettext_noop`` where it is written) with its parameters, as
JSON. Each reader gets it in their own language when it is shown (``render``), with the numbers and dates of that
language (``utilities.numbers.number``: "2.340.000" in Vietnamese, "2,340,000" in English).

Parameters: a ``str`` (a name, a code, what a user typed: shown as is), an ``int`` (a year, a count: as is, never
grouped), a ``Decimal`` (an amount or a figure: in the reader's number format), a ``date`` (dd/mm/yyyy), a nested
``Message``, a lazy translation (a choice's label: kept in every language of the portal) or ``Texts`` (a text the
portal already has in each language, e.g. an audit note)."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise

from .numbers import number


@dataclass(frozen=True)
class Texts:
    """One text in each language of the portal (language code -> text)."""

    by_language: dict

    @classmethod
    def of(cls, value, shape=str) -> Texts:
        """A lazy translation (or anything ``str`` turns into words) in every language of the portal, each passed
        through ``shape`` (e.g. ``str.lower``)."""
        texts = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                texts[code] = shape(str(value))
        return cls(texts)

    def __hash__(self) -> int:
        return hash(json.dumps(self.by_language, sort_keys=True))


@dataclass(frozen=True)
class Message:
    """``msgid % params`` in the reader's language; with ``plural``, ``ngettext`` on the parameter ``count``."""

    msgid: str
    params: dict = field(default_factory=dict)
    plural: str = ""
    count: str = "n"

    @property
    def data(self) -> dict:
        """What is stored (JSON)."""
        data = {"msgid": self.msgid, "params": {key: _encode(value) for key, value in self.params.items()}}
        if self.plural:
            data.update(plural=self.plural, count=self.count)
        return data

    def in_language(self, code: str) -> str:
        return in_language(self.data, code)

    def __str__(self) -> str:
        """In the active language: a message may stand wherever a text is shown (``{{ deadline.what }}``)."""
        return render(self.data)

    def __hash__(self) -> int:
        return hash(json.dumps(self.data, sort_keys=True))


def stored(value) -> dict | None:
    """What a notification or a ledger line keeps of ``value`` (a ``Message``, ``Texts`` or a plain text in the
    portal's language), as ``render`` reads it; None for no text."""
    if isinstance(value, Message):
        return value.data
    if isinstance(value, Texts):
        return {"texts": value.by_language}
    return {"texts": {settings.LANGUAGE_CODE: value}} if value else None


def _encode(value):
    if isinstance(value, Message):
        return {"message": value.data}
    if isinstance(value, Texts):
        return {"texts": value.by_language}
    if isinstance(value, Promise):
        return {"texts": Texts.of(value).by_language}
    if isinstance(value, Decimal | float):
        return {"number": str(value)}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, bool) or value is None:
        return str(value)
    return value if isinstance(value, int) else str(value)


def _text_for_reader(texts: dict) -> str:
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return texts.get(language) or texts.get(settings.LANGUAGE_CODE) or next(iter(texts.values()), "")


def _decode(value):
    if not isinstance(value, dict):
        return value
    if "message" in value:
        return render(value["message"])
    if "texts" in value:
        return _text_for_reader(value["texts"])
    if "number" in value:
        return number(Decimal(value["number"]))
    if "date" in value:
        return datetime.date.fromisoformat(value["date"]).strftime("%d/%m/%Y")
    return str(value)


def render(data: dict | None) -> str:
    """A stored message in the active language (the reader's)."""
    if not data:
        return ""
    if "texts" in data:
        return _text_for_reader(data["texts"])
    params = {key: _decode(value) for key, value in (data.get("params") or {}).items()}
    if data.get("plural"):
        text = translation.ngettext(data["msgid"], data["plural"], int(data["params"][data.get("count", "n")]))
    else:
        text = translation.gettext(data["msgid"]) if data["msgid"] else ""
    return text % params if params else text


def in_language(data: dict | None, code: str) -> str:
    """A stored message in the language ``code`` (the portal's language for e-mails and exports)."""
    with translation.override(code):
        return render(data)


def texts(note: str, note_en: str = "") -> Texts:
    """An audit note kept in the portal's language and in English, as a message parameter."""
    return Texts({settings.LANGUAGE_CODE: note, "en": note_en or note})
