"""Start-up: the QApplication, the database (with plain-words problems), sign-in, the window.

``run()`` is the whole program. ``start()`` does everything up to a shown
main window, so tests and the start-up benchmark can drive it without
entering the event loop.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.db import Database, sqlite_url
from app.errors import DatabaseProblem, DomainError
from app.paths import (
    backups_dir,
    data_dir,
    default_database_path,
    demo_database_path,
    load_local_config,
    private_file,
)
from app.languages import SHIPPED
from app.services.access import Actor
from ui import messages
from ui.mainwindow import MainWindow
from ui.ops import ReadFailed, report_bug
from ui.start.login import LoginDialog
from ui.start.signing import DeskSession

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
USUAL_GC_THRESHOLDS = (700, 10, 10)  # Python's own; main.py starts with automatic collection off (threshold 0)
FIRST_PAINT_WAIT_MS = 10_000
log = logging.getLogger("desk")


class AfterFirstPaint(QObject):
    """Runs ``work`` (which must not touch widgets) just after ``window`` first paints."""

    def __init__(self, window: QWidget, work):
        super().__init__(window)
        self._work = work
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._work)
        return False


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="membership-desk", description="The membership desk.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help="open this SQLite file")
    where.add_argument("--url", help="open this database URL (e.g. postgresql+psycopg://host/desk)")
    where.add_argument("--demo", action="store_true", help="open the demo database (made on first use)")
    parser.add_argument("--screenshot", type=Path, help="render a view offscreen to this PNG and exit")
    parser.add_argument("--view", default="clients", help="the area to show (with --screenshot)")
    parser.add_argument("--lang", choices=SHIPPED,
                        help="speak this language this time (else the user's, or the business's, from Settings)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this build end to end in a temporary data folder and exit (0 when it passed)")
    return parser.parse_args(argv)


def setup_logging() -> None:
    handler = logging.FileHandler(data_dir() / "desk.log", encoding="utf-8")
    private_file(data_dir() / "desk.log")  # names and errors: readable only by the user (D6)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def install_excepthook() -> None:
    """A bug anywhere in a slot is logged and reported; the window stays up."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, ReadFailed):
            return  # the user has been told in plain words; the screen keeps what it showed
        if issubclass(exc_type, DomainError):  # e.g. a record another PC deleted meanwhile: not a bug
            from ui.i18n import message

            messages.warning(QApplication.activeWindow(), QObject.tr("Not done"), message(exc))
            return
        report_bug(exc.with_traceback(tb))

    sys.excepthook = hook


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Membership desk")
    app.setOrganizationName("MembershipDesk")
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def _target(args) -> tuple[str, Path | None, bool]:
    """The database to open: (url, file path or None, create it if missing)."""
    if args.url:
        return args.url, None, False
    if args.demo:
        return sqlite_url(demo_database_path()), demo_database_path(), True
    if args.db:
        return sqlite_url(args.db), args.db, False
    configured = load_local_config().get("database_url")
    if configured:
        return configured, None, False
    return sqlite_url(default_database_path()), default_database_path(), True


def open_with_way_out(url: str, path: Path | None, create: bool) -> Database | None:
    """Open the database; on a problem, say it plainly and offer a way out until solved or quit."""
    from app.storage import open_database

    while True:
        try:
            return open_database(url, create=create, backup_folder=backups_dir())
        except DatabaseProblem as problem:
            log.warning("database problem (%s): %s", problem.kind, problem.message)
            from ui.start.problem import DatabaseProblemDialog

            choice = DatabaseProblemDialog.ask(problem, path)
            if choice is None:
                return None
            action, chosen = choice
            if action in ("open", "create"):
                path, url, create = chosen, sqlite_url(chosen), action == "create"


def _signed_in(db: Database, args) -> Actor | None:
    from app.services import users

    with db.reader.begin() as session:
        has_users = users.has_users(session)
    if args.demo and not has_users:
        from app.demo import build

        with db.writer.begin() as session:
            build(session, language=args.lang or "en")  # the demo speaks the language it is made in (L2)
        has_users = True
    if args.demo or args.screenshot:
        return _first_owner(db)  # the demo (and a screenshot) needs no password
    if not has_users:
        from ui.start.first_start import FirstStartDialog

        return FirstStartDialog.ask(db)
    return LoginDialog.ask(db)


def _first_owner(db: Database) -> Actor:
    from app.services.users import first_owner

    with db.reader.begin() as session:
        return first_owner(session)


def speak(db: Database, args, actor: Actor | None = None) -> str | None:
    """Install the language of ``actor`` (before the sign-in: the business's) before any widget
    of theirs is built (L2); a plain problem when its translation could not be loaded."""
    from app import languages
    from app.services import settings
    from ui import i18n

    with db.reader.begin() as session:
        language = args.lang or settings.language_for(session, actor.user_id if actor else None)
        currency = settings.get_settings(session)["currency"]
    languages.use(languages.current(), currency)
    if actor is not None and language == languages.current():
        return None
    return i18n.install(QApplication.instance(), language)


