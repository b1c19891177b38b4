"""The sale dialog: client, package, start date, the end date and total shown live; then the payment step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app.errors import AlreadyMember, DomainError
from app.languages import date_edit_format, date_text
from app.models import PackageKind
from app.services import catalogue, clients, invoices, sales
from app.text import isolated
from ui import messages
from ui.clients.picker import ClientPicker
from ui.forms import FieldErrors, pydate, qdate
from ui.i18n import message, term
from ui.money import price_text
from ui.ops import FAILED, Ops

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # a package item's kind: a renewal offers its own kind only
KIND_TITLES = {PackageKind.MEMBERSHIP: QT_TRANSLATE_NOOP("Terms", "Memberships"),
               PackageKind.LESSON_PACK: QT_TRANSLATE_NOOP("Terms", "Lesson packs"),
               PackageKind.CREDITS: QT_TRANSLATE_NOOP("Terms", "Credits")}


class SaleDialog(QDialog):
    """Sell a package to a client (or renew a membership); ``sale`` holds the result."""

    def __init__(self, ops: Ops, client_id: int | None = None, *, renew_of: int | None = None,
                 package_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.client_id = client_id
        self.renew_of = renew_of
        self.sale: sales.Sale | None = None
        self.setWindowTitle(self.tr("Renew membership") if renew_of else self.tr("Sell"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.client = QLabel(objectName="saleClient", textFormat=Qt.TextFormat.PlainText)
        self.change_client = QPushButton(self.tr("Choose…"))
        client_row = QHBoxLayout()
        client_row.addWidget(self.client, 1)
        client_row.addWidget(self.change_client)
        form.addRow(self.tr("Client"), client_row)
        self.package = QComboBox(objectName="salePackage")
        for row in ops.read(catalogue.list_packages, active_only=True):
            kind = term(KIND_TITLES[row["kind"]])
            self.package.addItem(f"{row['name']}  ·  {price_text(row['price'])}  ({kind})",
                                 row["id"])
            self.package.setItemData(self.package.count() - 1, row["kind"], KIND_ROLE)
        if package_id is not None:
            self.package.setCurrentIndex(max(0, self.package.findData(package_id)))
        self.start = QDateEdit(objectName="saleStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(date_edit_format())
        self.start.setDate(qdate(dt.date.today()))
        self.end = QLabel(objectName="saleEnd")
        self.description = QLineEdit(objectName="saleDescription")
        self.description.setPlaceholderText(self.tr("Optional; the package's description by default"))
        self.discount = QLineEdit(objectName="saleDiscount")
        self.discount.setPlaceholderText("0.00")
        self.lines = QLabel(objectName="saleLines")
        self.lines.setWordWrap(True)
        self.total = QLabel(objectName="saleTotal")
        self.errors.add_row(self.tr("Package"), "package_id", self.package)
        self.errors.add_row(self.tr("Start date"), "start_date", self.start)
        form.addRow(self.tr("End date"), self.end)
        self.errors.add_row(self.tr("Description"), "description", self.description)
        self.errors.add_row(self.tr("Extra discount"), "discount", self.discount)
        form.addRow(self.tr("Invoice"), self.lines)
        form.addRow(self.tr("Total"), self.total)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("Save and take payment"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # Enter saves, also from the package list (set once in the dialog)
        self.change_client.clicked.connect(self.choose_client)
        self.package.currentIndexChanged.connect(lambda _i: self.update_quote())
        self.start.dateChanged.connect(lambda _d: self.update_quote())
        self.discount.textEdited.connect(lambda _t: self.update_quote())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if renew_of is not None:
            self._renewing(renew_of, package_id)
        self._show_client()
        if self.client_id is not None:
            self.package.setFocus()  # a package's first letters pick it (type-to-select), then Enter

    def _renewing(self, membership_id: int, package_id: int | None = None) -> None:
        """Renewal (M4): same client, the start date follows from the membership renewed; only
        packages of its kind are offered, the one renewed preselected unless ``package_id`` was chosen."""
        self.renew_of = membership_id
        self.setWindowTitle(self.tr("Renew membership"))
        self.change_client.hide()
        renewal = self.ops.read(sales.renewal_of, membership_id)
        with QSignalBlocker(self.package):
            for index in reversed(range(self.package.count())):
                if self.package.itemData(index, KIND_ROLE) != renewal["kind"]:
                    self.package.removeItem(index)
            chosen = self.package.findData(package_id) if package_id is not None else -1
            renewed = self.package.findData(renewal["package_id"])
            self.package.setCurrentIndex(chosen if chosen >= 0 else max(0, renewed))
        self.start.setDate(qdate(renewal["start"]))
        self.start.setEnabled(False)

    def _show_client(self) -> None:
        if self.client_id is None:
            self.client.setText(self.tr("No client chosen"))
        else:
            client = self.ops.read(clients.get_client, self.client_id)
            self.client.setText(f"{isolated(client['name'])}  ({client['code']})")  # an Arabic name stays put
        self.update_quote()

    def choose_client(self) -> None:
        chosen = ClientPicker.choose(self.ops, self.tr("Sell to"), self)
        if chosen is not None:
            self.client_id = chosen
            self._show_client()

    def update_quote(self) -> None:
        """Recompute the end date, lines and total as the user changes the sale (nothing is saved)."""
        if self.client_id is None or self.package.currentData() is None:
            self.end.setText("")
            self.total.setText("")
            self.lines.setText("")
            return
        self.errors.clear()
        try:
            quote = self.ops.read(sales.quote, self.client_id, self.package.currentData(),
                                  pydate(self.start.date()), self.discount.text().strip() or None)
        except DomainError as err:
            self.errors.show(err)
            self.total.setText("")
            return
        self.end.setText(date_text(quote["end"]))
        lines = [f"{line['description']}: {price_text(line['amount'])}" for line in quote["lines"]]
        if quote["tax"]:
            lines.append(self.tr("Tax {rate}%: {tax}").format(rate=quote["tax_rate"].normalize(),
                                                            tax=price_text(quote["tax"])))
        self.lines.setText("\n".join(lines))
        self.total.setText(price_text(quote["total"]))

    def save(self) -> None:
        if self.client_id is None:
            self.errors.general.setText(self.tr("Choose a client first."))
            self.errors.general.show()
            return
        common = dict(description=self.description.text(), discount=self.discount.text().strip() or None)
        if self.renew_of is not None:
            result = self.ops.run(sales.renew, self.renew_of, self.package.currentData(),
                                  parent=self, on_error=self._refused, **common)
        else:
            result = self.ops.run(sales.sell, self.client_id, self.package.currentData(),
                                  start_date=pydate(self.start.date()), parent=self, on_error=self._refused,
                                  **common)
        if result is not FAILED:
            self.sale = result
            self.accept()

    def _refused(self, err: DomainError) -> None:
        self.errors.show(err)
        if isinstance(err, AlreadyMember):
            answer = messages.question(self, self.tr("Already a member"),
                                          message(err) + "\n\n" + self.tr("Renew the current membership now?"))
            if answer == QMessageBox.StandardButton.Yes:
                self._renewing(err.membership_id, self.package.currentData())
                self.errors.clear()
                self.update_quote()


def sell_and_pay(ops: Ops, client_id: int | None = None, *, renew_of: int | None = None,
                 package_id: int | None = None, parent=None) -> sales.Sale | None:
    """The whole sale: the sale dialog, then the payment step (B1) or the draft invoice (M7)."""
    from ui.selling.invoice import InvoiceDialog
    from ui.selling.payment import PaymentDialog

    dialog = SaleDialog(ops, client_id, renew_of=renew_of, package_id=package_id, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.sale is None:
        return None
    if dialog.sale.invoice_state == "draft":
        InvoiceDialog(ops, dialog.sale.invoice_id, parent).exec()
    else:
        PaymentDialog(ops, dialog.sale.invoice_id, parent).exec()
    invoice = ops.read(invoices.invoice_view, dialog.sale.invoice_id)
    ops.say(QDialog.tr("Sale {number} saved, {paid} paid").format(number=invoice["number"],
                                                                  paid=price_text(invoice["paid"])))
    return dialog.sale
