"""A table model over a short list of dicts (packages, programs, groups, members, an import preview)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from ui.i18n import term

DISPLAY, ALIGNMENT, FOREGROUND = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole))
SERVED = frozenset((DISPLAY, ALIGNMENT, FOREGROUND))  # a table asks 8 roles of each cell it paints or sizes
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(QAbstractTableModel):
    """A read-whole list shown as columns.

    ``columns`` are (key, title) or (key, title, format) with ``format(row) -> str``;
    ``right`` names the columns aligned right (amounts); ``colour(row, key)``
    may return a text colour for a cell.
    """

    def __init__(self, columns: list[tuple], parent=None, *, right: tuple[str, ...] = (),
                 colour: Callable[[dict, str], str | None] | None = None):
        super().__init__(parent)
        self.columns = [(c[0], c[1], c[2] if len(c) > 2 else None) for c in columns]
        self.rows: list[dict] = []
        self._right = set(right)
        self._colour = colour

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_id(self, row: int) -> int:
        return self.rows[row]["id"]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=DISPLAY):
        """Called for every cell and role a table paints or sizes: the roles not served are answered
        first, and no enum is looked up per call (the window's thread sized and painted an import
        preview in 70-140 ms on a busy PC, much of it here)."""
        if role not in SERVED or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key, _title, fmt = self.columns[index.column()]
        row = self.rows[index.row()]
        if role == DISPLAY:
            value = fmt(row) if fmt is not None else row.get(key)
            return "" if value is None else str(value)
        if role == ALIGNMENT and key in self._right:
            return RIGHT
        if role == FOREGROUND and self._colour is not None:
            colour = self._colour(row, key)
            return QColor(colour) if colour else None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return term(self.columns[section][1])
        return None
