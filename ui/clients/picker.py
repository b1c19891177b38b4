"""Choose a client by typing part of a name, phone or code: the same search as the clients list."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from ui.models.clients import ClientsTableModel
from ui.ops import Ops
from ui.tables import list_view


class ClientPicker(QDialog):
    def __init__(self, ops: Ops, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 460)
        self.chosen: int | None = None
        self.search = QLineEdit(objectName="pickerSearch")
        self.search.setPlaceholderText(self.tr("Name, phone or card code"))
        self.search.setClearButtonEnabled(True)
        self.model = ClientsTableModel(ops, self)
        self.table = list_view(self.model, "pickerTable")
        for column, width in enumerate((90, 240, 150, 90, 110)):
            self.table.setColumnWidth(column, width)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Find the client:")))
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.search.textEdited.connect(lambda text: self.model.search(text))
        self.search.returnPressed.connect(self._enter)
        self.table.activated.connect(lambda index: self.pick(index.row()))
        self.buttons.accepted.connect(lambda: self.pick(self.table.currentIndex().row()))
        self.buttons.rejected.connect(self.reject)
        self.model.search("")

    def _enter(self) -> None:
        if self.model.total() == 1:
            self.pick(0)

    def pick(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.chosen = self.model.client_id(row)
            self.accept()

    @classmethod
    def choose(cls, ops: Ops, title: str, parent=None) -> int | None:
        dialog = cls(ops, title, parent)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
