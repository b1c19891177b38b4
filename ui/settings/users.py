"""The owner changes a user: name, role and whether the account is on, saved in one action (D6)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit

from app.models import Role
from app.services import users
from ui.forms import FieldErrors, save_cancel_layout
from ui.ops import FAILED, Ops



def role_name(role: Role) -> str:
    """A role as the user reads it (status bar, users list, role boxes)."""
    return {Role.OWNER: QObject.tr("Owner"), Role.RECEPTIONIST: QObject.tr("Receptionist"),
            Role.TEACHER: QObject.tr("Teacher")}[role]


def role_box(role: Role) -> QComboBox:
    box = QComboBox(objectName="role")
    for value in Role:
        box.addItem(role_name(value), value.value)
    box.setCurrentIndex(box.findData(role.value))
    return box


class UserEditDialog(QDialog):
    def __init__(self, ops: Ops, user: dict, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.user = user
        self.setWindowTitle(self.tr("Change user {username}").format(username=user["username"]))
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.display_name = QLineEdit(user["name"], objectName="display_name")
        self.role = role_box(user["role"])
        self.active = QCheckBox(self.tr("May sign in"), objectName="active", checked=user["active"])
        self.errors.add_row(self.tr("Full name"), "display_name", self.display_name)
        self.errors.add_row(self.tr("Role"), "role", self.role)
        self.errors.add_row("", "active", self.active)
        save_cancel_layout(self, form, self.errors)
        self.setMinimumWidth(400)

    def save(self) -> None:
        if self.ops.run(users.update_user, self.user["id"], self.display_name.text(), Role(self.role.currentData()),
                        self.active.isChecked(), version=self.user["version"], parent=self, on_error=self.errors.show,
                        done=self.tr("User {username} saved").format(username=self.user["username"])) is not FAILED:
            self.accept()
