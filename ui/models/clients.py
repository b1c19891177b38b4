"""The clients list: a table model over ids (ui.models.paged); rows are read a page at a time as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.languages import left_to_right
from app.services import clients
from app.services.status import LABELS
from ui.i18n import term
from ui.money import STANDING_COLOURS, money_text
from ui.models.paged import PagedTableModel
from ui.ops import Ops

PAGE = 100  # rows read per step as the view scrolls; the screen shows about 30


class ClientsTableModel(PagedTableModel):
    COLUMNS = [("code", QT_TRANSLATE_NOOP("Terms", "Code")), ("name", QT_TRANSLATE_NOOP("Terms", "Name")),
               ("phone", QT_TRANSLATE_NOOP("Terms", "Phone")), ("category", QT_TRANSLATE_NOOP("Terms", "Category")),
               ("family", QT_TRANSLATE_NOOP("Terms", "Family")),
               ("status", QT_TRANSLATE_NOOP("Terms", "Membership")),
               ("balance", QT_TRANSLATE_NOOP("Terms", "Balance due"))]
    SORTABLE = set(clients.SORT_KEYS)

    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, parent, page=PAGE)
        self._query = ""
        self._filters: dict = {"archived": False}
        self._sort = ("name", False)

    def search(self, query: str | None = None, **filters) -> None:
        """Run the search again (new text or filters) and show its first page."""
        if query is not None:
            self._query = query
        self._filters.update(filters)
        self.reload()

    def client_id(self, row: int) -> int:
        return self.row_id(row)

    def _count(self) -> int:
        return self.ops.read(clients.count_clients, self._query, **self._filters)

    def _page_ids(self, offset: int, limit: int) -> list[int]:
        sort, descending = self._sort
        return self.ops.read(clients.search_client_ids, self._query, sort=sort, descending=descending,
                             offset=offset, limit=limit, **self._filters)

    def _read_rows(self, ids: list[int]) -> dict[int, dict]:
        return self.ops.read(clients.client_rows, ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                return term(LABELS[row["status"]])
            if key == "balance":
                return money_text(row["balance"]) if row["balance"] else ""
            return left_to_right(row[key] or "") if key in ("phone", "code") else row[key] or ""
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

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][0] if 0 <= column < len(self.COLUMNS) else "name"
        wanted = (key, order == Qt.SortOrder.DescendingOrder)
        if key not in self.SORTABLE or wanted == self._sort:
            return
        self._sort = wanted
        self.search()
