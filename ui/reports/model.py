"""A report's rows as a sortable table (Q6): sorted by the typed value (amounts, dates, counts), never by
the text shown."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.reports.base import Column, Kind

VALUE_ROLE = Qt.ItemDataRole.UserRole  # the typed value (Decimal, date, int, str) behind a cell


def _sort_key(column: Column):
    """The typed value (casefolded text); an empty cell sorts before every value."""
    if column.kind is Kind.TEXT:
        return lambda row: (row.get(column.key) is not None, str(row.get(column.key) or "").casefold())
    return lambda row: (row.get(column.key) is not None, row.get(column.key) if row.get(column.key) is not None
                        else 0)


class ReportModel(QAbstractTableModel):
    """The rows of one :class:`~app.reports.base.Report` (or its rows listed apart) under its columns."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: list[Column] = []
        self.rows: list[dict] = []

    def set_report(self, columns: list[Column], rows: list[dict]) -> None:
        self.beginResetModel()
        self.columns, self.rows = list(columns), list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self.columns[index.column()]
        value = self.rows[index.row()].get(column.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(value)
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(index, self.rows[index.row()]) for index in before]
        self.rows.sort(key=_sort_key(self.columns[column]), reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(row): number for number, row in enumerate(self.rows)}
        self.changePersistentIndexList(before, [self.index(where[id(row)], index.column()) for index, row in moved])
        self.layoutChanged.emit()
