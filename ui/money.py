"""How money and membership standing look on screen, the same in every list and dialog."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QColor

from app import languages
from app.services.status import NONE, Status

STANDING_COLOURS = {
    Status.UPCOMING: QColor("#2c6fbb"),
    Status.ACTIVE: QColor("#1e7b3c"),
    Status.GRACE: QColor("#b7791f"),
    Status.SUSPENDED: QColor("#6c5ce7"),
    Status.EXPIRED: QColor("#b03a2e"),
    Status.CANCELLED: QColor("#7f8c8d"),
    NONE: QColor("#7f8c8d"),
}


def money_text(amount: Decimal | None) -> str:
    """12345.5 -> "12,345.50" (Russian "12 345,50", Arabic "١٢٬٣٤٥٫٥٠"); None -> "" (app.languages, L2)."""
    return languages.money_text(amount)


def price_text(amount: Decimal | None) -> str:
    """An amount standing alone (a total, a balance, a payment said in the status bar), with the currency's
    symbol from Settings: "€1,234.50" · "1 234,50 Br" · "١٬٢٣٤٫٥٠ ر.س.". A table's column keeps
    :func:`money_text` (bare numbers line up; its header names the column)."""
    return languages.price_text(amount)
