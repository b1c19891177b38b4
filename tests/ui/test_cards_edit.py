"""T3 on screen: edit mode, a chip's menu, Cancel back to the saved cards, Save in one go, a refusal kept on screen."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import select

from app.models import AttendanceStatus, Membership, Visit
from app.services import journal, sales
from tests.ui.lessons import daily_lessons
from ui.clients.cards import ChipStrip
from ui.clients.profile import ClientProfile


def _click_chip(cards, strip: ChipStrip, wanted: str, number: int = 0) -> None:
    """Click a chip, then ``wanted`` in the menu it opens."""
    point = strip.chip_rect(number).center()
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=point)
    assert cards.menu.isVisible()
    next(a for a in cards.menu.actions() if a.text().endswith(wanted)).trigger()
    cards.menu.close()


def test_t3_edit_mode_cancel_then_save_and_a_refusal(desk, qtbot, monkeypatch):
    olga, rita = desk.ops("olga"), desk.ops("rita")
    today = dt.date.today()
    made = daily_lessons(desk, today - dt.timedelta(days=10))
    child = made.child
    with desk.database.writer.begin() as s:
        sale = sales.sell(s, olga.actor, child, made.pack, start_date=today - dt.timedelta(days=5), today=today)
        present = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
        for days_ago in (3, 2, 1):
            journal.mark(s, olga.actor, made.group, child, today - dt.timedelta(days=days_ago), present)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail(str(a)))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(str(a)))
    profile = ClientProfile(rita)
    qtbot.addWidget(profile)
    profile.resize(1200, 800)
    profile.show_client(child)
    profile.show()
    cards = profile.cards
    assert profile.edit_cards.isVisible() and not profile.save_cards.isVisible()

    def saved() -> tuple:
        with desk.database.reader() as s:
            card = s.get(Membership, sale.membership_id)
            first = s.scalars(select(Visit).where(Visit.client_id == child).order_by(Visit.date)).first()
            status = s.get(AttendanceStatus, first.status_id).name
            return card.description, card.end_date, card.lessons_used, status

    before = saved()
    profile.edit_cards.click()
    assert profile.save_cards.isVisible() and profile.cancel_cards.isVisible() and not profile.undo_button.isVisible()
    assert not cards.areas[sale.membership_id].acceptDrops()  # no drag-and-drop while editing
    fields = cards.fields[sale.membership_id]
    QTest.keyClicks(fields.description, "Paid by the grandmother")
    fields.end.setDate(fields.end.date().addDays(14))
    strip = cards.strips[sale.membership_id][0]
    _click_chip(cards, strip, "Excused")
    assert strip.chips[0]["edited"] and strip.chips[0]["letter"] == "E"  # shown, not yet saved
    assert saved() == before
    profile.cancel_cards.click()  # back to the last saved state
    assert not cards.editing and saved() == before
    assert not any(c.get("edited") for c in cards.findChildren(ChipStrip)[0].chips)

    profile.edit_cards.click()
    fields = cards.fields[sale.membership_id]
    QTest.keyClicks(fields.description, "Paid by the grandmother")
    fields.end.setDate(fields.end.date().addDays(14))
    _click_chip(cards, cards.strips[sale.membership_id][0], "Excused")
    profile.save_cards.click()
    description, end, used, status = saved()
    assert (description, end, used, status) == ("Paid by the grandmother", before[1] + dt.timedelta(days=14), 2,
                                                "Excused")
    assert not cards.editing and profile.edit_cards.isVisible()
    facts = [label.text() for label in cards.findChildren(QLabel, "cardFacts")]
    assert "2/6 lessons" in facts[0] and "Paid by the grandmother" in facts[0]

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    profile.edit_cards.click()
    fields = cards.fields[sale.membership_id]
    assert not fields.price.isEnabled() and "Billed on invoice" in fields.price.toolTip()  # issued: never changes
    fields.end.setDate(fields.start.date().addDays(-1))
    profile.save_cards.click()
    assert "would end before it starts" in warned[0] and cards.editing  # refused: the change waits to be corrected
    assert set(cards.edits.sales[sale.membership_id]) == {"end"} and saved()[1] == end
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert not profile.may_leave() and asked and cards.editing  # unsaved changes are not dropped without asking
    profile.cancel_cards.click()
    assert profile.may_leave()


def test_t1_a_client_of_several_programs_picks_one_to_see_its_cards(desk, qtbot):
    from PySide6.QtWidgets import QPushButton

    from app.services import catalogue, programs

    olga, rita = desk.ops("olga"), desk.ops("rita")
    today = dt.date.today()
    made = daily_lessons(desk, today)
    with desk.database.writer.begin() as s:
        chess = programs.create_program(s, olga.actor, name="Chess", base_lesson_price="10")
        chess_pack = catalogue.create_package(s, olga.actor, kind="lesson_pack", name="Chess x4", price="40",
                                              term_count=1, term_unit="month", program_id=chess, lesson_count=4)
        for package in (made.pack, chess_pack, made.pack):
            sales.sell(s, olga.actor, made.child, package, start_date=today, today=today)
    profile = ClientProfile(rita)
    qtbot.addWidget(profile)
    profile.show_client(made.child)
    profile.show()
    titles = lambda: [w.text() for w in profile.cards.findChildren(QLabel, "cardTitle")][:-1]  # noqa: E731 - last: unpaid
    choices = {b.text(): b for b in profile.cards.program_bar.findChildren(QPushButton)}
    assert list(choices) == ["All", "Speech", "Chess"] and choices["All"].isChecked()
    assert titles() == ["Speech x6", "Chess x4", "Speech x6"]
    choices["Chess"].click()
    assert titles() == ["Chess x4"] and choices["Chess"].isChecked() and not choices["All"].isChecked()
    profile.show_client(made.child)  # a refresh keeps the choice
    assert titles() == ["Chess x4"]
