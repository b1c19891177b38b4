"""The logo field of the Business page: the copied file's path, Browse… and Remove.

The picked picture is copied into the data folder by ``settings.set_logo``
(refused when its bytes are not a PNG or JPEG); a logo file that went missing
is reported under the field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.errors import DomainError
from app.services import settings
from ui.forms import FieldErrors
from ui.ops import FAILED, Ops

FIELD = "business_logo"


class LogoField(QWidget):
    def __init__(self, ops: Ops, errors: FieldErrors, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.errors = errors
        self.path = QLineEdit(objectName="logoPath", readOnly=True)
        self.path.setPlaceholderText(self.tr("No logo: invoices print the business name only"))
        self.browse_button = QPushButton(self.tr("Browse…"), objectName="logoBrowse")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="logoRemove")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.remove_button)
        self.browse_button.clicked.connect(self.browse)
        self.remove_button.clicked.connect(lambda: self.set_logo(None))

    def show_logo(self, logo: str) -> None:
        """Show the stored logo's path, and say so next to it when the file is missing."""
        self.path.setText(logo)
        self.remove_button.setEnabled(bool(logo))
        problem = settings.logo_problem(logo)
        if problem:
            self.errors.show(DomainError(problem, field=FIELD))

    def browse(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the logo"), start,
                                                      self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if chosen:
            self.set_logo(chosen)

    def set_logo(self, source: str | None) -> None:
        self.errors.clear()
        done = self.tr("Logo saved") if source else self.tr("Logo removed")
        stored = self.ops.run(settings.set_logo, source, parent=self, on_error=self.errors.show, done=done)
        if stored is not FAILED:
            self.show_logo(stored)
