"""The owner's first page (Q7): each figure a tile (its value, against last month, "to date" for this
month) that opens its report with the same filters, and the member movement and revenue charts."""

from __future__ import annotations

import importlib
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from shiboken6 import isValid
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.reports.base import Column, Dashboard, Figure
from ui.jobs import Job
from ui.ops import Ops
from ui.refresh import RefreshOnChange
from ui.reports.chart import ChartView, drawn
from ui.reports.voice import WINDOW

TILES_PER_ROW = 4
TILE_WIDTH = 210  # px: the narrowest a tile gets, so that its value shows whole
DASHBOARD = "app.reports.dashboard:run"  # run(session, actor, *, state=None) -> a Dashboard (figures, charts)


def dashboard_function() -> Callable | None:
    """The function that makes the dashboard's figures, once app/reports has it (else None)."""
    module, name = DASHBOARD.split(":")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def change_text(figure: Figure) -> str:
    """"+3 against last month" / "−12.0 %": the difference from the figure before, "" without one."""
    if figure.previous is None:
        return ""
    difference = figure.value - figure.previous
    shown = Column("", "", figure.kind).text(abs(difference), WINDOW)
    sign = "+" if difference > 0 else ("−" if difference < 0 else "±")
    return f"{sign}{shown}"


class FigureTile(QFrame):
    """One figure: its title, its value, and how it compares; a click (or Enter, or Space) opens its report."""

    clicked = Signal()

    def __init__(self, figure: Figure, parent=None):
        super().__init__(parent)
        self.figure = figure
        self.setObjectName("figureTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("#figureTile { background: white; border: 1px solid #c8ccd2; border-radius: 6px }"
                           "#figureTile:hover, #figureTile:focus { border: 1px solid #2c6fbb }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        title = WINDOW.text(figure.title) + (" " + self.tr("(to date)") if figure.to_date else "")
        self.title_label = QLabel(title, objectName="figureTitle", wordWrap=True)
        value = Column("", "", figure.kind).text(figure.value, WINDOW)
        if figure.of is not None:  # a part of a whole: enrolled of capacity
            value = self.tr("{value} of {whole}").format(value=value,
                                                         whole=Column("", "", figure.kind).text(figure.of, WINDOW))
        self.value_label = QLabel(value, objectName="figureValue")
        self.change_label = QLabel(objectName="figureChange", wordWrap=True)
        change = change_text(figure)
        if change:
            before = Column("", "", figure.kind).text(figure.previous, WINDOW)
            self.change_label.setText(
                self.tr("{change} against the same days of last month ({before})").format(change=change, before=before)
                if figure.to_date else
                self.tr("{change} against last month ({before})").format(change=change, before=before))
            colour = ("#1e7b3c" if figure.value > figure.previous else
                      "#b03a2e" if figure.value < figure.previous else "#666666")
            self.change_label.setStyleSheet(f"color: {colour}; border: none")
        for label in (self.title_label, self.value_label, self.change_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.value_label.setStyleSheet("font-size: 20pt; font-weight: 600; border: none")
        self.title_label.setStyleSheet("color: #444444; border: none")
        layout.addStretch(1)
        if figure.report:
            self.setToolTip(self.tr("Open the report"))
        else:
            self.setCursor(Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


class DashboardPage(RefreshOnChange, QWidget):
    """Figures as tiles and the charts under them; made off the window's thread."""

    open_report = Signal(str, object)  # report key, Filters

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.dashboard: Dashboard | None = None
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(objectName="dashboardNote", wordWrap=True)
        self.note.hide()
        layout.addWidget(self.note)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self.columns = TILES_PER_ROW
        layout.addLayout(self.grid)
        charts = QHBoxLayout()
        self.charts = [ChartView(self), ChartView(self)]
        for chart in self.charts:
            chart.hide()
            chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # shares the width
            charts.addWidget(chart, 1)
        layout.addSpacing(8)
        layout.addLayout(charts)
        layout.addStretch(1)
        self.tiles: list[FigureTile] = []
        self._make_when_painted = False
        self.watch(ops)

    def showing(self) -> bool:
        return self.isVisible()

    def refresh(self) -> Job | None:
        """Make the dashboard again (on the worker); the tiles change when it is made."""
        make = dashboard_function()
        if make is None:
            self.note.setText(self.tr("The dashboard's figures are not available in this version."))
            self.note.show()
            return None
        if self.job is not None:
            return self.job  # one at a time: the change that asked again is in the one running
        def work(state):  # the figures, and the charts drawn, on the worker
            dashboard = self.ops.call(make, write=False, state=state)
            return dashboard, [drawn(chart) for chart in dashboard.charts]

        job = self.ops.start(self.tr("Making the dashboard"), work, parent=self,
                             on_done=lambda made: self.show_dashboard(*made))
        if not job.finished:
            job.failed.connect(self._stopped)
            self.destroyed.connect(job.cancel)  # closed meanwhile: stop it
            self.job = job
        return job

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Made when first shown (not when the area is only built), then again after changes; the first time
        only once the page has been painted: the owner's window is on screen before the worker starts."""
        super().showEvent(event)
        if self.dashboard is None and self.job is None:
            self._make_when_painted = True
            self.note.setText(self.tr("Making the dashboard") + "…")  # what the first paint shows meanwhile
            self.note.show()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._make_when_painted:
            self._make_when_painted = False
            QTimer.singleShot(0, self, self._make_first)

    def _make_first(self) -> None:
        if self.dashboard is None and self.job is None and self.isVisible():
            self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Tiles of at least TILE_WIDTH px, four to a row at most; the charts share the width in their shape."""
        super().resizeEvent(event)
        columns = max(2, min(TILES_PER_ROW, self.width() // TILE_WIDTH))
        if columns != self.columns:
            self.columns = columns
            self._place_tiles()
        width = max(0, self.width() - 8) // len(self.charts)  # never negative: a page still being laid out is 0 wide
        for chart in self.charts:
            chart.setFixedHeight(chart.heightForWidth(width))

    def _place_tiles(self) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for number, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, number // self.columns, number % self.columns)
        for column in range(TILES_PER_ROW):
            self.grid.setColumnStretch(column, 1 if column < self.columns else 0)  # tiles of equal width

    def _stopped(self, _exc) -> None:
        self.job = None
        self.note.hide()

    def show_dashboard(self, dashboard: Dashboard, svgs: list[bytes] | None = None) -> None:
        if not isValid(self):
            return  # the page was closed while the dashboard was being made
        self.job = None
        self.dashboard = dashboard
        self.note.hide()
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for figure in dashboard.figures:
            tile = FigureTile(figure, self)
            if figure.report:
                tile.clicked.connect(lambda f=figure: self.open_report.emit(f.report, f.filters))
            self.tiles.append(tile)
        self._place_tiles()
        svgs = svgs or [None] * len(dashboard.charts)
        for view, chart, svg in zip(self.charts, dashboard.charts + [None] * len(self.charts),
                                    svgs + [None] * len(self.charts)):
            view.show_chart(chart, svg)
