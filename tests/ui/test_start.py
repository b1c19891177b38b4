"""Start-up as the user meets it: first start, sign-in, the shell, and bad databases."""


import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLineEdit

from ui import app as desk
from ui.mainwindow import MainWindow
from ui.start.first_start import FirstStartDialog
from ui.start.login import LoginDialog
from ui.start.problem import DatabaseProblemDialog

from tests.ui.typing import type_text


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path))
    return tmp_path


def _fill(dialog, qtbot, values):
    for name, value in values.items():
        edit = dialog.findChild(QLineEdit, name)
        edit.clear()
        type_text(edit, value)


def test_first_start_then_the_main_window(home, qtbot, monkeypatch):
    seen = {}

    def drive(cls, db):
        dialog = cls(db)
        qtbot.addWidget(dialog)
        _fill(dialog, qtbot, {"business_name": "", "owner_name": "Olga", "username": "olga",
                              "password": "secret-pass", "repeat_password": "secret-pass"})
        dialog.create()  # empty business name: refused next to the field, nothing written
        seen["error"] = dialog.errors.text("business_name")
        _fill(dialog, qtbot, {"business_name": "Анна's Gym"})
        dialog.create()
        return dialog.actor

    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(drive))
    window = desk.start([])
    qtbot.addWidget(window)
    assert seen["error"] == "Business name is required."
    assert window.isVisible()
    assert "Olga" in window.user_label.text()
    assert str(home) in window.data_label.text()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Clients", "Packages", "Memberships", "Journal", "Credits", "Agenda", "Reports", "Settings"]
    assert window.screen("clients").count.text().startswith("No clients yet")
    window.ops.db.dispose()


def test_second_start_asks_to_sign_in_and_a_wrong_password_can_be_retried(home, qtbot, monkeypatch):
    from app.db import sqlite_url
    from app.paths import default_database_path
    from app.services import setup
    from app.storage import open_database

    db = open_database(sqlite_url(default_database_path()), create=True)
    with db.writer.begin() as s:
        setup.first_start(s, business_name="Gym", currency="EUR", owner_name="Olga", username="olga",
                          password="secret-pass", repeat_password="secret-pass")
    db.dispose()
    seen = {}

    def drive(cls, db):
        dialog = cls(db, "Gym")
        qtbot.addWidget(dialog)
        _fill(dialog, qtbot, {"username": "olga", "password": "nope"})
        dialog.sign_in()
        seen["error"] = dialog.errors.text("password")
        _fill(dialog, qtbot, {"password": "secret-pass"})
        dialog.sign_in()
        seen["wait"] = dialog.errors.text("password")  # the next try waits a second: refused, not slept on
        qtbot.waitUntil(lambda: dialog.sign_in() or dialog.actor is not None, timeout=5000)
        return dialog.actor

    monkeypatch.setattr(LoginDialog, "ask", classmethod(drive))
    window = desk.start([])
    qtbot.addWidget(window)
    assert seen["error"] == "Wrong user name or password."
    assert seen["wait"] == "Too many wrong passwords: try again in 1 s."
    assert window.ops.actor.username == "olga"
    window.ops.db.dispose()


def test_d4_a_damaged_file_is_explained_and_quitting_writes_nothing(home, qtbot, monkeypatch):
    bad = home / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 200)
    problems = []
    monkeypatch.setattr(DatabaseProblemDialog, "ask", classmethod(lambda cls, p, path: problems.append(p)))
    assert desk.start(["--db", str(bad)]) is None
    assert problems[0].kind == "damaged" and "damaged" in problems[0].message
    assert bad.read_bytes() == b"garbage" * 200


def test_d4_a_missing_file_offers_to_create_it(home, qtbot, monkeypatch):
    wanted = home / "new" / "centre.sqlite3"
    answers = iter([("create", wanted)])
    monkeypatch.setattr(DatabaseProblemDialog, "ask", classmethod(lambda cls, p, path: next(answers)))
    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda cls, db: None))  # then the user cancels
    assert desk.start(["--db", str(wanted)]) is None
    assert wanted.exists()


def test_demo_opens_populated_and_signed_in(home, qtbot):
    window = desk.start(["--demo"])
    qtbot.addWidget(window)
    assert window.ops.actor.role.value == "owner"
    from sqlalchemy import func, select

    from app.models import Client, Visit

    with window.ops.db.reader.begin() as s:
        assert s.scalar(select(func.count(Client.id))) == 300
        assert s.scalar(select(func.count(Visit.id))) > 5000
    window.ops.db.dispose()


def test_screenshot_renders_a_view_to_png(home, tmp_path):
    shot = tmp_path / "shot.png"
    assert desk.run(["--demo", "--screenshot", str(shot), "--view", "journal"]) == 0
    assert shot.stat().st_size > 10_000


def test_the_rest_of_the_models_load_after_the_first_paint_not_before(home, qtbot, monkeypatch):
    import app.models as models

    from app.paths import demo_database_path

    made = desk.start(["--demo"])  # a fresh folder: the migrations load every model, as they must
    made.ops.db.dispose()
    made.close()
    assert demo_database_path().exists()
    painted = []

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow):
                painted.append(watched)
            return False

    watch = PaintWatch()
    QApplication.instance().installEventFilter(watch)
    loaded_after_paint = []
    monkeypatch.setattr(models, "load_all", lambda: loaded_after_paint.append(bool(painted)))
    try:
        window = desk.start(["--demo"])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: bool(loaded_after_paint))
        assert loaded_after_paint == [True]
    finally:
        QApplication.instance().removeEventFilter(watch)
    window.ops.db.dispose()


