"""The Credits area's list: clients holding units valid today, a page at a time (ui.models.paged)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.languages import date_text
from app.services import credits
from ui.models.paged import PagedTableModel
from ui.ops import Ops


class BalancesModel(PagedTableModel):
    COLUMNS = [("code", QT_TRANSLATE_NOOP("Terms", "Code")), ("name", QT_TRANSLATE_NOOP("Terms", "Name")),
               ("credits", QT_TRANSLATE_NOOP("Terms", "Valid today")),
               ("expiry", QT_TRANSLATE_NOOP("Terms", "Soonest expiry"))]

    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, parent, page=100)
        self._query = ""

    def search(self, query: str) -> None:
        self._query = query
        self.reload()

    def _count(self) -> int:
        return self.ops.read(credits.count_balances, self._query)

    def _page_ids(self, offset: int, limit: int) -> list[int]:
        return self.ops.read(credits.balance_client_ids, self._query, offset=offset, limit=limit)

    def _read_rows(self, ids: list[int]) -> dict[int, dict]:
        return self.ops.read(credits.balance_rows, ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        held = row["types"]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "credits":
                return "   ·   ".join(f"{t['name']}: {credits.amount(t['available'], t['unit'])}" for t in held)
            if key == "expiry":
                if not held:
                    return ""
                first = min(held, key=lambda t: t["until"])
                return f"{date_text(first['until'])}  ({first['name']})"
            return row[key]
        if role == Qt.ItemDataRole.ForegroundRole and key == "credits" and any(t["low"] for t in held):
            return QColor("#9a5b00")  # K7: a low balance
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None
