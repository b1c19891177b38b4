"""Q5 on screen: the Reminders page lists who to call, emails them to a local mail server started by
the test with a result per address, sends nothing twice, and a refused address is listed, not recorded.
The reminder template is edited in Settings › Email, and an unknown placeholder is refused there."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.models import ReminderSent
from app.services import catalogue, clients, sales, settings
from tests.app.test_reminders import Inbox
from tests.ui.jobs import finished
from ui.reports.reminders import RemindersPage

TODAY = dt.date.today()


def _cells(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.fixture
def due_desk(desk):
    """Four clients whose month ends in 5 days (a week-before reminder is due), one of them without
    an address, and one with neither phone nor email."""
    ops = desk.ops("olga")
    with desk.database.writer.begin() as s:
        month = catalogue.create_package(s, ops.actor, kind="membership", name="Month pass", price="30.00",
                                         term_count=30, term_unit="day")
        start = TODAY + dt.timedelta(days=5 - 29)
        for name, phone, email in [("Ann Remind", "+44 7700 900001", "ann@example.org"),
                                   ("Bob Remind", "+44 7700 900002", "bob@example.org"),
                                   ("Cid Remind", "+44 7700 900003", "cid@example.org"),
                                   ("Dan Phone", "+44 7700 900004", ""), ("Eve Nowhere", "", "")]:
            who = clients.create_client(s, ops.actor, name=name, phone=phone, email=email)
            sales.sell(s, ops.actor, who, month, start_date=start, today=start)
    return desk


def _page(qtbot, ops) -> RemindersPage:
    page = RemindersPage(ops)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None)
    return page


def _serve(desk, inbox):
    with desk.database.writer.begin() as s:
        settings.update_settings(s, desk.ops("olga").actor, {
            "smtp_host": "127.0.0.1", "smtp_port": inbox.port, "smtp_tls": False,
            "smtp_sender": "desk@sunny.example", "reminder_subject": "{business}: {package} ends {ends}"})


def _email_all(qtbot, page, monkeypatch):
    """Press "Email all", say yes, and wait for the job and the list read after it."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.sending = None
    qtbot.mouseClick(page.email_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.sending, timeout=30_000)
    qtbot.waitUntil(lambda: not page.reading or page.reading.finished)
    return {row["address"]: (row["result"], row["reason"]) for row in page.results_model.rows}


def _recorded(desk) -> list[str]:
    with desk.database.reader.begin() as s:
        return sorted(s.scalars(select(ReminderSent.address)))


def test_q5_the_page_lists_who_to_call_and_who_is_apart(due_desk, qtbot):
    page = _page(qtbot, due_desk.ops("olga"))
    rows = _cells(page.model)
    ends = f"{TODAY + dt.timedelta(days=5):%d.%m.%Y}"
    assert sorted(rows) == [
        [f"{n} Remind", f"+44 7700 90000{i}", f"{n.lower()}@example.org", "Month pass", ends,
         "7 days before", ""] for i, n in ((1, "Ann"), (2, "Bob"), (3, "Cid"))] + [
        ["Dan Phone", "+44 7700 900004", "", "Month pass", ends, "7 days before", ""]]
    assert _cells(page.apart_model) == [["Eve Nowhere", "Month pass", ends, "7 days before"]]
    assert page.apart.isVisible() and page.apart_title.isVisible() and not page.results.isVisible()
    assert page.email_button.isEnabled()
    assert "5 due today" in page.about.text() and "3 with an email address" in page.about.text()


def test_q5_the_list_sorts_by_a_column(due_desk, qtbot):
    page = _page(qtbot, due_desk.ops("olga"))
    proxy = page.table.model()
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())][0] == "Ann Remind"
    qtbot.mouseClick(page.table.horizontalHeader().viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_centre(page.table, 2))  # Email
    emails = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert emails == ["", "ann@example.org", "bob@example.org", "cid@example.org"]
    qtbot.mouseClick(page.table.horizontalHeader().viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_centre(page.table, 2))
    assert [proxy.index(r, 2).data() for r in range(proxy.rowCount())] == list(reversed(emails))


def _section_centre(view, section):
    from PySide6.QtCore import QPoint

    header = view.horizontalHeader()
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_q5_email_all_sends_once_per_client_and_a_second_run_sends_nothing(due_desk, qtbot, monkeypatch):
    page = _page(qtbot, due_desk.ops("olga"))
    with Inbox() as inbox:
        _serve(due_desk, inbox)
        results = _email_all(qtbot, page, monkeypatch)
        assert results == {a: ("Sent", "") for a in ("ann@example.org", "bob@example.org", "cid@example.org")}
        assert sorted(e.rcpt_tos[0] for e in inbox.received) == ["ann@example.org", "bob@example.org",
                                                                  "cid@example.org"]
        assert b"Subject: Sunny Kids Centre: Month pass ends" in inbox.received[0].content
        assert _recorded(due_desk) == ["ann@example.org", "bob@example.org", "cid@example.org"]
        assert page.results.isVisible() and "3 sent and recorded; 0 not sent" in page.results_title.text()
        # the sent ones left the list; the phone-only client and the one listed apart stay, nothing to email
        qtbot.waitUntil(lambda: [r[0] for r in _cells(page.model)] == ["Dan Phone"])
        assert not page.email_button.isEnabled()
        page.email_all()  # a second run: nobody left to email
        assert len(inbox.received) == 3 and len(_recorded(due_desk)) == 3


