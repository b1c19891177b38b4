"""The journal screen: a teacher marks with the keyboard, marks everyone present, undoes; unpaid shows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import clients, journal, programs
from ui.journal.screen import UNPAID_ROLE, JournalScreen


def test_teacher_marks_with_letters_everyone_present_and_undo(desk, qtbot, qtmodeltester):
    olga, tom = desk.ops("olga"), desk.ops("tom")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, olga.actor, program_id=swim, name="Juniors", teacher_id=tom.actor.user_id,
                                      slots=[(d, "16:00", "16:45") for d in range(7)])  # a lesson every day
        kids = [clients.create_client(s, olga.actor, name=n) for n in ("Anna", "Boris", "Clara")]
        for kid in kids:
            programs.enrol(s, olga.actor, group, kid, since=today.replace(day=1))
    screen = JournalScreen(tom)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.model.rowCount() == 3 and screen.model.columnCount() >= 28
    column = today.day - 1
    screen.table.setCurrentIndex(screen.model.index(0, column))
    screen.table.setFocus()
    QTest.keyClick(screen.table, Qt.Key.Key_A)  # "A": absent without notice
    cell = screen.model.index(0, column)
    assert cell.data() == "A" and cell.data(UNPAID_ROLE) is True  # chargeable, no pack: unpaid
    QTest.keyClick(screen.table, Qt.Key.Key_E)  # excused: no charge
    assert cell.data() == "E" and not cell.data(UNPAID_ROLE)
    screen.everyone_present(column)
    assert [screen.model.index(r, column).data() for r in range(3)] == ["E", "P", "P"]
    qtmodeltester.check(screen.model)
    QTest.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo everyone present
    assert [screen.model.index(r, column).data() for r in range(3)] == ["E", None, None]
    screen.undo_stack.undo()  # and the excuse
    assert cell.data() == "A"
    QTest.keyClick(screen.table, Qt.Key.Key_Delete)
    assert cell.data() is None
    view = tom.read(journal.month, group, today.year, today.month)
    assert view["marks"] == {}


def test_j5_the_journal_refuses_a_category_that_may_not_attend_with_a_message(desk, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.services import lists

    olga, tom = desk.ops("olga"), desk.ops("tom")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        staff = lists.save_item(s, olga.actor, "client_categories", None, {"name": "Staff", "may_attend": False})
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, olga.actor, program_id=swim, name="Juniors", teacher_id=tom.actor.user_id,
                                      slots=[(d, "16:00", "16:45") for d in range(7)])
        for name, category in (("Anna", None), ("Staff Sam", staff)):
            kid = clients.create_client(s, olga.actor, name=name, category_id=category)
            programs.enrol(s, olga.actor, group, kid, since=today.replace(day=1))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    screen = JournalScreen(tom)
    qtbot.addWidget(screen)
    screen.show()
    column = today.day - 1
    screen.table.setCurrentIndex(screen.model.index(1, column))  # Staff Sam
    QTest.keyClick(screen.table, Qt.Key.Key_P)
    assert warned == ["Clients of the category Staff are not marked in the journal."]
    assert screen.model.index(1, column).data() is None
    screen.everyone_present(column)  # everyone present leaves Sam out, without a message
    assert [screen.model.index(r, column).data() for r in range(2)] == ["P", None] and len(warned) == 1


def test_j7_makeups_are_listed_open_and_expired(desk, qtbot):
    from sqlalchemy import select

    from app.models import AttendanceStatus

    olga, tom = desk.ops("olga"), desk.ops("tom")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, olga.actor, program_id=swim, name="Juniors", teacher_id=tom.actor.user_id,
                                      slots=[(d, "16:00", "16:45") for d in range(7)])
        kid = clients.create_client(s, olga.actor, name="Anna")
        programs.enrol(s, olga.actor, group, kid, since=today - dt.timedelta(days=400))
        excused = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Excused"))
        for days_ago in (1, 200):
            journal.mark(s, tom.actor, group, kid, today - dt.timedelta(days=days_ago), excused)
    screen = JournalScreen(tom)
    qtbot.addWidget(screen)
    screen.show()
    dialog = screen.show_makeups()
    qtbot.addWidget(dialog)
    opened, expired = dialog.models["open"], dialog.models["expired"]
    assert [opened.data(opened.index(0, c)) for c in range(3)] == ["Anna", "Swimming",
                                                                   f"{today - dt.timedelta(days=1):%d.%m.%Y}"]
    assert expired.rowCount() == 1 and expired.data(expired.index(0, 2)) == f"{today - dt.timedelta(days=200):%d.%m.%Y}"
    assert dialog.tabs.tabText(1) == "Expired unused (1)"


def test_j7_a_makeup_visitor_from_another_group(desk, qtbot):
    from sqlalchemy import select

    from app.models import AttendanceStatus

    olga, tom = desk.ops("olga"), desk.ops("tom")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        mornings, evenings = (programs.create_group(s, olga.actor, program_id=swim, name=name,
                                                    teacher_id=tom.actor.user_id,
                                                    slots=[(d, starts, ends) for d in range(7)])
                              for name, starts, ends in (("Mornings", "08:00", "08:45"), ("Evenings", "18:00", "18:45")))
        kid = clients.create_client(s, olga.actor, name="Anna")
        programs.enrol(s, olga.actor, mornings, kid, since=today.replace(day=1))
    screen = JournalScreen(tom)
    qtbot.addWidget(screen)
    screen.show()
    screen.group.setCurrentIndex(screen.group.findData(evenings))
    assert screen.model.rowCount() == 0  # nobody in the evening group
    dialog = screen.add_visitor()
    qtbot.addWidget(dialog)
    assert dialog.visitor.count() == 0 and "Nobody from another group" in dialog.empty.text()
    dialog.reject()
    with desk.database.writer.begin() as s:  # Anna is excused from a morning lesson: she has a makeup
        excused = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Excused"))
        journal.mark(s, tom.actor, mornings, kid, today.replace(day=1), excused)
    dialog = screen.add_visitor()
    qtbot.addWidget(dialog)
    dialog.day.setCurrentIndex(dialog.days.index(today))
    assert dialog.visitor.itemText(0).startswith("Anna (makeup until")
    dialog.accept()
    assert screen.model.headerData(0, Qt.Orientation.Vertical) == "Anna  (makeup)"
    assert screen.model.index(0, screen.model.view["days"].index(today)).data() == "M"
    screen.undo_stack.undo()  # the visitor goes again with the undo
    assert screen.model.rowCount() == 0


def _swimming_juniors(desk, names=("Anna", "Boris")) -> int:
    """Swimming Juniors, a lesson every day, taught by Tom; ``names`` enrolled since the month began."""
    olga, tom = desk.ops("olga"), desk.ops("tom")
    since = dt.date.today().replace(day=1)
    with desk.database.writer.begin() as s:
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, olga.actor, program_id=swim, name="Juniors", teacher_id=tom.actor.user_id,
                                      slots=[(d, "16:00", "16:45") for d in range(7)])
        for name in names:
            programs.enrol(s, olga.actor, group, clients.create_client(s, olga.actor, name=name), since=since)
    return group


def _click_date(qtbot, screen: JournalScreen, column: int) -> None:
    from PySide6.QtCore import QPoint

    header = screen.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2))


def test_everyone_present_on_a_date_still_to_come_asks_first(desk, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    tom = desk.ops("tom")
    group = _swimming_juniors(desk)
    asked, answers = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or answers.pop(0))
    screen = JournalScreen(tom)
    qtbot.addWidget(screen)
    screen.resize(1100, 600)
    screen.show()
    screen.step(1)  # next month: every date is still to come
    day = screen.model.day(0)
    answers.append(QMessageBox.StandardButton.No)
    _click_date(qtbot, screen, 0)
    assert asked == [f"{day:%d.%m.%Y} has not come yet. Mark everyone not yet marked Present on it?"]
    assert [screen.model.index(r, 0).data() for r in range(2)] == [None, None]  # No: nothing written
    assert tom.read(journal.month, group, day.year, day.month)["marks"] == {}
    answers.append(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(tom.said) as said:
        _click_date(qtbot, screen, 0)
    assert len(asked) == 2 and said.args == [f"2 marked Present on {day:%d.%m}"]
    assert [screen.model.index(r, 0).data() for r in range(2)] == ["P", "P"]
    screen.step(-1)  # today's lesson asks nothing
    today = dt.date.today()
    _click_date(qtbot, screen, screen.model.view["days"].index(today))
    assert len(asked) == 2 and screen.model.index(0, screen.model.view["days"].index(today)).data() == "P"


def test_the_status_menu_picks_a_status_by_its_letter_from_the_settings(desk, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.services import lists
    from ui.journal.screen import StatusMenu

    olga, tom = desk.ops("olga"), desk.ops("tom")
    with desk.database.writer.begin() as s:  # the owner gives Excused the letter X
        excused = next(row for row in lists.list_items(s, olga.actor, "attendance_statuses") if row["name"] == "Excused")
        lists.save_item(s, olga.actor, "attendance_statuses", excused["id"],
                        {key: value for key, value in excused.items() if key != "id"} | {"letter": "X"})
    _swimming_juniors(desk, names=("Anna",))
    screen = JournalScreen(tom)
    qtbot.addWidget(screen)
    screen.resize(1100, 600)
    screen.show()
    column = dt.date.today().day - 1
    cell = screen.model.index(0, column)
    menus = []

    def in_the_menu(*keys):
        def type_keys():
            qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), StatusMenu))
            menus.append(QApplication.activePopupWidget())
            for key in keys:
                QTest.keyClick(menus[-1], key)
        QTimer.singleShot(0, type_keys)

    def click_cell():
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=screen.table.visualRect(cell).center())

    in_the_menu(Qt.Key.Key_X)
    click_cell()
    assert cell.data() == "X" and cell.data(Qt.ItemDataRole.ToolTipRole) == "Excused"
    in_the_menu(Qt.Key.Key_Q, Qt.Key.Key_Escape)  # no status has Q: the menu stays; Escape changes nothing
    click_cell()
    assert cell.data() == "X" and not menus[-1].isVisible()
    in_the_menu(Qt.Key.Key_A)  # absent without notice
    click_cell()
    assert cell.data() == "A"
    in_the_menu(Qt.Key.Key_Delete)  # Clear
    click_cell()
    assert cell.data() is None and len(menus) == 4
