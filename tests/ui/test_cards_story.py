"""Issue 5's story: 7 marks on a 6-lesson pack, a new pack, then chips dragged between the cards and undone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select

from app.models import Membership
from tests.ui.lessons import daily_lessons
from ui.clients.cards import ChipStrip
from ui.clients.profile import ClientProfile
from ui.journal.screen import JournalScreen
from ui.selling.sale import SaleDialog


def _chips(area) -> list:
    return [chip for strip in area.findChildren(ChipStrip) for chip in strip.chips]


def _drag(qtbot, area, target, monkeypatch) -> None:
    """A real press and move on the area's first chip starts its QDrag; the drag is delivered to ``target``."""
    def deliver(drag, actions=Qt.DropAction.MoveAction):
        point = target.rect().center()
        enter = QDragEnterEvent(point, actions, drag.mimeData(), Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, enter)
        if not enter.isAccepted():
            return Qt.DropAction.IgnoreAction
        drop = QDropEvent(QPointF(point), actions, drag.mimeData(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, drop)
        return drop.dropAction()

    monkeypatch.setattr(QDrag, "exec", deliver)
    strip = area.findChildren(ChipStrip)[0]
    start = strip.chip_rect(0).center()
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(strip, start + QPoint(30, 20))
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=start + QPoint(30, 20))


def test_seven_marks_new_pack_drag_refused_then_to_unpaid_and_undo(desk, qtbot, monkeypatch):
    tom, rita = desk.ops("tom"), desk.ops("rita")
    today = dt.date.today()
    first_day = today.replace(day=1)
    made = daily_lessons(desk, first_day, teacher_id=tom.actor.user_id)
    child, pack = made.child, made.pack

    def sell_from_the_first() -> None:
        """The receptionist sells the pack in the sale dialog, starting on the 1st of the month."""
        sale = SaleDialog(rita, child, package_id=pack)
        qtbot.addWidget(sale)
        sale.start.setDate(sale.start.date().addDays(1 - today.day))
        sale.save()

    sell_from_the_first()  # the first pack; the teacher marks 7 lessons in her journal
    journal = JournalScreen(tom)
    qtbot.addWidget(journal)
    journal.show()
    for column in range(7):
        journal.table.setCurrentIndex(journal.model.index(0, column))
        QTest.keyClick(journal.table, Qt.Key.Key_P)
    assert journal.model.index(0, 6).data() == "P" and journal.model.index(0, 6).data(Qt.ItemDataRole.UserRole + 1)
    sell_from_the_first()  # a new pack: the unpaid 7th lesson lands on it at once
    profile = ClientProfile(rita)
    qtbot.addWidget(profile)
    profile.show_client(child)
    profile.resize(1200, 800)
    profile.show()
    with desk.database.reader() as s:
        first_id, second_id = s.scalars(select(Membership.id).where(Membership.client_id == child)
                                        .order_by(Membership.id)).all()
    facts = [w.text() for w in profile.cards.findChildren(QLabel, "cardFacts")]
    assert "6/6 lessons" in facts[0] and "1/6 lessons" in facts[1]

    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    _drag(qtbot, profile.cards.areas[second_id], profile.cards.areas[first_id], monkeypatch)  # onto the full pack
    assert asked and "is full" in warned[0]
    _drag(qtbot, profile.cards.areas[second_id], profile.cards.unpaid, monkeypatch)
    assert len(_chips(profile.cards.unpaid)) == 1 and not _chips(profile.cards.areas[second_id])
    profile.undo_button.click()
    assert len(_chips(profile.cards.areas[second_id])) == 1 and not _chips(profile.cards.unpaid)

    # foreign data is refused with a message, nothing moves
    foreign_data = QMimeData()  # kept referenced: the event does not own it
    foreign_data.setText("<script>")
    foreign = QDropEvent(QPointF(5, 5), Qt.DropAction.MoveAction, foreign_data, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.MoveAction, foreign_data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    profile.cards.unpaid.dragEnterEvent(enter)
    assert not enter.isAccepted()  # the area does not even take foreign data
    profile.cards.unpaid.dropEvent(foreign)  # and if it came anyway: a message, nothing moved
    assert warned[-1] == "Only a visit chip can be dropped here."
    assert len(_chips(profile.cards.areas[second_id])) == 1
