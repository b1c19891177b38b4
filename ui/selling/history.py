"""Who did what to a record, and when (the audit trail), each event said in the reader's language (L2)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from app.languages import date_text, time_text
from ui.i18n import message
from ui.models.rows import RowsModel
from ui.tables import list_view


def _when(row: dict) -> str:
    at = row["at"].astimezone()  # stored in UTC: shown in this PC's time
    return f"{date_text(at.date())} {time_text(at)}"


class HistoryDialog(QDialog):
    """The events of one record, oldest first: when, by whom, what (its description from the catalogue)."""

    def __init__(self, title: str, events: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(560, 320)
        self.model = RowsModel([
            ("at", QT_TRANSLATE_NOOP("Terms", "When"), _when),
            ("user", QT_TRANSLATE_NOOP("Terms", "By"), lambda r: r["user"] or self.tr("The desk itself")),
            ("description", QT_TRANSLATE_NOOP("Terms", "What"), lambda r: message(r["description"])),
        ], self)
        self.model.set_rows(events)
        self.view = list_view(self.model, "historyTable", fit=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, title: str, events: list[dict], parent=None) -> None:
        cls(title, events, parent).exec()
