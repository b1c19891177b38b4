"""The Reports area. A receptionist sees the day's takings (today); the owner starts on the dashboard
(Q7) and picks any report of :data:`app.reports.REPORTS` from the list beside it (Q1-Q8)."""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from app import reports
from app.reports.base import Filters
from app.services.access import Right
from ui.ops import Ops
from ui.page import area_page
from ui.reports.dashboard import DashboardPage
from ui.reports.voice import WINDOW

REMINDERS = "ui.reports.reminders:RemindersPage"  # R3's call list (Q5): RemindersPage(ops), shown once it exists
DASHBOARD, TAKINGS, REMINDERS_KEY = "dashboard", "takings", "reminders"


def reminders_page(ops: Ops) -> QWidget:
    """The reminders widget (Q5)."""
    module, name = REMINDERS.split(":")
    return getattr(importlib.import_module(module), name)(ops)


class ReportsScreen(QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        owner = ops.actor.may(Right.VIEW_REPORTS)
        layout, _top = area_page(self, self.tr("Reports") if owner else self.tr("Day takings"))
        self._takings: QWidget | None = None  # the owner's takings and report pages are made when first wanted:
        self._report_page: QWidget | None = None  # the dashboard alone shows first (start budget)
        if not owner:
            layout.addWidget(self.takings, 1)
            return
        row = QHBoxLayout()
        self.choice = QListWidget(objectName="reportList")
        self.choice.setFixedWidth(180)
        self.choice.setWordWrap(True)
        self.choice.setStyleSheet("#reportList::item { padding: 3px 2px }")  # long titles wrap whole
        self.choice.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        row.addWidget(self.choice)
        row.addWidget(self.pages, 1)
        layout.addLayout(row, 1)
        self.dashboard = DashboardPage(ops, self)
        self._add(DASHBOARD, self.tr("Dashboard"), self.dashboard)
        self._add(TAKINGS, self.tr("Day takings"), None)
        for key, definition in reports.REPORTS.items():
            self._add(key, WINDOW.text(definition.title), None)
        if importlib.util.find_spec(REMINDERS.split(":")[0]) is not None:  # built when first chosen: it reads
            self._add(REMINDERS_KEY, self.tr("Reminders"), None)      # the call list, and loads the mail code
        self.choice.currentItemChanged.connect(lambda item, _before: self._chosen(item))
        self.dashboard.open_report.connect(self.open_report)
        self.choice.setCurrentRow(0)

    def _add(self, key: str, title: str, page: QWidget | None) -> None:
        """List ``title``; ``page`` None: built when first chosen (see :meth:`_page`)."""
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.choice.addItem(item)
        self._pages[key] = page
        if page is not None and self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)

    @property
    def takings(self) -> QWidget:
        """The day's takings (TakingsPage), made when first wanted; the owner's is a page of the stack."""
        if self._takings is None:
            from ui.reports.takings import TakingsPage

            self._takings = TakingsPage(self.ops, self)
            if hasattr(self, "pages"):
                self.pages.addWidget(self._takings)  # never a loose child drawn over the title
        return self._takings

    # the day's takings as before: tests and the receptionist's screen read these
    day = property(lambda self: self.takings.day)
    model = property(lambda self: self.takings.model)
    total = property(lambda self: self.takings.total)
    save_pdf = property(lambda self: self.takings.save_pdf)

    @property
    def report_page(self) -> QWidget:
        """The page every listed report shows on (ReportPage), made when first wanted, in the stack from then."""
        if self._report_page is None:
            from ui.reports.view import ReportPage

            self._report_page = ReportPage(self.ops, self)
            self.pages.addWidget(self._report_page)
        return self._report_page

    def _page(self, key: str) -> QWidget:
        if self._pages[key] is None:  # made when first chosen
            self._pages[key] = (self.takings if key == TAKINGS else
                                reminders_page(self.ops) if key == REMINDERS_KEY else self.report_page)
            if self.pages.indexOf(self._pages[key]) < 0:
                self.pages.addWidget(self._pages[key])
        return self._pages[key]

    def _row_of(self, key: str) -> int | None:
        return next((i for i in range(self.choice.count())
                     if self.choice.item(i).data(Qt.ItemDataRole.UserRole) == key), None)

    def _chosen(self, item: QListWidgetItem | None, filters: Filters | None = None) -> None:
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        self.pages.setCurrentWidget(self._page(key))  # the dashboard is made when it shows
        if self._pages[key] is self._report_page:
            self.report_page.open(reports.REPORTS[key], filters)

    def open_report(self, key: str, filters: Filters | None = None):
        """Show report ``key`` with ``filters`` (a dashboard figure's) and run it."""
        row = self._row_of(key)
        if row is None:
            return None  # a report this build does not list
        self.choice.blockSignals(True)
        self.choice.setCurrentRow(row)
        self.choice.blockSignals(False)
        self._chosen(self.choice.item(row), filters)
        return self.report_page.job
