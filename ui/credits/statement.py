"""The profile's Credits tab: the statement per credit type (K4), low and expiring balances (K7),
and Use credits…, Undo use, Top up… (K5) and Print statement…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from ui.i18n import message
from app.languages import date_text
from app.services import credits
from app.services.access import Right
from ui import messages
from ui.credits.use import UseDialog
from ui.models.rows import RowsModel
from ui.ops import Ops
from ui.tables import list_view

def _movement_colour(row: dict, key: str) -> str | None:
    if row["kind"] == "expiry" or row.get("reversed"):
        return "#8a8a8a"
    if key == "change":
        return "#1e7b34" if row["change"] > 0 else "#b03a2e"
    return None


class CreditsPanel(QWidget):
    """One client's credits. ``flagged`` says whether K7 found a low or expiring balance."""

    flagged = Signal(bool)

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.client_id: int | None = None
        self.shown: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(objectName="creditSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.flags = QLabel(objectName="creditFlags")
        self.flags.setTextFormat(Qt.TextFormat.PlainText)
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #9a5b00; font-weight: bold;")
        layout.addWidget(self.summary)
        layout.addWidget(self.flags)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Credit type")))
        self.type_box = QComboBox(objectName="statementType")
        self.type_box.setMinimumWidth(160)
        row.addWidget(self.type_box)
        row.addStretch(1)
        type_row = row
        layout.addLayout(row)
        row = QHBoxLayout()  # the actions on a row of their own: the profile's tab must fit 1024 px
        self.use_button = QPushButton(self.tr("Use credits…"), objectName="primary")
        self.undo_button = QPushButton(self.tr("Undo use"))
        self.top_up_button = QPushButton(self.tr("Top up…"))
        self.top_up_button.setVisible(ops.actor.may(Right.SELL))
        self.print_button = QPushButton(self.tr("Print statement…"))
        for button in (self.use_button, self.undo_button, self.top_up_button):
            row.addWidget(button)
        row.addStretch(1)
        type_row.addWidget(self.print_button)  # the statement of the type chosen beside it
        layout.addLayout(row)
        self.model = RowsModel([
            ("date", QT_TRANSLATE_NOOP("Terms", "Date"), lambda r: date_text(r['date'])),
            ("kind", QT_TRANSLATE_NOOP("Terms", "Movement"), self._what),
            ("change", QT_TRANSLATE_NOOP("Terms", "Units"),
             lambda r: f"+{r['change']}" if r["change"] > 0 else str(r["change"])),
            ("balance", QT_TRANSLATE_NOOP("Terms", "Balance")), ("by", QT_TRANSLATE_NOOP("Terms", "By")),
            ("note", QT_TRANSLATE_NOOP("Terms", "Note")),
        ], self, right=("change", "balance"), colour=_movement_colour)
        self.view = list_view(self.model, "statementTable")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 330, 60, 80, 130)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self.tr("No credits yet. Top up… sells a credits package."), objectName="emptyNote",
                            wordWrap=True)
        layout.addWidget(self.empty)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.type_box.currentIndexChanged.connect(lambda _i: self._show_type())
        self.use_button.clicked.connect(self.use)
        self.undo_button.clicked.connect(self.undo_selected)
        self.top_up_button.clicked.connect(self.top_up)
        self.print_button.clicked.connect(lambda: self.print_statement())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable_undo())

    def _what(self, row: dict) -> str:
        kind = row["kind"]
        if kind == "grant":
            return self.tr("Granted: {package}, until {end}").format(
                package=row["package"], end=date_text(row['valid_until']))
        if kind == "expiry":
            return self.tr("Expired: what was left of {package} (until {end})").format(
                package=row["package"], end=date_text(row['valid_until']))
        if kind == "reversal":
            return self.tr("Reversal of the use of {day}").format(day=date_text(row['of']))
        text = self.tr("Used at check-in") if row["checkin"] else self.tr("Used")
        return text + self.tr("  (reversed)") if row["reversed"] else text

    # reading ---------------------------------------------------------------------------------------
    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        if self.client_id is None:
            return
        chosen = self.type_box.currentData()
        self.shown = self.ops.read(credits.statement, self.client_id)
        types = self.shown["types"]
        self.type_box.blockSignals(True)
        self.type_box.clear()
        for entry in types:
            self.type_box.addItem(entry["name"], entry["credit_type_id"])
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(chosen)))
        self.type_box.blockSignals(False)
        lines = []
        for e in types:
            line = self.tr(
                "{name}: {available} valid today · used {used} · expired {expired} · granted {granted}").format(
                name=e["name"], available=credits.amount(e["available"], e["unit"]), used=e["used"],
                expired=e["expired"], granted=e["granted"])
            if e["expiring"]:  # K4: what expires when
                line += self.tr(" · expires: {when}").format(when=", ".join(
                    self.tr("{units} on {day}").format(units=units, day=date_text(until))
                    for until, units in e["expiring"]))
            lines.append(line)
        self.summary.setText("\n".join(lines))
        flags = [line for entry in types for line in self._flags(entry)]
        self.flags.setText("\n".join(flags))
        self.flags.setVisible(bool(flags))
        self.empty.setVisible(not types)
        self.view.setVisible(bool(types))
        self.use_button.setEnabled(any(e["available"] for e in types))
        self.print_button.setEnabled(bool(types))
        self.flagged.emit(bool(flags))
        self._show_type()

    def _flags(self, entry: dict) -> list[str]:
        """K7 in the window's language: low balance, units expiring within the setting's days."""
        said = []
        if entry["low"]:
            said.append(self.tr("⚠ {name}: low balance, {left} left").format(
                name=entry["name"], left=credits.amount(entry["available"], entry["unit"])))
        if entry["expiring_soon"]:
            said.append(self.tr("⚠ {name}: {units} expire within {days} days (first on {first})").format(
                name=entry["name"], units=credits.amount(entry["expiring_soon"], entry["unit"]),
                days=self.shown["expiring_days"], first=date_text(entry['expiring'][0][0])))
        return said

    def entry(self) -> dict | None:
        type_id = self.type_box.currentData()
        return next((e for e in (self.shown or {}).get("types", []) if e["credit_type_id"] == type_id), None)

    def _show_type(self) -> None:
        entry = self.entry()
        self.model.set_rows([{**m, "id": m["id"]} for m in entry["movements"]] if entry else [])
        if entry:
            self.view.scrollToBottom()  # the newest movements, with the current balance
        self._enable_undo()

    def selected_move(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _enable_undo(self) -> None:
        move = self.selected_move()
        self.undo_button.setEnabled(bool(move and move["kind"] == "use" and not move.get("reversed")))

    # acting ----------------------------------------------------------------------------------------
    def use(self) -> None:
        entry = self.entry()
        UseDialog.ask(self.ops, self.client_id, entry["credit_type_id"] if entry else None, parent=self)

    def undo_selected(self) -> None:
        """Reverse the selected use after asking: a reversal record gives its units back."""
        move = self.selected_move()
        if not move or move["kind"] != "use" or move.get("reversed"):
            return
        entry = self.entry()
        question = self.tr("Reverse the use of {units} of {type} on {date}? Its units go back to the client.").format(
            units=credits.amount(-move["change"], entry["unit"]), type=entry["name"], date=date_text(move['date']))
        if messages.question(self, self.tr("Undo use"), question) != QMessageBox.StandardButton.Yes:
            return
        self.ops.run(credits.reverse_use, move["use_id"], parent=self,
                     done=self.tr("Use of {units} of {type} reversed").format(
                         units=credits.amount(-move["change"], entry["unit"]), type=entry["name"]))

    def top_up(self):
        """K5: sell a credits package (the one holding this type first), then the payment step."""
        from ui.selling.sale import sell_and_pay

        offered = self.ops.read(credits.top_up_packages, self.client_id)
        entry = self.entry()
        fitting = [p for p in offered if entry and entry["credit_type_id"] in p["types"]] or offered
        if not fitting:
            QMessageBox.information(self, self.tr("Top up"), self.tr("No credits package is on sale: add one under "
                                                                      "Packages first."))
            return None
        return sell_and_pay(self.ops, self.client_id, package_id=fitting[0]["id"], parent=self)

    def print_statement(self, path: str | None = None) -> Path | None:
        """K4 on paper: the statement as a PDF (then print it from the PDF viewer)."""
        if path is None:
            suggested = str(Path.home() / f"statement-{self.shown['code']}.pdf")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the credit statement"), suggested,
                                                  self.tr("PDF (*.pdf)"))
            if not path:
                return None
        try:
            saved = self.ops.read(credits.statement_pdf, self.client_id, path)
        except DomainError as err:
            messages.warning(self, self.tr("Not saved"), message(err))
            return None
        self.ops.say(self.tr("Statement saved to {path}").format(path=str(saved)))
        return saved
