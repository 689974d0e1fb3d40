"""The register of signed documents: the copies the features keep here (``keep``), and the features' own
registers (awards' signed decisions), asked through one function, ``lookup``, by the public check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import SignedCopy
from .signing import sha256


@dataclass
class Registered:
    """What a register says about a digest it holds: the sentence shown when the file checks, and the register's
    entry (or None where the page should not link to one)."""

    text: str
    entry: object | None = None


_registers: list[Callable[[str], Registered | None]] = []
_describers: dict[str, Callable[[SignedCopy], str | None]] = {}


def add_register(find: Callable[[str], Registered | None]) -> None:
    """A feature's own register of signed documents (``find(sha256)``), asked before the copies kept here."""
    if find not in _registers:
        _registers.append(find)


def describe(kind: str, text: Callable[[SignedCopy], str | None]) -> None:
    """How the public check names a copy of ``kind`` ("A signed, unaltered report …"; None: not known any more)."""
    _describers[kind] = text


def keep(kind: str, reference: int, content: bytes, signer: str = "") -> SignedCopy:
    """``content`` (a signed PDF) into the register, once."""
    copy, _created = SignedCopy.objects.get_or_create(
        sha256=sha256(content), defaults={"kind": kind, "reference": reference, "signer": signer})
    return copy


def copies(kind: str, reference: int):
    """The signed copies of one document, oldest first."""
    return SignedCopy.objects.filter(kind=kind, reference=reference)


def forget(kind: str, reference: int) -> None:
    """A deleted document's copies go with it."""
    copies(kind, reference).delete()


def lookup(digest: str) -> Registered | None:
    """What the registers say about a file with this SHA-256: the features' own registers first, then the copies
    kept here (named by their feature), or None."""
    for find in _registers:
        found = find(digest)
        if found is not None:
            return found
    copy = SignedCopy.objects.filter(sha256=digest).first()
    text = _describers[copy.kind](copy) if copy is not None and copy.kind in _describers else None
    return Registered(text) if text else None
