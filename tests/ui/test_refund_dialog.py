"""B6 on screen: voiding a paid invoice asks how the money goes back, defaulting to the payment's way."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import CashDrawer, Package, Refund
from app.services import clients, payments, sales
from ui.selling.invoice import InvoiceDialog
from ui.selling.refund import RefundDialog


def _paid_sale(desk, olga, method="card"):
    earlier = dt.date.today() - dt.timedelta(days=40)
    with desk.database.writer.begin() as s:
        back = CashDrawer(name="Back office")
        s.add(back)
        s.flush()
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
        anna = clients.create_client(s, olga.actor, name="Anna Refund")
        sale = sales.sell(s, olga.actor, anna, gold, start_date=earlier, today=earlier)
        payments.add_payment(s, olga.actor, sale.invoice_id, "95.00", method=method, cash_drawer_id=back.id,
                             paid_on=earlier)
        return sale, back.id


def test_b6_void_invoice_offers_the_payments_way_back_and_records_the_chosen_one(desk, qtbot, monkeypatch):
    olga = desk.ops("olga")
    sale, back = _paid_sale(desk, olga)
    invoice = InvoiceDialog(olga, sale.invoice_id)
    qtbot.addWidget(invoice)
    seen = {}

    def choose(dialog):
        seen["method"], seen["drawer"] = dialog.method.currentData(), dialog.drawer.currentData()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason yet: refused in the dialog
        seen["refused"] = dialog.errors.text("reason")
        qtbot.keyClicks(dialog.reason, "wrong client")
        dialog.method.setCurrentIndex(dialog.method.findData("cash"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RefundDialog, "exec", choose)
    invoice.void_button.click()
    assert (seen["method"], seen["drawer"]) == ("card", back)  # the payment's way, by default
    assert seen["refused"] == "A reason is required."
    with desk.database.reader.begin() as s:
        refund = s.scalar(select(Refund).where(Refund.invoice_id == sale.invoice_id))
        assert (refund.method.value, refund.cash_drawer_id, refund.refunded_on) == ("cash", back, dt.date.today())
    assert invoice.view["state"] == "void"
    assert not invoice.refunds.isHidden()
    assert invoice.refunds.text() == (f"Paid back on {dt.date.today():%d.%m.%Y}: €95.00 by Cash (Back office) · "
                                      f"credit note CN-{refund.number:05d}")
