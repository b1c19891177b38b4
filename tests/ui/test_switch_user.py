"""D6 on screen: sign out and switch user without quitting; everyone changes their own password."""

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import AuditEvent, User
from app.services import users
from tests.conftest import PASSWORD
from ui.start.password import PasswordDialog
from ui.start.signing import DeskSession


@pytest.fixture
def sessions():
    """Desk sessions of a test; the window each shows last is closed after it (the session deletes the others)."""
    made = []
    yield made
    for session in made:
        if session.window is not None and shiboken6.isValid(session.window):
            session.window.close()
            session.window.deleteLater()


def _open_as(qtbot, desk, sessions, username):
    session = DeskSession(desk.database)
    sessions.append(session)
    window = session.open(desk.ops(username).actor)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return session, window


def _sign_in(qtbot, session, username, password):
    qtbot.waitUntil(lambda: session.login is not None and session.login.isVisible())
    login = session.login
    qtbot.keyClicks(login.username, username)
    qtbot.keyClicks(login.password, password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    return login


def _areas(window):
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def _audit(desk, action):
    with desk.database.reader.begin() as s:
        return s.execute(select(User.username).join(AuditEvent, AuditEvent.user_id == User.id)
                         .where(AuditEvent.action == action).order_by(AuditEvent.id)).scalars().all()


def test_d6_ctrl_l_switches_to_the_receptionist_without_quitting(desk, qtbot, sessions):
    session, olga = _open_as(qtbot, desk, sessions, "olga")
    assert olga.user_label.text() == "Signed in: Olga Owner (Owner)" and "Settings" in _areas(olga)

    gone = []
    olga.destroyed.connect(lambda: gone.append("olga's window"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    login = _sign_in(qtbot, session, "rita", "wrong password")
    qtbot.waitUntil(lambda: login.errors.text("password") == "Wrong user name or password.")
    assert session.window is olga and olga.isVisible()  # still Olga's desk
    login.password.clear()
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.errors.text("password") == "Too many wrong passwords: try again in 1 s."  # refused, not slept on
    assert session.window is olga

    def enter_again():  # Enter again until the second has passed
        if session.window is olga:
            qtbot.keyClick(login.password, Qt.Key.Key_Return)
        return session.window is not olga

    qtbot.waitUntil(enter_again, timeout=5000)
    rita = session.window
    qtbot.waitUntil(lambda: gone == ["olga's window"])  # closed, with everything it showed
    assert rita.isVisible()
    assert rita.user_label.text() == "Signed in: Rita Reception (Receptionist)"
    assert "Settings" not in _areas(rita) and "Clients" in _areas(rita)
    assert rita.statusBar().currentMessage() == "Signed in: Rita Reception"
    assert _audit(desk, "sign_out") == ["olga"] and _audit(desk, "sign_in")[-1] == "rita"

    qtbot.waitUntil(lambda: QApplication.activeWindow() is rita)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Cancel: Rita stays
    qtbot.waitUntil(lambda: session.login.isVisible())
    qtbot.keyClick(session.login, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not session.login.isVisible())
    assert session.window is rita and rita.isVisible() and _audit(desk, "sign_out") == ["olga"]


def test_d6_sign_out_hides_the_desk_until_the_next_user_signs_in_and_cancel_ends_the_program(desk, qtbot, sessions):
    session, olga = _open_as(qtbot, desk, sessions, "olga")
    gone = []
    olga.destroyed.connect(lambda: gone.append("olga's window"))
    olga.sign_out_action.trigger()  # File › Sign out
    assert not olga.isVisible()  # nobody sees the last user's screens
    assert QApplication.quitOnLastWindowClosed() is False
    _sign_in(qtbot, session, "tom", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not olga)
    tom = session.window
    qtbot.waitUntil(lambda: gone == ["olga's window"])
    assert tom.isVisible() and _areas(tom) == ["Journal"]
    assert tom.user_label.text() == "Signed in: Tom Teacher (Teacher)"
    assert QApplication.quitOnLastWindowClosed() is True
    assert _audit(desk, "sign_out") == ["olga"]

    tom.sign_out_action.trigger()
    qtbot.waitUntil(lambda: session.login.isVisible())
    with qtbot.waitSignal(session.ended):
        qtbot.keyClick(session.login, Qt.Key.Key_Escape)
    assert not tom.isVisible() and _audit(desk, "sign_out") == ["olga", "tom"]


def test_d6_every_user_changes_their_own_password_from_the_file_menu(desk, qtbot, sessions, monkeypatch):
    session, rita = _open_as(qtbot, desk, sessions, "rita")
    seen = {}

    def change(dialog):
        qtbot.keyClicks(dialog.old, "not my password")
        qtbot.keyClicks(dialog.new, "rita's new secret")
        qtbot.keyClicks(dialog.repeat, "rita's new secret")
        dialog.save()
        seen["wrong old"] = dialog.errors.text("old")
        assert dialog.old.text() == "" and dialog.new.text() == "rita's new secret"  # only the wrong one is cleared
        qtbot.keyClicks(dialog.old, PASSWORD)
        dialog.new.clear()
        dialog.repeat.clear()
        qtbot.keyClicks(dialog.new, "short")
        qtbot.keyClicks(dialog.repeat, "short")
        dialog.save()
        seen["weak"] = dialog.errors.text("new")
        qtbot.keyClicks(dialog.new, "rita's new secret")
        qtbot.keyClicks(dialog.repeat, "rita's new secret")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PasswordDialog, "exec", change)
    rita.password_action.trigger()  # File › Change password…
    assert seen == {"wrong old": "The current password is wrong.",
                    "weak": "The password needs at least 8 characters."}
    assert rita.statusBar().currentMessage() == "Your password is changed"
    with desk.database.writer.begin() as s:
        assert users.sign_in(s, "rita", "rita's new secret").username == "rita"
    assert _audit(desk, "change_password") == ["rita"]
