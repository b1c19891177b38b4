"""Record the use of credits: a client, a type (its number key records one unit at once), units, date, note.

From the check-in field it takes two keys after the card code: Ctrl+U opens
this dialog with the types in front, and the type's number records one unit.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem

from app.languages import date_edit_format, date_text
from app.services import clients, credits
from ui.forms import FieldErrors, pydate, qdate, save_cancel_layout
from ui.ops import FAILED, Ops


class UseDialog(QDialog):
    """``used`` holds the service's result once a use is recorded."""

    def __init__(self, ops: Ops, client_id: int, type_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.client_id = client_id
        self.used: credits.Used | None = None
        self.setWindowTitle(self.tr("Use credits"))
        self.setMinimumWidth(460)
        client = ops.read(clients.get_client, client_id)
        self.held = ops.read(credits.client_types, client_id)
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        who = QLabel(f"{client['name']}  ({client['code']})", objectName="useClient")
        who.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Client"), who)
        self.types = QListWidget(objectName="useTypes")
        for number, held in enumerate(self.held, start=1):
            item = QListWidgetItem(self.tr("{n}   {name}: {left} left, soonest until {until}").format(
                n=number, name=held["name"], left=credits.amount(held["available"], held["unit"]),
                until=date_text(held['until'])))
            item.setData(Qt.ItemDataRole.UserRole, held["credit_type_id"])
            self.types.addItem(item)
        self.types.setMaximumHeight(24 * max(2, min(len(self.held), 6)) + 8)
        chosen = next((i for i, h in enumerate(self.held) if h["credit_type_id"] == type_id), 0)
        self.types.setCurrentRow(chosen if self.held else -1)
        self.types.installEventFilter(self)
        self.errors.add_row(self.tr("Credit type"), "credit_type_id", self.types)
        self.units = QLineEdit("1", objectName="useUnits")
        self.errors.add_row(self.tr("Units"), "units", self.units)
        self.on = QDateEdit(objectName="useDate")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat(date_edit_format())
        self.on.setDate(qdate(dt.date.today()))
        self.errors.add_row(self.tr("Date"), "on", self.on)
        self.note = QLineEdit(objectName="useNote")
        self.errors.add_row(self.tr("Note"), "note", self.note)
        self.hint = QLabel(objectName="emptyNote")
        self.hint.setWordWrap(True)
        self.hint.setText(self.tr("Press a type's number to record one unit at once; Save records the units set.")
                          if self.held else self.tr("This client holds no credits valid today: top up first."))
        form.addRow(self.hint)
        buttons = save_cancel_layout(self, form, self.errors)
        for label in self.findChildren(QLabel):  # messages name the client: user text, never markup (D8)
            label.setTextFormat(Qt.TextFormat.PlainText)
        buttons.button(buttons.StandardButton.Save).setEnabled(bool(self.held))
        self.types.setFocus()

    @classmethod
    def ask(cls, ops: Ops, client_id: int, type_id: int | None = None, parent=None) -> credits.Used | None:
        dialog = cls(ops, client_id, type_id, parent)
        dialog.exec()
        return dialog.used

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """In the list of types, a digit picks that type and records one unit (units as set)."""
        if watched is self.types and event.type() == QEvent.Type.KeyPress and event.text().isdigit():
            row = int(event.text()) - 1
            if 0 <= row < self.types.count():
                self.types.setCurrentRow(row)
                self.save()
            return True
        return super().eventFilter(watched, event)

    def type_id(self) -> int | None:
        item = self.types.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def save(self) -> None:
        held = {h["credit_type_id"]: h for h in self.held}.get(self.type_id())
        if held is None:
            self.errors.general.setText(self.tr("Choose a credit type."))
            self.errors.general.show()
            return
        result = self.ops.run(
            credits.use_credits, self.client_id, held["credit_type_id"], self.units.text(), pydate(self.on.date()),
            self.note.text(), parent=self, on_error=self.errors.show,
            done=lambda r: self.tr("{units} of {type} used; {left} left").format(
                units=credits.amount(r.units, held["unit"]), type=held["name"],
                left=credits.amount(r.left, held["unit"])))
        if result is not FAILED:
            self.used = result
            self.accept()