def test_q5_a_server_refusing_one_address_the_others_go_and_the_refusal_is_listed_not_recorded(
        due_desk, qtbot, monkeypatch):
    page = _page(qtbot, due_desk.ops("olga"))
    with Inbox(refuse={"bob@example.org"}) as inbox:
        _serve(due_desk, inbox)
        results = _email_all(qtbot, page, monkeypatch)
        assert results["ann@example.org"] == ("Sent", "") and results["cid@example.org"] == ("Sent", "")
        assert results["bob@example.org"][0] == "Refused"
        assert "550 5.1.1 No such mailbox here" in results["bob@example.org"][1]
        assert sorted(e.rcpt_tos[0] for e in inbox.received) == ["ann@example.org", "cid@example.org"]
        assert _recorded(due_desk) == ["ann@example.org", "cid@example.org"]
        assert "2 sent and recorded; 1 not sent" in page.results_title.text()
        qtbot.waitUntil(lambda: sorted(r[0] for r in _cells(page.model)) == ["Bob Remind", "Dan Phone"])
        inbox.refuse.clear()  # the address is fixed on the server: the next run sends Bob's only
        assert _email_all(qtbot, page, monkeypatch) == {"bob@example.org": ("Sent", "")}
    assert _recorded(due_desk) == ["ann@example.org", "bob@example.org", "cid@example.org"]


def test_q5_email_all_without_a_mail_server_says_so_on_the_page(due_desk, qtbot, monkeypatch):
    page = _page(qtbot, due_desk.ops("olga"))
    _email_all(qtbot, page, monkeypatch)
    assert page.problem.isVisible() and "Settings › Email" in page.problem.text()
    assert _recorded(due_desk) == [] and page.results_model.rowCount() == 0


def test_q5_the_reminder_template_is_edited_in_settings_and_an_unknown_placeholder_refused(desk, qtbot):
    from ui.settings.screen import SettingsScreen

    ops = desk.ops("olga")
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    email = next(p for p in screen.pages if "reminder_body" in p.widgets)
    body, subject = email.widgets["reminder_body"], email.widgets["reminder_subject"]
    assert "{items}" in body.toPlainText() and "{business}" in subject.text()
    body.clear()
    qtbot.keyClicks(body, "Dear {name}, {items}")
    qtbot.mouseClick(email.save_button, Qt.MouseButton.LeftButton)
    assert "unknown placeholder {name}" in email.errors.text("reminder_body")
    assert email.saved.text() == ""
    with desk.database.reader.begin() as s:
        assert "{name}" not in settings.get_settings(s)["reminder_body"]
    body.clear()
    qtbot.keyClicks(body, "Dear {client}, {items}")
    qtbot.mouseClick(email.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: email.saved.text() != "")
    with desk.database.reader.begin() as s:
        assert settings.get_settings(s)["reminder_body"] == "Dear {client}, {items}"


def test_l3_q5_email_all_to_a_slow_server_shows_progress_cancel_leaves_all_due(due_desk, qtbot, monkeypatch):
    from tests.ui.jobs import Heartbeat
    from tests.ui.test_slow_jobs import SlowSMTP, _cancel

    page = _page(qtbot, due_desk.ops("olga"))
    server = SlowSMTP(delay=60)  # never says hello while the test runs
    try:
        with due_desk.database.writer.begin() as s:
            settings.update_settings(s, due_desk.ops("olga").actor, {
                "smtp_host": "127.0.0.1", "smtp_port": server.port, "smtp_tls": False,
                "smtp_sender": "desk@sunny.example"})
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        with Heartbeat() as heart:
            qtbot.mouseClick(page.email_button, Qt.MouseButton.LeftButton)
            _cancel(qtbot, page)
            finished(qtbot, page.sending)
        assert heart.kept_beating()
    finally:
        server.close()
    assert [(r["address"], r["result"]) for r in page.results_model.rows] == [
        ("ann@example.org", "Not sent"), ("bob@example.org", "Not sent"), ("cid@example.org", "Not sent")]
    assert page.results_model.rows[0]["reason"] == "Cancel was pressed before it was sent"
    assert _recorded(due_desk) == []
    qtbot.waitUntil(lambda: page.reading.finished and page.model.rowCount() == 4)  # all still due


def test_q5_the_page_models_pass_the_model_tester(due_desk, qtbot, qtmodeltester):
    page = _page(qtbot, due_desk.ops("olga"))
    for view in (page.table, page.apart, page.results):
        qtmodeltester.check(view.model())
        qtmodeltester.check(view.model().sourceModel())
