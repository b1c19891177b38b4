"""The packages list: which columns, and how each is written."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from app import languages
from app.models import BillingType, PackageKind
from ui.i18n import term
from ui.models.rows import RowsModel
from ui.money import money_text

KIND_NAMES = {PackageKind.MEMBERSHIP: QT_TRANSLATE_NOOP("Terms", "Membership"),
              PackageKind.LESSON_PACK: QT_TRANSLATE_NOOP("Terms", "Lesson pack"),
              PackageKind.CREDITS: QT_TRANSLATE_NOOP("Terms", "Credits")}
BILLING_NAMES = {BillingType.ONE_TIME: QT_TRANSLATE_NOOP("Terms", "One-time"),
                 BillingType.MONTHLY: QT_TRANSLATE_NOOP("Terms", "Monthly"),
                 BillingType.QUARTERLY: QT_TRANSLATE_NOOP("Terms", "Quarterly"),
                 BillingType.TWICE_A_YEAR: QT_TRANSLATE_NOOP("Terms", "Twice a year"),
                 BillingType.YEARLY: QT_TRANSLATE_NOOP("Terms", "Yearly")}


ACTIVE = {True: QT_TRANSLATE_NOOP("Terms", "active"), False: QT_TRANSLATE_NOOP("Terms", "inactive")}


def term_text(count: int, unit) -> str:
    unit = unit.value if hasattr(unit, "value") else unit
    if languages.current() == "en":
        return f"{count} {unit}{'s' if count != 1 else ''}"
    # plural forms (Russian has three, Arabic six): lupdate reads numerus from tr() only
    text = {"day": QObject.tr("%n day(s)", "", count), "week": QObject.tr("%n week(s)", "", count),
            "month": QObject.tr("%n month(s)", "", count), "year": QObject.tr("%n year(s)", "", count)}[unit]
    return text.replace(str(count), languages.number_text(count))


def packages_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            ("name", QT_TRANSLATE_NOOP("Terms", "Name")),
            ("kind", QT_TRANSLATE_NOOP("Terms", "Kind"), lambda r: term(KIND_NAMES[r["kind"]])),
            ("price", QT_TRANSLATE_NOOP("Terms", "Price"), lambda r: money_text(r["price"])),
            ("term", QT_TRANSLATE_NOOP("Terms", "Term"), lambda r: term_text(*r["term"])),
            ("billing_type", QT_TRANSLATE_NOOP("Terms", "Billing"),
             lambda r: term(BILLING_NAMES[r["billing_type"]])),
            ("program", QT_TRANSLATE_NOOP("Terms", "Program"),
             lambda r: f"{r['program']} × {r['lesson_count']}" if r["program"] else ""),
            ("member_discount_pct", QT_TRANSLATE_NOOP("Terms", "Member discount"),
             lambda r: f"{r['member_discount_pct']}%" if r["member_discount_pct"] is not None else ""),
            ("active", QT_TRANSLATE_NOOP("Terms", "Status"), lambda r: term(ACTIVE[r["active"]])),
        ],
        parent,
        right=("price", "member_discount_pct"),
        colour=lambda row, _key: None if row["active"] else "#8a949e",
    )
