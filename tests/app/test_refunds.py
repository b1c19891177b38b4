"""B6: money paid back is a refund dated the day it leaves the till, with a credit note; a closed day stays closed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import DomainError
from app.models import AuditEvent, CashDrawer, Payment, Refund
from app.services import invoices, payments, sales

OCT_17 = dt.date(2026, 10, 17)
DEC_1 = dt.date(2026, 12, 1)


@pytest.fixture
def drawers(session):
    front = session.scalar(select(CashDrawer.id).where(CashDrawer.name == "Front desk"))
    back = CashDrawer(name="Back office")
    session.add(back)
    session.flush()
    return front, back.id


def _paid_sale(session, receptionist, anna, gold, drawer, on=OCT_17):
    sale = sales.sell(session, receptionist, anna, gold, start_date=on, today=on)
    payments.add_payment(session, receptionist, sale.invoice_id, "95.00", cash_drawer_id=drawer, paid_on=on)
    return sale


def test_b6_cancel_on_a_later_day_pays_back_today_and_leaves_the_payment_day_closed(
        session, owner, receptionist, anna, gold, drawers):
    front, _ = drawers
    sale = _paid_sale(session, receptionist, anna, gold, front)
    before = payments.day_takings(session, owner, OCT_17)
    sales.cancel(session, owner, sale.membership_id, "moved away", today=DEC_1)

    assert payments.day_takings(session, owner, OCT_17) == before  # the 17 October takings do not change
    payment = session.scalar(select(Payment).where(Payment.invoice_id == sale.invoice_id))
    assert payment.voided_at is None
    (refund,) = session.scalars(select(Refund).where(Refund.invoice_id == sale.invoice_id)).all()
    assert (refund.refunded_on, refund.amount, refund.method.value, refund.cash_drawer_id) == \
        (DEC_1, Decimal("95.00"), "cash", front)  # the payment's method and drawer by default
    takings = payments.day_takings(session, owner, DEC_1)
    assert [(line["method"], line["drawer"], line["amount"]) for line in takings["lines"]] == \
        [("Refund: Cash", "Front desk", Decimal("-95.00"))]
    assert (takings["total"], takings["refunds"]) == (Decimal("-95.00"), Decimal("95.00"))
    view = invoices.invoice_view(session, owner, sale.invoice_id)
    assert view["state"] == "void" and view["balance"] == 0
    assert [(r["credit_note"], r["amount"], r["refunded_on"]) for r in view["refunds"]] == \
        [(invoices.credit_note_text(refund.number), Decimal("95.00"), DEC_1)]


def test_b6_voiding_a_paid_invoice_pays_back_by_the_chosen_method_and_drawer(
        session, owner, receptionist, anna, gold, drawers):
    front, back = drawers
    sale = _paid_sale(session, receptionist, anna, gold, front)
    invoices.void_invoice(session, owner, sale.invoice_id, "wrong client", method="bank_transfer",
                          cash_drawer_id=back, today=DEC_1)
    refund = session.scalar(select(Refund).where(Refund.invoice_id == sale.invoice_id))
    assert (refund.method.value, refund.cash_drawer_id) == ("bank_transfer", back)
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "refund"))
    assert event.entity_id == sale.invoice_id and "CN-" in event.details


def test_b6_credit_notes_are_numbered_in_their_own_gapless_series(session, owner, receptionist, anna, gold,
                                                                 drawers):
    front, _ = drawers
    numbers = []
    for day in (dt.date(2026, 6, 1), dt.date(2026, 7, 1), dt.date(2026, 8, 1)):
        sale = _paid_sale(session, receptionist, anna, gold, front, on=day)
        sales.cancel(session, owner, sale.membership_id, "changed mind", today=day + dt.timedelta(days=1))
        numbers.append(session.scalar(select(Refund.number).where(Refund.invoice_id == sale.invoice_id)))
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]
    issued = session.scalars(select(Payment.invoice_id)).all()
    assert len(issued) == 3  # invoice numbers went on in their own series, untouched by credit notes


def test_b6_an_unpaid_invoice_voids_without_a_refund(session, owner, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=OCT_17)
    assert invoices.void_invoice(session, owner, sale.invoice_id, "typo", today=DEC_1) is None
    assert session.scalar(select(Refund.id).where(Refund.invoice_id == sale.invoice_id)) is None


def test_b6_a_payment_is_voided_only_on_the_day_it_was_taken(session, owner, receptionist, anna, gold, drawers):
    front, _ = drawers
    sale = _paid_sale(session, receptionist, anna, gold, front)
    paid = session.scalar(select(Payment.id).where(Payment.invoice_id == sale.invoice_id))
    with pytest.raises(DomainError, match="only a payment of today can be voided"):
        payments.void_payment(session, owner, paid, "typo", today=DEC_1)
    assert session.get(Payment, paid).voided_at is None
    payments.void_payment(session, owner, paid, "typo", today=OCT_17)
    assert session.get(Payment, paid).voided_at is not None


@pytest.mark.parametrize("method,drawer,field", [("gold coins", None, "method"), ("cash", 999999, "cash_drawer_id")])
def test_b6_a_bad_method_or_drawer_is_refused_and_nothing_changes(session, owner, receptionist, anna, gold, drawers,
                                                                  method, drawer, field):
    sale = _paid_sale(session, receptionist, anna, gold, drawers[0])
    with pytest.raises(DomainError) as refused:
        sales.cancel(session, owner, sale.membership_id, "moved", today=DEC_1, method=method, cash_drawer_id=drawer)
    assert refused.value.field == field
    session.expire_all()
    assert invoices.invoice_view(session, owner, sale.invoice_id)["state"] == "issued"
    assert session.scalar(select(Refund.id).where(Refund.invoice_id == sale.invoice_id)) is None


def test_b6_the_takings_pdf_shows_the_refund_as_money_out(session, owner, receptionist, anna, gold, drawers,
                                                          tmp_path):
    import subprocess

    from app.pdf.takings import render_takings

    sale = _paid_sale(session, receptionist, anna, gold, drawers[0])
    sales.cancel(session, owner, sale.membership_id, "moved away", today=DEC_1)
    pdf = render_takings(payments.day_takings(session, owner, DEC_1), {"business_name": "Sunny", "currency": "EUR"},
                         tmp_path / "takings.pdf")
    shown = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Refund: Cash" in shown and "-95.00" in shown
    assert "Of which paid back (refunds)" in shown
    # L2: in the business's language, the refund's method as the window says it, money as Russian writes it
    pdf = render_takings(payments.day_takings(session, owner, DEC_1),
                         {"business_name": "Sunny", "currency": "EUR", "language": "ru"}, tmp_path / "takings_ru.pdf")
    shown = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert "Выручка кассы за 01.12.2026" in shown and "Возврат: Наличные" in shown and "-95,00" in shown
    assert "В том числе возвращено (возвраты)" in shown and "Итого" in shown and "Refund" not in shown


@pytest.mark.parametrize("change", ["UPDATE refunds SET amount = 1", "UPDATE refunds SET refunded_on = '2026-10-17'",
                                    "DELETE FROM refunds"])
def test_b6_a_refund_cannot_be_changed_or_deleted_even_in_sql(session, owner, receptionist, anna, gold, drawers,
                                                              change):
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    sale = _paid_sale(session, receptionist, anna, gold, drawers[0])
    sales.cancel(session, owner, sale.membership_id, "moved away", today=DEC_1)
    with pytest.raises(IntegrityError, match="a refund cannot change or be deleted"), session.begin_nested():
        session.execute(text(change))
