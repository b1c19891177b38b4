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
