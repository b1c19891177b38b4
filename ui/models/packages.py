"""The packages list (a short list, read whole)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.models import PackageKind
from app.services import catalogue
from ui.ops import Ops

KIND_NAMES = {PackageKind.MEMBERSHIP: "Membership", PackageKind.LESSON_PACK: "Lesson pack",
              PackageKind.CREDITS: "Credits"}


def term_text(count: int, unit) -> str:
    unit = unit.value if hasattr(unit, "value") else unit
    return f"{count} {unit}{'s' if count != 1 else ''}"


class PackagesTableModel(QAbstractTableModel):
    COLUMNS = ["Name", "Kind", "Price", "Term", "Billing", "Program / lessons", "Member discount", "Status"]

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self._rows: list[dict] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.ops.read(catalogue.list_packages)
        self.endResetModel()

    def package_id(self, row: int) -> int:
        return self._rows[row]["id"]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and not row["active"]:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return row["name"]
        if column == 1:
            return self.tr(KIND_NAMES[row["kind"]])
        if column == 2:
            return f"{row['price']:,.2f}"
        if column == 3:
            return term_text(*row["term"])
        if column == 4:
            return self.tr(row["billing_type"].value.replace("_", " "))
        if column == 5:
            return f"{row['program']} × {row['lesson_count']}" if row["program"] else ""
        if column == 6:
            return f"{row['member_discount_pct']}%" if row["member_discount_pct"] is not None else ""
        return self.tr("active") if row["active"] else self.tr("inactive")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section])
        return None
