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


def test_q6_sorting_a_100000_row_report_keeps_the_window_running_and_the_selection(desk, qtbot):
    """A click on a header of a big report: its order is made on the worker (the window's thread only puts
    the new list in place), the rows come in the value's order, the selected row stays selected, and a
    report shown is never sorted again by the last column clicked. How late a 20 ms timer was at worst
    is a wall-clock figure: printed here, measured against its 100 ms budget in
    tests/benchmarks/bench_reports.py (not asserted on a shared machine, as tests/ui/jobs.py says)."""
    import gc
    import random

    from app.reports.base import Report
    from tests.ui.jobs import Heartbeat
    from ui.reports.view import ReportPage

    pick = random.Random(14)
    rows = [{"client": f"Client {pick.randrange(100_000):05d}", "paid_on": dt.date(2026, 1, 1)
             + dt.timedelta(days=pick.randrange(365)), "lessons": pick.randrange(50),
             "amount": Decimal(pick.randrange(100_000)) / 100} for _ in range(100_000)]
    page = ReportPage(desk.ops("olga"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_report(Report("payments", "Payments by client", COLUMNS, rows))
    model, view = page.model, page.table
    gc.collect()  # what making 100,000 rows here left to collect is not the sort's (the desk makes them on the worker)
    view.selectRow(2)
    chosen = model.rows[2]
    worst = []
    for column, clicks in ((3, 1), (0, 2)):  # Amount; Client twice: descending, equal names keep their order
        with Heartbeat() as heart:
            # waiting in the event loop, as the desk does (waitUntil's Python loop would be measured too)
            with qtbot.waitSignal(model.layoutChanged, timeout=30_000):
                for _ in range(clicks):
                    _click_header(qtbot, view, column)
                assert model.sorting is not None, "a big report is sorted on the worker"
            assert model.sorting is None
            qtbot.waitUntil(heart.kept_beating)  # beats after the rows moved too: a late one is measured
        worst.append(heart.worst)
        if column == 3:
            assert _values(model, "amount") == sorted(r["amount"] for r in rows)
    assert _values(model, "client") == [r["client"] for r in sorted(sorted(rows, key=lambda r: r["amount"]),
                                                                     key=lambda r: r["client"], reverse=True)]
    print(f"the window's timer late at worst: {worst} ms")
    selected = view.selectionModel().selectedRows()
    assert len(selected) == 1 and model.rows[selected[0].row()] is chosen
    page.show_report(Report("payments", "Payments by client", COLUMNS, rows))  # made again: as made, unsorted
    assert model.sorting is None and model.rows == rows
