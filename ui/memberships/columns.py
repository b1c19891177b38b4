"""The memberships list's column widths: measured once per read, shared out on every resize.

ResizeToContents would ask every loaded row for its data on every resize (about 30,000
calls to open the screen, most of its second of opening). Here the columns of a known
shape are measured on the first page's text, and client and package share what is left:
the client's names as wide as they are but at most half of it, so at 1024 px the package
is not squeezed to "S…" (both show in full as tooltips). When they would get too little,
the invoice number gives way (the Invoice… button shows it), then the start date (the end
date stays), and names that still do not fit take two lines (the rows grow) rather than
being cut.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.models.memberships import PAGE, MembershipsTableModel
from ui.money import money_text

CLIENT, PACKAGE = 0, 1
KEYS = [key for key, _title in MembershipsTableModel.COLUMNS]
GIVE_WAY = (KEYS.index("invoice"), KEYS.index("start"))  # hidden in this order when names get too little
NAMES_ROOM = 360  # pixels for client and package together below which a give-way column is hidden
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
        self._client_width = self._package_width = 0
        self._widths: dict[int, int] = {}  # measured widths of the columns other than client and package
        self._row_height = table.verticalHeader().defaultSectionSize()
        table.setWordWrap(True)
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
            texts = [self.model.data(self.model.index(row, column)) for row in range(rows)] + [WIDEST.get(key, "")]
            width = max(header.sectionSizeFromContents(column).width(),
                        max(metrics.horizontalAdvance(text) for text in texts) + PADDING)
            if column == CLIENT:
                self._client_width = width
            elif column == PACKAGE:
                self._package_width = width
            else:
                self._widths[column] = width
                header.resizeSection(column, width)
        self._sharing.start()

    def share(self) -> None:
        """Give client and package what the other columns leave (see the module's docstring)."""
        header = self.table.horizontalHeader()
        others = range(PACKAGE + 1, self.model.columnCount())
        room = self.table.viewport().width() - sum(self._widths.get(c, 0) for c in others)
        for column in GIVE_WAY:  # a hidden section's size reads 0: the measured widths count
            hide = room < NAMES_ROOM
            self.table.setColumnHidden(column, hide)
            if hide:
                room += self._widths.get(column, 0)
        client = max(header.minimumSectionSize(), min(self._client_width, room // 2))
        header.resizeSection(CLIENT, client)
        # names that do not fit one line take two (at 1024 px): rows grow instead of names being cut
        two_lines = self._client_width > client or self._package_width > room - client
        if two_lines:  # a name on two lines needs a little over half its width; packages are the longer
            client = max(header.minimumSectionSize(), min(self._client_width * 3 // 5, room * 2 // 5))
            header.resizeSection(CLIENT, client)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self._row_height + (self.table.fontMetrics().lineSpacing() if two_lines else 0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._sharing.start()
        return super().eventFilter(watched, event)
