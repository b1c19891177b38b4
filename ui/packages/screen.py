"""The Packages area: the list, with new / edit / activate for the owner."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import catalogue
from app.services.access import Right
from ui.models.packages import packages_model
from ui.ops import OpChange, Ops
from ui.packages.dialog import PackageDialog
from ui.packages.groups import ProgramsPanel
from ui.tables import list_view


class PackagesScreen(QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 10)
        outer.addWidget(QLabel(self.tr("Packages"), objectName="areaTitle"))
        self.tabs = QTabWidget(objectName="packagesTabs")
        outer.addWidget(self.tabs, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        self.tabs.addTab(page, self.tr("What is sold"))
        if ops.actor.may(Right.EDIT_CATALOGUE):
            self.tabs.addTab(ProgramsPanel(ops), self.tr("Programs and groups"))
        top = QHBoxLayout()
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New package…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.toggle_button = QPushButton(self.tr("Deactivate"))
        for button in (self.new_button, self.edit_button, self.toggle_button):
            button.setVisible(ops.actor.may(Right.EDIT_CATALOGUE))
            top.addWidget(button)
        layout.addLayout(top)
        self.model = packages_model(self)
        self.table = list_view(self.model, "packagesTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # the name reads whole
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the program, said again, gives way
        layout.addWidget(self.table, 1)
        note = QLabel(self.tr("Changing a package changes future sales only; past sales keep what was sold."),
                      objectName="clientCount")
        layout.addWidget(note)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(lambda: PackageDialog.ask(self.ops, parent=self))
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.ops.changed.connect(self._on_changed)

    def _selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _update_buttons(self) -> None:
        selected = self._selected()
        self.toggle_button.setText(self.tr("Activate") if selected and not selected["active"]
                                   else self.tr("Deactivate"))

    def refresh(self) -> None:
        self.model.set_rows(self.ops.read(catalogue.list_packages))

    def edit_selected(self) -> None:
        selected = self._selected()
        if selected is not None and self.ops.actor.may(Right.EDIT_CATALOGUE):
            PackageDialog.ask(self.ops, selected["id"], parent=self)

    def toggle_selected(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.ops.run(catalogue.set_package_active, selected["id"], not selected["active"], parent=self,
                         done=(self.tr("{name} can no longer be sold") if selected["active"]
                               else self.tr("{name} is on sale again")).format(name=selected["name"]))

    def _on_changed(self, change: OpChange) -> None:
        if change.changes.touches("packages", "package_credits", "package_services", "programs"):
            row = self.table.currentIndex().row()
            self.refresh()
            if row >= 0:
                self.table.selectRow(min(row, self.model.rowCount() - 1))
            self._update_buttons()
