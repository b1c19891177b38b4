"""The Reports area (Q6): the list of reports, the filter bar, a report made off the window's thread
with Cancel, its table, totals, rows listed apart and chart, the empty text, and bad filters."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.reports.base import Period
from app.services import clients
from tests.ui.jobs import finished
from tests.ui.report_samples import PAYMENTS, samples  # noqa: F401 - the fixture
from ui.jobs import ProgressShown
from ui.reports.model import VALUE_ROLE
from ui.reports.screen import ReportsScreen


@pytest.fixture
def area(qtbot, ops_for, samples):  # noqa: F811
    screen = ReportsScreen(ops_for("olga"))
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    return screen


def _choose(qtbot, screen, title: str):
    """Click the report called ``title`` in the list; returns the job that makes it."""
    item = screen.choice.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    rect = screen.choice.visualItemRect(item)
    qtbot.mouseClick(screen.choice.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return screen.report_page.job


def _column(model, key: str) -> list:
    number = [c.key for c in model.columns].index(key)
    return [model.index(row, number).data(VALUE_ROLE) for row in range(model.rowCount())]


def test_a_receptionist_sees_the_day_takings_only(qtbot, ops_for, samples):  # noqa: F811
    screen = ReportsScreen(ops_for("rita"))
    qtbot.addWidget(screen)
    assert not hasattr(screen, "choice")  # no list of reports, no dashboard
    assert screen.takings.isVisibleTo(screen) and not screen.day.isEnabled()


def test_q6_the_owner_picks_a_report_and_it_shows_rows_totals_apart_and_chart(qtbot, area, samples):  # noqa: F811
    titles = [area.choice.item(i).text() for i in range(area.choice.count())]
    assert titles[:2] == ["Dashboard", "Day takings"]
    reminders = ["Reminders"] if importlib.util.find_spec("ui.reports.reminders") else []  # R3's page, once built
    assert titles[2:] == ["Payments by client", "Renewals", "Expiring soon", "A slow report"] + reminders
    page = area.report_page
    finished(qtbot, _choose(qtbot, area, "Payments by client"))
    assert samples.asked[-1][0] == "payments"
    today = dt.date.today()
    assert samples.asked[-1][1].period == Period.month_of(today)  # "This month" is the preset at first
    assert page.pages.currentWidget() is not page.empty and page.table.isVisible()
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == \
        ["Anna Ivanova", "boris Petrov", "Clara Smith", "=HYPERLINK(\"x\")"]
    assert page.model.index(1, 3).data() == "1,200.00" and page.model.index(0, 1).data() == "09.03.2026"
    assert page.totals.text() == "Total\nLessons: 117\nAmount: 1,334.50"
    assert page.apart_title.text() == "No phone or email (1)" and page.apart_model.rowCount() == 1
    assert page.chart.isVisible() and page.chart.chart.title == "Paid by month"
    assert page.chart.renderer().isValid()
    assert page.export_button.isEnabled() and page.pdf_button.isEnabled()


def test_q6_the_filter_bar_shows_only_the_filters_the_report_uses(qtbot, area, samples):  # noqa: F811
    bar = area.report_page.filter_bar
    finished(qtbot, _choose(qtbot, area, "Payments by client"))
    assert [w.isVisible() for w in (bar.preset, bar.start, bar.end, bar.package, bar.client, bar.status, bar.group,
                                    bar.days)] == [True, True, True, True, True, False, False, False]
    finished(qtbot, _choose(qtbot, area, "Expiring soon"))
    assert [w.isVisible() for w in (bar.preset, bar.package, bar.client, bar.status, bar.group, bar.days)] == \
        [False, False, False, False, True, True]
    assert samples.asked[-1][1].days == 7 and samples.asked[-1][1].period is None  # the report's defaults


def test_q6_the_period_presets_and_a_chosen_package_reach_the_report(qtbot, area, samples):  # noqa: F811
    page = area.report_page
    bar = page.filter_bar
    finished(qtbot, _choose(qtbot, area, "Payments by client"))
    bar.preset.setCurrentIndex(bar.preset.findData("last_month"))
    bar.package.setCurrentIndex(1)
    package_id = bar.package.currentData()
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.job)
    first = dt.date.today().replace(day=1)
    assert samples.asked[-1][1].period == Period.month_of(first - dt.timedelta(days=1))
    assert samples.asked[-1][1].package_id == package_id is not None
    bar.preset.setCurrentIndex(bar.preset.findData("this_year"))
    assert (bar.start.date().toPython(), bar.end.date().toPython()) == (first.replace(month=1),
                                                                         dt.date(first.year, 12, 31))
    bar.start.setDate(dt.date(2025, 2, 3))  # a typed date makes the period "From – to"
    assert bar.preset.currentData() == "custom"


def test_q6_a_client_is_found_by_name_or_code_and_an_unknown_one_is_refused(qtbot, desk, samples):  # noqa: F811
    olga = desk.ops("olga")
    with desk.database.writer.begin() as s:
        vera = clients.create_client(s, olga.actor, name="Vera Reportova")
        clients.create_client(s, olga.actor, name="Valentina Reportova")
    screen = ReportsScreen(olga)
    qtbot.addWidget(screen)
    screen.show()
    page = screen.report_page
    finished(qtbot, _choose(qtbot, screen, "Payments by client"))
    asked, ran = len(samples.asked), page.job
    for typed, message in (("Nobody Such", "No client matches “Nobody Such”."),
                           ("Reportova", "Several clients match “Reportova”: type more of the name, or the code.")):
        page.filter_bar.client.setText(typed)
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
        assert page.message.isVisible() and page.message.text() == message
        assert page.job is ran and len(samples.asked) == asked  # nothing ran
    page.filter_bar.client.setText("Vera")
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.job)
    assert samples.asked[-1][1].client_id == vera and not page.message.isVisible()


@pytest.mark.parametrize("start, end, message", [
    (dt.date(2026, 3, 31), dt.date(2026, 3, 1), "The period ends before it starts."),
    (dt.date(2026, 3, 1), dt.date(9999, 12, 31), "Choose dates between 2000 and 2100."),
])
def test_q6_a_bad_period_is_a_plain_message_and_runs_nothing(qtbot, area, samples, start, end, message):  # noqa: F811
    page = area.report_page
    finished(qtbot, _choose(qtbot, area, "Payments by client"))
    shown_rows, asked, ran = page.model.rowCount(), len(samples.asked), page.job
    page.filter_bar.start.setDate(start)
    page.filter_bar.end.setDate(end)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.message.isVisible() and page.message.text() == message
    assert page.job is ran and len(samples.asked) == asked
    assert page.model.rowCount() == shown_rows  # what was shown stays


def test_q6_an_empty_result_shows_its_text_not_an_empty_grid(qtbot, area, samples):  # noqa: F811
    page = area.report_page
    finished(qtbot, _choose(qtbot, area, "Renewals"))
    assert page.pages.currentWidget() is page.empty and page.empty.isVisible()
    assert page.empty.text() == "No renewals in this period."
    assert not page.table.isVisible()


def test_q6_a_report_runs_off_the_window_thread_and_cancel_stops_it(qtbot, area, samples):  # noqa: F811
    page = area.report_page
    job = _choose(qtbot, area, "A slow report")
    assert job is not None and not job.finished  # the click returned while the report is still being made
    assert samples.slow_started.wait(5)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(ProgressShown)), timeout=5000)
    dialog = next(d for d in page.findChildren(ProgressShown) if d.isVisible())
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finished(qtbot, job)
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert page.message.text() == "Stopped: the report was not made. Press Show to make it."
    assert page.report is None and page.run_button.isEnabled() and not page.export_button.isEnabled()
    QApplication.processEvents()


def test_q6_a_second_run_replaces_the_first(qtbot, area, samples):  # noqa: F811
    page = area.report_page
    slow = _choose(qtbot, area, "A slow report")
    assert samples.slow_started.wait(5)
    fast = _choose(qtbot, area, "Payments by client")  # another report while the slow one works: it is cancelled
    finished(qtbot, slow)
    finished(qtbot, fast)
    assert page.report is not None and page.report.key == "payments" and not page.message.isVisible()
    assert _column(page.model, "amount") == [r["amount"] for r in PAYMENTS]


def test_q6_with_no_report_listed_yet_the_report_page_stays_in_its_stack(qtbot, ops_for, monkeypatch):
    from app import reports

    monkeypatch.setattr(reports, "REPORTS", {}, raising=False)
    screen = ReportsScreen(ops_for("olga"))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.pages.indexOf(screen.report_page) >= 0  # not a loose child drawn over the title
    assert not screen.report_page.isVisible() and screen.pages.currentWidget() is screen.dashboard


def test_q6_a_report_that_refuses_its_filters_says_why_and_show_works_again(qtbot, area):
    from app.errors import DomainError
    from app.reports.base import ReportDef

    def refusing(session, actor, filters, *, state=None):
        raise DomainError("Choose a status from the list.", field="status")

    page = area.report_page
    area.pages.setCurrentWidget(page)
    finished(qtbot, page.open(ReportDef("refusing", "Refusing", refusing)))
    qtbot.waitUntil(lambda: page.run_button.isEnabled())
    assert page.message.isVisible() and page.message.text() == "Choose a status from the list."
    assert page.report is None and not page.export_button.isEnabled()
