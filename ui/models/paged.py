"""A table model over ids in list order: it counts every match and reads rows a page at a time.

The clients list and the memberships list are the same mechanism: the service
gives ids in order (a page at a time) and the columns of given ids; the view
asks for more as it scrolls (``canFetchMore``/``fetchMore``), so a list of
100,000 rows opens as fast as one of ten and its count is always exact.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ui.i18n import term
from ui.ops import Ops


class PagedTableModel(QAbstractTableModel):
    """Subclasses give ``COLUMNS`` ((key, title) pairs), ``data`` and the three reads below."""

    COLUMNS: list[tuple[str, str]] = []

    def __init__(self, ops: Ops, parent=None, *, page: int = 100):
        super().__init__(parent)
        self.ops = ops
        self.page = page  # rows read per step as the view scrolls; a screen shows about 30
        self._ids: list[int] = []  # the rows handed to the view so far, in order
        self._rows: dict[int, dict] = {}
        self._total = 0

    # what a subclass reads ---------------------------------------------------------
    def _count(self) -> int:
        """How many rows match, all of them."""
        raise NotImplementedError

    def _page_ids(self, offset: int, limit: int) -> list[int]:
        """The ids of the rows from ``offset`` on, in list order."""
        raise NotImplementedError

    def _read_rows(self, ids: list[int]) -> dict[int, dict]:
        """The columns of these rows, keyed by id."""
        raise NotImplementedError

    # the list ----------------------------------------------------------------------
    def reload(self) -> None:
        """Count again and show the first page (new search text, filters or order)."""
        self.beginResetModel()
        self._total = self._count()
        self._ids, self._rows = [], {}
        self._load(self._page_ids(0, self.page))
        self.endResetModel()

    def reread(self) -> None:
        """Read again the rows shown, after a change (this PC's or another's), keeping the view's place.

        The same rows in the same order: their cells are updated where they are. Otherwise the
        list is laid out again with as many rows read as before, and the selection follows its
        record (persistent indexes moved by id), so neither the scroll position nor the chosen
        row jumps under the user.
        """
        total = self._count()
        ids = self._page_ids(0, max(len(self._ids), self.page))
        rows = self._read_rows(ids) if ids else {}
        if ids == self._ids:
            self._total, self._rows = total, rows
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, self.columnCount() - 1))
            return
        self.layoutAboutToBeChanged.emit()
        old_ids, at = self._ids, {record: row for row, record in enumerate(ids)}
        moved_from = self.persistentIndexList()
        moved_to = [self.index(at[old_ids[i.row()]], i.column()) if old_ids[i.row()] in at else QModelIndex()
                    for i in moved_from]
        self._total, self._ids, self._rows = total, ids, rows
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def total(self) -> int:
        """Every row that matches, also those not read yet."""
        return self._total

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def row(self, row: int) -> dict | None:
        """The columns of a row handed to the view, or None outside the list."""
        return self._rows.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def _load(self, ids: list[int]) -> None:
        if ids:
            self._rows.update(self._read_rows(ids))
        self._ids += ids

    # the model ---------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._ids) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        ids = self._page_ids(len(self._ids), self.page)
        if not ids:
            self._total = len(self._ids)  # another PC removed rows meanwhile
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(ids) - 1)
        self._load(ids)
        self.endInsertRows()

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return term(self.COLUMNS[section][1])
        return None
