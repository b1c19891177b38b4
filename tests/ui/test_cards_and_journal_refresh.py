"""Issue 5, item 8: the journal and an open profile show each other's changes by themselves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox

from app.services import catalogue, clients, programs, sales
from ui.clients.cards import ChipStrip
from ui.clients.profile import ClientProfile
from ui.journal.screen import JournalScreen

UNPAID = Qt.ItemDataRole.UserRole + 1


def test_a_journal_mark_shows_on_the_open_profile_and_a_card_move_in_the_journal(desk, qtbot, monkeypatch):
    olga, rita = desk.ops("olga"), desk.ops("rita")  # rita's desk: the journal and the profile share its actions
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, olga.actor, program_id=swim, name="Daily swim",
                                      slots=[(d, "07:00", "07:45") for d in range(7)])
        pack = catalogue.create_package(s, olga.actor, kind="lesson_pack", name="Swim x4", price="40",
                                        term_count=3, term_unit="month", program_id=swim, lesson_count=4)
        child = clients.create_client(s, rita.actor, name="Zoë Martin")
        programs.enrol(s, rita.actor, group, child, since=today.replace(day=1))
        pack_id = sales.sell(s, rita.actor, child, pack, start_date=today.replace(day=1), today=today).membership_id
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
