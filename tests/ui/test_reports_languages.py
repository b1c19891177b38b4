"""L2 in the Reports area: every report, the dashboard and the reminders opened in Russian and Arabic
show no English text of their own (titles, columns, cells such as a standing or a kind, totals, empty
texts, charts); a count says its plural ("8 clients", never "Client: 8"); a month reads as the month."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel

from app import languages
from app.reports.base import Column, Kind, Report
from app.reports.common import clients_text
from app.reports.wording import ENGLISH, Text, say
from tests.ui.jobs import finished
from ui import i18n
from ui.reports.model import VALUE_ROLE, ReportModel


def _english_sources(language: str) -> set[str]:
    """The English of every translated text of the .ts whose translation differs (not plurals: those
    are checked through the reports' totals)."""
    found = set()
    for context in ET.parse(i18n.ts_file(language)).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") != "yes" and translation.text and translation.text != message.findtext("source"):
                found.add(message.findtext("source"))
    return found


def _lines(texts) -> list[str]:
    return [line.strip() for text in texts if isinstance(text, str) for line in text.split("\n") if line.strip()]


def _page_texts(screen) -> list[str]:
    """What a person reads on the Reports area now: the list, the shown page's labels (its own words in
    plain-text labels too), buttons, choices, the tables' headers and first rows, the charts' words."""
    from PySide6.QtWidgets import QTableView

    from ui.reports.voice import WINDOW

    page = screen.pages.currentWidget()
    texts = [screen.choice.item(i).text() for i in range(screen.choice.count())]
    texts += [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(screen)]
    texts += [button.text() for button in page.findChildren(QAbstractButton) if button.isVisibleTo(screen)]
    texts += [combo.currentText() for combo in page.findChildren(QComboBox) if combo.isVisibleTo(screen)]
    for table in page.findChildren(QTableView):
        model = table.model()
        if table.isVisibleTo(screen) and model is not None:
            texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
            texts += [model.index(r, c).data() for r in range(min(model.rowCount(), 30))  # the report's own
                      for c in range(model.columnCount())                           # words: stored text
                      if isinstance(model, ReportModel) and type(model.index(r, c).data(VALUE_ROLE)) is not str]
    for chart in getattr(page, "charts", [getattr(page, "chart", None)]):
        if chart is not None and chart.isVisibleTo(screen) and chart.chart is not None:
            texts += [WINDOW.text(chart.chart.title), *(WINDOW.text(name) for name, _values in chart.chart.series)]
    return _lines(texts)


@pytest.mark.parametrize(("language", "at_risk_total"), [("ru", "клиент"), ("ar", "عم")])
def test_l2_every_report_in_russian_and_arabic_shows_no_english_string(language, at_risk_total, speak, tmp_path,
                                                                        monkeypatch, qtbot):
    """The demo opened in the language at 1024 x 768: the dashboard, each report of the list and the
    reminders show no text equal to an English source whose translation differs (stored data passes: it
    is not a source), no total in English words ("8 clients"), and none widens the window (Russian
    words are longer: the filter bar once made it 1114 px)."""
    import ui.app as desk
    from app.reports import REPORTS
    from ui.self_test import open_view

    english = _english_sources(language)
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path))
    window = desk.start(["--demo", "--lang", language])
    qtbot.addWidget(window)
    try:
        window.resize(1024, 768)
        open_view(window, "reports")
        screen = window.screen("reports")
        qtbot.waitUntil(lambda: screen.dashboard.dashboard is not None, timeout=30_000)
        left = {"dashboard": sorted({t for t in _page_texts(screen) if t in english})}
        assert [tile.title_label.text() for tile in screen.dashboard.tiles][0] != "Current members"
        for key, definition in REPORTS.items():
            finished(qtbot, screen.open_report(key), timeout=30_000)
            report = screen.report_page.report
            shown = _page_texts(screen)
            left[key] = sorted({t for t in shown if t in english})
            left[key] += [f"total {ENGLISH.text(v)!r}" for v in report.totals.values()
                          if isinstance(v, Text) and ENGLISH.text(v) in shown]
            assert screen.report_page.title.text() not in (definition.title, "")
            QApplication.processEvents()
            assert window.width() == 1024, key
        at_risk = screen.open_report("at_risk")
        finished(qtbot, at_risk, timeout=30_000)
        assert at_risk_total in screen.report_page.totals.text() and ":" not in screen.report_page.totals.text()
        screen.choice.setCurrentRow(screen._row_of("reminders"))
        reminders = screen.pages.currentWidget()
        finished(qtbot, reminders.reading, timeout=30_000)
        QApplication.processEvents()
        left["reminders"] = sorted({t for t in _page_texts(screen) if t in english})
        assert {key: texts for key, texts in left.items() if texts} == {}
    finally:
        window.ops.db.dispose()


