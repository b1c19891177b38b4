"""Settings pages for the owner's short lists (built from app.services.lists.LISTS) and for users."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import Role
from app.services import lists, users
from ui.forms import FieldErrors, save_cancel_layout
from ui.models.rows import RowsModel
from ui.ops import FAILED, OpChange, Ops
from ui.tables import list_view

ROLE_NAMES = {Role.OWNER: "Owner", Role.RECEPTIONIST: "Receptionist", Role.TEACHER: "Teacher"}


class ItemDialog(QDialog):
    """Add or change one item of a list; the fields come from the list's description."""

    def __init__(self, ops: Ops, kind: str, item: dict | None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.kind = kind
        self.item_id = item["id"] if item else None
        spec = lists.LISTS[kind]
        self.setWindowTitle(self.tr("Change {what}") if item else self.tr("New {what}"))
        self.setWindowTitle(self.windowTitle().format(what=self.tr(spec.what)))
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.widgets: dict[str, QWidget] = {}
        for field in spec.fields:
            if field.kind == "bool":
                widget = QCheckBox(self.tr(field.label))
                widget.setChecked(bool(item[field.key]) if item else field.key in ("charges", "may_attend"))
                self.errors.add_row("", field.key, widget)
            else:
                widget = QLineEdit(str(item[field.key]) if item else ("#4a90d9" if field.kind == "colour" else ""))
                self.errors.add_row(self.tr(field.label), field.key, widget)
            widget.setObjectName(field.key)
            self.widgets[field.key] = widget
        save_cancel_layout(self, form, self.errors)

    def values(self) -> dict:
        return {key: w.isChecked() if isinstance(w, QCheckBox) else w.text() for key, w in self.widgets.items()}

    def save(self) -> None:
        if self.ops.run(lists.save_item, self.kind, self.item_id, self.values(), parent=self,
                        on_error=self.errors.show) is not FAILED:
            self.accept()


def _cell(row: dict, key: str, kind: str):
    value = row[key]
    if kind == "bool":
        return "✓" if value else ""
    return value


class ListPage(QWidget):
    """One list: its items in a table, Add…, Change…, and Deactivate/Activate."""

    def __init__(self, ops: Ops, kind: str, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.kind = kind
        spec = lists.LISTS[kind]
        columns = [(f.key, f.label, lambda r, k=f.key, t=f.kind: _cell(r, k, t)) for f in spec.fields]
        if spec.has_active:
            columns.append(("active", "Active", lambda r: "" if r["active"] else self.tr("inactive")))
        self.model = RowsModel(columns, self, colour=self._colour)
        self.table = list_view(self.model, f"{kind}Table", fit=True)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.active_button = QPushButton(self.tr("Deactivate / activate"))
        self.active_button.setVisible(spec.has_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(self.edit_current)
        self.table.activated.connect(lambda index: self.edit(self.model.rows[index.row()]))
        self.active_button.clicked.connect(self.toggle_active)
        self.reload()

    def _colour(self, row: dict, key: str) -> str | None:
        if key == "colour":
            return row["colour"]
        return "#8a8a8a" if row.get("active") is False else None

    def _current(self) -> dict | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def reload(self) -> None:
        self.model.set_rows(self.ops.read(lists.list_items, self.kind))

    def edit_current(self) -> None:
        if self._current() is not None:
            self.edit(self._current())

    def edit(self, item: dict | None) -> None:
        if ItemDialog(self.ops, self.kind, item, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def toggle_active(self) -> None:
        item = self._current()
        if item is not None:
            self.ops.run(lists.set_item_active, self.kind, item["id"], not item["active"], parent=self)
            self.reload()


class UserDialog(QDialog):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("New user"))
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.username = QLineEdit(objectName="username")
        self.display_name = QLineEdit(objectName="display_name")
        self.role = QComboBox(objectName="role")
        for role, name in ROLE_NAMES.items():
            self.role.addItem(self.tr(name), role.value)
        self.role.setCurrentIndex(1)
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.errors.add_row(self.tr("User name"), "username", self.username)
        self.errors.add_row(self.tr("Full name"), "display_name", self.display_name)
        self.errors.add_row(self.tr("Role"), "role", self.role)
        self.errors.add_row(self.tr("Password"), "password", self.password)
        save_cancel_layout(self, form, self.errors)

    def save(self) -> None:
        if self.ops.run(users.create_user, self.username.text(), self.display_name.text(),
                        Role(self.role.currentData()), self.password.text(), parent=self,
                        on_error=self.errors.show) is not FAILED:
            self.accept()


class UsersPage(QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.model = RowsModel([("username", "User name"), ("name", "Full name"),
                                ("role", "Role", lambda r: self.tr(ROLE_NAMES[r["role"]])),
                                ("active", "Active", lambda r: "" if r["active"] else self.tr("switched off"))],
                               self, colour=lambda r, _k: None if r["active"] else QColor("#8a8a8a").name())
        self.table = list_view(self.model, "usersTable", fit=True)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.active_button = QPushButton(self.tr("Switch off / on"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.active_button.clicked.connect(self.toggle)
        ops.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.ops.read(users.list_users))

    def add(self) -> None:
        UserDialog(self.ops, self).exec()

    def toggle(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            user = self.model.rows[row]
            self.ops.run(users.set_user_active, user["id"], not user["active"], parent=self)

    def _on_changed(self, change: OpChange) -> None:
        if change.service in ("create_user", "set_user_active"):
            self.reload()
