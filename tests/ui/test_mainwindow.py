"""The shell: each role sees its areas; pending areas say so; the ops runner never crashes."""

from PySide6.QtWidgets import QMessageBox

from app.errors import DomainError
from ui.mainwindow import MainWindow
from ui.ops import FAILED


def test_a_teacher_sees_only_the_journal(ops_for, qtbot):
    window = MainWindow(ops_for("tom"))
    qtbot.addWidget(window)
    assert [a.key for a in window.areas] == ["journal"]
    assert not window.show_area("settings")


def test_a_receptionist_has_no_settings(ops_for, qtbot):
    window = MainWindow(ops_for("rita"))
    qtbot.addWidget(window)
    assert "settings" not in [a.key for a in window.areas]
    assert "clients" in [a.key for a in window.areas]


def test_every_area_has_its_screen(ops_for, qtbot):
    window = MainWindow(ops_for("olga"))
    qtbot.addWidget(window)
    for area in window.areas:
        assert window.screen(area.key).objectName() == f"area_{area.key}"


def test_ops_turns_a_rule_into_a_message_and_a_bug_into_a_report(ops_for, qtbot, monkeypatch):
    ops = ops_for("olga")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(("critical", a[2])))

    def refused(session, actor):
        raise DomainError("No, because of a rule.")

    def broken(session, actor):
        raise ZeroDivisionError

    assert ops.run(refused) is FAILED
    assert ops.run(broken) is FAILED
    assert shown[0] == ("warning", "No, because of a rule.")
    assert shown[1][0] == "critical" and "bug" in shown[1][1]


def test_ops_rolls_back_a_failed_action_and_broadcasts_a_good_one(ops_for, qtbot, monkeypatch):
    from sqlalchemy import func, select

    from app.models import CashDrawer

    ops = ops_for("olga")
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: None)

    def half_done(session, actor):
        session.add(CashDrawer(name="Half"))
        session.flush()
        raise RuntimeError("killed in the middle")

    def add_drawer(session, actor):
        drawer = CashDrawer(name="Second till")
        session.add(drawer)
        session.flush()
        return drawer.id

    ops.run(half_done)
    with qtbot.waitSignal(ops.changed) as signal:
        new_id = ops.run(add_drawer)
    assert signal.args[0].result == new_id
    with ops.db.writer.begin() as s:
        names = s.scalars(select(CashDrawer.name)).all()
        assert "Half" not in names and "Second till" in names
        s.delete(s.get(CashDrawer, new_id))
        assert s.scalar(select(func.count(CashDrawer.id))) >= 1



def test_the_first_area_is_open_when_the_window_shows(ops_for, qtbot):
    window = MainWindow(ops_for("rita"))
    qtbot.addWidget(window)
    assert window.stack.currentWidget().objectName() == "area_clients"


def test_a_client_view_opens_her_profile_for_the_screenshots(desk, qtbot):
    from app.services import clients

    ops = desk.ops("olga")
    with desk.database.writer.begin() as s:
        code = clients.get_client(s, ops.actor, clients.create_client(s, ops.actor, name="Oscar Smith"))["code"]
    window = MainWindow(ops)
    qtbot.addWidget(window)
    assert window.show_area(f"client:{code}")
    assert window.screen("clients").pages.currentWidget().title.text() == "Oscar Smith"
    assert not window.show_area("client:NOPE") and not MainWindow(desk.ops("tom")).show_area(f"client:{code}")


def test_d8_the_signed_in_name_and_the_business_name_show_as_typed(desk, qtbot):
    from PySide6.QtCore import Qt

    from app.models import Role
    from app.services import settings, users
    from ui.start.login import LoginDialog

    with desk.database.writer.begin() as s:
        users.add_user(s, "markup", "<b>Bold</b> <img src=x>", Role.RECEPTIONIST, "long enough secret")
        settings.update_settings(s, desk.ops("olga").actor, {"business_name": "<i>Gym</i>"})
    window = MainWindow(desk.ops("markup"))
    qtbot.addWidget(window)
    assert window.user_label.text() == "Signed in: <b>Bold</b> <img src=x> (Receptionist)"
    assert window.user_label.textFormat() == Qt.TextFormat.PlainText
    login = LoginDialog.for_database(desk.database)
    qtbot.addWidget(login)
    title = login.findChild(type(window.user_label), "dialogTitle")
    assert title.text() == "<i>Gym</i>" and title.textFormat() == Qt.TextFormat.PlainText
