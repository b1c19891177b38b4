"""Add or edit a package: the fields follow its kind (membership, lesson pack, credits)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models import PackageKind, TermUnit
from app.services import catalogue, programs
from ui import i18n
from ui.forms import FieldErrors, save_record
from ui.models.packages import BILLING_NAMES, KIND_NAMES
from ui.ops import Ops
from ui.packages.services_editor import CreditsEditor, ServicesEditor

UNIT_NAMES = {TermUnit.DAY: QT_TRANSLATE_NOOP("Terms", "days"), TermUnit.WEEK: QT_TRANSLATE_NOOP("Terms", "weeks"),
              TermUnit.MONTH: QT_TRANSLATE_NOOP("Terms", "months"), TermUnit.YEAR: QT_TRANSLATE_NOOP("Terms", "years")}


class PackageDialog(QDialog):
    def __init__(self, ops: Ops, package_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.package_id = package_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New package") if package_id is None else self.tr("Edit package"))
        outer = QVBoxLayout(self)
        body = QWidget()
        form = QFormLayout(body)
        self.errors = FieldErrors(form, QLabel())
        self.kind = QComboBox(objectName="kind")
        for kind, name in KIND_NAMES.items():
            self.kind.addItem(i18n.term(name), kind)
        self.name = QLineEdit(objectName="name")
        self.description = QPlainTextEdit(objectName="description")
        self.description.setMaximumHeight(60)
        self.active = QCheckBox(self.tr("Can be sold"), objectName="active", checked=True)
        self.price = QLineEdit(objectName="price", placeholderText="0.00")
        self.billing = QComboBox(objectName="billing_type")
        for billing, name in BILLING_NAMES.items():
            self.billing.addItem(i18n.term(name), billing)
        term = QWidget()
        term_line = QHBoxLayout(term)
        term_line.setContentsMargins(0, 0, 0, 0)
        self.term_count = QSpinBox(objectName="term_count", minimum=0, maximum=1000, value=1)
        self.term_unit = QComboBox(objectName="term_unit")
        for unit, name in UNIT_NAMES.items():
            self.term_unit.addItem(i18n.term(name), unit)
        self.term_unit.setCurrentIndex(self.term_unit.findData(TermUnit.MONTH))
        term_line.addWidget(self.term_count)
        term_line.addWidget(self.term_unit, 1)
        self.program = QComboBox(objectName="program_id")
        self.program.addItem(self.tr("— choose —"), None)
        for program in ops.read(programs.list_programs):
            self.program.addItem(program["name"], program["id"])
        self.lessons = QSpinBox(objectName="lesson_count", minimum=0, maximum=500, value=8)
        self.discount = QLineEdit(objectName="member_discount_pct", placeholderText=self.tr("none"))
        self.credits = CreditsEditor(ops.read(catalogue.list_credit_types))
        self.services = ServicesEditor()
        rows = [
            (self.tr("Kind"), "kind", self.kind), (self.tr("Name"), "name", self.name),
            (self.tr("Description"), "description", self.description), ("", "active", self.active),
            (self.tr("Price"), "price", self.price), (self.tr("Billing"), "billing_type", self.billing),
            (self.tr("Valid for"), "term_count", term), (self.tr("Program"), "program_id", self.program),
            (self.tr("Lessons"), "lesson_count", self.lessons),
            (self.tr("Member discount %"), "member_discount_pct", self.discount),
            (self.tr("Included credits"), "credits", self.credits),
            (self.tr("Recurring services"), "services", self.services),
        ]
        for label, field, widget in rows:
            self.errors.add_row(label, field, widget)
        self._rows_of = {field: form.itemAt(i, QFormLayout.ItemRole.FieldRole).widget()
                         for i, (_l, field, _w) in enumerate(rows)}
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.errors.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_kind())
        self.resize(760, 680)
        if package_id is not None:
            self._load(ops.read(catalogue.get_package, package_id))
        self._show_kind()

    def _show_kind(self) -> None:
        kind = self.kind.currentData()
        self._set_row_visible("program_id", kind == PackageKind.LESSON_PACK)
        self._set_row_visible("lesson_count", kind == PackageKind.LESSON_PACK)
        self._set_row_visible("member_discount_pct", kind == PackageKind.MEMBERSHIP)

    def _set_row_visible(self, field: str, visible: bool) -> None:
        form = self._rows_of[field].parentWidget().layout()
        form.setRowVisible(self._rows_of[field], visible)

    def _load(self, package: dict) -> None:
        self.version = package["version"]  # D7: a save after someone else's is refused
        self.kind.setCurrentIndex(self.kind.findData(package["kind"]))
        self.kind.setEnabled(False)  # a package keeps its kind; make a new one instead
        self.name.setText(package["name"])
        self.description.setPlainText(package["description"])
        self.active.setChecked(package["active"])
        self.price.setText(str(package["price"]))
        self.billing.setCurrentIndex(self.billing.findData(package["billing_type"]))
        self.term_count.setValue(package["term_count"])
        self.term_unit.setCurrentIndex(self.term_unit.findData(package["term_unit"]))
        self.program.setCurrentIndex(max(0, self.program.findData(package["program_id"])))
        self.lessons.setValue(package["lesson_count"] or 0)
        pct = package["member_discount_pct"]
        self.discount.setText("" if pct is None else str(pct))
        for credit_type_id, units in package["credits"].items():
            self.credits.add_row(credit_type_id, units)
        for service in package["services"]:
            self.services.add_row(service)

    def values(self) -> dict:
        kind = self.kind.currentData()
        return {
            "kind": kind, "name": self.name.text(), "description": self.description.toPlainText(),
            "active": self.active.isChecked(), "price": self.price.text().strip(),
            "billing_type": self.billing.currentData(), "term_count": self.term_count.value(),
            "term_unit": self.term_unit.currentData(),
            "program_id": self.program.currentData() if kind == PackageKind.LESSON_PACK else None,
            "lesson_count": self.lessons.value() if kind == PackageKind.LESSON_PACK else None,
            "member_discount_pct": self.discount.text().strip() if kind == PackageKind.MEMBERSHIP else None,
            "credits": self.credits.value(), "services": self.services.value(),
        }

    def save(self) -> None:
        self.errors.clear()
        values = self.values()
        if self.package_id is not None:
            values["version"] = self.version
        self.saved_id = save_record(self.ops, catalogue.create_package, catalogue.update_package, self.package_id,
                                    values, parent=self, on_error=self.errors.show)
        if self.saved_id is not None:
            self.accept()

    @classmethod
    def ask(cls, ops: Ops, package_id: int | None = None, parent=None) -> int | None:
        dialog = cls(ops, package_id, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
