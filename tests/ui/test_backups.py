"""D2 on screen: Back up now and Restore in the File menu (owner), failures a warning, restore reopens."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from app.backup import backup_sqlite, list_backups
from app.models import Client
from app.services import clients
from tests.conftest import PASSWORD
from tests.databases import only_on_sqlite
from ui.start.restore import RestoreDialog
from ui.start.signing import DeskSession

pytestmark = only_on_sqlite("the copies are SQLite files; PostgreSQL is backed up by pg_dump")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path))
    return tmp_path


def _window(qtbot, desk, username, folder):
    session = DeskSession(desk.database)
    window = session.open(desk.ops(username).actor)
    qtbot.addWidget(window)
    window.backups.folder = folder
    window.show()
    return session, window


def _menu_actions(window):
    return [a.objectName() for a in window.menuBar().actions()[0].menu().actions()]


def _clients(db):
    with db.reader.begin() as s:
        return s.scalar(select(func.count(Client.id)))


def test_d2_only_the_owner_has_back_up_now_and_restore(desk, qtbot, tmp_path):
    _, olga = _window(qtbot, desk, "olga", tmp_path)
    _, rita = _window(qtbot, desk, "rita", tmp_path)
    assert {"backUpNow", "restoreBackup"} <= set(_menu_actions(olga))
    assert not {"backUpNow", "restoreBackup"} & set(_menu_actions(rita))


def test_d2_back_up_now_makes_a_checked_copy_off_the_window_thread(desk, qtbot, tmp_path):
    _, olga = _window(qtbot, desk, "olga", tmp_path / "b")
    olga.backup_action.trigger()
    qtbot.waitUntil(lambda: olga.backups.job is None and bool(list_backups(tmp_path / "b", "desk")), timeout=10000)
    (copy,) = list_backups(tmp_path / "b", "desk")
    assert "manual" in copy.name
    assert olga.statusBar().currentMessage() == f"Backup saved: {copy.name}"


def test_d2_a_failed_backup_is_a_warning_and_the_desk_goes_on(desk, qtbot, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    _, olga = _window(qtbot, desk, "olga", blocker / "backups")
    olga.backup_action.trigger()
    qtbot.waitUntil(lambda: olga.backups.warning is not None and olga.backups.warning.isVisible(), timeout=10000)
    assert "No backup was made" in olga.backups.warning.text()
    olga.backups.warning.accept()
    assert olga.isVisible()
    olga.ops.run(clients.create_client, name="Still working")
    assert _clients(desk.database) == 1


def test_d2_automatic_backup_runs_when_the_last_is_a_day_old_and_not_again(desk, qtbot, tmp_path):
    _, olga = _window(qtbot, desk, "olga", tmp_path / "b")
    assert olga.backups.when_due() is not None
    qtbot.waitUntil(lambda: olga.backups.job is None, timeout=10000)
    assert len(list_backups(tmp_path / "b", "desk")) == 1
    assert olga.backups.when_due() is None


def test_d2_restore_dialog_lists_copies_with_counts(desk, qtbot, tmp_path):
    olga = desk.ops("olga")
    olga.run(clients.create_client, name="Анна Иванова")
    backup_sqlite(desk.database.engine, tmp_path, "daily")
    dialog = RestoreDialog(tmp_path, "desk")
    qtbot.addWidget(dialog)
    model, table = dialog.model, dialog.table
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in (2, 3, 4)] == ["1", "0", "daily"]
    assert not dialog.restore_button.isEnabled()
    table.selectRow(0)
    assert dialog.restore_button.isEnabled()


def _answer_question(qtbot, button):
    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)


def test_d2_restore_backs_up_first_then_reopens_and_signs_in_again(desk, qtbot, tmp_path):
    folder = tmp_path / "b"
    session, olga = _window(qtbot, desk, "olga", folder)
    olga.ops.run(clients.create_client, name="Before the backup")
    copy = backup_sqlite(desk.database.engine, folder, "daily")
    olga.ops.run(clients.create_client, name="After the backup")
    assert _clients(desk.database) == 2

    dialog = RestoreDialog(folder, "desk", olga)
    dialog.table.selectRow(0)
    _answer_question(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen.path == copy
    olga.backups.restore_copy(dialog.chosen.path)

    qtbot.waitUntil(lambda: session.login is not None and session.login.isVisible(), timeout=10000)
    assert not olga.isVisible()
    before_restore = [p for p in list_backups(folder, "desk") if "before-restore" in p.name]
    assert len(before_restore) == 1
    qtbot.keyClicks(session.login.username, "olga")
    qtbot.keyClicks(session.login.password, PASSWORD)
    qtbot.keyClick(session.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.window is not olga and session.window.isVisible())
    assert _clients(session.db) == 1
    assert not shiboken6.isValid(olga) or not olga.isVisible()
    session.window.close()
    session.db.dispose()


def test_d4_a_damaged_page_at_start_offers_restore_a_backup_and_opens_the_restored_file(home, qtbot):
    import ui.app as desk_app
    from app.db import sqlite_url
    from app.paths import backups_dir
    from app.storage import open_database
    from tests.app.test_backup import damage_a_page, make_desk

    path = make_desk(home / "centre.sqlite3")
    db = open_database(sqlite_url(path))
    backup_sqlite(db.engine, backups_dir(), "daily")
    db.dispose()
    damage_a_page(path)
    seen = []

    def drive():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.findChild(object, "restoreBackup") is not None:
            seen.append(modal.text())
            qtbot.mouseClick(modal.findChild(object, "restoreBackup"), Qt.MouseButton.LeftButton)
        elif isinstance(modal, RestoreDialog):
            seen.append(modal.model.rowCount())
            modal.table.selectRow(0)
            _answer_question(qtbot, QMessageBox.StandardButton.Yes)
            qtbot.mouseClick(modal.restore_button, Qt.MouseButton.LeftButton)
            return
        QTimer.singleShot(50, drive)

    QTimer.singleShot(50, drive)
    db = desk_app.open_with_way_out(sqlite_url(path), path, False)
    assert "damaged" in seen[0] and "Restore a backup" in seen[0] and seen[1] == 1  # found opening or by quick_check
    with db.reader.begin() as s:
        assert s.scalar(select(func.count(Client.id))) == 2
    db.dispose()
    assert [p.suffix for p in backups_dir().glob("centre-*before-restore*")] == [".damaged"]


@pytest.mark.parametrize(("language", "said"), [("en", ("damaged pages", "Restore a backup")),
                                                ("ru", ("повреждены страницы", "Восстановите резервную копию"))])
def test_d4_damaged_pages_of_a_large_file_are_found_after_the_window_is_up(home, qtbot, monkeypatch, speak,
                                                                            language, said):
    import app.storage as storage
    from app.db import sqlite_url
    from app.services.users import first_owner
    from tests.app.test_backup import damage_a_page, make_desk

    monkeypatch.setattr(storage, "CHECK_AT_OPENING_BYTES", 0)  # as a 100,000-client file
    path = make_desk(home / "centre.sqlite3")
    damage_a_page(path)
    db = storage.open_database(sqlite_url(path))
    with db.reader.begin() as s:
        owner = first_owner(s)
    assert speak(language) is None  # the warning in the user's language (L2)
    with qtbot.capture_exceptions() as raised:  # the clients list's read stops quietly (ReadFailed)
        session = DeskSession(db)
        window = session.open(owner)
        qtbot.addWidget(window)
        window.show()
        assert window.backups.check_pages() is not None
        qtbot.waitUntil(lambda: window.backups.warning is not None and window.backups.warning.isVisible(),
                        timeout=10000)
    assert {kind.__name__ for kind, _exc, _tb in raised} <= {"ReadFailed"}
    warning = window.backups.warning
    assert all(words in warning.text() for words in said)
    assert warning.findChild(object, "restoreBackup") is not None
    warning.close()
    window.close()
    db.dispose()


def test_d4_a_sound_large_file_is_checked_quietly(desk, qtbot, tmp_path, monkeypatch):
    import app.storage as storage

    monkeypatch.setattr(storage, "CHECK_AT_OPENING_BYTES", 0)
    _, olga = _window(qtbot, desk, "olga", tmp_path)
    job = olga.backups.check_pages()
    assert job is not None
    qtbot.waitUntil(lambda: job.finished, timeout=10000)
    assert olga.backups.warning is None
