"""First start: the language, the business's name and currency, and the owner's account.

Choosing another language installs it and builds the dialog again in it (what was typed stays).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app import languages
from app.db import Database
from app.errors import DomainError
from app.services import setup
from app.services.access import Actor
from ui import i18n
from ui.forms import FieldErrors

RELANGUAGE = 2  # the dialog's result when the language was changed: built again in it


class FirstStartDialog(QDialog):
    def __init__(self, db: Database, parent=None, typed: dict | None = None):
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Welcome to the membership desk"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Let's set up your centre. You can change all of this later in Settings, "
            "except that this first account is the owner's."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.errors = FieldErrors(form, QLabel())
        self.language = QComboBox(objectName="language")
        for code in languages.SHIPPED:
            self.language.addItem(languages.NAMES[code], code)  # each in its own words
        self.language.setCurrentIndex(self.language.findData(languages.current()))
        self.language.currentIndexChanged.connect(self._relanguage)
        self.errors.add_row(self.tr("Language"), "language", self.language)
        for field, label, placeholder, secret in [
            ("business_name", self.tr("Business name"), self.tr("e.g. Sunny Kids Centre"), False),
            ("currency", self.tr("Currency"), "EUR", False),
            ("owner_name", self.tr("Your name"), "", False),
            ("username", self.tr("User name"), self.tr("used to sign in"), False),
            ("password", self.tr("Password"), self.tr("at least 8 characters"), True),
            ("repeat_password", self.tr("Repeat password"), "", True),
        ]:
            edit = QLineEdit()
            edit.setObjectName(field)
            edit.setPlaceholderText(placeholder)
            if secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[field] = edit
            self.errors.add_row(label, field, edit)
        self.fields["currency"].setText("EUR")
        for field, text in (typed or {}).items():
            self.fields[field].setText(text)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create and start"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def create(self) -> None:
        values = {field: edit.text() for field, edit in self.fields.items()}
        values["language"] = self.language.currentData()
        try:
            with self.db.writer.begin() as session:
                self.actor = setup.first_start(session, **values)
        except DomainError as err:
            self.errors.show(err)
            self.fields.get(err.field or "", self.fields["business_name"]).setFocus()
            return
        self.accept()

    def typed(self) -> dict:
        return {field: edit.text() for field, edit in self.fields.items()}

    def _relanguage(self) -> None:
        """Speak the chosen language now (Qt's words too, right to left for Arabic) and be built again."""
        problem = i18n.install(QApplication.instance(), self.language.currentData())
        if problem:
            self.language.blockSignals(True)
            self.language.setCurrentIndex(self.language.findData("en"))
            self.language.blockSignals(False)
            self.errors.general.setText(problem)
            return
        self.done(RELANGUAGE)

    @classmethod
    def ask(cls, db: Database) -> Actor | None:
        typed = None
        while True:
            dialog = cls(db, typed=typed)
            result = dialog.exec()
            if result != RELANGUAGE:
                return dialog.actor if result == QDialog.DialogCode.Accepted else None
            typed = dialog.typed()
