"""File › Language…: the signed-in user's own language (L2), the business's by default; after a restart."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel

from app import languages
from app.services import settings
from ui.forms import FieldErrors, save_cancel_layout
from ui.ops import FAILED, Ops


class LanguageDialog(QDialog):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Your language"))
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.language = QComboBox(objectName="language")
        self.language.addItem(self.tr("The business's ({language})").format(
            language=languages.NAMES[ops.read(settings.business_language)]), None)
        for code in languages.SHIPPED:
            self.language.addItem(languages.NAMES[code], code)  # each in its own words
        self.language.setCurrentIndex(max(0, self.language.findData(ops.read(settings.own_language))))
        self.errors.add_row(self.tr("Language"), "language", self.language)
        note = QLabel(self.tr("The window speaks it after a restart."), objectName="hint")
        note.setWordWrap(True)
        form.addRow(note)
        save_cancel_layout(self, form, self.errors)
        self.setMinimumWidth(380)

    def save(self) -> None:
        if self.ops.run(settings.set_own_language, self.language.currentData(), parent=self,
                        on_error=self.errors.show,
                        done=self.tr("Language saved: it takes effect after a restart")) is not FAILED:
            self.accept()
