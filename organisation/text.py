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