@pytest.mark.parametrize(("language", "count", "shown"), [
    ("en", 1, "1 client"), ("en", 8, "8 clients"), ("en", 1234, "1,234 clients"),
    ("ru", 1, "1 клиент"), ("ru", 3, "3 клиента"), ("ru", 8, "8 клиентов"), ("ru", 21, "21 клиент"),
    ("ru", 1234, "1\u00a0234 клиента"),
    ("ar", 1, "١ عميل"), ("ar", 2, "٢ عميلان"), ("ar", 8, "٨ عملاء"), ("ar", 11, "١١ عميلًا"),
    ("ar", 100, "١٠٠ عميل"),
])
def test_l2_q8_a_count_of_clients_says_the_plural_of_the_language(language, count, shown, speak):
    """Qt's numerus forms (three in Russian, six in Arabic), the number as the language writes it."""
    from ui.reports.voice import WINDOW

    assert speak(language) is None
    assert WINDOW.text(clients_text(count)) == shown


@pytest.mark.parametrize(("language", "total", "month", "amount"), [
    ("en", "Total\n8 clients\nAmount: 1,234.50", "December 2026", "1,234.50"),
    ("ru", "Итого\n8 клиентов\nСумма: 1\u00a0234,50", "Декабрь 2026", "1\u00a0234,50"),
    ("ar", "الإجمالي\n٨ عملاء\nالمبلغ: ١٬٢٣٤٫٥٠", "ديسمبر ٢٠٢٦", "١٬٢٣٤٫٥٠"),
])
def test_l2_q4_q8_a_report_page_shows_its_words_totals_and_months_in_the_language(language, total, month, amount,
                                                                                   speak, qtbot, ops_for):
    """The at-risk total read "Client: 8" and the attendance month "01.12.2026": a count is said whole, a
    month named; the column titles, a standing and the empty text in the window's language; a phone
    kept left to right in Arabic."""
    from ui.reports.view import ReportPage

    assert speak(language) is None
    page = ReportPage(ops_for("olga"))
    qtbot.addWidget(page)
    columns = [Column("client", say("Client")), Column("phone", say("Phone")), Column("standing", say("Status")),
               Column("month", say("Month"), Kind.MONTH), Column("amount", say("Amount"), Kind.MONEY)]
    rows = [{"client": "Mia Smith", "phone": "+44 7792 811641", "standing": Text("Active", context="Terms"),
             "month": dt.date(2026, 12, 1), "amount": Decimal("1234.50")}]
    page.show_report(Report("at_risk", say("Members at risk"), columns, rows,
                            totals={"client": clients_text(8), "amount": Decimal("1234.50")}))
    assert page.totals.text() == total
    model = page.model
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[3] == month and cells[4] == amount
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    if language == "en":
        assert headers == ["Client", "Phone", "Status", "Month", "Amount"] and cells[2] == "Active"
    else:
        assert not {"Client", "Phone", "Status", "Month", "Amount"} & set(headers) and cells[2] != "Active"
    assert cells[1] == languages.left_to_right("+44 7792 811641")  # wrapped left to right in Arabic only
    page.show_report(Report("at_risk", say("Members at risk"), columns, [],
                            empty_text=say("Every current member has come within these days.")))
    assert (page.empty.text() == "Every current member has come within these days.") == (language == "en")
