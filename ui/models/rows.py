"""A table model over a short list of dicts (programs, groups, members): read whole, shown as columns."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class RowsModel(QAbstractTableModel):
    """``columns`` are (key, title) or (key, title, format) with ``format(row) -> str``."""

    def __init__(self, columns: list[tuple], parent=None):
        super().__init__(parent)
        self.columns = [(c[0], c[1], c[2] if len(c) > 2 else None) for c in columns]
        self.rows: list[dict] = []

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

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key, _title, fmt = self.columns[index.column()]
        row = self.rows[index.row()]
        value = fmt(row) if fmt is not None else row.get(key)
        return "" if value is None else str(value)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.columns[section][1])
        return None


Format = Callable[[dict], str]
