"""Editing a package's included credits and recurring services, one row each."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import term

WEEKDAYS = [QT_TRANSLATE_NOOP("Terms", "Mo"), QT_TRANSLATE_NOOP("Terms", "Tu"), QT_TRANSLATE_NOOP("Terms", "We"),
            QT_TRANSLATE_NOOP("Terms", "Th"), QT_TRANSLATE_NOOP("Terms", "Fr"), QT_TRANSLATE_NOOP("Terms", "Sa"),
            QT_TRANSLATE_NOOP("Terms", "Su")]
MONTHS = [QT_TRANSLATE_NOOP("Terms", "Jan"), QT_TRANSLATE_NOOP("Terms", "Feb"), QT_TRANSLATE_NOOP("Terms", "Mar"),
          QT_TRANSLATE_NOOP("Terms", "Apr"), QT_TRANSLATE_NOOP("Terms", "May"), QT_TRANSLATE_NOOP("Terms", "Jun"),
          QT_TRANSLATE_NOOP("Terms", "Jul"), QT_TRANSLATE_NOOP("Terms", "Aug"), QT_TRANSLATE_NOOP("Terms", "Sep"),
          QT_TRANSLATE_NOOP("Terms", "Oct"), QT_TRANSLATE_NOOP("Terms", "Nov"), QT_TRANSLATE_NOOP("Terms", "Dec")]


class EditableRows(QWidget):
    """A column of editable rows with an "Add" button under them."""

    add_label = QT_TRANSLATE_NOOP("Terms", "Add")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self.rows: list[QWidget] = []
        self.add_button = QPushButton(term(self.add_label))
        self.add_button.clicked.connect(lambda: self.add_row())
        add_line = QHBoxLayout()
        add_line.addWidget(self.add_button)
        add_line.addStretch(1)
        self._box.addLayout(add_line)

    def _append(self, row: QWidget, fields: list[QWidget], below: QWidget | None = None) -> QWidget:
        """Add a row: ``fields`` on one line with a remove button, ``below`` under them."""
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 6)
        line = QHBoxLayout()
        for field in fields:
            line.addWidget(field)
        remove = QPushButton("×", objectName="rowRemove")
        remove.setFixedWidth(30)
        remove.setToolTip(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove(row))
        line.addWidget(remove)
        column.addLayout(line)
        if below is not None:
            column.addWidget(below)
        self._box.insertWidget(len(self.rows), row)
        self.rows.append(row)
        return row

    def _remove(self, row: QWidget) -> None:
        self.rows.remove(row)
        row.deleteLater()


class CreditsEditor(EditableRows):
    add_label = QT_TRANSLATE_NOOP("Terms", "Add credits")

    def __init__(self, credit_types: list[dict], parent=None):
        self.credit_types = credit_types
        super().__init__(parent)
        self.add_button.setEnabled(bool(credit_types))

    def add_row(self, credit_type_id: int | None = None, units: int = 1) -> QWidget:
        kind = QComboBox()
        for ct in self.credit_types:
            kind.addItem(f"{ct['name']} ({ct['unit']})", ct["id"])
        if credit_type_id is not None:
            kind.setCurrentIndex(max(0, kind.findData(credit_type_id)))
        count = QSpinBox(minimum=1, maximum=100_000, value=units)
        row = self._append(QWidget(), [kind, count])
        row.kind, row.count = kind, count
        return row

    def value(self) -> dict[int, int]:
        return {row.kind.currentData(): row.count.value() for row in self.rows}


class ServicesEditor(EditableRows):
    add_label = QT_TRANSLATE_NOOP("Terms", "Add a recurring service")

    def add_row(self, service: dict | None = None) -> QWidget:
        service = service or {"name": "", "frequency": "weekly", "every_weeks": 1, "weekdays": [], "month_day": 1,
                              "months": []}
        row = QWidget()
        name = QLineEdit(service["name"], placeholderText=self.tr("Service name"))
        frequency = QComboBox()
        frequency.addItem(self.tr("Weekly"), "weekly")
        frequency.addItem(self.tr("Monthly"), "monthly")
        frequency.setCurrentIndex(frequency.findData(service["frequency"]))
        every = QSpinBox(minimum=1, maximum=52, value=service["every_weeks"] or 1, prefix=self.tr("every "),
                         suffix=self.tr(" wk"))
        day = QSpinBox(minimum=1, maximum=31, value=service["month_day"] or 1, prefix=self.tr("day "))
        weekdays = [QCheckBox(term(d)) for d in WEEKDAYS]
        months = [QCheckBox(term(m)) for m in MONTHS]
        for i, box in enumerate(weekdays):
            box.setChecked(i in service["weekdays"])
        for i, box in enumerate(months, 1):
            box.setChecked(i in service["months"])
        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(every, 0, 0)
        for i, box in enumerate(weekdays):
            grid.addWidget(box, 0, 1 + i)
        grid.addWidget(day, 1, 0, 2, 1)
        for i, box in enumerate(months):
            grid.addWidget(box, 1 + i // 6, 1 + i % 6)
        grid.setColumnStretch(8, 1)
        self._append(row, [name, frequency], detail)

        def show_frequency():
            weekly = frequency.currentData() == "weekly"
            for widget in [every, *weekdays]:
                widget.setVisible(weekly)
            for widget in [day, *months]:
                widget.setVisible(not weekly)

        frequency.currentIndexChanged.connect(lambda _i: show_frequency())
        show_frequency()
        row.value = lambda: {
            "name": name.text(), "frequency": frequency.currentData(), "every_weeks": every.value(),
            "weekdays": [i for i, box in enumerate(weekdays) if box.isChecked()], "month_day": day.value(),
            "months": [i for i, box in enumerate(months, 1) if box.isChecked()],
        }
        row.name_edit, row.frequency, row.weekdays, row.months, row.day = name, frequency, weekdays, months, day
        return row

    def value(self) -> list[dict]:
        return [row.value() for row in self.rows]
