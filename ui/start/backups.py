"""Backups while the desk runs (D2): on start when the last is a day old, then daily; Back up now; Restore.

The copies are made on the window's worker thread (ui/jobs): the window never
waits for them. A failed backup is a warning in the window, never an end.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app import backup
from app.db import is_sqlite
from app.errors import DatabaseProblem, DomainError
from ui.i18n import message
from app.paths import backups_dir
from app.services.access import Right
from app.services.settings import get_settings
from app.tasks import TaskState
from ui.jobs import Job
from ui.ops import Ops

CHECK_EVERY_MS = 60 * 60 * 1000  # is a backup due? asked every hour
FIRST_CHECK_MS = 3000  # after start, once the window is up


def _keep(session, _actor) -> int:
    return get_settings(session)["backups_keep"]


class Backups(QObject):
    """The backups of one window's database: automatic, Back up now, and Restore."""

    restored = Signal()  # the working file now holds a copy: the database must be reopened

    def __init__(self, ops: Ops, window: QWidget, folder: Path | None = None):
        super().__init__(window)
        self.ops, self.window = ops, window
        self.folder = folder or backups_dir()
        self._job: Job | None = None
        self.warning: QMessageBox | None = None
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.when_due)
        ops.damaged.connect(self._damaged)

    def start_schedule(self) -> None:
        """Automatic backups (the program turns them on; a window built in a test has none)."""
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self.when_due)

    @property
    def on_sqlite(self) -> bool:
        return is_sqlite(self.ops.db.engine)

    @property
    def stem(self) -> str:
        return backup.stem_of(self.ops.db.engine)

    def _work(self, reason: str):
        keep = self.ops.read(_keep)
        engine, folder = self.ops.db.engine, self.folder
        if not self.on_sqlite:
            return lambda _state: backup.backup_postgres(engine.url.render_as_string(hide_password=False),
                                                         folder, keep, reason)
        return lambda state: backup.backup_sqlite(engine, folder, reason, keep, state)

    def when_due(self) -> Job | None:
        """Back up quietly (no progress dialog) when the newest copy is a day old; also the daily full check."""
        if self.job is not None:
            return None
        if not self.on_sqlite and backup.pg_dump_tool() is None:
            return None  # the server's own backups apply (Settings › Backups says so)
        if not backup.backup_due(self.folder, self.stem, suffix=".sqlite3" if self.on_sqlite else ".dump"):
            return None
        return self._start("daily", parent=None)

    def back_up_now(self) -> Job:
        if self.job is not None:
            return self.job
        return self._start("manual", parent=self.window)

    def _start(self, reason: str, parent: QWidget | None) -> Job:
        self._job = self.ops.start(
            self.tr("Backing up the data"), self._work(reason), parent=parent,
            on_error=lambda exc: self._warn(message(exc)),
            done=lambda copy: self.tr("Backup saved: {name}").format(name=copy.name))
        return self._job

    @property
    def job(self) -> Job | None:
        """The backup under way, if any (a finished job is deleted by its runner)."""
        if self._job is not None and (not shiboken6.isValid(self._job) or self._job.finished):
            self._job = None
        return self._job

    def _warn(self, message: str) -> None:
        """The warning stays until read; the desk goes on working."""
        self.warning = QMessageBox(QMessageBox.Icon.Warning, self.tr("The backup failed"), message,
                                   QMessageBox.StandardButton.Ok, self.window)
        self.warning.setObjectName("backupWarning")
        self.warning.setInformativeText(self.tr("Your work is saved as usual. Free some space or check the "
                                                "backups folder, then use File › Back up now."))
        self.warning.open()

    def check_pages(self) -> Job | None:
        """D4 for a large file: its quick_check, which opening left for after the first paint, runs
        quietly on the worker; damaged pages are a warning that offers the Restore dialog."""
        from app.storage import check_pages, checked_at_opening

        if not self.on_sqlite or checked_at_opening(self.ops.db.engine.url.render_as_string()):
            return None
        working = backup.database_file(self.ops.db.engine)

        def work(state: TaskState) -> None:
            try:
                check_pages(working, state)
            except DatabaseProblem as problem:
                raise DomainError(problem.template, **problem.params) from problem  # in the user's language

        return self.ops.start(self.tr("Checking the database"), work, parent=None,
                              on_error=lambda exc: self._damaged(message(exc)))

    def _damaged(self, message: str) -> None:
        if self.warning is not None and self.warning.objectName() == "damagedWarning" and self.warning.isVisible():
            return  # said once is enough
        self.warning = QMessageBox(QMessageBox.Icon.Critical, self.tr("The database is damaged"), message,
                                   QMessageBox.StandardButton.Close, self.window)
        self.warning.setObjectName("damagedWarning")
        if not self.ops.actor.may(Right.MANAGE_BACKUPS):
            self.warning.setInformativeText(self.tr("Ask the owner to restore the newest sound backup."))
        else:
            self.warning.setInformativeText(self.tr("Work saved from now on may be lost with the damaged pages. "
                                                    "Restore the newest sound backup."))
            restore = self.warning.addButton(self.tr("Restore a backup…"), QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("restoreBackup")
            restore.clicked.connect(self.restore, Qt.ConnectionType.QueuedConnection)
        self.warning.open()

    def restore(self) -> None:
        """The Restore dialog; the chosen copy replaces the working file on the worker, then the desk reopens."""
        from ui.start.restore import RestoreDialog

        dialog = RestoreDialog(self.folder, self.stem, self.window)
        if not dialog.exec() or dialog.chosen is None:
            return
        self.restore_copy(dialog.chosen.path)

    def restore_copy(self, copy: Path) -> Job:
        working = backup.database_file(self.ops.db.engine)
        keep, folder = self.ops.read(_keep), self.folder

        def work(state: TaskState):
            return backup.restore_sqlite(copy, working, folder, keep, state)

        return self.ops.start(self.tr("Restoring the backup"), work, parent=self.window,
                              on_done=lambda _before: self.restored.emit(),
                              done=self.tr("Backup restored: {name}").format(name=copy.name))
