"""Who works at this PC now: sign out and switch user without quitting the program (D6).

A main window is built for one user (their areas, their :class:`~ui.ops.Ops`).
When someone else signs in, a new window is built in its place and the old one
closes with everything it showed; the database stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.db import Database
from app.errors import DatabaseProblem
from app.services import users
from app.services.access import Actor
from ui import messages
from ui.i18n import message
from ui.mainwindow import MainWindow
from ui.ops import Ops
from ui.start.login import LoginDialog


class DeskSession(QObject):
    """The signed-in user's window, and the sign-in that replaces it."""

    ended = Signal()  # signed out, and nobody signed in again: the program ends

    def __init__(self, db: Database, parent: QObject | None = None, *, automatic_backups: bool = False):
        super().__init__(parent)
        self.db = db
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self.automatic_backups = automatic_backups
        self._retired: Database | None = None  # the database a restore replaced, closed with its window

    def open(self, actor: Actor) -> MainWindow:
        """Build the window of ``actor``; an earlier window gives it its place on screen and closes."""
        window = MainWindow(Ops(self.db, actor))
        window.switch_user_requested.connect(self.switch_user)
        window.sign_out_requested.connect(self.sign_out)
        window.backups.restored.connect(self.reopen)
        if self.automatic_backups:
            window.backups.start_schedule()
        old, self.window = self.window, window
        if old is not None:
            window.setGeometry(old.geometry())
            if old.isMaximized():
                window.showMaximized()
            else:
                window.show()
            window.activateWindow()
            old.close()
            old.deleteLater()
        if self._retired is not None:
            self._retired.dispose()
            self._retired = None
        return window

    def reopen(self) -> None:
        """After a restore: the database opens again (migrations run on an older copy) and whoever
        is at the desk signs in to it, as after signing out (the copy's users may differ)."""
        from app.paths import backups_dir
        from app.storage import open_database

        try:
            db = open_database(self.db.url, backup_folder=backups_dir())
        except DatabaseProblem as problem:
            messages.critical(self.window, self.tr("The database cannot be opened"), message(problem))
            self._end()
            return
        self._retired, self.db = self.db, db
        QApplication.setQuitOnLastWindowClosed(False)
        self.window.hide()
        self._ask_sign_in(None, signed_out=True)

    def switch_user(self) -> None:
        """Ctrl+L: sign-in over the window; Cancel keeps the user who is signed in."""
        self._ask_sign_in(self.window, signed_out=False)

    def sign_out(self) -> None:
        """The window goes away at once (the next person sees nothing of it); the sign-in waits.
        Cancel there ends the program."""
        self.window.ops.run(users.sign_out, parent=self.window)
        QApplication.setQuitOnLastWindowClosed(False)  # no window for a moment: the program stays
        self.window.hide()
        self._ask_sign_in(None, signed_out=True)

    def _ask_sign_in(self, parent, *, signed_out: bool) -> None:
        self.login = LoginDialog.for_database(self.db, parent)
        self.login.accepted.connect(lambda dialog=self.login: self._signed_in(dialog.actor, signed_out))
        if signed_out:
            self.login.rejected.connect(self._end)
        self.login.open()

    def _signed_in(self, actor: Actor, signed_out: bool) -> None:
        if not signed_out:
            self.window.ops.run(users.sign_out, parent=self.window)  # the previous user's session ends
        window = self.open(actor)
        if signed_out:
            QApplication.setQuitOnLastWindowClosed(True)
        window.ops.say(self.tr("Signed in: {name}").format(name=actor.display_name))

    def _end(self) -> None:
        QApplication.setQuitOnLastWindowClosed(True)
        self.window.close()
        self.ended.emit()
