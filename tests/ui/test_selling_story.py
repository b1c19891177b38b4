"""The selling story of issue 4: sell Gold, pay half, see the balance, pay the rest; M2 with renewal offer."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from app.models import Package
from app.services import clients, invoices
from ui.clients.profile import ClientProfile
from ui.selling.invoice import InvoiceDialog
from ui.selling.payment import PaymentDialog
from ui.selling.sale import SaleDialog


def test_sell_gold_pay_half_then_the_rest_and_meet_m2(desk, qtbot, monkeypatch, tmp_path):
    ops = desk.ops("rita")
    with desk.database.writer.begin() as s:
        anna = clients.create_client(s, ops.actor, name="Анна Иванова")
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
    profile = ClientProfile(ops)
    qtbot.addWidget(profile)
    profile.show_client(anna)
    profile.show()
    assert profile.badge.text() == "No membership"

    sale = SaleDialog(ops, anna)
    qtbot.addWidget(sale)
    sale.package.setCurrentIndex(sale.package.findData(gold))
    assert sale.end.text() and sale.total.text() == "€95.00"
    sale.save()
    assert sale.result() == QDialog.DialogCode.Accepted and sale.sale.invoice_state == "issued"

    pay = PaymentDialog(ops, sale.sale.invoice_id)
    qtbot.addWidget(pay)
    assert pay.amount.text() == "95.00"  # B1: prefilled with the balance
    pay.amount.setText("47.50")
    pay.pay()
    assert pay.payment_id is not None
    profile.show_client(anna)
    assert profile.badge.text().startswith("Gold · active until")
    profile.tabs.setCurrentWidget(profile.money_page)  # the invoices tab is read when opened
    assert profile.balance.text() == "Balance due: €47.50"

    view = InvoiceDialog(ops, sale.sale.invoice_id)
    qtbot.addWidget(view)
    assert view.total_labels["balance"].text() == "€47.50" and view.pay_button.isVisible() is False  # not shown yet
    view.show()
    assert view.pay_button.isVisible() and view.pay_button.isEnabled()
    monkeypatch.setattr(PaymentDialog, "exec", lambda self: self.pay())
    view.add_payment()
    assert view.total_labels["balance"].text() == "€0.00" and view.state.text() == "State: paid"
    with desk.database.reader() as s:
        assert invoices.invoice_view(s, ops.actor, sale.sale.invoice_id)["paid"] == Decimal("95.00")
    printed = view.documents.save_pdf("a4", str(tmp_path / "gold.pdf"))  # "print the PDF to a file"
    assert printed.read_bytes().startswith(b"%PDF")

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    second = SaleDialog(ops, anna)
    qtbot.addWidget(second)
    second.package.setCurrentIndex(second.package.findData(gold))
    second.save()
    assert "already has a current membership: Gold" in asked[0] and "Renew" in asked[0]
    assert second.windowTitle() == "Renew membership" and not second.start.isEnabled()
    second.save()  # the renewal, starting the day after the current end
    assert second.sale is not None
