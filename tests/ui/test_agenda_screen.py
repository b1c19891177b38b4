"""R1 on screen: the agenda steps through days with ◀ ▶, marks done and missed (who, when), keeps a
note and moves a missed one to a day within the term."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.sales_fixtures import towel_today
from ui.agenda.screen import AgendaScreen
from ui.forms import pydate, qdate


def test_r1_agenda_days_marks_note_and_reschedule(desk, qtbot, monkeypatch):
    ops = desk.ops("rita")
    today = dt.date.today()
    towel_today(desk, "<b>Анна</b>")
    screen = AgendaScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    assert [(r["client"], r["name"], r["state"]) for r in screen.model.rows] == [
        ("<b>Анна</b>", "Towel", "planned")]
    qtbot.mouseClick(screen.forward, Qt.MouseButton.LeftButton)
    assert pydate(screen.day.date()) == today + dt.timedelta(days=1) and screen.model.rows == []
    assert screen.count.text() == "Nothing is due on this day."
    qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.missed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rows[0]["state"] == "missed")
    assert screen.model.rows[0]["marked_by"] == "Rita Reception" and screen.move_button.isEnabled()
    screen.write_note("Ill; called")
    assert screen.model.rows[0]["note"] == "Ill; called"
    later = today + dt.timedelta(days=2)
    screen.reschedule(later)
    assert screen.model.rows[0]["moved_to"] == later and not screen.move_button.isEnabled()
    screen.day.setDate(qdate(later))
    assert [(r["state"], r["moved_from"]) for r in screen.model.rows] == [("planned", today)]
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)  # a day still to come: refused, unchanged
    assert "can be marked on that day or later" in warned[0] and screen.model.rows[0]["state"] == "planned"
