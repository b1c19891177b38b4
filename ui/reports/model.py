"""A report's rows as a sortable table (Q6): sorted by the typed value (amounts, dates, counts), never by
the text shown. A big report is sorted on the worker (the window's thread only puts the rows in their
new order), a slice at a time so the window's thread keeps its turn meanwhile."""

from __future__ import annotations

import heapq
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.reports.base import Column, Kind
from app.reports.wording import Text
from ui.models.rows import RIGHT
from ui.reports.voice import WINDOW

VALUE_ROLE = Qt.ItemDataRole.UserRole  # the typed value (Decimal, date, int, str) behind a cell
BIG = 10_000  # rows: from this many a click on a header sorts on the worker (with a sorter)
SLICE = 1_000  # rows sorted in one go: one sort of 100,000 keys keeps the interpreter 0.1-0.3 s to itself
SERVED = frozenset(int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, VALUE_ROLE,
                                          Qt.ItemDataRole.TextAlignmentRole))  # a table asks 8 roles of each cell
# it paints: the others are answered at once (a paint while a big sort runs shares the interpreter with it)


def sort_order(column: Column, rows: list[dict], descending: bool = False) -> list[int]:
    """The row numbers of ``rows`` in ``column``'s order by the typed value (text casefolded), an
    empty cell before every value, stable (equal values keep their order), as ``sorted(rows, key=...,
    reverse=descending)`` would give them.

    Made so that it never keeps the interpreter long (the window's thread gets its turn): slices are
    sorted one at a time, then merged; and no object the garbage collector tracks is made per row (a
    tuple per row brought full collections, 0.1-0.2 s each, on the window's thread afterwards)."""
    values = [row.get(column.key) for row in rows]
    if column.kind is Kind.TEXT:
        words: dict[str, str] = {}  # a report's own word (a standing) sorts as shown: translated once each
        values = [None if value is None
                  else (words.get(value) or words.setdefault(value, WINDOW.text(value).casefold()))
                  if isinstance(value, Text) else str(value).casefold() for value in values]
    empty = [number for number, value in enumerate(values) if value is None]
    filled = [number for number, value in enumerate(values) if value is not None] if empty else range(len(values))
    runs = [sorted(filled[start:start + SLICE], key=values.__getitem__, reverse=descending)
            for start in range(0, len(filled), SLICE)]
    merged = runs[0] if len(runs) == 1 else list(heapq.merge(*runs, key=values.__getitem__, reverse=descending))
    return merged + empty if descending else empty + merged


def sorted_rows(column: Column, rows: list[dict], descending: bool = False) -> tuple[list[dict], dict[int, int]]:
    """``rows`` in ``column``'s order, and where each row (by its id) now is: all the work a sort takes
    but putting the new list in place (the worker does it for a big report)."""
    ordered = [rows[number] for number in sort_order(column, rows, descending)]
    return ordered, {id(row): number for number, row in enumerate(ordered)}


class ReportModel(QAbstractTableModel):
    """The rows of one :class:`~app.reports.base.Report` (or its rows listed apart) under its columns.

    ``sorter(work, on_done)``, when given, runs ``work(state)`` on the worker and hands its result to
    ``on_done`` on the window's thread: a report of :data:`BIG` rows or more is sorted that way."""

    def __init__(self, parent=None, sorter: Callable | None = None):
        super().__init__(parent)
        self.columns: list[Column] = []
        self.rows: list[dict] = []
        self.sorter = sorter
        self.sorting = None  # the job sorting a big report, while it runs
        self._asked = 0  # the latest sort asked for (or report shown): only its order is applied

    def set_report(self, columns: list[Column], rows: list[dict]) -> None:
        self._asked += 1  # a sort still running on the worker is for the rows before
        self.beginResetModel()
        self.columns, self.rows = list(columns), list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in SERVED or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self.columns[index.column()]
        value = self.rows[index.row()].get(column.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(value, WINDOW)  # in the window's language (a standing, a date, a month)
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return RIGHT
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return WINDOW.text(self.columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._asked += 1
        asked, rows, descending = self._asked, self.rows, order == Qt.SortOrder.DescendingOrder
        by = self.columns[column]
        if self.sorter is None or len(rows) < BIG:
            self._apply(*sorted_rows(by, rows, descending))
            return
        self.sorting = self.sorter(lambda _state: sorted_rows(by, rows, descending),
                                   lambda result: self._apply(*result) if asked == self._asked else None)

    def _apply(self, ordered: list[dict], where: dict[int, int]) -> None:
        """Show the rows ``ordered``; a selected row stays selected (``where``: a row's id -> its new place)."""
        self.sorting = None
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(index, id(self.rows[index.row()])) for index in before]
        self.rows = ordered
        if kept:
            self.changePersistentIndexList(before, [self.index(where[ident], index.column()) for index, ident in kept])
        self.layoutChanged.emit()
