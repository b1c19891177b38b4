"""Q7: the owner's dashboard: figures as tiles (value, against last month, "to date"), its charts, and
each figure opening its report with the same filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.jobs import finished
from tests.ui.report_samples import month, samples  # noqa: F401 - the fixture
from ui.reports import dashboard as dashboard_page
from ui.reports.screen import ReportsScreen


@pytest.fixture
def area(qtbot, ops_for, samples, monkeypatch):  # noqa: F811
    monkeypatch.setattr(dashboard_page, "DASHBOARD", "tests.ui.report_samples:sample_dashboard")
    screen = ReportsScreen(ops_for("olga"))
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()  # the dashboard is made (off the window's thread) once it shows
    qtbot.waitUntil(lambda: screen.dashboard.dashboard is not None)
    return screen


def _tile(screen, title: str):
    return next(t for t in screen.dashboard.tiles if t.figure.title == title)


def test_q7_the_owner_sees_the_figures_as_tiles_with_last_month_and_to_date(qtbot, area):
    assert area.pages.currentWidget() is area.dashboard  # the area opens on the dashboard
    shown = {t.figure.title: (t.title_label.text(), t.value_label.text(), t.change_label.text())
             for t in area.dashboard.tiles}
    assert shown == {
        "Current members": ("Current members (to date)", "42", "+2 against the same days of last month (40)"),
        "Revenue": ("Revenue (to date)", "1,334.50", "−165.50 against the same days of last month (1,500.00)"),
        "Expiring in 7 days": ("Expiring in 7 days", "3", ""),
        "Lost": ("Lost", "2", "±0 against last month (2)"),  # February is over: not "to date"
        "Group occupancy": ("Group occupancy", "241 of 307", ""),
    }
    assert [c.chart.title for c in area.dashboard.charts] == ["Member movement", "Revenue by month"]
    assert all(c.isVisible() and c.renderer().isValid() for c in area.dashboard.charts)


@pytest.mark.parametrize("title, ran, row_title", [
    ("Lost", "empty", "Renewals"),  # "Renewals" runs the sample that makes an empty report
    ("Expiring in 7 days", "payments", "Expiring soon"),
])
def test_q7_clicking_a_figure_opens_its_report_with_the_same_filters(qtbot, area, samples, title, ran, row_title):  # noqa: F811
    tile = _tile(area, title)
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    finished(qtbot, area.report_page.job)
    assert area.pages.currentWidget() is area.report_page
    assert area.choice.currentItem().text() == row_title and area.report_page.title.text() == row_title
    assert samples.asked[-1] == (ran, tile.figure.filters)  # the report ran with the figure's own filters
    bar = area.report_page.filter_bar
    if tile.figure.filters.period is not None:
        assert bar.preset.currentData() == "custom"
        assert (bar.start.date().toPython(), bar.end.date().toPython()) == (month(2026, 2).start, month(2026, 2).end)
        assert bar.status.currentData() == "expired"
    else:
        assert bar.days.value() == 7


def test_q7_a_figure_of_this_month_opens_with_the_preset_this_month(qtbot, area, samples):  # noqa: F811
    qtbot.mouseClick(_tile(area, "Current members"), Qt.MouseButton.LeftButton)
    finished(qtbot, area.report_page.job)
    assert area.report_page.filter_bar.preset.currentData() == "this_month"
    assert samples.asked[-1] == ("payments", _tile(area, "Current members").figure.filters)


def test_q7_the_owner_signs_in_on_the_dashboard_and_the_receptionist_on_clients(qtbot, ops_for, samples,  # noqa: F811
                                                                                monkeypatch):
    from ui.mainwindow import MainWindow

    monkeypatch.setattr(dashboard_page, "DASHBOARD", "tests.ui.report_samples:sample_dashboard")
    owner = MainWindow(ops_for("olga"))
    qtbot.addWidget(owner)
    owner.show()
    assert owner.stack.currentWidget().objectName() == "area_reports"
    reports = owner.screen("reports")
    assert reports.pages.currentWidget() is reports.dashboard
    qtbot.waitUntil(lambda: reports.dashboard.dashboard is not None)
    assert [t.figure.title for t in reports.dashboard.tiles][:2] == ["Current members", "Revenue"]
    desk = MainWindow(ops_for("rita"))
    qtbot.addWidget(desk)
    assert desk.stack.currentWidget().objectName() == "area_clients"
