"""Settings pages for the owner's short lists (built from app.services.lists.LISTS) and for users."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QCheckBox,
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
from ui.i18n import term
from ui.models.rows import RowsModel
from ui.ops import FAILED, OpChange, Ops
from ui.settings.colour import ColourButton
from ui.settings.users import UserEditDialog, role_box, role_name
from ui.start.password import PasswordDialog
from ui.tables import list_view


class ItemDialog(QDialog):
    """Add or change one item of a list; the fields come from the list's description."""

    def __init__(self, ops: Ops, kind: str, item: dict | None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.kind = kind
        self.item_id = item["id"] if item else None
        spec = lists.LISTS[kind]
        self.setWindowTitle(self.tr("Change {what}") if item else self.tr("New {what}"))
        self.setWindowTitle(self.windowTitle().format(what=term(spec.what)))
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.widgets: dict[str, QWidget] = {}
        for field in spec.fields:
            if field.kind == "bool":
                widget = QCheckBox(term(field.label))
                widget.setChecked(bool(item[field.key]) if item else field.key in ("charges", "may_attend"))
                self.errors.add_row("", field.key, widget)
            elif field.kind == "colour":
                widget = ColourButton(item[field.key] if item else "#4a90d9")
                self.errors.add_row(term(field.label), field.key, widget)
            else:
                widget = QLineEdit(str(item[field.key]) if item else "")
                self.errors.add_row(term(field.label), field.key, widget)
            widget.setObjectName(field.key)
            self.widgets[field.key] = widget
        save_cancel_layout(self, form, self.errors)

    def values(self) -> dict:
        return {key: _value(w) for key, w in self.widgets.items()}

    def save(self) -> None:
        values = self.values()
        done = self.tr("{name} saved").format(name=str(values.get("name", "")).strip())
        if self.ops.run(lists.save_item, self.kind, self.item_id, values, parent=self,
                        on_error=self.errors.show, done=done) is not FAILED:
            self.accept()


def _value(widget: QWidget):
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, ColourButton):
        return widget.colour()
    return widget.text()


def _cell(row: dict, key: str, kind: str):
    value = row[key]
    if kind == "bool":
        return "✓" if value else ""
    return value


def _header(label: str, kind: str) -> str:
    """A tick column's title on two lines, so the column is as narrow as its ticks (fits 1024 px)."""
    words = label.split(" ")
    if kind != "bool" or len(words) < 2:
        return label
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + "\n" + " ".join(words[half:])


class ListPage(QWidget):
    """One list: its items in a table, Add…, Change…, and Deactivate/Activate."""

    def __init__(self, ops: Ops, kind: str, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.kind = kind
        spec = lists.LISTS[kind]
        columns = [(f.key, _header(f.label, f.kind), lambda r, k=f.key, t=f.kind: _cell(r, k, t))
                   for f in spec.fields]
        if spec.has_active:
            columns.append(("active", "Active", lambda r: "" if r["active"] else self.tr("inactive")))
        columns += self.extra_columns()
        self.model = RowsModel(columns, self, colour=self._colour)
        self.table = list_view(self.model, f"{kind}Table", fit=True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gives way
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.active_button = QPushButton(self.tr("Deactivate / activate"))
        self.active_button.setVisible(spec.has_active)
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(self.edit_current)
        self.table.activated.connect(lambda index: self.edit(self.model.rows[index.row()]))
        self.active_button.clicked.connect(self.toggle_active)
        self.reload()

    def extra_columns(self) -> list[tuple]:
        """Columns a particular list adds after its fields (the cash drawers' default mark)."""
        return []

    def _colour(self, row: dict, key: str) -> str | None:
        if key == "colour":
            return row["colour"]
        return "#8a8a8a" if row.get("active") is False else None

    def _current(self) -> dict | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def reload(self) -> None:
        """Read the list again; the chosen item stays chosen."""
        chosen = self._current()
        self.model.set_rows(self.ops.read(lists.list_items, self.kind))
        ids = [row["id"] for row in self.model.rows]
        if chosen is not None and chosen["id"] in ids:
            self.table.setCurrentIndex(self.model.index(ids.index(chosen["id"]), 0))

    def edit_current(self) -> None:
        if self._current() is not None:
            self.edit(self._current())

    def edit(self, item: dict | None) -> None:
        if ItemDialog(self.ops, self.kind, item, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def toggle_active(self) -> None:
        item = self._current()
        if item is not None:
            done = (self.tr("{name} activated") if not item["active"] else self.tr("{name} deactivated"))
            self.ops.run(lists.set_item_active, self.kind, item["id"], not item["active"], parent=self,
                         done=done.format(name=item["name"]))
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
        self.role = role_box(Role.RECEPTIONIST)
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.errors.add_row(self.tr("User name"), "username", self.username)
        self.errors.add_row(self.tr("Full name"), "display_name", self.display_name)
        self.errors.add_row(self.tr("Role"), "role", self.role)
        self.errors.add_row(self.tr("Password"), "password", self.password)
        save_cancel_layout(self, form, self.errors)

    def save(self) -> None:
        if self.ops.run(users.create_user, self.username.text(), self.display_name.text(),
                        Role(self.role.currentData()), self.password.text(), parent=self,
                        on_error=self.errors.show,
                        done=lambda _id: self.tr("User {username} added").format(username=self.username.text())
                        ) is not FAILED:
            self.accept()


class UsersPage(QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.model = RowsModel([("username", QT_TRANSLATE_NOOP("Terms", "User name")),
                                ("name", QT_TRANSLATE_NOOP("Terms", "Full name")),
                                ("role", QT_TRANSLATE_NOOP("Terms", "Role"), lambda r: role_name(r["role"])),
                                ("active", QT_TRANSLATE_NOOP("Terms", "Active"),
                                 lambda r: "" if r["active"] else self.tr("switched off"))],
                               self, colour=lambda r, _k: None if r["active"] else QColor("#8a8a8a").name())
        self.table = list_view(self.model, "usersTable", fit=True)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.active_button = QPushButton(self.tr("Switch off / on"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.password_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(lambda: self._with_current(lambda u: UserEditDialog(self.ops, u, self).exec()))
        self.table.activated.connect(lambda _index: self.edit_button.click())
        self.active_button.clicked.connect(self.toggle)
        self.password_button.clicked.connect(
            lambda: self._with_current(lambda u: PasswordDialog(self.ops, u, self).exec()))
        ops.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.ops.read(users.list_users))

    def add(self) -> None:
        UserDialog(self.ops, self).exec()

    def _with_current(self, act) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            act(self.model.rows[row])

    def toggle(self) -> None:
        self._with_current(lambda user: self.ops.run(
            users.set_user_active, user["id"], not user["active"], parent=self,
            done=(self.tr("{name} switched on") if not user["active"] else self.tr("{name} switched off"))
            .format(name=user["name"])))

    def _on_changed(self, change: OpChange) -> None:
        if change.changes.touches("users"):
            self.reload()
