"""Cancel a sale or void an invoice: the reason, and how what was paid goes back today (B6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.errors import DomainError
from app.models import PaymentMethod
from app.services import invoices, payments
from ui.forms import FieldErrors
from ui.i18n import term
from ui.money import price_text
from ui.ops import FAILED, Ops


class RefundDialog(QDialog):
    """Asks the reason; when money was paid, the method and cash drawer it goes back by (by default
    the last payment's). ``run(service, *args)`` saves with those and closes; a refusal stays in the
    dialog next to its field."""

    def __init__(self, ops: Ops, invoice_id: int | None, title: str, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        due = ops.read(invoices.refund_due, invoice_id) if invoice_id else {"amount": 0}
        self.paying_back = due["amount"] > 0
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.reason = QLineEdit(objectName="refundReason")
        self.errors.add_row(self.tr("Reason"), "reason", self.reason)
        self.method = QComboBox(objectName="refundMethod")
        self.drawer = QComboBox(objectName="refundDrawer")
        if self.paying_back:
            note = QLabel(self.tr("{amount} paid on it is paid back today (a refund with a credit note). "
                                  "The payments stay on their days.").format(amount=price_text(due["amount"])),
                          objectName="refundNote", wordWrap=True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(note)
            for method in PaymentMethod:
                self.method.addItem(term(payments.METHOD_NAMES[method]), method.value)
            self.method.setCurrentIndex(max(0, self.method.findData(due["method"])))
            self.drawer.addItem(self.tr("No cash drawer"), None)
            for drawer_id, name in ops.read(payments.cash_drawers):
                self.drawer.addItem(name, drawer_id)
            self.drawer.setCurrentIndex(max(0, self.drawer.findData(due["cash_drawer_id"])))
            self.errors.add_row(self.tr("Paid back by"), "method", self.method)
            self.errors.add_row(self.tr("From cash drawer"), "cash_drawer_id", self.drawer)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Pay back and void") if self.paying_back else self.tr("Void"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("refundOk")
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.result_value = None

    def choices(self) -> dict:
        if not self.paying_back:
            return {}
        return {"method": self.method.currentData(), "cash_drawer_id": self.drawer.currentData()}

    def run(self, service, *args, done: str) -> None:
        """Save on OK: ``service(*args, reason, method=, cash_drawer_id=)``; stays open on a refusal."""

        def save():
            self.errors.clear()
            result = self.ops.run(service, *args, self.reason.text(), parent=self, on_error=self._refused,
                                  done=done, **self.choices())
            if result is not FAILED:
                self.result_value = result
                self.accept()

        self.ok_button.clicked.connect(save)

    def _refused(self, err: DomainError) -> None:
        self.errors.show(err)
