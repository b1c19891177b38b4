"""The Reminders page (Q5): today's call list, the clients listed apart, and "Email all" with a result
per address. Self-contained: the Reports area places it; tests open it on its own."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from app.reports import reminders
from app.reports.base import Report
from ui.i18n import message
from ui.models.rows import RowsModel
from ui.ops import Ops
from ui.page import area_page
from ui.refresh import RefreshOnChange
from ui.reports.voice import WINDOW
from ui.tables import list_view

REFUSED_COLOUR = "#c0392b"


class _ByValue(QSortFilterProxyModel):
    """Sorts a RowsModel by the rows' own values (a date as a date, not as its dd.mm.yyyy text)."""

    def lessThan(self, left, right) -> bool:  # noqa: N802 - Qt's name
        model = self.sourceModel()
        key = model.columns[left.column()][0]
        a, b = model.rows[left.row()].get(key), model.rows[right.row()].get(key)
        return (a is None, a) < (b is None, b) if type(a) is type(b) else str(a) < str(b)


def _sortable(model: RowsModel, name: str):
    proxy = _ByValue(model)
    proxy.setSourceModel(model)
    view = list_view(proxy, name)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the report gives them: soonest end first
    return view


class _Rows(RowsModel):
    """Rows whose long last column (credits, a server's reason) shows whole in a tooltip when cut short."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == len(self.columns) - 1:
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)


def _fit(view) -> None:
    """Every column as wide as its contents but the last, which takes the rest of the width."""
    for column in range(view.model().columnCount() - 1):
        view.resizeColumnToContents(column)


class RemindersPage(RefreshOnChange, QWidget):
    """Who to phone or email today about what ends, and "Email all" to those with an address."""

    TABLES = ("memberships", "clients", "reminders_sent", "settings", "credit_grants")

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.report: Report | None = None
        self.reading = self.sending = None  # the jobs reading the list and sending the emails
        layout, top = area_page(self, self.tr("Reminders"))
        self.about = QLabel(objectName="clientCount", wordWrap=True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.email_button = QPushButton(self.tr("Email all…"), objectName="emailAll", enabled=False)
        top.addWidget(self.about, 1)
        top.addWidget(self.email_button)
        self.model = _Rows([
            ("client", QT_TRANSLATE_NOOP("Terms", "Client")), ("phone", QT_TRANSLATE_NOOP("Terms", "Phone")),
            ("email", QT_TRANSLATE_NOOP("Terms", "Email")),
            ("package", QT_TRANSLATE_NOOP("Terms", "What ends")),
            ("ends", QT_TRANSLATE_NOOP("Terms", "Ends on"), lambda r: WINDOW.date(r["ends"])),
            ("when", QT_TRANSLATE_NOOP("Terms", "Reminder"), lambda r: WINDOW.text(r["when"])),
            ("credits", QT_TRANSLATE_NOOP("Terms", "Credits"))],
            self)
        self.table = _sortable(self.model, "remindersTable")
        self.empty = QLabel(objectName="emptyNote", wordWrap=True, visible=False)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty)
        self.apart_title = QLabel(self.tr("No phone and no email: listed apart, to be reached another way"),
                                  objectName="cardTitle", visible=False)
        self.apart_model = _Rows([
            ("client", QT_TRANSLATE_NOOP("Terms", "Client")),
            ("package", QT_TRANSLATE_NOOP("Terms", "What ends")),
            ("ends", QT_TRANSLATE_NOOP("Terms", "Ends on"), lambda r: WINDOW.date(r["ends"])),
            ("when", QT_TRANSLATE_NOOP("Terms", "Reminder"), lambda r: WINDOW.text(r["when"]))], self)
        self.apart = _sortable(self.apart_model, "remindersApart")
        self.apart.setVisible(False)
        layout.addWidget(self.apart_title)
        layout.addWidget(self.apart, 1)
        self.results_title = QLabel(objectName="cardTitle", visible=False)
        self.results_title.setTextFormat(Qt.TextFormat.PlainText)
        self.results_model = _Rows([
            ("client", QT_TRANSLATE_NOOP("Terms", "Client")), ("address", QT_TRANSLATE_NOOP("Terms", "Address")),
            ("result", QT_TRANSLATE_NOOP("Terms", "Result")), ("reason", QT_TRANSLATE_NOOP("Terms", "Reason"))],
            self, colour=lambda row, _key: REFUSED_COLOUR if row["refused"] else None)
        self.results = _sortable(self.results_model, "reminderResults")
        self.results.setVisible(False)
        layout.addWidget(self.results_title)
        layout.addWidget(self.results, 2)
        self.problem = QLabel(objectName="fieldError", wordWrap=True, visible=False)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem)
        layout.addStretch(0)  # takes the height only when every table is hidden: the notes stay at the top
        self.email_button.clicked.connect(self.email_all)
        self.watch(ops)
        self.refresh()

    def refresh(self):
        """Read the call list again (off the window's thread)."""
        self.reading = self.ops.background(self.tr("Reading the reminders due"), reminders.run, parent=self,
                                           on_done=self._show)
        return self.reading

    def _show(self, report: Report) -> None:
        self.report = report
        self.model.set_rows(report.rows)
        self.apart_model.set_rows(report.apart)
        self.table.setVisible(bool(report.rows))
        self.empty.setVisible(not report.rows)
        self.empty.setText(WINDOW.text(report.empty_text))  # none due today, or no reminder days set (where)
        self.apart_title.setVisible(bool(report.apart))
        self.apart.setVisible(bool(report.apart))
        for view in (self.table, self.apart):
            _fit(view)
        addresses = self._addresses()
        self.email_button.setEnabled(addresses > 0)
        self.about.setText(self.tr("{due} due today ({offsets}); {emails} with an email address.").format(
            due=WINDOW.count(len(report.rows) + len(report.apart)),
            offsets=WINDOW.text(dict(report.filters)["Offsets"]), emails=WINDOW.count(addresses)))

    def _addresses(self) -> int:
        return len({r["client_id"] for r in self.report.rows if r["email"]}) if self.report else 0

    def email_all(self):
        """Ask, then send one message per client with an address, as a job with progress and Cancel."""
        count = self._addresses()
        if not count or QMessageBox.question(
                self, self.tr("Email all"),
                self.tr("Send the reminder email to {count} clients now?").format(count=WINDOW.count(count))) \
                != QMessageBox.StandardButton.Yes:
            return None
        self.problem.hide()
        self.email_button.setEnabled(False)

        def work(state):
            mailing = self.ops.call(reminders.prepare_mailing, write=False)
            return reminders.send_mailing(mailing, self.ops.call, state)

        self.sending = self.ops.start(self.tr("Emailing {count} reminders").format(count=WINDOW.count(count)), work,
                                      parent=self, on_done=self._sent, on_error=self._refused, done=self._said)
        return self.sending

    def _said(self, outcomes: list[reminders.Outcome]) -> str:
        sent = sum(o.result == "sent" for o in outcomes)
        return self.tr("Reminders: {sent} sent, {other} not sent").format(sent=WINDOW.count(sent),
                                                                       other=WINDOW.count(len(outcomes) - sent))

    def _sent(self, outcomes: list[reminders.Outcome]) -> None:
        words = {"sent": self.tr("Sent"), "refused": self.tr("Refused"), "not sent": self.tr("Not sent")}
        ours = {reminders.CANCELLED: self.tr("Cancel was pressed before it was sent"),
                reminders.SENT_ELSEWHERE: self.tr("Already sent from another PC meanwhile")}
        self.results_model.set_rows([{"client": o.client, "address": o.address, "result": words[o.result],
                                      "reason": (message(o.error) if o.error is not None  # a server's refusal
                                                 else ours.get(o.reason, o.reason)),
                                      "refused": o.result != "sent"}
                                     for o in outcomes])
        sent = sum(o.result == "sent" for o in outcomes)
        self.results_title.setText(self.tr("Email results: {sent} sent and recorded; {other} not sent, "
                                           "still due").format(sent=WINDOW.count(sent),
                                                               other=WINDOW.count(len(outcomes) - sent)))
        self.results_title.show()
        self.results.show()
        _fit(self.results)
        self.refresh()

    def _refused(self, err) -> None:
        self.problem.setText(message(err))
        self.problem.show()
        self.email_button.setEnabled(self._addresses() > 0)
