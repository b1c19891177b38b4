"""Form helpers: a message next to the field a DomainError names."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from ui.i18n import message


class FieldErrors:
    """One red message label per field, placed under it in a QFormLayout, plus a general one."""

    def __init__(self, form: QFormLayout, general: QLabel):
        self._form = form
        self._labels: dict[str, QLabel] = {}
        self.general = general
        general.setObjectName("formError")
        general.setWordWrap(True)
        general.hide()

    def add_row(self, label: str, field: str, widget: QWidget) -> None:
        """Add ``widget`` with its label, and a hidden message under it."""
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        message = QLabel()
        message.setObjectName("fieldError")
        message.setWordWrap(True)
        message.hide()
        box.addWidget(message)
        self._form.addRow(label, cell)
        self._labels[field] = message

    def clear(self) -> None:
        for label in (*self._labels.values(), self.general):
            label.clear()
            label.hide()

    def show(self, err: DomainError) -> None:
        self.clear()
        label = self._labels.get(err.field or "", self.general)
        label.setText(message(err))
        label.show()

    def text(self, field: str) -> str:
        return self._labels[field].text() if field in self._labels else self.general.text()


def save_record(ops, create, update, record_id, values: dict, *, parent, on_error) -> int | None:
    """Create (``record_id`` None) or update a record through ``ops``; the id, or None if refused.

    The status bar then says "<name> saved" (clients, packages, programs and groups all have a name).
    """
    from ui.ops import FAILED

    done = QWidget.tr("{name} saved").format(name=str(values.get("name", "")).strip()) if "name" in values else None
    if record_id is None:
        result = ops.run(create, parent=parent, on_error=on_error, done=done, **values)
    else:
        result = ops.run(update, record_id, parent=parent, on_error=on_error, done=done, **values)
    return None if result is FAILED else result


def save_cancel_layout(dialog, form: QFormLayout, errors: FieldErrors) -> QDialogButtonBox:
    """Lay out a form dialog: the form, its general message, Save and Cancel (Save calls ``dialog.save``)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(errors.general)
    layout.addWidget(buttons)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
