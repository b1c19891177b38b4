"""Text keys for search: names stored as typed, searched through a folded copy."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case-folded, accent-free, single-spaced: "Zoë  MÜLLER" -> "zoe muller", "Анна" -> "анна".

    Works in any script: combining marks are dropped after NFKD decomposition
    (й and ё lose their marks too, so "ёлка" and "елка" match, as users expect).
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


def phone_digits(phone: str) -> str:
    """The digits of a phone number, without leading zeros (trunk prefix or 00 of an international call)."""
    return "".join(ch for ch in phone if ch.isdigit()).lstrip("0")


def national_number(phone: str) -> str:
    """The national significant number of a phone written in its national form, or "" if it is not one.

    Countries dial their own numbers with a trunk prefix that the international
    form leaves out: 0 in the UK and Germany ("07700 900123" is +44 7700 900123,
    "030 1234567" is +49 30 1234567), 8 in Russia ("8 912 345 67 89" is
    +7 912 345 67 89) and 8 0 in Belarus ("8 029 123-45-67" is +375 29 123 45 67).
    A number written with + or 00 is international already: "".
    """
    if phone.lstrip().startswith("+"):
        return ""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("00") or not digits.startswith(("0", "8")):
        return ""
    return digits[1:].lstrip("0")


def isolated(name: str) -> str:
    """A name isolated from the text around it (Unicode FSI … PDI): an Arabic name keeps its own
    direction and does not drag the punctuation and the code after it along."""
    return f"\u2068{name}\u2069"
