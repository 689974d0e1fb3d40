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


# Words that begin a proper name or an office in Vietnamese official writing (Decree 30/2020/NĐ-CP, Appendix II on
# capitals): they keep their capital inside a sentence ("do Chủ tịch UBND cấp xã quyết định", "của Sở Nội vụ").
NAME_STARTS = ("Ủy ban", "Uỷ ban", "Hội đồng", "Chủ tịch", "Thủ tướng", "Chính phủ", "Quốc hội", "Bộ trưởng",
               "Thủ trưởng", "Giám đốc", "Ban Thi đua", "Sở ", "Bộ ", "Luật ", "Nghị định", "Thông tư", "Nghị quyết",
               "Hải Phòng", "Việt Nam", "Nhà nước", "Trung ương")


def in_sentence(text: str) -> str:
    """``text`` (a label, a title) placed inside a sentence: only its first letter is lower-cased, and not even that
    when it begins with an acronym or a proper name. "Báo cáo quý – UBND quận Lê Chân" → "báo cáo quý – UBND quận
    Lê Chân"; "UBND quận Lê Chân", "Sở Nội vụ" and "Chủ tịch UBND cấp xã" are unchanged (``str.lower`` would have
    written "ubnd quận lê chân")."""
    text = str(text or "")
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not first or sum(ch.isupper() for ch in first) > 1 or not first[0].isupper() or text.startswith(NAME_STARTS):
        return text
    return text[0].lower() + text[1:]
