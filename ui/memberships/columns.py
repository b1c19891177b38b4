"""The memberships list's column widths: measured once per read, shared out on every resize.

ResizeToContents would ask every loaded row for its data on every resize (about 30,000
calls to open the screen, most of its second of opening). Here the columns of a known
shape are measured on the first page's text, and client and package share what is left:
the client's names as wide as they are but at most half of it, so at 1024 px the package
is not squeezed to "S…" (both show in full as tooltips). When they would get too little,
the invoice number gives way (the Invoice… button shows it).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.models.memberships import PAGE, MembershipsTableModel
from ui.money import money_text

CLIENT, PACKAGE = 0, 1
INVOICE = next(i for i, (key, _title) in enumerate(MembershipsTableModel.COLUMNS) if key == "invoice")
NAMES_ROOM = 360  # pixels for client and package together below which the invoice number is hidden
PADDING = 10  # the cell's margins (4 a side) and 2 px of air
WIDEST = {"price": money_text(Decimal("9999.99")), "due": money_text(Decimal("9999.99")), "lessons": "99/99"}


class SalesColumns(QObject):
    """Keeps ``table``'s columns fitted: call ``measure()`` after each read of the list."""

    def __init__(self, table: QTableView, model: MembershipsTableModel):
        super().__init__(table)
        self.table, self.model = table, model
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PACKAGE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._client_width = 0
        self._sharing = QTimer(self, singleShot=True, interval=0)  # one share-out after a burst of resizes
        self._sharing.timeout.connect(self.share)
        self._viewport = table.viewport()
        self._viewport.installEventFilter(self)

    def measure(self) -> None:
        """Size the columns to the first page's text (and the widest amount), then share out."""
        self.table.ensurePolished()  # the style sheet's font, also before the table is first shown
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        rows = min(self.model.rowCount(), PAGE)
        for column, (key, _title) in enumerate(self.model.COLUMNS):
            if column == PACKAGE:
                continue
            texts = [self.model.data(self.model.index(row, column)) for row in range(rows)] + [WIDEST.get(key, "")]
            width = max(header.sectionSizeFromContents(column).width(),
                        max(metrics.horizontalAdvance(text) for text in texts) + PADDING)
            if column == CLIENT:
                self._client_width = width
            else:
                header.resizeSection(column, width)
        self._sharing.start()

    def share(self) -> None:
        """Give client and package what the other columns leave (see the module's docstring)."""
        header = self.table.horizontalHeader()
        others = range(PACKAGE + 1, self.model.columnCount())
        room = self.table.viewport().width() - sum(header.sectionSize(c) for c in others if c != INVOICE)
        self.table.setColumnHidden(INVOICE, room - header.sectionSize(INVOICE) < NAMES_ROOM)
        if not self.table.isColumnHidden(INVOICE):
            room -= header.sectionSize(INVOICE)
        header.resizeSection(CLIENT, max(header.minimumSectionSize(), min(self._client_width, room // 2)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._sharing.start()
        return super().eventFilter(watched, event)
