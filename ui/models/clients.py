"""The clients list: a table model over ids; rows are read a page at a time as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services import clients
from app.services.status import LABELS
from ui.money import STANDING_COLOURS, money_text
from ui.ops import Ops

PAGE = 100  # rows read per step as the view scrolls; the screen shows about 30


class ClientsTableModel(QAbstractTableModel):
    COLUMNS = [("code", "Code"), ("name", "Name"), ("phone", "Phone"), ("category", "Category"), ("family", "Family"),
               ("status", "Membership"), ("balance", "Balance due")]
    SORTABLE = set(clients.SORT_KEYS)

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self._ids: list[int] = []  # the rows handed to the view so far, in order
        self._rows: dict[int, dict] = {}
        self._total = 0
        self._query = ""
        self._filters: dict = {"archived": False}
        self._sort = ("name", False)

    # the search ------------------------------------------------------------------
    def search(self, query: str | None = None, **filters) -> None:
        """Run the search again (new text or filters) and show its first page."""
        if query is not None:
            self._query = query
        self._filters.update(filters)
        self.beginResetModel()
        self._total = self.ops.read(clients.count_clients, self._query, **self._filters)
        self._ids, self._rows = [], {}
        self._load()
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def client_id(self, row: int) -> int:
        return self._ids[row]

    def _next_page(self) -> list[int]:
        sort, descending = self._sort
        return self.ops.read(clients.search_client_ids, self._query, sort=sort, descending=descending,
                             offset=len(self._ids), limit=PAGE, **self._filters)

    def _load(self, page: list[int] | None = None) -> None:
        page = self._next_page() if page is None else page
        if page:
            self._rows.update(self.ops.read(clients.client_rows, page))
        self._ids += page

    # the model -------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._ids) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        page = self._next_page()
        if not page:
            self._total = len(self._ids)  # another PC removed clients meanwhile
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(page) - 1)
        self._load(page)
        self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._rows.get(self._ids[index.row()])
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                return self.tr(LABELS[row["status"]])
            if key == "balance":
                return money_text(row["balance"]) if row["balance"] else ""
            return row[key] or ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if row["archived"]:
                return Qt.GlobalColor.gray
            if key == "status":
                return STANDING_COLOURS.get(row["status"])
            if key == "balance" and row["balance"] > 0:
                return QColor("#b03a2e")
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "balance":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section][1])
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][0] if 0 <= column < len(self.COLUMNS) else "name"
        wanted = (key, order == Qt.SortOrder.DescendingOrder)
        if key not in self.SORTABLE or wanted == self._sort:
            return
        self._sort = wanted
        self.search()
