"""A report's chart on screen (Q6): the same reportlab Drawing as the PDF's, rendered to SVG."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtSvgWidgets import QSvgWidget

from app.reports.base import CHART_HEIGHT as HEIGHT
from app.reports.base import CHART_WIDTH as WIDTH
from app.reports.base import Chart


def drawn(chart: Chart | None) -> bytes | None:
    """The chart as SVG: made where the chart is (the worker), so reportlab is neither imported at start
    nor run on the window's thread."""
    if chart is None:
        return None
    from app.pdf.charts import chart_svg
    from ui.reports.voice import WINDOW

    return chart_svg(chart, WIDTH, HEIGHT, WINDOW)  # its words in the window's language


class ChartView(QSvgWidget):
    """Shows one :class:`~app.reports.base.Chart` (WIDTH x HEIGHT points), scaled to the room it gets
    without changing its shape."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setMinimumSize(240, 120)

    def show_chart(self, chart: Chart | None, svg: bytes | None = None) -> None:
        """Show ``chart``; ``svg`` is it already :func:`drawn` (off the window's thread)."""
        self.chart = chart
        self.setVisible(chart is not None)
        if chart is not None:
            self.load(svg if svg is not None else drawn(chart))
            self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(WIDTH, HEIGHT)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width * HEIGHT // WIDTH
