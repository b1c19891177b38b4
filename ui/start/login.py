"""The sign-in dialog shown on every start after the first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.db import Database
from app.errors import DomainError
from app.services import settings, users
from app.services.access import Actor
from ui.forms import FieldErrors


class LoginDialog(QDialog):
    def __init__(self, db: Database, business_name: str, parent=None):
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — {name}").format(name=business_name or self.tr("Membership desk")))
        layout = QVBoxLayout(self)
        title = QLabel(business_name or self.tr("Membership desk"))
        title.setObjectName("dialogTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)  # the business name as typed, never markup (D8)
        layout.addWidget(title)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = FieldErrors(form, QLabel())
        self.errors.add_row(self.tr("User name"), "username", self.username)
        self.errors.add_row(self.tr("Password"), "password", self.password)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def sign_in(self) -> None:
        try:
            with self.db.writer.begin() as session:
                self.actor = users.sign_in(session, self.username.text(), self.password.text())
        except DomainError as err:
            self.errors.show(err)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()

    @classmethod
    def for_database(cls, db: Database, parent=None) -> LoginDialog:
        """The dialog for ``db``, titled with its business's name (not shown yet)."""
        with db.reader.begin() as session:
            name = settings.get_settings(session)["business_name"]
        return cls(db, name, parent)

    @classmethod
    def ask(cls, db: Database) -> Actor | None:
        dialog = cls.for_database(db)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
