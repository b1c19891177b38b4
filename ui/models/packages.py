"""The packages list: which columns, and how each is written."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.models import PackageKind
from ui.models.rows import RowsModel
from ui.money import money_text

KIND_NAMES = {PackageKind.MEMBERSHIP: "Membership", PackageKind.LESSON_PACK: "Lesson pack",
              PackageKind.CREDITS: "Credits"}


def term_text(count: int, unit) -> str:
    unit = unit.value if hasattr(unit, "value") else unit
    return f"{count} {unit}{'s' if count != 1 else ''}"


def packages_model(parent=None) -> RowsModel:
    tr = QObject.tr
    return RowsModel(
        [
            ("name", "Name"),
            ("kind", "Kind", lambda r: tr(KIND_NAMES[r["kind"]])),
            ("price", "Price", lambda r: money_text(r["price"])),
            ("term", "Term", lambda r: term_text(*r["term"])),
            ("billing_type", "Billing", lambda r: tr(r["billing_type"].value.replace("_", " "))),
            ("program", "Program", lambda r: f"{r['program']} × {r['lesson_count']}" if r["program"] else ""),
            ("member_discount_pct", "Member discount",
             lambda r: f"{r['member_discount_pct']}%" if r["member_discount_pct"] is not None else ""),
            ("active", "Status", lambda r: tr("active") if r["active"] else tr("inactive")),
        ],
        parent,
        right=("price", "member_discount_pct"),
        colour=lambda row, _key: None if row["active"] else "#8a949e",
    )
