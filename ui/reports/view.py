"""One report on screen (Q6): its filters, then the rows as a sortable table with the totals under it,
the rows listed apart, and the chart beside; or the report's own "nothing in this period" text.
It runs off the window's thread with progress and Cancel; it reads, so nothing is announced."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.reports.base import Filters, Report, ReportDef
from app.reports.wording import Text
from app.tasks import Cancelled
from ui.i18n import message
from ui.jobs import Job
from ui.ops import Ops
from ui.reports.chart import ChartView
from ui.reports.files import save_report
from ui.reports.filters import FilterBar
from ui.reports.model import ReportModel
from ui.reports.voice import WINDOW
from ui.tables import list_view

MEASURED_ROWS = 50  # columns are sized to the first rows, not to all of a 100,000-row report
CHART_WIDTH = 360
STOPPED = object()  # what a report run returns when Cancel was pressed  # px over the table; the chart keeps its shape (app/pdf/charts.py)


def _table(model: ReportModel, name: str):
    view = list_view(model, name)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as made: the first click sorts once
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setSortIndicatorShown(False)  # no arrow until the user sorts
    view.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
    return view


def total_line(column, total) -> str:
    """One line of the totals: "Amount: 1,334.50", or a count said whole ("8 clients", not "Client: 8")."""
    if isinstance(total, Text):
        return WINDOW.text(total)
    return QCoreApplication.translate("ReportPage", "{title}: {total}").format(title=WINDOW.text(column.title),
                                                                            total=column.text(total, WINDOW))


class ReportPage(QWidget):
    """Shows the reports of :data:`app.reports.REPORTS`, one at a time (:meth:`open`)."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.definition: ReportDef | None = None
        self.report: Report | None = None
        self.job: Job | None = None  # the latest run (finished or not)
        self._runs = 0  # each run's number: only the latest one's report is shown
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel(objectName="reportTitle", wordWrap=True)  # a long title takes two lines
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.run_button = QPushButton(self.tr("Show"), objectName="primary")
        self.export_button = QPushButton(self.tr("Export…"), objectName="exportReport")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), objectName="reportPdf")
        top.addWidget(self.title, 1)  # the room left: a long title wraps only when it must
        top.addWidget(self.run_button)
        top.addSpacing(12)
        top.addWidget(self.export_button)
        top.addWidget(self.pdf_button)
        layout.addLayout(top)
        self.filter_bar = FilterBar(self.ops, self)
        layout.addWidget(self.filter_bar)
        self.message = QLabel(objectName="formError", wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout.addWidget(self.message)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        shown = QWidget()
        body = QVBoxLayout(shown)
        body.setContentsMargins(0, 0, 0, 0)
        above = QHBoxLayout()  # the chart, the totals and the rows listed apart over the table's full width
        self.chart = ChartView(self)
        self.chart.setObjectName("reportChart")
        self.chart.setFixedSize(CHART_WIDTH, self.chart.heightForWidth(CHART_WIDTH))
        above.addWidget(self.chart, 0, Qt.AlignmentFlag.AlignTop)
        self.totals = QLabel(objectName="reportTotals")  # one line per total, never broken
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignTop)
        above.addWidget(self.totals)
        apart = QVBoxLayout()
        self.apart_title = QLabel(objectName="apartTitle")
        self.apart_title.setTextFormat(Qt.TextFormat.PlainText)
        self.apart_model = ReportModel(self, sorter=self._sort_on_worker)
        self.apart_table = _table(self.apart_model, "apartTable")
        self.apart_table.setMaximumHeight(CHART_WIDTH // 2)
        apart.addWidget(self.apart_title)
        apart.addWidget(self.apart_table, 1)
        self.apart_title.hide()
        self.apart_table.hide()
        above.addLayout(apart, 1)
        body.addLayout(above)
        self.model = ReportModel(self, sorter=self._sort_on_worker)
        self.table = _table(self.model, "reportTable")
        body.addWidget(self.table, 1)
        self.pages.addWidget(shown)

        self.empty = QLabel(objectName="reportEmpty", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.pages.addWidget(self.empty)
        self.waiting = QLabel(self.tr("Choose the filters and press Show."), objectName="reportWaiting",
                              alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.pages.addWidget(self.waiting)
        self._show_nothing()

    def _sort_on_worker(self, work, on_done) -> Job:
        """A big report's new order made on the worker; the rows move when it is ready (never on a closed page)."""
        return self.ops.start(self.tr("Sorting the report"), work, parent=self,
                              on_done=lambda order: on_done(order) if isValid(self) else None)

    def _connect_signals(self) -> None:
        self.run_button.clicked.connect(lambda: self.run())
        self.export_button.clicked.connect(lambda: self.export())
        self.pdf_button.clicked.connect(lambda: self.export(pdf=True))

    def open(self, definition: ReportDef, filters: Filters | None = None, *, run: bool = True) -> Job | None:
        """Show report ``definition`` with its filters (a dashboard figure's, else its defaults)."""
        self._cancel_running()
        self.definition = definition
        self.title.setText(WINDOW.text(definition.title))
        self.filter_bar.set_filters(filters or definition.defaults, definition.uses)
        self._show_nothing()
        return self.run() if run else None

    def _show_nothing(self) -> None:
        self.report = None
        self.pages.setCurrentWidget(self.waiting)
        self.export_button.setEnabled(False)
        self.pdf_button.setEnabled(False)

    def run(self) -> Job | None:
        """Run the report with the chosen filters on the worker; a bad filter is a message and runs nothing."""
        if self.definition is None:
            return None
        self.message.hide()
        try:
            filters = self.filter_bar.filters(self.definition.defaults)
        except DomainError as err:
            self._refused(err)
            return None
        self._cancel_running()  # a new run replaces the one still working
        self._runs += 1
        number = self._runs
        self.run_button.setEnabled(False)
        definition = self.definition

        def make(state):
            try:
                return self.ops.call(definition.run, filters, write=False, state=state)
            except Cancelled:
                return STOPPED  # the user pressed Cancel: the page says so

        job = self.ops.start(self.tr("Making {title}").format(title=WINDOW.text(definition.title)), make,
                             parent=self, on_done=lambda report: self._ran(number, report), on_error=self._refused)
        if job.finished:  # a quick run may have ended already, shown or refused: Show again either way
            self.run_button.setEnabled(True)
        else:
            job.failed.connect(self._failed)
            self.destroyed.connect(job.cancel)  # the page closed meanwhile: stop it
        self.job = job
        return job

    def _cancel_running(self) -> None:
        if self.job is not None and not self.job.finished:
            self.job.cancel()

    def _ran(self, number: int, report: Report | object) -> None:
        if not isValid(self) or number != self._runs:
            return  # the page was closed, or a newer run (or another report) replaced this one
        self.run_button.setEnabled(True)
        if report is STOPPED:
            self.message.setText(self.tr("Stopped: the report was not made. Press Show to make it."))
            self.message.show()
        else:
            self.show_report(report)

    @Slot(object)
    def _failed(self, _exc) -> None:
        """A refusal or a bug (already explained to the user): Show can be pressed again."""
        if self.job is None or self.job.finished:
            self.run_button.setEnabled(True)

    def _refused(self, err: DomainError) -> None:
        """A bad filter, or a report that refused them: why, next to the filters; Show can be pressed again."""
        self.message.setText(message(err))
        self.message.show()
        if self.job is None or self.job.finished:
            self.run_button.setEnabled(True)

    def show_report(self, report: Report) -> None:
        """Show a made report: its rows, totals, the rows listed apart and the chart; or its empty text."""
        self.report = report
        self.export_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        if report.empty:
            self.empty.setText(WINDOW.text(report.empty_text))
            self.pages.setCurrentWidget(self.empty)
            return
        for widget in (self.chart, self.totals, self.apart_title, self.apart_table):
            widget.hide()  # the last report's parts go first: both at once would widen the window for good
        for table in (self.table, self.apart_table):  # unsorted, as made: never sorted again by the last column
            table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            table.horizontalHeader().setSortIndicatorShown(False)
        self.model.set_report(report.columns, report.rows)
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(report.rows))
        totals = [total_line(c, report.totals[c.key]) for c in report.columns if c.key in report.totals]
        self.totals.setText("\n".join([self.tr("Total")] + totals) if totals else "")
        self.totals.setVisible(bool(totals))
        self.apart_model.set_report(report.columns, report.apart)
        self.apart_title.setText(self.tr("{title} ({count})").format(title=WINDOW.text(report.apart_title),
                                                                     count=WINDOW.count(len(report.apart))))
        self.apart_title.setVisible(bool(report.apart))
        self.apart_table.setVisible(bool(report.apart))
        self.apart_table.resizeColumnsToContents()
        self.chart.show_chart(report.chart)
        self.pages.setCurrentIndex(0)

    def export(self, path=None, *, pdf: bool = False) -> Job | None:
        """Save the report shown as a spreadsheet or (``pdf``) a printable PDF."""
        if self.report is None:
            return None
        return save_report(self.ops, self, self.report, path, pdf=pdf)
