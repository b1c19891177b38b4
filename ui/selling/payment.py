"""The payment step (B1): amount prefilled with the balance, method, cash drawer, date, reference, files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from app.languages import date_edit_format, read_amount
from app.models import PaymentMethod
from app.services import invoices, lists, payments
from app.text import isolated
from ui.forms import FieldErrors, pydate, qdate
from ui.i18n import term
from ui.money import money_text, price_text
from ui.ops import FAILED, Ops
from ui.selling.this_pc import last_drawer, remember_drawer


class PaymentDialog(QDialog):
    """Take a payment on an invoice; Skip leaves it unpaid ("Add payment" on the invoice later)."""

    def __init__(self, ops: Ops, invoice_id: int, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.invoice_id = invoice_id
        self.payment_id: int | None = None
        invoice = ops.read(invoices.invoice_view, invoice_id)
        self.setWindowTitle(self.tr("Payment for invoice {number}").format(number=invoice["number"]))
        self.setMinimumWidth(460)
        summary = QLabel(self.tr("{client} · total {total} · paid {paid} · due {due}").format(
            client=isolated(invoice["payer"]["name"]), total=price_text(invoice["total"]),
            paid=price_text(invoice["paid"]), due=price_text(invoice["balance"])), objectName="paymentSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)  # the client's name is text, never markup (D8)
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.amount = QLineEdit(money_text(invoice["balance"]), objectName="paymentAmount")  # as the language writes it
        self.method = QComboBox(objectName="paymentMethod")
        for method in PaymentMethod:
            self.method.addItem(term(payments.METHOD_NAMES[method]), method.value)
        self.drawer = QComboBox(objectName="paymentDrawer")
        self.drawer.addItem(self.tr("No cash drawer"), None)
        for drawer_id, name in ops.read(payments.cash_drawers):
            self.drawer.addItem(name, drawer_id)
        offered = ops.read(lists.preselected_drawer, last_drawer(ops.db.location))
        self.drawer.setCurrentIndex(max(0, self.drawer.findData(offered)) if offered is not None else 0)
        self.paid_on = QDateEdit(objectName="paymentDate")
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat(date_edit_format())
        self.paid_on.setDate(qdate(dt.date.today()))
        self.reference = QLineEdit(objectName="paymentReference")
        self.reference.setPlaceholderText(self.tr("Receipt, transfer or cheque number (optional)"))
        self.files = QListWidget(objectName="paymentFiles")
        self.files.setMaximumHeight(70)
        add_file = QPushButton(self.tr("Attach file…"))
        files_row = QVBoxLayout()
        files_row.addWidget(self.files)
        files_row.addWidget(add_file)
        self.errors.add_row(self.tr("Amount"), "amount", self.amount)
        self.errors.add_row(self.tr("Method"), "method", self.method)
        self.errors.add_row(self.tr("Cash drawer"), "cash_drawer_id", self.drawer)
        self.errors.add_row(self.tr("Date"), "paid_on", self.paid_on)
        self.errors.add_row(self.tr("Reference"), "reference", self.reference)
        form.addRow(self.tr("Files"), files_row)
        self.buttons = QDialogButtonBox()
        self.pay_button = self.buttons.addButton(self.tr("Take payment"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton(self.tr("Skip: pay later"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.pay_button.setDefault(True)  # Enter takes the payment (set once in the dialog)
        add_file.clicked.connect(self.attach)
        self.buttons.accepted.connect(self.pay)
        self.buttons.rejected.connect(self.reject)
        self.amount.selectAll()

    def attach(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), str(Path.home()))
        for name in chosen:
            self.files.addItem(name)

    def attachments(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def pay(self) -> None:
        result = self.ops.run(payments.add_payment, self.invoice_id, self.amount.text().strip(),
                              method=self.method.currentData(), cash_drawer_id=self.drawer.currentData(),
                              paid_on=pydate(self.paid_on.date()), reference=self.reference.text(),
                              attachments=self.attachments(), parent=self, on_error=self.errors.show,
                              done=lambda _id: self.tr("Payment of {amount} taken").format(
                                  amount=price_text(read_amount(self.amount.text()))))
        if result is not FAILED:
            remember_drawer(self.ops.db.location, self.drawer.currentData())
            self.payment_id = result
            self.accept()
