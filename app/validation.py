"""Checks for input where it enters the services (D5): each failure names its field."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from app import languages
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label
from app.types import to_decimal

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)
MAX_AMOUNT = Decimal("100000000")  # 10^8 in the business currency: beyond any real sale


DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _lone_surrogates(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def text(value, field: str, label: str, *, max_len: int = 200, required: bool = True) -> str:
    """Stripped text without control characters (tab and new line allowed) or broken characters, within ``max_len``.

    ``label`` names the field in the message ("The note"): a literal, so it is in the catalogue."""
    label = Label(label)
    value = "" if value is None else str(value).strip()
    if required and not value:
        raise DomainError("{label} is required.", field=field, label=label)
    if _lone_surrogates(value):
        raise DomainError("{label} contains a broken character (half of a pair): type it again.", field=field,
                          label=label)
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in value):
        raise DomainError("{label} contains characters that cannot be stored.", field=field, label=label)
    if len(value) > max_len:
        raise DomainError("{label} is too long ({length} characters; at most {most}).", field=field, label=label,
                          length=len(value), most=max_len)
    return value


def name(value, field: str = "name", label: str = QT_TRANSLATE_NOOP("Messages", "Name"), *, max_len: int = 200, required: bool = True) -> str:
    """A name (of a person, a family, a package, a user): one line, no control or direction-override characters.

    A direction override (U+202A-U+202E, U+2066-U+2069) would turn the text after the
    name around on every list, receipt and invoice that shows it (D5).
    """
    label = Label(label)
    if any(ch in "\n\r\t" for ch in ("" if value is None else str(value).strip())):
        raise DomainError("{label} must be on one line.", field=field, label=label)
    value = text(value, field, label, max_len=max_len, required=required)
    if any(ch in DIRECTION_CONTROLS for ch in value):
        raise DomainError("{label} contains a hidden character that changes the writing direction: "
                          "type it again without it.", field=field, label=label)
    return value


def search_text(value) -> str:
    """What a search box sent, with what can never be in a stored text removed (NUL, control
    characters, broken characters): a search never fails on them (D5)."""
    value = "" if value is None else str(value)
    return "".join(ch for ch in value if not ("\ud800" <= ch <= "\udfff")
                   and (unicodedata.category(ch) != "Cc" or ch in " \t"))


def money(value, field: str, label: str, *, allow_zero: bool = True) -> Decimal:
    """An amount of money: a Decimal with at most two decimals, within bounds."""
    label = Label(label)
    if isinstance(value, str):  # typed: read as the language in use writes it (L2: "1,5" in Russian)
        value = languages.read_amount(value, label, field)
    try:
        amount = to_decimal(value)
    except ValueError:
        raise DomainError("{label} must be an amount like {example}.", field=field, label=label,
                          example=Decimal("12.50")) from None
    if amount < 0 or (amount == 0 and not allow_zero):
        if not allow_zero:
            raise DomainError("{label} must be more than zero.", field=field, label=label)
        raise DomainError("{label} cannot be negative.", field=field, label=label)
    if amount > MAX_AMOUNT:
        raise DomainError("{label} is too large.", field=field, label=label)
    return amount


def percent(value, field: str, label: str) -> Decimal:
    label = Label(label)
    try:
        pct = to_decimal(value)
    except ValueError:
        raise DomainError("{label} must be a percentage like 10 or 12.5.", field=field, label=label) from None
    if not Decimal(0) <= pct <= Decimal(100):
        raise DomainError("{label} must be between 0 and 100.", field=field, label=label)
    return pct


def whole(value, field: str, label: str, *, minimum: int = 0, maximum: int = 1_000_000) -> int:
    label = Label(label)
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise DomainError("{label} must be a whole number.", field=field, label=label) from None
    if not minimum <= value <= maximum:
        raise DomainError("{label} must be between {minimum} and {maximum}.", field=field, label=label,
                          minimum=minimum, maximum=maximum)
    return value


def date(value, field: str, label: str) -> dt.date:
    label = Label(label)
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise DomainError("{label} must be a date.", field=field, label=label)
    if not MIN_DATE <= value <= MAX_DATE:
        raise DomainError("{label} must be between {first} and {last}.", field=field, label=label,
                          first=MIN_DATE.year, last=MAX_DATE.year)
    return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email(value, field: str = "email", label: str = QT_TRANSLATE_NOOP("Messages", "Email")) -> str:
    value = text(value, field, label, max_len=254, required=False)
    if value and not _EMAIL.match(value):
        raise DomainError("{label} does not look like an email address.", field=field, label=Label(label))
    return value


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def colour(value, field: str, label: str) -> str:
    value = text(value, field, label, max_len=9)
    if not _COLOUR.match(value):
        raise DomainError("{label} must be a colour like #33aa55.", field=field, label=Label(label))
    return value.lower()
