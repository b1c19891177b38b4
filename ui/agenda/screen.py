"""The Agenda area (R1): one day's recurring-service occurrences with ◀ ▶, each marked done or missed
(who, when), a note, and a missed one rescheduled within the membership's term."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.languages import date_edit_format, date_text
from app.services import agenda
from ui.forms import pydate, qdate
from ui.list_exports import export_agenda
from ui.models.rows import RowsModel
from ui.ops import Ops
from ui.page import area_page
from ui.refresh import RefreshOnChange
from ui.tables import list_view

STATE_COLOURS = {"done": "#1e7b34", "missed": "#b03a2e"}


def _day(value: dt.date | None) -> str:
    return date_text(value) if value else ""


class AgendaScreen(RefreshOnChange, QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        column, top = area_page(self, self.tr("Agenda"))
        self.back = QPushButton("◀", objectName="agendaBack")
        self.back.setToolTip(self.tr("The day before"))
        self.day = QDateEdit(objectName="agendaDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_edit_format(weekday=True))
        self.day.setDate(qdate(dt.date.today()))
        self.forward = QPushButton("▶", objectName="agendaForward")
        self.forward.setToolTip(self.tr("The day after"))
        self.today = QPushButton(self.tr("Today"))
        for widget in (self.back, self.day, self.forward, self.today):
            top.addWidget(widget)
        top.addStretch(1)
        self.done_button = QPushButton(self.tr("Done"))
        self.missed_button = QPushButton(self.tr("Missed"))
        self.note_button = QPushButton(self.tr("Note…"))
        self.move_button = QPushButton(self.tr("Reschedule…"))
        for button in (self.done_button, self.missed_button, self.note_button, self.move_button):
            top.addWidget(button)
        self.model = RowsModel([
            ("client", QT_TRANSLATE_NOOP("Terms", "Client")), ("name", QT_TRANSLATE_NOOP("Terms", "Service")),
            ("package", QT_TRANSLATE_NOOP("Terms", "Membership")),
            ("state", QT_TRANSLATE_NOOP("Terms", "State"), self._state),
            ("marked", QT_TRANSLATE_NOOP("Terms", "Marked"), self._marked),
            ("note", QT_TRANSLATE_NOOP("Terms", "Note")),
        ], self, colour=lambda r, k: STATE_COLOURS.get(r["state"]) if k == "state" else None)
        self.table = list_view(self.model, "agendaTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, width in enumerate((180, 120, 110, 90, 180)):
            self.table.setColumnWidth(index, width)
        for stretched in (0, 5):  # the client and the note share what is left (1024 px: no scrolling)
            header.setSectionResizeMode(stretched, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.table, 1)
        self.count = QLabel(objectName="agendaCount")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        self.export_button = QPushButton(self.tr("Export…"), objectName="exportList")  # X2
        self.export_button.clicked.connect(lambda: export_agenda(self, pydate(self.day.date())))
        bottom.addWidget(self.export_button)
        column.addLayout(bottom)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.back.clicked.connect(lambda: self.go(-1))
        self.forward.clicked.connect(lambda: self.go(1))
        self.today.clicked.connect(lambda: self.day.setDate(qdate(dt.date.today())))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.done_button.clicked.connect(lambda: self.mark("done"))
        self.missed_button.clicked.connect(lambda: self.mark("missed"))
        self.note_button.clicked.connect(lambda: self.write_note())
        self.move_button.clicked.connect(lambda: self.reschedule())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.watch(self.ops)

    def _state(self, row: dict) -> str:
        text = {"planned": self.tr("Planned"), "done": self.tr("Done"), "missed": self.tr("Missed"),
                "cancelled": self.tr("Cancelled")}[row["state"]]
        if row["moved_to"]:
            text += self.tr(" → {day}").format(day=_day(row["moved_to"]))
        if row["moved_from"]:
            text += self.tr(" (from {day})").format(day=_day(row["moved_from"]))
        return text

    def _marked(self, row: dict) -> str:
        if row["marked_at"] is None:
            return ""
        marked = row["marked_at"].astimezone()
        when = marked.strftime("%H:%M" if marked.date() == row["due_on"] else "%d.%m %H:%M")
        return self.tr("{when} {who}").format(when=when, who=row["marked_by"])  # the time first: a name may be cut

    def go(self, days: int) -> None:
        self.day.setDate(self.day.date().addDays(days))

    def refresh(self) -> None:
        chosen = self.selected()
        rows = self.ops.read(agenda.day, pydate(self.day.date()))
        self.model.set_rows(rows)
        done = sum(r["state"] == "done" for r in rows)
        self.count.setText(self.tr("Nothing is due on this day.") if not rows else
                           self.tr("{n} due · {done} done").format(n=len(rows), done=done))
        ids = [r["id"] for r in rows]
        if rows:
            self.table.selectRow(ids.index(chosen["id"]) if chosen and chosen["id"] in ids else 0)
        self._enable()

    def selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _enable(self) -> None:
        row = self.selected()
        for button in (self.done_button, self.missed_button, self.note_button):
            button.setEnabled(row is not None)
        self.move_button.setEnabled(bool(row and row["state"] == "missed" and not row["moved_to"]))

    def mark(self, state: str) -> None:
        row = self.selected()
        if row is None:
            return
        words = {"done": self.tr("done"), "missed": self.tr("missed")}
        self.ops.run(agenda.mark, row["id"], state, parent=self,
                     done=self.tr("{service} of {client} marked {state}").format(
                         service=row["name"], client=row["client"], state=words[state]))

    def write_note(self, text: str | None = None) -> None:
        row = self.selected()
        if row is None:
            return
        if text is None:
            text, ok = QInputDialog.getText(self, self.tr("Note"), self.tr("Note for {service} of {client}").format(
                service=row["name"], client=row["client"]), text=row["note"])
            if not ok:
                return
        self.ops.run(agenda.set_note, row["id"], text, parent=self, done=self.tr("Note saved"))

    def reschedule(self, new_date: dt.date | None = None) -> None:
        """A missed one gets a new date within the membership's term (asked for in a date dialog)."""
        row = self.selected()
        if row is None or row["state"] != "missed":
            return
        if new_date is None:
            new_date = RescheduleDialog.ask(row, self)
            if new_date is None:
                return
        self.ops.run(agenda.reschedule, row["id"], new_date, parent=self,
                     done=self.tr("{service} of {client} moved to {day}").format(
                         service=row["name"], client=row["client"], day=_day(new_date)))


class RescheduleDialog:
    """A date within the term, chosen in a small dialog."""

    @classmethod
    def ask(cls, row: dict, parent: QWidget) -> dt.date | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("Reschedule", "Reschedule"))
        layout = QVBoxLayout(dialog)
        start, end = row["term"]
        about = QLabel(QCoreApplication.translate(
            "Reschedule", "{service} of {client}: a new date within {start} – {end}").format(
            service=row["name"], client=row["client"], start=_day(start), end=_day(end)))
        about.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(about)
        picker = QDateEdit(objectName="rescheduleDate")
        picker.setCalendarPopup(True)
        picker.setDisplayFormat(date_edit_format())
        picker.setDate(qdate(max(dt.date.today(), start)))
        layout.addWidget(picker)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        return pydate(picker.date()) if dialog.exec() == QDialog.DialogCode.Accepted else None
