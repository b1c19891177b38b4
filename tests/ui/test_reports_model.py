"""Q6: a report's rows as a table model: clean under pytest-qt's model tester, sorted by the typed value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPersistentModelIndex, QPoint, Qt

from tests.ui.report_samples import COLUMNS, PAYMENTS
from ui.reports.model import VALUE_ROLE, ReportModel
from ui.reports.view import _table


def _values(model, key):
    column = [c.key for c in model.columns].index(key)
    return [model.index(row, column).data(VALUE_ROLE) for row in range(model.rowCount())]


def _click_header(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_q6_the_report_model_passes_the_model_tester(qtmodeltester):
    model = ReportModel()
    model.set_report(COLUMNS, PAYMENTS + [{"client": None, "paid_on": None, "lessons": None, "amount": None}])
    qtmodeltester.check(model)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_report([], [])
    qtmodeltester.check(model)


def test_q6_clicking_a_header_sorts_money_dates_and_counts_by_value_not_text(qtbot):
    model = ReportModel()
    model.set_report(COLUMNS, PAYMENTS)
    view = _table(model, "reportTable")
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    _click_header(qtbot, view, 3)  # Amount
    assert _values(model, "amount") == [Decimal("9.50"), Decimal("25.00"), Decimal("100.00"), Decimal("1200.00")]
    assert [model.index(r, 3).data() for r in range(4)] == ["9.50", "25.00", "100.00", "1,200.00"]
    _click_header(qtbot, view, 3)  # again: descending
    assert _values(model, "amount") == [Decimal("1200.00"), Decimal("100.00"), Decimal("25.00"), Decimal("9.50")]
    _click_header(qtbot, view, 2)  # Lessons: 2 < 3 < 12 < 100 (as text "100" < "12" < "2" < "3")
    assert _values(model, "lessons") == [2, 3, 12, 100]
    _click_header(qtbot, view, 1)  # Paid on: by date, not by "dd.mm.yyyy" text
    assert _values(model, "paid_on") == sorted(r["paid_on"] for r in PAYMENTS)
    assert model.index(0, 1).data() == "28.02.2026"
    _click_header(qtbot, view, 0)  # Client: letters regardless of case
    assert _values(model, "client") == ["=HYPERLINK(\"x\")", "Anna Ivanova", "boris Petrov", "Clara Smith"]


def test_q6_sorting_keeps_the_selected_row_selected(qtbot):
    model = ReportModel()
    model.set_report(COLUMNS, PAYMENTS)
    view = _table(model, "reportTable")
    qtbot.addWidget(view)
    view.selectRow(1)  # boris Petrov, 1,200.00
    kept = QPersistentModelIndex(model.index(1, 0))
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert kept.row() == 3 and model.index(kept.row(), 0).data() == "boris Petrov"
    assert view.selectionModel().selectedRows()[0].data() == "boris Petrov"


def test_q6_an_empty_cell_sorts_before_every_value(qtbot):
    model = ReportModel()
    model.set_report(COLUMNS, [*PAYMENTS, {"client": "Zed", "paid_on": None, "lessons": None, "amount": None}])
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert _values(model, "paid_on")[0] is None and _values(model, "paid_on")[1] == dt.date(2026, 2, 28)
    assert model.index(0, 3).data() == ""