def start(argv: list[str] | None = None) -> MainWindow | None:
    """Everything up to the shown main window; None when the user quit on the way."""
    args = parse_args(argv)
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    setup_logging()
    make_application()
    url, path, create = _target(args)
    db = open_with_way_out(url, path, create)
    if db is None:
        return None
    problem = speak(db, args)  # the sign-in and first start speak the business's language
    actor = _signed_in(db, args)
    if actor is None:
        db.dispose()
        return None
    problem = speak(db, args, actor) or problem
    desk = DeskSession(db, QApplication.instance(), automatic_backups=not args.screenshot)  # rebuilt on sign-in
    desk.ended.connect(QApplication.quit)
    window = desk.open(actor)
    if args.screenshot:
        window.resize(1280, 800)  # run() shows the view, and fails when it was not built
    AfterFirstPaint(window, lambda: after_first_paint(window))
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, collect_as_usual)  # a window never painted (minimised) still collects
    window.show()
    if problem:  # a missing or damaged translation: English, and said once
        log.warning("%s", problem)
        window.statusBar().showMessage(problem)
    return window


def after_first_paint(window: MainWindow) -> None:
    """What waits until the window is on screen, and then behind what its first screen asked for while it
    painted (the dashboard's figures, asked for once the dashboard has painted): the remaining tables, a
    large file's page check, and the PDF code loaded for the first document of the run."""

    def when_on_screen() -> None:
        settle()
        window.backups.check_pages()
        window.ops.jobs.start("PDF code", lambda _state: warm_up_documents(), parent=None,  # no progress shown
                              on_done=lambda _none: None,
                              on_failed=lambda exc: log.warning("PDF code not loaded ahead: %r", exc))

    QTimer.singleShot(0, window, when_on_screen)


def settle() -> None:
    """After the first paint: load the remaining tables, then set everything made so far aside from
    the garbage collector (gc.freeze), so a collection while a job runs is short and never holds
    the window's thread for long (L3); then collect as usual (main.py held collections during start-up)."""
    from app.models import load_all

    load_all()
    gc.collect()
    gc.freeze()
    collect_as_usual()


def collect_as_usual() -> None:
    """Automatic garbage collection with Python's thresholds again, after main.py turned it off for the
    start (a full collection over the modules being loaded cost 0.1-0.3 s before the first paint)."""
    if gc.get_threshold()[0] == 0:
        gc.set_threshold(*USUAL_GC_THRESHOLDS)


def warm_up_documents() -> None:
    """What the first PDF of a run would otherwise load (issue 11: at most 0.3 s): the mappers configured,
    reportlab with the document modules, the shipped fonts, and one small document drawn in memory.
    Run on the worker once the window is on screen; the start does not wait for it."""
    from io import BytesIO

    from reportlab.platypus import SimpleDocTemplate
    from sqlalchemy.orm import configure_mappers

    from app.pdf.text import para, styles
    from app.services import documents  # noqa: F401 - reportlab and every document module, imported once

    configure_mappers()
    SimpleDocTemplate(BytesIO()).build([para("-", styles()["body"])])


def save_screenshot(window: MainWindow, file: Path, view: str) -> int:
    """Render ``view`` to ``file``; 1 (with the reason on stderr) when the view was not built or saved."""
    from ui.self_test import ViewFailed, open_view

    try:
        open_view(window, view)
    except ViewFailed as failed:
        log.error("screenshot: %s", failed)
        print(f"Screenshot not saved: {failed}", file=sys.stderr)
        return 1
    QApplication.processEvents()
    window.grab()  # painted once: what waits for the first paint (the dashboard's figures) starts now
    QApplication.processEvents()
    ends = time.monotonic() + 30  # what the view reads off the window's thread (a report, the dashboard) is in
    while window.ops.jobs.running and time.monotonic() < ends:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()
    file.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(file)):
        print(f"Screenshot not saved: cannot write {file}", file=sys.stderr)
        return 1
    return 0


def run(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test:
        from ui.self_test import run_self_test

        collect_as_usual()  # a long run of its own, not a start
        return run_self_test()
    try:
        window = start(argv)
    except Exception as exc:  # noqa: BLE001 - never a traceback at start: log it, say it plainly
        log.exception("start-up failed")
        make_application()
        report_bug(exc)
        return 2
    if window is None:
        return 1
    if args.screenshot:
        return save_screenshot(window, args.screenshot, args.view)
    install_excepthook()
    QTimer.singleShot(0, window.raise_)
    return QApplication.instance().exec()
