"""The day's takings (receptionist: today; owner: any day), and its PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.languages import date_edit_format
from app.services import payments
from app.services.access import Right
from ui.forms import pydate, qdate
from ui.i18n import term
from ui.models.rows import RowsModel
from ui.money import money_text
from ui.ops import FAILED, Ops
from ui.refresh import RefreshOnChange
from ui.tables import list_view


class TakingsPage(RefreshOnChange, QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.day = QDateEdit(qdate(dt.date.today()), calendarPopup=True, displayFormat=date_edit_format(),
                             objectName="takingsDay")
        self.day.setEnabled(ops.actor.may(Right.VIEW_REPORTS))  # a receptionist sees today only
        self.print_button = QPushButton(self.tr("Save as PDF…"))
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.model = RowsModel([("method", QT_TRANSLATE_NOOP("Terms", "Method"), lambda r: term(r["method"])),
                                ("drawer", QT_TRANSLATE_NOOP("Terms", "Cash drawer")),
                                ("count", QT_TRANSLATE_NOOP("Terms", "Payments")),
                                ("amount", QT_TRANSLATE_NOOP("Terms", "Amount"), lambda r: money_text(r["amount"]))],
                               self, right=("count", "amount"))
        self.table = list_view(self.model, "takingsTable", fit=True)
        layout.addWidget(self.table, 1)
        self.total = QLabel(objectName="balanceDue")
        layout.addWidget(self.total)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.print_button.clicked.connect(lambda: self.save_pdf())
        self.watch(ops)
        self.refresh()

    def refresh(self) -> None:
        takings = self.ops.read(payments.day_takings, pydate(self.day.date()))
        self.model.set_rows(takings["lines"])
        total = self.tr("Total: {amount}").format(amount=money_text(takings["total"]))
        if takings["refunds"]:  # B6: refunds are money out of the day
            total += "   " + self.tr("(paid back: {amount})").format(amount=money_text(takings["refunds"]))
        self.total.setText(total)

    def save_pdf(self, path: str | None = None) -> Path | None:
        day = pydate(self.day.date())
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save takings"),
                                                  str(Path.home() / f"takings-{day:%Y-%m-%d}.pdf"), "PDF (*.pdf)")
            if not path:
                return None
        from app.services import documents  # reportlab, loaded when a PDF is asked for (start budget)

        result = self.ops.run(documents.takings_pdf, path, day, parent=self,
                              done=lambda saved: self.tr("Takings saved to {file}").format(file=saved.name))
        return None if result is FAILED else result
