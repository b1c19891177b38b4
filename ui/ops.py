"""Runs one service call per user action, in one transaction, and says what changed.

A :class:`~app.errors.DomainError` becomes a plain message (next to a field
when the caller gives ``on_error``); a known storage error (locked, disk full)
becomes a plain message too; anything else is a bug: logged with its
traceback and reported, and the window stays up. Nothing half-done is saved:
the transaction rolls back on any failure.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm.exc import StaleDataError

from app.changes import EVERYTHING, ChangeRecorder, Changes
from app.commit import one_action
from app.connection import ConnectionCheck, connection_problem
from app.db import Database
from app.errors import DomainError
from ui.i18n import message
from app.live import announce, new_program_id
from app.services.access import Actor
from app.services.versions import SAVED_AT_ONCE, ChangedMeanwhile
from app.tasks import Cancelled, TaskState
from ui import messages
from ui.jobs import Job, JobRunner

log = logging.getLogger("desk")


class _Failed:
    def __bool__(self):
        return False

    def __repr__(self):
        return "FAILED"


FAILED = _Failed()
"""Returned by :meth:`Ops.run` when the action did not happen."""


@dataclass(frozen=True)
class OpChange:
    """Broadcast after a successful action (or a change seen from another PC): which service ran,
    what it returned, what it changed, and which widget asked for it (None: another PC)."""

    service: str
    result: Any
    changes: Changes = EVERYTHING
    initiator: object = None

    @property
    def remote(self) -> bool:
        return self.service == REMOTE


REMOTE = "another PC"


class ReadFailed(Exception):
    """A read was refused or the database could not be read; the user has been told (not a bug)."""


UNREACHABLE = ("could not connect", "connection refused", "server closed the connection", "connection timed out",
               "terminating connection", "no route to host", "consuming input failed", "the connection is lost")


def _said(exc: DatabaseError) -> str:
    return str(exc.orig).lower() if exc.orig else str(exc).lower()


def damaged_pages(exc: DatabaseError) -> bool:
    """A read or write met damaged pages (D4): the window offers "Restore a backup"."""
    text = _said(exc)
    return "malformed" in text or "not a database" in text


def storage_message(exc: DatabaseError) -> str | None:
    """A plain message, in the window's language, for storage trouble the user can act on, else None (a bug)."""
    text = _said(exc)
    refused = connection_problem(exc)  # the server answered but refused: its reason, plainly
    if refused in ("wrong_password", "database_missing", "host_not_found"):
        return QCoreApplication.translate("Storage", "{reason} Nothing was saved or read.").format(
            reason=message(ConnectionCheck(refused)))
    if damaged_pages(exc):
        return QCoreApplication.translate("Storage", "The database file has damaged pages, so this was not read "
                                                     "or saved. Restore a backup (File › Restore a backup…).")
    if any(words in text for words in UNREACHABLE):
        return QCoreApplication.translate("Storage", "The database server cannot be reached, so nothing was saved "
                                                     "or read. Check the network and that the server runs; the "
                                                     "desk catches up by itself once it is back.")
    if "locked" in text or "busy" in text:
        return QCoreApplication.translate("Storage", "Another computer is saving right now. Please try again in "
                                                     "a moment.")
    if "disk" in text and ("full" in text or "i/o" in text):
        return QCoreApplication.translate("Storage", "The disk is full or failing, so nothing was saved. Free some "
                                                     "space and try again.")
    if "readonly" in text:
        return QCoreApplication.translate("Storage", "The database is read-only, so nothing was saved.")
    return None


def report_bug(exc: BaseException, parent: QWidget | None = None) -> None:
    log.error("bug", exc_info=(type(exc), exc, exc.__traceback__))
    from app.paths import data_dir

    QMessageBox.critical(
        parent,
        QObject.tr("Something went wrong"),
        QObject.tr(
            "This is a bug in the program. Nothing of this action was saved.\n"
            "The details are in {log} for the support team."
        ).format(log=data_dir() / "desk.log"),
    )


