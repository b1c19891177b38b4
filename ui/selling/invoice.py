"""The invoice view: lines, discounts, tax, total, payments and balance; pay, void, edit a draft (M7)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.languages import date_text
from app.services import invoices, payments
from app.services.access import Right
from app.text import isolated
from ui.i18n import term
from ui.models.rows import RowsModel
from ui.money import money_text, price_text
from ui.ops import FAILED, Ops
from ui.selling.documents import InvoiceDocuments
from ui.tables import list_view


class DraftLines(QWidget):
    """A draft's lines as editable rows: description, amount, item or discount."""

    def __init__(self, lines: list[dict], parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[QLineEdit, QLineEdit, dict]] = []
        for title, column in ((self.tr("Description"), 0), (self.tr("Amount"), 1)):
            self.grid.addWidget(QLabel(title), 0, column)
        for line in lines:
            self.add(line)
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.clicked.connect(lambda: self.add({"description": "", "amount": "", "kind": "item"}))
        self.grid.addWidget(self.add_button, 1000, 0)

    def add(self, line: dict) -> None:
        amount = line["amount"]
        kind = line.get("kind", "item")
        description = QLineEdit(line["description"])
        value = QLineEdit("" if amount == "" else str(abs(amount)))
        value.setPlaceholderText(self.tr("discount") if kind == "discount" else "0.00")
        row = len(self.rows) + 1
        self.grid.addWidget(description, row, 0)
        self.grid.addWidget(value, row, 1)
        self.rows.append((description, value, {"kind": kind, "membership_id": line.get("membership_id")}))

    def lines(self) -> list[dict]:
        return [{"description": d.text(), "amount": v.text().strip(), **extra}
                for d, v, extra in self.rows if d.text().strip() or v.text().strip()]


MIN_WIDTH = 720


