"""The memberships list: a table model over sale ids (ui.models.paged), newest first, read as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from app.languages import date_text
from app.services import memberships_list
from app.services.memberships_list import SaleFilters
from app.services.status import LABELS
from ui.i18n import term
from ui.money import STANDING_COLOURS, money_text
from ui.models.paged import PagedTableModel
from ui.ops import Ops

PAGE = 100  # rows read per step as the view scrolls; the screen shows about 25


def _date(value) -> str:
    return date_text(value) if value else ""


class MembershipsTableModel(PagedTableModel):
    COLUMNS = [("client", QT_TRANSLATE_NOOP("Terms", "Client")), ("package", QT_TRANSLATE_NOOP("Terms", "Package")),
               ("start", QT_TRANSLATE_NOOP("Terms", "From")), ("end", QT_TRANSLATE_NOOP("Terms", "Until")),
               ("status", QT_TRANSLATE_NOOP("Terms", "Status")), ("lessons", QT_TRANSLATE_NOOP("Terms", "Lessons")),
               ("price", QT_TRANSLATE_NOOP("Terms", "Price")), ("invoice", QT_TRANSLATE_NOOP("Terms", "Invoice")),
               ("payment", QT_TRANSLATE_NOOP("Terms", "Payment")), ("due", QT_TRANSLATE_NOOP("Terms", "Due"))]
    RIGHT = {"lessons", "price", "due"}

    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, parent, page=PAGE)
        self._filters = SaleFilters()

    def show_sales(self, filters: SaleFilters) -> None:
        """List the sales these filters find, from the newest."""
        self._filters = filters
        self.reload()

    def sale(self, row: int) -> dict | None:
        return self.row(row)

    def _count(self) -> int:
        return self.ops.read(memberships_list.count_sales, self._filters)

    def _page_ids(self, offset: int, limit: int) -> list[int]:
        return self.ops.read(memberships_list.sale_ids, self._filters, offset=offset, limit=limit)

    def _read_rows(self, ids: list[int]) -> dict[int, dict]:
        return self.ops.read(memberships_list.sale_rows, ids)

    def _text(self, row: dict, key: str) -> str:
        if key in ("start", "end"):
            return _date(row[key])
        if key == "status":
            return term(LABELS[row["status"]])
        if key == "payment":
            return term(row["payment"]) if row["payment"] else ""
        if key == "lessons":
            return "{}/{}".format(*row["lessons"]) if row["lessons"] else ""
        if key == "price":
            return money_text(row["price"])
        if key == "due":
            return money_text(row["due"]) if row["due"] else ""
        return row[key] or ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("client", "package"):
            return row[key]  # in full where the column is too narrow
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return STANDING_COLOURS[row["status"]]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None
