"""M1 date arithmetic and the price per lesson of a pack."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models import TermUnit
from app.terms import end_date, lesson_prices

D = dt.date


@pytest.mark.parametrize(
    "start,count,unit,end",
    [
        (D(2026, 1, 15), 1, TermUnit.MONTH, D(2026, 2, 14)),
        (D(2026, 1, 31), 1, TermUnit.MONTH, D(2026, 2, 27)),
        (D(2028, 2, 29), 1, TermUnit.YEAR, D(2029, 2, 27)),
        (D(2026, 3, 1), 30, TermUnit.DAY, D(2026, 3, 30)),
        (D(2026, 3, 2), 2, TermUnit.WEEK, D(2026, 3, 15)),
        (D(2026, 1, 1), 1, TermUnit.YEAR, D(2026, 12, 31)),
    ],
)
def test_m1_end_date_is_the_last_day_covered(start, count, unit, end):
    assert end_date(start, count, unit) == end


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2199, 1, 1)), st.integers(1, 24))
def test_m1_adding_months_never_spills_into_the_month_after(start, months):
    end = end_date(start, months, TermUnit.MONTH)
    target_month = (start.month - 1 + months) % 12 + 1
    assert end >= start
    assert (end + dt.timedelta(days=1)).month == target_month


def test_price_per_lesson_puts_the_remainder_on_the_last_lesson():
    assert lesson_prices(Decimal("127.98"), 6) == [Decimal("21.33")] * 6
    assert lesson_prices(Decimal("100.00"), 3) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]


@given(st.decimals(min_value=0, max_value=10**6, places=2), st.integers(1, 60))
def test_lesson_prices_always_add_up_to_the_total(total, lessons):
    prices = lesson_prices(total, lessons)
    assert sum(prices) == total and len(prices) == lessons and min(prices) >= 0
