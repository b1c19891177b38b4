"""The owner's morning with the real reports (Q5, Q6, Q7): she signs in on the dashboard, clicks "Ending
within 7 days", sees the memberships that end this week, saves them as XLSX and PDF, opens the members at
risk, then the Reminders page, and emails the week-before reminders to a local mail server; a second
"Email all" (even after the program is started again) sends nothing twice.
Checked against a plain SQL count over the same data, not against the report's code."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

from dateutil.relativedelta import relativedelta
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select, text

from app.models import Package, ReminderSent
from app.services import clients, sales, settings
from tests.app.test_reminders import Inbox
from tests.ui.jobs import finished
from ui.mainwindow import MainWindow


def test_q7_q5_the_owner_opens_ending_soon_from_the_dashboard_saves_it_and_emails_the_reminders(
        desk, qtbot, monkeypatch, tmp_path):
    olga = desk.ops("olga")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
        for name, ends_in in (("Anna Soon", 2), ("Boris Soon", 6), ("Clara Later", 20)):
            client = clients.create_client(s, olga.actor, name=name, phone="+44 7700 900123",
                                           email=f"{name.split()[0].lower()}@example.org")
            sale = sales.sell(s, olga.actor, client, gold, start_date=today - relativedelta(months=1),
                              today=today)
            s.execute(text("UPDATE memberships SET end_date = :end WHERE id = :id"),
                      {"end": today + dt.timedelta(days=ends_in), "id": sale.membership_id})
        ending = s.execute(text(  # the independent count: not cancelled, ends today or within 7 days, not renewed
            "SELECT c.name FROM memberships m JOIN clients c ON c.id = m.client_id WHERE m.cancelled_on IS NULL "
            "AND m.end_date BETWEEN :today AND :week AND NOT EXISTS (SELECT 1 FROM memberships r "
            "WHERE r.renews_id = m.id AND r.cancelled_on IS NULL) ORDER BY m.end_date"),
            {"today": today, "week": today + dt.timedelta(days=7)}).scalars().all()
    assert ending == ["Anna Soon", "Boris Soon"]

    window = MainWindow(olga)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    area = window.screen("reports")
    assert window.stack.currentWidget() is area and area.pages.currentWidget() is area.dashboard
    qtbot.waitUntil(lambda: area.dashboard.dashboard is not None, timeout=10_000)
    tile = next(t for t in area.dashboard.tiles if t.figure.report == "expiring")
    assert tile.value_label.text() == str(len(ending))
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    page = area.report_page
    finished(qtbot, page.job)
    assert area.choice.currentItem().text() == page.title.text() == "Memberships and packs ending soon"
    assert page.filter_bar.days.value() == 7 and page.filter_bar.days.isVisible()
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == ending

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ending.xlsx"), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    finished(qtbot, olga.jobs.running[-1])
    sheet = load_workbook(tmp_path / "ending.xlsx").active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Code", "Client", "Phone"] and [r[1] for r in rows[1:1 + len(ending)]] == ending
    assert rows[1][5] == dt.datetime.combine(today + dt.timedelta(days=2), dt.time())  # Ends: a date cell

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ending.pdf"), ""))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    finished(qtbot, olga.jobs.running[-1])
    shown = subprocess.run(["pdftotext", "-layout", str(tmp_path / "ending.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "Memberships and packs ending soon" in shown and "Page 1 of 1" in shown
    assert re.search(r"Ending within:?\s+7 days", shown)
    assert all(name in shown for name in ending) and "Clara Later" not in shown

    at_risk = area.choice.findItems("Members at risk", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(area.choice.viewport(), Qt.MouseButton.LeftButton, pos=area.choice.visualItemRect(at_risk).center())
    finished(qtbot, page.job)
    assert page.title.text() == "Members at risk" and page.report is not None and page.report.key == "at_risk"

    # the reminders: the default offsets (7, 1, -3 days) make this week's endings due "7 days before"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    addresses = sorted(f"{name.split()[0].lower()}@example.org" for name in ending)
    with Inbox() as inbox:
        with desk.database.writer.begin() as s:
            settings.update_settings(s, olga.actor, {"smtp_host": "127.0.0.1", "smtp_port": inbox.port,
                                                     "smtp_tls": False, "smtp_sender": "desk@sunny.example"})
        reminders = _open_reminders(qtbot, area)
        assert sorted(reminders.model.index(r, 2).data() for r in range(reminders.model.rowCount())) == addresses
        qtbot.mouseClick(reminders.email_button, Qt.MouseButton.LeftButton)
        finished(qtbot, reminders.sending, timeout=30_000)
        assert sorted(e.rcpt_tos[0] for e in inbox.received) == addresses  # every letter arrives, once
        assert [(r["address"], r["result"]) for r in sorted(reminders.results_model.rows,
                                                            key=lambda r: r["address"])] == [
            (a, "Sent") for a in addresses]
        qtbot.waitUntil(lambda: reminders.model.rowCount() == 0 and not reminders.email_button.isEnabled())

        qtbot.mouseClick(reminders.email_button, Qt.MouseButton.LeftButton)  # a second "Email all": nobody left
        assert reminders.email_all() is None
        again = MainWindow(olga)  # and the next morning's start: the same reminders are not due again
        qtbot.addWidget(again)
        again.resize(1366, 768)
        again.show()
        second = _open_reminders(qtbot, again.screen("reports"))
        assert second.model.rowCount() == 0 and not second.email_button.isEnabled()
        assert second.email_all() is None
        assert sorted(e.rcpt_tos[0] for e in inbox.received) == addresses
    with desk.database.reader.begin() as s:
        assert sorted(s.scalars(select(ReminderSent.address))) == addresses  # recorded once each


def _open_reminders(qtbot, area):
    """Click "Reminders" in the Reports area's list and wait for its call list."""
    item = area.choice.findItems("Reminders", Qt.MatchFlag.MatchExactly)[0]
    area.choice.scrollToItem(item)
    qtbot.mouseClick(area.choice.viewport(), Qt.MouseButton.LeftButton, pos=area.choice.visualItemRect(item).center())
    page = area.pages.currentWidget()
    assert type(page).__name__ == "RemindersPage"
    qtbot.waitUntil(lambda: page.report is not None and page.reading.finished, timeout=10_000)
    return page
