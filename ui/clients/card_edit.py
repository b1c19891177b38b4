"""The cards' edit mode (T3): changes wait on screen until Save sends them all in one transaction.

:class:`Edits` holds only what differs from the cards as last read;
:meth:`Edits.chips` shows a card's visits with those changes (an edited
chip gets an outline); :class:`CardFields` is the row of fields under a
card; :func:`visit_menu` is what a visit chip opens. Cancel is
``Edits.clear()``: the cards as last saved come back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.languages import date_edit_format
from ui.forms import pydate, qdate


def _same(key: str, value, original) -> bool:
    if key == "price":
        try:
            return Decimal(str(value).strip()) == original
        except InvalidOperation:
            return False  # the service explains what is wrong with it
    return value == original


class Edits:
    """What the user changed in edit mode: ``sales`` {card id: {field: value}}, ``visits`` {visit id: ...}."""

    def __init__(self):
        self.sales: dict[int, dict] = {}
        self.visits: dict[int, dict] = {}

    def __bool__(self) -> bool:
        return bool(self.sales or self.visits)

    def clear(self) -> None:
        self.sales.clear()
        self.visits.clear()

    @staticmethod
    def _note(changes: dict[int, dict], record: dict, key: str, value, original_key: str | None = None) -> None:
        change = changes.setdefault(record["id"], {})
        if _same(key, value, record[original_key or key]):
            change.pop(key, None)
        else:
            change[key] = value
        if not change:
            del changes[record["id"]]

    def set_card(self, card: dict, key: str, value) -> None:
        """``card`` as read; ``key`` one of start, end, price, description."""
        self._note(self.sales, card, key, value)

    def set_visit(self, chip: dict, key: str, value) -> None:
        """``chip`` as read; ``key`` date or status_id."""
        self._note(self.visits, chip, key, value)

    def card_value(self, card: dict, key: str):
        return self.sales.get(card["id"], {}).get(key, card[key])

    def chips(self, chips: list[dict], statuses: dict[int, dict]) -> list[dict]:
        """The chips as they will be after Save, in date order; changed ones say ``edited``."""
        shown = []
        for chip in chips:
            change = self.visits.get(chip["id"])
            if change:
                chip = {**chip, "date": change.get("date", chip["date"]), "edited": True}
                status = statuses.get(change.get("status_id"))
                if status is not None:
                    chip.update(status_id=status["id"], letter=status["letter"], colour=status["colour"],
                                status=status["name"])
            shown.append(chip)
        return sorted(shown, key=lambda c: (c["date"], c["id"]))


class CardFields(QWidget):
    """Dates, price and description of one card in edit mode; every change goes to ``edits``."""

    changed = Signal()

    def __init__(self, card: dict, edits: Edits, parent=None):
        super().__init__(parent, objectName="cardFields")
        self.card, self.edits = card, edits
        shown = date_edit_format()
        self.start = QDateEdit(qdate(edits.card_value(card, "start")), calendarPopup=True, displayFormat=shown)
        self.end = QDateEdit(qdate(edits.card_value(card, "end")), calendarPopup=True, displayFormat=shown)
        self.price = QLineEdit(str(edits.card_value(card, "price")), maximumWidth=90)
        self.description = QLineEdit(edits.card_value(card, "description"),
                                     placeholderText=self.tr("Description (what was agreed, a note)"))
        if card["cancelled"]:  # a cancelled card keeps its terms; a note may still be added
            for widget in (self.start, self.end, self.price):
                widget.setEnabled(False)
            self.setToolTip(self.tr("Cancelled: only the description can change."))
        elif card["invoice"] and card["payment"] != "draft":  # an issued invoice never changes
            self.price.setEnabled(False)
            self.price.setToolTip(self.tr("Billed on invoice {number}: to bill another price, void the invoice "
                                          "and sell again.").format(number=card["invoice"]))
        self.start.dateChanged.connect(lambda d: self._set("start", pydate(d)))
        self.end.dateChanged.connect(lambda d: self._set("end", pydate(d)))
        self.price.textEdited.connect(lambda text: self._set("price", text))
        self.description.textEdited.connect(lambda text: self._set("description", text))
        row = QHBoxLayout()
        for label, widget in ((self.tr("From"), self.start), (self.tr("until"), self.end),
                              (self.tr("price"), self.price)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.description)

    def _set(self, key: str, value) -> None:
        self.edits.set_card(self.card, key, value)
        self.changed.emit()


def ask_date(parent: QWidget, title: str, current: dt.date) -> dt.date | None:
    """A small dialog with a calendar field; the chosen date, or None on Cancel."""
    dialog = QDialog(parent, windowTitle=title)
    field = QDateEdit(qdate(current), calendarPopup=True, displayFormat=date_edit_format())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    box = QVBoxLayout(dialog)
    box.addWidget(field)
    box.addWidget(buttons)
    return pydate(field.date()) if dialog.exec() == QDialog.DialogCode.Accepted else None


def visit_menu(parent: QWidget, chip: dict, statuses: list[dict], on_status, on_date) -> QMenu:
    """A chip's menu in edit mode: its status (a lesson's only) and "Change date…"."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if chip["kind"] == "lesson":
        for status in statuses:
            action = QAction(f"{status['letter']}  {status['name']}", menu, checkable=True,
                             checked=status["id"] == chip["status_id"])
            action.triggered.connect(lambda _checked=False, s=status["id"]: on_status(s))
            menu.addAction(action)
        menu.addSeparator()
    menu.addAction(QCoreApplication.translate("CardEdit", "Change date…")).triggered.connect(on_date)
    return menu
