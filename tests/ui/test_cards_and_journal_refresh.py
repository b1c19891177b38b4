"""Issue 5, item 8: the journal and an open profile show each other's changes by themselves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox

from app.services import sales
from tests.ui.lessons import daily_lessons
from ui.clients.cards import ChipStrip
from ui.clients.profile import ClientProfile
from ui.journal.screen import JournalScreen

UNPAID = Qt.ItemDataRole.UserRole + 1


def test_a_journal_mark_shows_on_the_open_profile_and_a_card_move_in_the_journal(desk, qtbot, monkeypatch):
    olga, rita = desk.ops("olga"), desk.ops("rita")  # rita's desk: the journal and the profile share its actions
    today = dt.date.today()
    made = daily_lessons(desk, today.replace(day=1), lessons=4, child="Zoë Martin")
    child = made.child
    with desk.database.writer.begin() as s:
        pack_id = sales.sell(s, olga.actor, child, made.pack, start_date=today.replace(day=1), today=today).membership_id
    profile = ClientProfile(rita)
    qtbot.addWidget(profile)
    profile.resize(1200, 800)
    profile.show_client(child)
    profile.show()
    journal = JournalScreen(rita)
    qtbot.addWidget(journal)
    journal.show()
    assert profile.cards.findChildren(ChipStrip)[0].chips == []

    journal.table.setCurrentIndex(journal.model.index(0, 0))
    QTest.keyClick(journal.table, Qt.Key.Key_P)  # a mark in the journal...
    chips = profile.cards.areas[pack_id].findChildren(ChipStrip)[0].chips
    assert [c["letter"] for c in chips] == ["P"]  # ...is on the open profile's card at once
    assert "1/4 lessons" in profile.cards.findChildren(QLabel, "cardFacts")[0].text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    profile.cards.ask_and_move(chips[0]["id"], pack_id, None)  # the card's chip goes to the unpaid visits...
    assert journal.model.index(0, 0).data(UNPAID)  # ...and the journal marks that cell unpaid