class Ops(QObject):
    """The single door from the window to the services for the signed-in user."""

    changed = Signal(object)  # OpChange
    damaged = Signal(str)  # a read or write met damaged pages (D4): the window offers "Restore a backup"
    said = Signal(str)  # a short "done" message for the status bar (SPEC: feedback after every action)

    def __init__(self, db: Database, actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.jobs = JobRunner(self)
        self.program = new_program_id()  # tells this window's notifications from other PCs' (L1)

    def run(
        self,
        service: Callable,
        *args,
        parent: QWidget | None = None,
        on_error: Callable[[DomainError], None] | None = None,
        done: str | Callable[[Any], str] | None = None,
        **kwargs,
    ):
        """Run ``service(session, actor, *args, **kwargs)`` as one transaction.

        ``done`` is what the status bar says once it is saved: a text, or a function of the
        service's result giving the text (e.g. the invoice number it issued).
        """
        try:
            result, changes = self.transaction(service, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - sorted by explain(): the user's, storage's, or a bug
            self.explain(exc, parent, on_error)
            return FAILED
        self._saved(service, result, done, changes, parent)
        return result

    def call(self, service: Callable, *args, write: bool = True, **kwargs):
        """``service(session, actor, ...)`` in one transaction of its own; raises what it raises.

        Safe from any thread (each call has its own session): jobs use it on the worker.
        """
        if not write:
            with self.db.reader.begin() as session:
                return service(session, self.actor, *args, **kwargs)
        return self.transaction(service, *args, **kwargs)[0]

    def transaction(self, service: Callable, *args, **kwargs) -> tuple[Any, Changes]:
        """One write transaction: the service's result and what it changed (announced to the other
        PCs inside the same transaction, so they hear of it exactly when it commits)."""
        try:
            with one_action(self.db) as session:  # a server gone meanwhile: NotSaved / SaveUnknown, plainly (D1)
                recorder = ChangeRecorder(session)
                result = service(session, self.actor, *args, **kwargs)
                session.flush()
                changes = recorder.changes()
                if changes:
                    announce(session, changes, self.program)
        except StaleDataError as exc:  # another PC's save of the same row committed while this one waited
            raise ChangedMeanwhile(SAVED_AT_ONCE) from exc
        return result, changes

    def start(self, title: str, work: Callable[[TaskState], Any], *, parent: QWidget | None = None,
              on_done: Callable[[Any], None] | None = None, on_error: Callable[[DomainError], None] | None = None,
              done: str | Callable[[Any], str] | None = None, changes: str | None = None) -> Job:
        """Run slow ``work(state)`` on the worker thread with a progress bar and Cancel (SPEC L3).

        ``work`` opens its own transactions (:meth:`call`) and does files, printing or email
        after they commit. ``on_done(result)`` runs on the window's thread; failures follow the
        same policy as :meth:`run`; ``changes`` names the service whose change is broadcast.
        """

        def finished(result):
            if changes is not None:
                result, what = result  # a write job's work returns (result, Changes): see background()
                self._saved(changes, result, done, what, parent)
            elif done is not None:
                self.say(done(result) if callable(done) else done)
            if on_done is not None:
                on_done(result)

        return self.jobs.start(title, work, parent=parent, on_done=finished,
                               on_failed=lambda exc: self.explain(exc, parent, on_error))

    def background(self, title: str, service: Callable, *args, write: bool = False, parent: QWidget | None = None,
                   on_done: Callable[[Any], None] | None = None, on_error: Callable[[DomainError], None] | None = None,
                   done: str | Callable[[Any], str] | None = None, **kwargs) -> Job:
        """:meth:`start` for one slow service that takes ``state=``, in one transaction of its own."""
        if write:
            work = lambda state: self.transaction(service, *args, state=state, **kwargs)  # noqa: E731
        else:
            work = lambda state: self.call(service, *args, write=False, state=state, **kwargs)  # noqa: E731
        return self.start(title, work, parent=parent, on_done=on_done, on_error=on_error, done=done,
                          changes=getattr(service, "__name__", str(service)) if write else None)

    def explain(self, exc: BaseException, parent: QWidget | None,
                on_error: Callable[[DomainError], None] | None = None) -> None:
        """The error policy: the user's mistake, storage trouble, Cancel, or a bug."""
        if isinstance(exc, Cancelled):
            self.say(message(exc))
        elif isinstance(exc, DomainError):
            if on_error is not None:
                on_error(exc)
            else:
                messages.warning(parent, self.tr("Not done"), message(exc))
        elif isinstance(exc, DatabaseError) and damaged_pages(exc):
            self.damaged.emit(storage_message(exc))
        elif isinstance(exc, DatabaseError) and storage_message(exc) is not None:
            QMessageBox.warning(parent, self.tr("Not saved"), storage_message(exc))
        else:
            report_bug(exc, parent)

    def _saved(self, service, result, done, changes: Changes, initiator) -> None:
        name = service if isinstance(service, str) else getattr(service, "__name__", str(service))
        self.changed.emit(OpChange(name, result, changes, initiator))
        if done is not None:
            self.say(done(result) if callable(done) else done)

    def say(self, message: str) -> None:
        """Tell the user in the status bar that something was done (also for work outside the database)."""
        self.said.emit(message)

    def read(self, query: Callable, *args, **kwargs):
        """Run a read-only ``query(session, actor, ...)``; it never waits for a writer.

        A refusal (DomainError) is the caller's to show next to its field (a live quote); one
        left unhandled is a plain message too (the window's excepthook). Storage trouble (locked,
        server gone) is a plain message here, then :class:`ReadFailed` stops the screen's work quietly.
        """
        try:
            with self.db.reader.begin() as session:
                return query(session, self.actor, *args, **kwargs)
        except DatabaseError as exc:
            message = storage_message(exc)
            if message is None:
                raise
            log.warning("read refused: %s", message)
            if damaged_pages(exc):
                self.damaged.emit(message)  # the window offers the restore, once, without stopping the screen
            else:
                messages.warning(None, self.tr("Not shown"), message)
            raise ReadFailed(message) from None
