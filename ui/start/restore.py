"""The Restore dialog: the backups of this database with date, size and what they hold (D2)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.backup import BackupCopy, describe_backups
from ui.models.rows import RowsModel
from ui.tables import list_view


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
        why = {"daily": self.tr("daily"), "manual": self.tr("Back up now"),
               "before-upgrade": self.tr("before an upgrade"),
               "before-restore": self.tr("before a restore")}
        unreadable = self.tr("cannot be read")
        self.model = RowsModel([
            ("taken", QT_TRANSLATE_NOOP("Terms", "Made"), lambda c: c["copy"].taken.strftime("%Y-%m-%d %H:%M")),
            ("size", QT_TRANSLATE_NOOP("Terms", "Size"), lambda c: _size(c["copy"].size)),
            ("clients", QT_TRANSLATE_NOOP("Terms", "Clients"),
             lambda c: unreadable if c["copy"].clients is None else str(c["copy"].clients)),
            ("sales", QT_TRANSLATE_NOOP("Terms", "Sales"),
             lambda c: unreadable if c["copy"].sales is None else str(c["copy"].sales)),
            ("reason", QT_TRANSLATE_NOOP("Terms", "Why"), lambda c: why.get(c["copy"].reason, c["copy"].reason)),
        ], self, right=("size", "clients", "sales"))
        self.model.set_rows([{"copy": copy} for copy in self.copies])
        self.table = list_view(self.model, "backupCopies", fit=True)
        self.empty = QLabel(self.tr("There are no backups of this database yet."))
        self.empty.setVisible(not self.copies)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
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
