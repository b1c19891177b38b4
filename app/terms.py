"""Date and price arithmetic of sales, shared by the services and the demo generator."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from dateutil.relativedelta import relativedelta

from app.models.base import TermUnit
from app.types import CENT


def end_date(start: dt.date, count: int, unit: TermUnit) -> dt.date:
    """The last day a term starting on ``start`` covers (M1).

    start + term - 1 day, where adding months or years clamps to the month's
    last day: 31 Jan + 1 month is 28 Feb, so the term ends on 27 Feb.
    """
    step = {
        TermUnit.DAY: relativedelta(days=count),
        TermUnit.WEEK: relativedelta(weeks=count),
        TermUnit.MONTH: relativedelta(months=count),
        TermUnit.YEAR: relativedelta(years=count),
    }[TermUnit(unit)]
    return start + step - dt.timedelta(days=1)


def lesson_prices(total: Decimal, lessons: int) -> list[Decimal]:
    """Each lesson's price: total / lessons to the cent, the remainder on the last one."""
    each = (total / lessons).quantize(CENT, rounding=ROUND_DOWN)
    return [each] * (lessons - 1) + [total - each * (lessons - 1)]
