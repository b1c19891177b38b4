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

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import OperationalError

from app.db import Database
from app.errors import DomainError
from app.services.access import Actor

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
    """Broadcast after a successful action: which service ran and what it returned (ids)."""

    service: str
    result: Any


def storage_message(exc: OperationalError) -> str | None:
    """A plain message for storage trouble the user can act on, else None (a bug)."""
    text = str(exc.orig).lower() if exc.orig else str(exc).lower()
    if "locked" in text or "busy" in text:
        return "Another computer is saving right now. Please try again in a moment."
    if "disk" in text and ("full" in text or "i/o" in text):
        return "The disk is full or failing, so nothing was saved. Free some space and try again."
    if "readonly" in text:
        return "The database is read-only, so nothing was saved."
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
    said = Signal(str)  # a short "done" message for the status bar (SPEC: feedback after every action)

    def __init__(self, db: Database, actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor

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
            with self.db.writer.begin() as session:
                result = service(session, self.actor, *args, **kwargs)
        except DomainError as err:
            if on_error is not None:
                on_error(err)
            else:
                QMessageBox.warning(parent, self.tr("Not done"), err.message)
            return FAILED
        except OperationalError as exc:
            message = storage_message(exc)
            if message is None:
                report_bug(exc, parent)
            else:
                QMessageBox.warning(parent, self.tr("Not saved"), self.tr(message))
            return FAILED
        except Exception as exc:  # noqa: BLE001 - a bug: report it, keep the window up
            report_bug(exc, parent)
            return FAILED
        self.changed.emit(OpChange(getattr(service, "__name__", str(service)), result))
        if done is not None:
            self.say(done(result) if callable(done) else done)
        return result

    def say(self, message: str) -> None:
        """Tell the user in the status bar that something was done (also for work outside the database)."""
        self.said.emit(message)

    def read(self, query: Callable, *args, **kwargs):
        """Run a read-only ``query(session, actor, ...)``; it never waits for a writer."""
        with self.db.reader.begin() as session:
            return query(session, self.actor, *args, **kwargs)
