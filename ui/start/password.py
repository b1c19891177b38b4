"""A new password typed twice: File › Change password… (asks the old one) and the owner's reset."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit

from app.services import users
from ui.forms import FieldErrors, save_cancel_layout
from ui.ops import FAILED, Ops


class PasswordDialog(QDialog):
    """Without ``user`` the signed-in user changes their own password and must give the old one;
    with ``user`` (a row of users.list_users) the owner resets that user's password."""

    def __init__(self, ops: Ops, user: dict | None = None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.user = user
        if user is None:
            self.setWindowTitle(self.tr("Change your password"))
        else:
            self.setWindowTitle(self.tr("New password for {name}").format(name=user["name"]))
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.old = QLineEdit(objectName="old", echoMode=QLineEdit.EchoMode.Password)
        self.new = QLineEdit(objectName="new", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="repeat", echoMode=QLineEdit.EchoMode.Password)
        if user is None:
            self.errors.add_row(self.tr("Current password"), "old", self.old)
        self.errors.add_row(self.tr("New password"), "new", self.new)
        self.errors.add_row(self.tr("Repeat the new password"), "repeat", self.repeat)
        save_cancel_layout(self, form, self.errors)
        self.setMinimumWidth(400)

    def save(self) -> None:
        if self.user is None:
            result = self.ops.run(users.change_own_password, self.old.text(), self.new.text(), self.repeat.text(),
                                  parent=self, on_error=self._refused, done=self.tr("Your password is changed"))
        else:
            result = self.ops.run(users.reset_password, self.user["id"], self.new.text(), self.repeat.text(),
                                  parent=self, on_error=self._refused,
                                  done=self.tr("New password set for {name}").format(name=self.user["name"]))
        if result is not FAILED:
            self.accept()

    def _refused(self, err) -> None:
        self.errors.show(err)
        for edit in (self.new, self.repeat) if err.field in ("new", "repeat") else (self.old,):
            edit.clear()
        (self.old if err.field == "old" else self.new).setFocus()
