"""The Restore dialog: the backups of this database with date, size and what they hold (D2)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup import BackupCopy, describe_backups


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} KB"


class RestoreDialog(QDialog):
    """Lists the copies, newest first; ``chosen`` is the copy to restore once accepted."""

    def __init__(self, folder: Path, stem: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.copies: list[BackupCopy] = describe_backups(folder, stem)
        self.chosen: BackupCopy | None = None
        note = QLabel(self.tr("The current data is backed up first, then replaced by the copy you choose. "
                              "Everything entered after that copy was made is in the backup of the current data."))
        note.setWordWrap(True)
        self.table = QTableWidget(len(self.copies), 5, objectName="backupCopies")
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Size"), self.tr("Clients"), self.tr("Sales"),
                                              self.tr("Why")])
        why = {"daily": self.tr("daily"), "manual": self.tr("Back up now"), "before-upgrade": self.tr("before an upgrade"),
               "before-restore": self.tr("before a restore")}
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, copy in enumerate(self.copies):
            unreadable = self.tr("cannot be read")
            cells = [copy.taken.strftime("%Y-%m-%d %H:%M"), _size(copy.size),
                     unreadable if copy.clients is None else str(copy.clients),
                     unreadable if copy.sales is None else str(copy.sales), why.get(copy.reason, copy.reason)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self.tr("There are no backups of this database yet."))
        self.empty.setVisible(not self.copies)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        copy = self.copies[rows[0].row()]
        sure = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Replace the current data with the copy made {made}? The current data is backed up first.")
            .format(made=copy.taken.strftime("%Y-%m-%d %H:%M")))
        if sure != QMessageBox.StandardButton.Yes:
            return
        self.chosen = copy
        super().accept()