class InvoiceDialog(QDialog):
    def __init__(self, ops: Ops, invoice_id: int, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.invoice_id = invoice_id
        self.setMinimumSize(MIN_WIDTH, 560)
        layout = QVBoxLayout(self)
        self.heading = QLabel(objectName="areaTitle")
        self.who = QLabel(objectName="invoiceClient")
        self.who.setTextFormat(Qt.TextFormat.PlainText)  # the client's name (D8)
        self.state = QLabel(objectName="invoiceState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # the void reason is the user's text (D8)
        layout.addWidget(self.heading)
        layout.addWidget(self.who)
        layout.addWidget(self.state)
        self.lines_model = RowsModel([("description", QT_TRANSLATE_NOOP("Terms", "Line")),
                                      ("amount", QT_TRANSLATE_NOOP("Terms", "Amount"),
                                       lambda r: money_text(r["amount"]))],
                                     self, right=("amount",))
        self.lines_view = list_view(self.lines_model, "invoiceLines")
        self.lines_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines_view.horizontalHeader().setStretchLastSection(False)
        self.lines_view.setColumnWidth(1, 120)
        self.draft_area = QVBoxLayout()
        layout.addWidget(self.lines_view, 1)
        layout.addLayout(self.draft_area)
        self.totals = QFormLayout()
        self.total_labels = {}
        for key, title in (("items", self.tr("Items")), ("discounts", self.tr("Discounts")), ("tax", self.tr("Tax")),
                           ("total", self.tr("Total")), ("paid", self.tr("Paid")),
                           ("balance", self.tr("Balance due"))):
            label = QLabel(objectName=f"invoice_{key}")
            if key in ("total", "balance"):
                font = QFont(label.font())
                font.setBold(True)
                label.setFont(font)
            self.total_labels[key] = label
            self.totals.addRow(title, label)
        totals_row = QHBoxLayout()
        totals_row.addStretch(1)
        totals_row.addLayout(self.totals)
        layout.addLayout(totals_row)
        layout.addWidget(QLabel(self.tr("Payments"), objectName="cardTitle"))
        self.payments_model = RowsModel([
            ("paid_on", QT_TRANSLATE_NOOP("Terms", "Date"), lambda r: date_text(r["paid_on"])),
            ("amount", QT_TRANSLATE_NOOP("Terms", "Amount"), lambda r: money_text(r["amount"])),
            ("method", QT_TRANSLATE_NOOP("Terms", "Method"), lambda r: term(r["method"])),
            ("drawer", QT_TRANSLATE_NOOP("Terms", "Drawer")),
            ("reference", QT_TRANSLATE_NOOP("Terms", "Reference")), ("by", QT_TRANSLATE_NOOP("Terms", "Taken by")),
            ("attachments", QT_TRANSLATE_NOOP("Terms", "Files"), lambda r: ", ".join(r["attachments"])),
            ("void", QT_TRANSLATE_NOOP("Terms", "Void"),
             lambda r: (self.tr("void: ") + r["void_reason"]) if r["void"] else ""),
        ], self, right=("amount",), colour=lambda r, _k: "#8a8a8a" if r["void"] else None)
        self.payments_view = list_view(self.payments_model, "invoicePayments", fit=True)
        self.payments_view.setMaximumHeight(150)
        layout.addWidget(self.payments_view)
        self.refunds = QLabel(objectName="invoiceRefunds")  # B6: what was paid back, with its credit note
        self.refunds.setTextFormat(Qt.TextFormat.PlainText)
        self.refunds.setWordWrap(True)
        layout.addWidget(self.refunds)
        buttons = QHBoxLayout()
        self.pay_button = QPushButton(self.tr("Add payment…"), objectName="primary")
        self.void_payment_button = QPushButton(self.tr("Void payment…"))
        self.void_button = QPushButton(self.tr("Void invoice…"))
        self.issue_button = QPushButton(self.tr("Save and issue"), objectName="primary")
        self.save_draft_button = QPushButton(self.tr("Save draft"))
        self.documents = InvoiceDocuments(ops, self)
        close = QPushButton(self.tr("Close"))
        history = QPushButton(self.tr("History…"), objectName="invoiceHistory")
        for button in (self.pay_button, self.void_payment_button, self.void_button, self.save_draft_button,
                       self.issue_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(history)
        buttons.addWidget(self.documents)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.pay_button.clicked.connect(self.add_payment)
        self.void_payment_button.clicked.connect(self.void_payment)
        self.void_button.clicked.connect(self.void_invoice)
        self.save_draft_button.clicked.connect(lambda: self.save_draft(issue=False))
        self.issue_button.clicked.connect(lambda: self.save_draft(issue=True))
        close.clicked.connect(self.accept)
        history.clicked.connect(self.show_history)
        self.draft_lines: DraftLines | None = None
        self.refresh()

    def refresh(self) -> None:
        view = self.ops.read(invoices.invoice_view, self.invoice_id)
        self.view = view
        self.setWindowTitle(self.tr("Invoice {number}").format(number=view["number"]))
        self.heading.setText(self.tr("Invoice {number} of {date}").format(number=view["number"],
                                                                          date=date_text(view["date"])))
        payer = view["payer"]["name"]
        who = view["client"]["name"]
        self.who.setText(who if payer == who else self.tr("{client}, paid by {payer}").format(client=isolated(who),
                                                                                              payer=isolated(payer)))
        state = view["payment_state"]
        self.state.setText(self.tr("State: {state}").format(state=term(state))
                           + (f" · {view['void_reason']}" if view["void_reason"] else ""))
        self.lines_model.set_rows(view["lines"])
        for key, label in self.total_labels.items():
            label.setText(price_text(view[key]))
        self.total_labels["tax"].setText(f"{price_text(view['tax'])}  ({view['tax_rate'].normalize():f}%)")
        self.payments_model.set_rows(view["payments"])
        self.refunds.setText("\n".join(
            self.tr("Paid back on {day}: {amount} by {method}{drawer} · credit note {number}").format(
                day=date_text(r['refunded_on']), amount=price_text(r["amount"]), method=term(r["method"]),
                drawer=f" ({r['drawer']})" if r["drawer"] else "", number=r["credit_note"])
            for r in view["refunds"]))
        self.refunds.setVisible(bool(view["refunds"]))
        self.documents.show_invoice(view)
        draft = view["state"] == "draft"
        issued = view["state"] == "issued"
        may = self.ops.actor.may
        self.pay_button.setVisible(issued and may(Right.TAKE_PAYMENTS))
        self.pay_button.setEnabled(view["balance"] > 0)
        self.void_payment_button.setVisible(issued and may(Right.VOID_MONEY) and bool(view["payments"]))
        self.void_button.setVisible(view["state"] != "void" and not draft and may(Right.VOID_MONEY))
        self.issue_button.setVisible(draft and may(Right.SELL))
        self.save_draft_button.setVisible(draft and may(Right.SELL))
        self.lines_view.setVisible(not draft)
        if draft and self.draft_lines is None:
            self.draft_lines = DraftLines(view["lines"], self)
            self.draft_area.addWidget(self.draft_lines)
        # wide enough for the buttons shown, whole (Russian words are longer): never squeezed and cut
        self.setMinimumWidth(max(MIN_WIDTH, self.layout().minimumSize().width()))

    def save_draft(self, issue: bool) -> None:
        result = self.ops.run(invoices.edit_draft, self.invoice_id, self.draft_lines.lines(), parent=self)
        if result is FAILED:
            return
        if issue and self.ops.run(invoices.issue_invoice, self.invoice_id, parent=self,
                                  done=lambda number: self.tr("Invoice {number} issued").format(number=number)) is FAILED:
            return
        if issue:
            self.draft_lines.hide()
        self.refresh()

    def show_history(self) -> None:
        """Who issued, paid, emailed, paid back or voided this invoice, and when (the audit trail)."""
        from app.services import audit
        from ui.selling.history import HistoryDialog

        HistoryDialog.ask(self.tr("History of invoice {number}").format(number=self.view["number"]),
                          self.ops.read(audit.invoice_history, self.invoice_id), self)

    def add_payment(self) -> None:
        from ui.selling.payment import PaymentDialog

        PaymentDialog(self.ops, self.invoice_id, self).exec()
        self.refresh()

    def _reason(self, title: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, self.tr("Reason (kept with the record):"))
        return reason if ok else None

    def void_payment(self) -> None:
        row = self.payments_view.currentIndex().row()
        if row < 0:
            self.payments_view.selectRow(0)
            row = 0
        payment = self.payments_model.rows[row]
        reason = self._reason(self.tr("Void the payment of {amount}").format(amount=price_text(payment["amount"])))
        if reason is not None:
            self.ops.run(payments.void_payment, payment["id"], reason, parent=self, done=self.tr("Payment voided"))
            self.refresh()

    def void_invoice(self) -> None:
        """B6: the reason, and how what was paid goes back today (a refund with a credit note)."""
        from ui.selling.refund import RefundDialog

        dialog = RefundDialog(self.ops, self.invoice_id,
                              self.tr("Void invoice {number}").format(number=self.view["number"]), self)
        dialog.run(invoices.void_invoice, self.invoice_id, done=self.tr("Invoice voided"))
        self.refund_dialog = dialog
        if dialog.exec():
            self.refresh()
