"""The Memberships area: every sale with its status, filters, and what can be done to it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.languages import date_edit_format
from app.services import catalogue, sales
from app.services.memberships_list import SaleFilters
from app.services.status import ACTIONS, LABELS, Status
from ui import messages
from ui.forms import FieldErrors, pydate, qdate, save_cancel_layout
from ui.i18n import term
from ui.list_exports import export_memberships
from ui.memberships.columns import SalesColumns
from ui.models.memberships import MembershipsTableModel
from ui.ops import FAILED, Ops
from ui.page import area_page
from ui.refresh import RefreshOnChange
from ui.tables import list_view

STATUS_FILTERS = (Status.ACTIVE, Status.GRACE, Status.SUSPENDED, Status.UPCOMING, Status.EXPIRED, Status.CANCELLED)


class FreezeDialog(QDialog):
    """M5: freeze from a date to a date (both included); the limits are checked by the service."""

    def __init__(self, ops: Ops, sale: dict, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.sale = sale
        self.setWindowTitle(self.tr("Freeze {package} of {client}").format(package=sale["package"],
                                                                          client=sale["client"]))
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        today = dt.date.today()
        self.start = QDateEdit(qdate(max(today, sale["start"])), calendarPopup=True, displayFormat=date_edit_format())
        self.end = QDateEdit(qdate(max(today, sale["start"]) + dt.timedelta(days=13)), calendarPopup=True,
                             displayFormat=date_edit_format())
        self.errors.add_row(self.tr("From"), "start_date", self.start)
        self.errors.add_row(self.tr("Until (included)"), "end_date", self.end)
        form.addRow(QLabel(self.tr("The membership's end date moves by the frozen days.")))
        save_cancel_layout(self, form, self.errors)

    def save(self) -> None:
        if self.ops.run(sales.freeze, self.sale["id"], pydate(self.start.date()), pydate(self.end.date()),
                        parent=self, on_error=self.errors.show,
                        done=self.tr("{package} of {client} frozen from {start} to {end}").format(
                            package=self.sale["package"], client=self.sale["client"],
                            start=self.start.text(), end=self.end.text())) is not FAILED:
            self.accept()


class MembershipsScreen(RefreshOnChange, QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        layout, top = area_page(self, self.tr("Memberships"))
        self.client = QLineEdit(objectName="salesClient", placeholderText=self.tr("Client name, phone or code"))
        self.client.setClearButtonEnabled(True)
        self.standing = QComboBox(objectName="salesStatus")
        self.standing.addItem(self.tr("Any status"), None)
        for state in STATUS_FILTERS:
            self.standing.addItem(term(LABELS[state]), state.value)
        self.package = QComboBox(objectName="salesPackage")
        self.package.addItem(self.tr("Any package"), None)
        for row in ops.read(catalogue.list_packages):
            self.package.addItem(row["name"], row["id"])
        self.start_from = QDateEdit(qdate(dt.date.today() - dt.timedelta(days=90)), calendarPopup=True,
                                    displayFormat=date_edit_format())
        self.start_to = QDateEdit(qdate(dt.date.today() + dt.timedelta(days=365)), calendarPopup=True,
                                  displayFormat=date_edit_format())
        self.client.setMinimumWidth(240)
        top.addWidget(self.client, 1)
        filters = QHBoxLayout()  # a row of their own: with the title they do not fit 1280 px
        for widget in (QLabel(self.tr("Show:")), self.standing, self.package, QLabel(self.tr("started")),
                       self.start_from, QLabel("–"), self.start_to):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.model = MembershipsTableModel(ops, self)  # every sale that matches, read as the view scrolls
        self.table = list_view(self.model, "salesTable")
        self.columns = SalesColumns(self.table, self.model)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.count = QLabel(objectName="clientCount")
        self.buttons = {}
        self.sell_button = QPushButton(self.tr("Sell…"), objectName="primary")
        self.sell_button.clicked.connect(self.sell)
        actions.addWidget(self.sell_button)
        for key, title in (("renew", self.tr("Renew…")), ("freeze", self.tr("Freeze…")),
                           ("resume", self.tr("Resume")), ("cancel", self.tr("Cancel…")),
                           ("delete", self.tr("Delete")),
                           ("invoice", self.tr("Invoice…"))):
            button = QPushButton(title, objectName=f"sale_{key}")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        self.export_button = QPushButton(self.tr("Export…"), objectName="exportList")  # X2
        self.export_button.clicked.connect(lambda: export_memberships(self))
        actions.addWidget(self.export_button)
        layout.addLayout(actions)
        self.client.textEdited.connect(lambda _t: self.refresh())
        for combo in (self.standing, self.package):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.start_from, self.start_to):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.table.activated.connect(lambda _index: self.act("invoice"))
        self.watch(ops)
        self.refresh()

    def filters(self) -> SaleFilters:
        return SaleFilters(standing=self.standing.currentData(), package_id=self.package.currentData(),
                           start_from=pydate(self.start_from.date()), start_to=pydate(self.start_to.date()),
                           client_query=self.client.text())

    TABLES = ("memberships", "freezes", "invoices", "payments", "clients", "packages", "visits", "settings")

    def follow(self, changes) -> None:
        """A change (also another PC's): the sales shown are read again where they are; filters,
        scroll position and the selected sale stay."""
        self.model.reread()
        self._show_count()
        self._enable()

    def refresh(self) -> None:
        self.model.show_sales(self.filters())
        self._show_count()
        self.columns.measure()
        self._enable()

    def _show_count(self) -> None:
        total = self.model.total()
        self.count.setText(self.tr("1 sale") if total == 1 else self.tr("{n} sales").format(n=f"{total:,}"))

    def current(self) -> dict | None:
        return self.model.sale(self.table.currentIndex().row())

    def _enable(self) -> None:
        sale = self.current()
        for key, button in self.buttons.items():
            if sale is None:
                button.setEnabled(False)
            elif key == "invoice":
                button.setEnabled(sale["invoice_id"] is not None)
            elif key in ("freeze", "resume"):
                button.setEnabled(sale["kind"] == "membership" and Status(sale["status"]) in ACTIONS[key])
            else:
                button.setEnabled(Status(sale["status"]) in ACTIONS[key])

    def sell(self) -> None:
        """A new sale: to the selected row's client, or to a client chosen in the dialog."""
        from ui.selling.sale import sell_and_pay

        sale = self.current()
        sell_and_pay(self.ops, sale["client_id"] if sale else None, parent=self)

    def act(self, key: str) -> None:
        sale = self.current()
        if sale is None:
            return
        if key == "renew":
            from ui.selling.sale import sell_and_pay

            sell_and_pay(self.ops, sale["client_id"], renew_of=sale["id"], parent=self)
        elif key == "freeze":
            FreezeDialog(self.ops, sale, self).exec()
        elif key == "resume":
            self.ops.run(sales.resume, sale["id"], parent=self, done=self.tr("{package} of {client} resumed").format(
                package=sale["package"], client=sale["client"]))
        elif key == "cancel":  # B6: the reason, and how what was paid goes back today
            from ui.selling.refund import RefundDialog

            dialog = RefundDialog(self.ops, sale["invoice_id"],
                                  self.tr("Cancel {package}").format(package=sale["package"]), self)
            dialog.run(sales.cancel, sale["id"], done=self.tr("{package} of {client} cancelled").format(
                package=sale["package"], client=sale["client"]))
            self.cancel_dialog = dialog
            dialog.exec()
        elif key == "delete":
            answer = messages.question(self, self.tr("Delete sale"), self.tr(
                "Delete {package} of {client}? Only a sale without payments and visits can be deleted.")
                .format(package=sale["package"], client=sale["client"]))
            if answer == QMessageBox.StandardButton.Yes:
                self.ops.run(sales.delete_sale, sale["id"], parent=self,
                             done=self.tr("{package} of {client} deleted").format(package=sale["package"],
                                                                                   client=sale["client"]))
        elif key == "invoice":
            from ui.selling.invoice import InvoiceDialog

            InvoiceDialog(self.ops, sale["invoice_id"], self).exec()
