"""J7 on screen: the makeup lessons not used yet and those that expired; a visitor for a makeup lesson."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
)

from app.languages import date_text, weekday_text
from app.services import journal
from ui.models.rows import RowsModel
from ui.ops import Ops
from ui.tables import list_view


def _date(value) -> str:
    return date_text(value)


class MakeupsDialog(QDialog):
    """Two lists: open makeups (who may come to a makeup lesson, and until when) and expired ones."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent, windowTitle=self.tr("Makeup lessons"))
        self.resize(640, 420)
        found = ops.read(journal.makeups)
        self.tabs = QTabWidget()
        self.models = {}
        for key, title, until in (("open", self.tr("Open ({n})"), self.tr("Usable until")),
                                  ("expired", self.tr("Expired unused ({n})"), self.tr("Expired after"))):
            model = RowsModel([("client", self.tr("Client")), ("program", self.tr("Program")),
                               ("earned_on", self.tr("Excused on"), lambda r: _date(r["earned_on"])),
                               ("expires_on", until, lambda r: _date(r["expires_on"]))], self)
            model.set_rows(found[key])
            self.models[key] = model
            self.tabs.addTab(list_view(model, f"makeups_{key}", fit=True), title.format(n=len(found[key])))
        note = QLabel(self.tr("An excused absence gives a makeup lesson in any group of the program; mark it "
                              "\"Makeup\" in the journal before it expires."), objectName="emptyNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addWidget(self.tabs, 1)
        box.addWidget(buttons)


class MakeupVisitorDialog(QDialog):
    """Pick a lesson date of the month and a client of another group who has a makeup to use then."""

    chosen = Signal(dict, object)  # the visitor, the date

    def __init__(self, ops: Ops, group_id: int, days: list[dt.date], default: dt.date, parent=None):
        super().__init__(parent, windowTitle=self.tr("Makeup visitor"))
        self.ops, self.group_id, self.days = ops, group_id, days
        self.visitors: list[dict] = []
        self.day = QComboBox(objectName="visitorDay")  # Qt would turn dates into QDate: rows of self.days
        self.day.addItems([f"{weekday_text(day)} {date_text(day)}" for day in days])
        self.day.setCurrentIndex(days.index(default))
        self.visitor = QComboBox(objectName="visitor")
        self.empty = QLabel(objectName="emptyNote")
        self.empty.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Visitor"), self.visitor)
        form.addRow(self.empty)
        form.addRow(self.buttons)
        self.day.currentIndexChanged.connect(lambda _i: self._offer())
        self._offer()

    def _offer(self) -> None:
        """Who has a makeup of the program to use on the chosen date and is not in the group then."""
        day = self.chosen_day()
        self.visitors = self.ops.read(journal.makeup_visitors, self.group_id, day)
        self.visitor.clear()
        self.visitor.addItems([self.tr("{name} (makeup until {until})").format(
            name=v["name"], until=_date(v["expires_on"])) for v in self.visitors])
        found = self.visitor.count() > 0
        self.empty.setText("" if found else self.tr("Nobody from another group has a makeup lesson of this "
                                                    "program to use on {day}.").format(day=_date(day)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(found)

    def chosen_day(self) -> dt.date:
        return self.days[self.day.currentIndex()]

    def accept(self) -> None:
        self.chosen.emit(self.visitors[self.visitor.currentIndex()], self.chosen_day())
        super().accept()
