"""Text helpers for Vietnamese names."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics: "Nguyễn Văn Ả" -> "nguyen van a"."""
    text = (text or "").replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


class FoldedNameQuerySet:
    """Mixin for querysets of models with a ``search_name`` column holding ``fold(name)``."""

    def search(self, text: str):
        folded = fold(text)
        return self.filter(search_name__contains=folded) if folded else self


# Bidi overrides and isolates (which make "rtl\u202egnp.exe" display as "rtlexe.png") and zero-width characters.
INVISIBLE = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
                                   "\u200b\u200c\u200d\u2060\ufeff"))


def clean_text(text: str) -> str:
    """Free text as stored: without bidi controls and zero-width characters, trimmed."""
    return (text or "").translate(INVISIBLE).strip()
