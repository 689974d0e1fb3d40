"""Amounts of money in Vietnamese words, as accountants write them on payment documents.

2.340.000 -> "Hai triệu ba trăm bốn mươi nghìn đồng"; 1.005.000 -> "Một triệu không trăm linh năm nghìn đồng".
(num2words' Vietnamese drops the "không trăm" of inner groups, which payment documents require.)
"""

from __future__ import annotations

from decimal import Decimal

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _three(number: int, leading: bool) -> list[str]:
    """The words of 0 < number < 1000; an inner group says its hundreds even when they are nought."""
    hundreds, tens, ones = number // 100, number // 10 % 10, number % 10
    words = []
    if hundreds or not leading:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if ones and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if ones:
        if ones == 1 and tens >= 2:
            words.append("mốt")
        elif ones == 4 and tens >= 2:
            words.append("tư")
        elif ones == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[ones])
    return words


def _words(number: int, leading: bool = True) -> list[str]:
    """Words of 0 < number; past a billion the names repeat ("một nghìn tỷ", "một tỷ tỷ")."""
    if number >= 10**9:
        billions, rest = divmod(number, 10**9)
        return _words(billions, leading) + ["tỷ"] + (_words(rest, leading=False) if rest else [])
    words: list[str] = []
    for power, name in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        value = number // power % 1000
        if value:
            words += _three(value, leading=leading and not words) + ([name] if name else [])
    return words


def money_in_words(amount) -> str:
    """Whole đồng in words with a capital letter: 710000 -> "Bảy trăm mười nghìn đồng"."""
    value = int(Decimal(amount))
    text = " ".join(_words(abs(value))) if value else "không"
    if value < 0:
        text = "âm " + text
    return text[0].upper() + text[1:] + " đồng"
