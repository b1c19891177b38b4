"""The Clients area: search as you type, filters, the list, and the profile."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import clients
from app.services.access import Right
from app.services.status import LABELS, NONE, Status
from ui.clients.checkin import CheckInBar
from ui.i18n import term
from ui.models.clients import ClientsTableModel
from ui.ops import Ops
from ui.page import area_page
from ui.refresh import RefreshOnChange
from ui.tables import list_view

STANDING_FILTERS = (Status.ACTIVE, Status.GRACE, Status.SUSPENDED, Status.UPCOMING, Status.EXPIRED, NONE)
SEARCH_DELAY_MS = 0  # after the queued key events: a scanner's burst becomes one search


class ClientsScreen(RefreshOnChange, QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.pages = QStackedWidget()
        self.list_page = QWidget()
        self._profile = None  # built when a client is first opened: it loads the selling services
        self.pages.addWidget(self.list_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        layout, top = area_page(self.list_page, self.tr("Clients"))
        self.search = QLineEdit(objectName="clientSearch")
        self.search.setPlaceholderText(self.tr("Name, phone or card code"))
        self.search.setToolTip(self.tr("Type part of a name, phone or card code; a scanned card opens the client."))
        self.search.setMinimumWidth(220)
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox(objectName="categoryFilter")
        self.category.addItem(self.tr("All categories"), None)
        for category_id, name in ops.read(clients.categories):
            self.category.addItem(name, category_id)
        self.standing = QComboBox(objectName="standingFilter")
        self.standing.addItem(self.tr("Any membership"), None)
        for key in STANDING_FILTERS:
            self.standing.addItem(term(LABELS[key]), key)
        for combo in (self.category, self.standing):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.archived = QCheckBox(self.tr("Archived"), objectName="archivedFilter")
        self.sell_button = QPushButton(self.tr("Sell…"), objectName="sellButton")
        self.sell_button.setVisible(ops.actor.may(Right.SELL))
        self.sell_button.setToolTip(self.tr("Sell a package to the selected client"))
        self.new_button = QPushButton(self.tr("New client…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.cards_button = QPushButton(self.tr("Member cards…"))
        self.cards_button.setToolTip(self.tr("Member cards with QR codes for the clients listed, ten to an A4 page"))
        for button in (self.new_button, self.import_button):
            button.setVisible(ops.actor.may(Right.EDIT_CLIENTS))
        top.addWidget(self.search, 1)  # the row fits 1024 px: the list's tools sit under the list
        top.addWidget(self.sell_button)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()  # a row of their own: the top row is full at 1280 px
        for widget in (QLabel(self.tr("Show:")), self.category, self.standing, self.archived):
            filters.addWidget(widget)
        filters.addSpacing(24)
        self.check_in = CheckInBar(ops)
        self.check_in.setVisible(ops.actor.may(Right.CHECK_IN))
        filters.addWidget(self.check_in, 1)
        layout.addLayout(filters)
        self.model = ClientsTableModel(ops, self)
        self.table = list_view(self.model, "clientsTable")
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by name, as searched
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((80, 260, 150, 90, 140, 120, 115)):  # headers in full, in every language
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        for column in (1, 4):  # the name and the family share the spare width (1024 px screens too)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.count = QLabel(objectName="clientCount")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for button in (self.import_button, self.export_button, self.cards_button):
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.open_typed)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.enter_list)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())
        self.standing.currentIndexChanged.connect(lambda _i: self.refresh())
        self.archived.toggled.connect(lambda _on: self.refresh())
        self.new_button.clicked.connect(self.new_client)
        self.import_button.clicked.connect(self.import_clients)
        self.export_button.clicked.connect(self.export_clients)
        self.cards_button.clicked.connect(lambda: self.print_cards())
        self.table.activated.connect(lambda index: self.open_client(self.model.client_id(index.row())))
        self.sell_button.clicked.connect(self.sell_to_selected)
        self.check_in.search_requested.connect(self.search_for)
        self.watch(self.ops)

    def filters(self) -> dict:
        return {"category_id": self.category.currentData(), "standing": self.standing.currentData(),
                "archived": self.archived.isChecked()}

    TABLES = ("clients", "families", "client_categories", "memberships", "freezes", "invoices", "payments",
              "settings")

    def follow(self, changes) -> None:
        """A change (also another PC's): the rows shown are read again where they are; the search
        text, the scroll position and the selected client stay as the user left them."""
        self.model.reread()
        self._show_count()

    def refresh(self) -> None:
        self._timer.stop()
        self.model.search(self.search.text(), **self.filters())
        self._show_count()

    def _show_count(self) -> None:
        filters = self.filters()
        if self.model.total() == 0 and not self.search.text().strip() and not any(filters.values()):
            self.count.setText(self.tr("No clients yet: add one with New client…, or import a spreadsheet."))
        else:
            total = self.model.total()
            self.count.setText(self.tr("1 client") if total == 1 else self.tr("{n} clients").format(n=f"{total:,}"))

    @property
    def profile(self):
        """The client profile page, made on first use."""
        if self._profile is None:
            from ui.clients.profile import ClientProfile

            self._profile = ClientProfile(self.ops)
            self.pages.addWidget(self._profile)
            self._profile.back.connect(self.show_list)
            self._profile.edit_requested.connect(self.edit_client)
            self._profile.sell_requested.connect(self.sell)
            self._profile.invoice_requested.connect(self.open_invoice)
        return self._profile

    def sell(self, client_id: int | None) -> None:
        from ui.selling.sale import (
            sell_and_pay,  # selling loads reportlab and printing: only when used
        )

        sell_and_pay(self.ops, client_id, parent=self)

    def open_invoice(self, invoice_id: int) -> None:
        from ui.selling.invoice import InvoiceDialog

        InvoiceDialog(self.ops, invoice_id, self).exec()

    def sell_to_selected(self) -> None:
        row = self.table.currentIndex().row()
        self.sell(self.model.client_id(row) if row >= 0 else None)

    def search_for(self, text: str) -> None:
        """A name typed into the check-in field (J6): the list shows the clients it finds."""
        self.search.setText(text)
        self.refresh()

    def open_typed(self) -> None:
        """Enter in the search field: a full code (typed or scanned) opens that client at once."""
        client_id = self.ops.read(clients.find_by_code, self.search.text())
        if client_id is None:
            self.refresh()
            if self.model.total() == 1:
                client_id = self.model.client_id(0)
        if client_id is not None:
            self.open_client(client_id)

    def open_client(self, client_id: int) -> None:
        self.profile.show_client(client_id)
        self.pages.setCurrentWidget(self.profile)

    def focus_search(self) -> None:
        """Ctrl+F or F3 from anywhere: back to the list, the search's text selected to type over."""
        self.show_list()

    def enter_list(self) -> None:
        """Down in the search: into the list, on its first row (Enter then opens it)."""
        if self._timer.isActive():  # the last keys are not searched yet
            self.refresh()
        if self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.setFocus()

    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        self.refresh_if_stale()
        self.search.setFocus()
        self.search.selectAll()

    # dialogs are imported when first used: the screen is built before the window's first paint
    def import_clients(self) -> None:
        from ui.clients.transfer import ImportDialog

        ImportDialog.ask(self.ops, parent=self)

    def export_clients(self) -> None:
        from ui.clients.transfer import export_list

        export_list(self.ops, self, self.search.text(), **self.filters())

    def print_cards(self, path: str | None = None):
        """X3: member cards for the clients as listed (search and filters), saved as one PDF."""
        from ui.clients.transfer import save_member_cards

        ids = self.ops.read(clients.search_client_ids, self.search.text(), **self.filters())
        return save_member_cards(self.ops, self, ids, path)

    def new_client(self) -> None:
        from ui.clients.dialog import ClientDialog

        client_id = ClientDialog.ask(self.ops, parent=self)
        if client_id is not None:
            self.open_client(client_id)

    def edit_client(self, client_id: int) -> None:
        from ui.clients.dialog import ClientDialog

        if ClientDialog.ask(self.ops, client_id, parent=self) is not None:
            self.profile.show_client(client_id)

    def showing(self) -> bool:
        """The list is on screen (not behind an open profile): any saved action may change a row."""
        return self.list_page.isVisible()
