"""Column types for money, fixed-point numbers and UTC timestamps.

Money is exact: a ``Decimal`` in Python, an integer count of minor units in
the database (SQLAlchemy's ``Numeric`` is stored as REAL by SQLite and loses
cents). Nothing is rounded silently: a value with more decimals than the
column holds is refused, so rounding happens only where a rule says so.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


def to_decimal(value, places: int = 2) -> Decimal:
    """Return ``value`` as a Decimal with exactly ``places`` decimals.

    Raises:
        ValueError: for floats (never money), non-numbers, NaN/infinity, or
            more decimals than ``places`` (0.015 is not an amount of money).
    """
    if isinstance(value, float):
        raise ValueError("money must not be a float")
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if not d.is_finite():
        raise ValueError(f"not a number: {value!r}")
    quantum = Decimal(1).scaleb(-places)
    if d != d.quantize(quantum):
        raise ValueError(f"{value} has more than {places} decimals")
    return d.quantize(quantum)


class Fixed(TypeDecorator):
    """A Decimal with a fixed number of decimals, stored as an integer."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int = 2):
        super().__init__()
        self.places = places

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int(to_decimal(value, self.places).scaleb(self.places))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places).quantize(Decimal(1).scaleb(-self.places))

    @property
    def python_type(self):
        return Decimal


def Money() -> Fixed:  # noqa: N802 - reads as a type in model declarations
    """Money in the business currency, two decimals (cents)."""
    return Fixed(2)


def Percent() -> Fixed:  # noqa: N802
    """A percentage such as 12.5, two decimals."""
    return Fixed(2)


class UTCDateTime(TypeDecorator):
    """An aware UTC datetime; stored naive-UTC so SQLite and PostgreSQL agree."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