class PaintWatch(QObject):
    """Notes each main window's paints."""

    def __init__(self):
        super().__init__()
        self.painted: list[MainWindow] = []

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow):
            self.painted.append(watched)
        return False


def _made_demo() -> None:
    """The demo database made (and migrated) by a first start, so the next start only opens it."""
    made = desk.start(["--demo"])
    made.ops.db.dispose()
    made.close()


def test_the_owners_dashboard_is_asked_of_the_worker_after_the_first_paint_and_before_the_rest(home, qtbot,
                                                                                                 monkeypatch):
    import threading

    from ui.jobs import JobRunner

    _made_demo()
    watch = PaintWatch()
    QApplication.instance().installEventFilter(watch)
    submitted, warmed = [], []
    start_job = JobRunner.start

    def noted(runner, title, work, **kwargs):
        submitted.append((title, bool(watch.painted)))
        return start_job(runner, title, work, **kwargs)

    monkeypatch.setattr(JobRunner, "start", noted)
    monkeypatch.setattr(desk, "warm_up_documents", lambda: warmed.append(threading.current_thread().name))
    try:
        window = desk.start(["--demo"])
        qtbot.addWidget(window)
        assert submitted == [] and window.ops.jobs.running == []  # shown, not yet painted: the worker waits
        dashboard = window.screen("reports").dashboard
        assert dashboard.note.isVisibleTo(window) and dashboard.note.text() == "Making the dashboard…"
        qtbot.waitUntil(lambda: dashboard.dashboard is not None and bool(warmed))
        assert not dashboard.note.isVisibleTo(window)  # the figures in its place
    finally:
        QApplication.instance().removeEventFilter(watch)
    titles = [title for title, _ in submitted]  # (the daily backup may come in too, 3 s after the start)
    assert all(painted for _, painted in submitted) and dashboard.tiles  # nothing on the worker before the paint
    assert titles.index("Making the dashboard") < titles.index("PDF code")  # the figures first, then the rest
    assert warmed[0].startswith("desk-job")  # the PDF code loads on the worker, not the window's thread
    window.ops.db.dispose()


def test_garbage_collection_held_by_main_is_back_once_the_window_has_painted(home, qtbot):
    import gc

    _made_demo()
    before = gc.get_threshold()
    gc.set_threshold(0)  # as main.py starts
    try:
        window = desk.start(["--demo"])
        qtbot.addWidget(window)
        assert gc.get_threshold()[0] == 0  # built without collections
        qtbot.waitUntil(lambda: gc.get_threshold() == desk.USUAL_GC_THRESHOLDS)
    finally:
        gc.set_threshold(*before)
    window.ops.db.dispose()


FIRST_PAINT_MODULES = """
import gc, json, sys
gc.set_threshold(0)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from ui import app as desk

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(json.dumps(sorted(sys.modules)), flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

window = desk.start(["--demo"])
watch = FirstPaint()
window.installEventFilter(watch)
QApplication.instance().exec()
"""


def test_the_owners_first_paint_loads_no_pdf_spreadsheet_migration_or_report_code(home):
    """Start budget: what the dashboard's first paint does not need is loaded after it, or when used."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    _made_demo()
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEMBERSHIP_DESK_HOME=str(home))
    shown = subprocess.run([sys.executable, "-c", FIRST_PAINT_MODULES], cwd=root, env=env, capture_output=True,
                           text=True, timeout=300)
    loaded = set(json.loads(shown.stdout.splitlines()[0]))
    assert "ui.reports.dashboard" in loaded  # the owner's first page was painted
    later = ("reportlab", "openpyxl", "alembic", "babel", "app.pdf", "app.services.documents", "app.reports.dashboard",
             "app.reports.at_risk", "app.reports.money", "app.models.clients", "app.models.billing", "ui.reports.view",
             "ui.reports.takings")
    assert sorted(m for m in loaded if m in later or m.startswith(tuple(f"{name}." for name in later))) == []


def test_screenshot_of_a_view_that_cannot_be_built_exits_non_zero(home, tmp_path, monkeypatch, capsys):
    import ui.areas

    broken = tuple(area if area.key != "journal" else
                   ui.areas.Area(area.key, area.title, area.right, area.about, screen="ui.no_journal.screen:X")
                   for area in ui.areas.AREAS)
    monkeypatch.setattr(ui.areas, "AREAS", broken)
    shot = tmp_path / "shot.png"
    assert desk.run(["--demo", "--screenshot", str(shot), "--view", "journal"]) == 1
    assert "Screenshot not saved: The journal area could not be built: ModuleNotFoundError: " \
           "No module named 'ui.no_journal'" in capsys.readouterr().err
    assert desk.run(["--demo", "--screenshot", str(shot), "--view", "no-such-view"]) == 1
    assert "Screenshot not saved: No view called 'no-such-view' for this user." in capsys.readouterr().err
    assert not shot.exists()
    assert desk.run(["--demo", "--screenshot", str(shot), "--view", "clients"]) == 0 and shot.exists()
