"""The Credits area: clients holding units valid today (type, units, soonest expiry), searched as the
clients list is; Use credits… for the chosen client, also by Enter on a typed card code."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QWidget

from app.services import clients
from ui.credits.balances import BalancesModel
from ui.credits.use import UseDialog
from ui.list_exports import export_credit_balances
from ui.ops import Ops
from ui.page import area_page
from ui.refresh import RefreshOnChange
from ui.tables import list_view


class CreditsScreen(RefreshOnChange, QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        column, top = area_page(self, self.tr("Credits"))
        self.search = QLineEdit(objectName="creditSearch")
        self.search.setPlaceholderText(self.tr("Name, phone or card code"))
        self.search.setToolTip(self.tr("Type part of a name, phone or code; Enter on one client opens Use credits…"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.use_button = QPushButton(self.tr("Use credits…"), objectName="primary")
        top.addWidget(self.use_button)
        self.model = BalancesModel(ops, self)
        self.table = list_view(self.model, "balancesTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, width in enumerate((90, 260, 420)):
            self.table.setColumnWidth(index, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count = QLabel(objectName="balanceCount")
        bottom.addWidget(self.count, 1)
        self.export_button = QPushButton(self.tr("Export…"), objectName="exportList")  # X2
        self.export_button.clicked.connect(lambda: export_credit_balances(self))
        bottom.addWidget(self.export_button)
        column.addLayout(bottom)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.use_typed)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.table.setFocus)
        self.use_button.clicked.connect(self.use_selected)
        self.table.activated.connect(lambda index: self.use_for(self.model.row_id(index.row())))
        self.watch(self.ops)

    def refresh(self) -> None:
        self._timer.stop()
        self.model.search(self.search.text())
        total = self.model.total()
        if total == 0 and not self.search.text().strip():
            self.count.setText(self.tr("Nobody holds credits valid today. Top up from a client's profile."))
        else:
            self.count.setText(self.tr("1 client with credits") if total == 1
                               else self.tr("{n} clients with credits").format(n=f"{total:,}"))
        if total:
            self.table.selectRow(0)

    def selected_client(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def use_for(self, client_id: int | None):
        if client_id is None:
            return None
        return UseDialog.ask(self.ops, client_id, parent=self)

    def use_selected(self):
        return self.use_for(self.selected_client())

    def use_typed(self):
        """Enter: a card code opens its client's Use dialog; else the single client found, if one."""
        self.refresh()
        client_id = self.ops.read(clients.find_by_code, self.search.text())
        if client_id is None and self.model.total() == 1:
            client_id = self.model.row_id(0)
        return self.use_for(client_id)
