"""Money is exact: Decimal in Python, integer cents in the database, never a float."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from app.models import CashDrawer, Client, Invoice, Payment, PaymentMethod
from app.types import to_decimal


def test_money_is_stored_as_integer_cents(session, owner):
    client = Client(code="T1", name="Test", search_key="test")
    session.add(client)
    session.flush()
    inv = Invoice(date=__import__("datetime").date(2026, 1, 1), client_id=client.id, payer_id=client.id,
                  total=Decimal("127.98"))
    session.add(inv)
    session.flush()
    sqlite = session.get_bind().dialect.name == "sqlite"
    type_of = "typeof(total)" if sqlite else "CAST(pg_typeof(total) AS TEXT)"
    raw = session.execute(text(f"SELECT total, {type_of} FROM invoices WHERE id = :i"), {"i": inv.id}).one()
    assert raw == (12798, "integer" if sqlite else "bigint")
    session.expire_all()
    assert session.get(Invoice, inv.id).total == Decimal("127.98")


@pytest.mark.parametrize("bad", [0.1, "0.015", "1,5", "abc", "NaN", "Infinity", ""])
def test_amounts_that_are_not_exact_money_are_refused(bad):
    with pytest.raises(ValueError):
        to_decimal(bad)


def test_a_payment_of_zero_is_refused_by_the_schema(session):
    from sqlalchemy.exc import IntegrityError

    client = Client(code="T2", name="Test", search_key="test")
    session.add(client)
    session.flush()
    inv = Invoice(date=__import__("datetime").date(2026, 1, 1), client_id=client.id, payer_id=client.id)
    drawer = session.query(CashDrawer).first()
    session.add(inv)
    session.flush()
    with pytest.raises(IntegrityError):
        with session.begin_nested():
            session.add(Payment(invoice_id=inv.id, paid_on=inv.date, amount=Decimal("0"),
                                method=PaymentMethod.CASH, cash_drawer_id=drawer.id))
            session.flush()


@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False))
def test_every_two_decimal_amount_survives_the_round_trip(amount):
    from app.types import Fixed

    column = Fixed(2)
    stored = column.process_bind_param(amount, None)
    assert isinstance(stored, int)
    assert column.process_result_value(stored, None) == amount
