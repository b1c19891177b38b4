"""One user action, one transaction (D1), and what the user is told when the server goes away meanwhile.

A PostgreSQL server restarted (or a network cut) in the middle of an action:

* before the COMMIT (during the sale, its invoice, the payment): the server rolls the transaction
  back, nothing of it is written; the user reads :data:`NOT_SAVED` and tries again.
* during the COMMIT itself: the desk cannot know from the lost reply whether the server committed.
  It noted the transaction's id before committing and asks the server on a new connection
  (``txid_status``): committed -> the action succeeded as usual; aborted -> :data:`NOT_SAVED`;
  no answer (the server still down) -> :data:`UNKNOWN`, which tells the user to look before doing it
  again.

The next action gets a live connection again: the pool drops connections the server closed
(``pool_pre_ping``, app/db.py). SQLite has no server: its actions just commit.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.connection import connection_problem
from app.db import Database, is_sqlite
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP

log = logging.getLogger("desk")

NOT_SAVED = QT_TRANSLATE_NOOP("Messages", "The connection to the database server was lost, so this was not saved: "
                              "nothing of it was written. Please try again (the desk reconnects by itself once "
                              "the server answers).")
UNKNOWN = QT_TRANSLATE_NOOP("Messages", "The connection to the database server was lost just while saving, and the "
                            "server cannot be asked yet whether it was saved. Once the server answers, look whether "
                            "it is there (the client's sales and payments, the list you changed) before doing it "
                            "again.")


class NotSaved(DomainError):
    """The server went away before the action was committed: nothing of it was written."""


class SaveUnknown(DomainError):
    """The server went away during the COMMIT and cannot be asked yet whether it committed."""


def connection_lost(exc: DBAPIError) -> bool:
    return bool(exc.connection_invalidated) or connection_problem(exc) == "not_answering"


def transaction_status(db: Database, xid: int) -> str | None:
    """What the server says became of transaction ``xid``: committed, aborted, in progress, or None."""
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT txid_status(:xid)"), {"xid": xid}).scalar_one()


def _status_after_loss(db: Database, xid: int) -> str | None:
    try:
        return transaction_status(db, xid)
    except DBAPIError:  # the server is still away: nobody can say yet
        return None


@contextmanager
def one_action(db: Database) -> Iterator[Session]:
    """The write session of one user action: committed at the end, rolled back on any failure.

    Raises:
        NotSaved: the server connection was lost and nothing was written.
        SaveUnknown: it was lost during the COMMIT and the server cannot be asked yet.
    """
    session = db.writer()
    try:
        session.begin()
        try:
            yield session
            xid = None if is_sqlite(db.engine) else _transaction_id(session)
        except DBAPIError as exc:
            if connection_lost(exc):
                raise NotSaved(NOT_SAVED) from exc
            raise
        try:
            session.commit()
        except DBAPIError as exc:
            if not connection_lost(exc):
                raise
            status = None if xid is None else _status_after_loss(db, xid)
            log.warning("the server connection was lost during COMMIT; the transaction is %s", status or "unknown")
            if status == "committed":
                return  # the reply was lost, the action was not: it is saved
            if status == "aborted" or xid is None:  # nothing was written, or the server rolled it back
                raise NotSaved(NOT_SAVED) from exc
            raise SaveUnknown(UNKNOWN) from exc
    finally:
        session.close()


TRANSACTION_ID = "transaction_id"  # session.info's key: the id noted with the other PCs' notification


def _transaction_id(session: Session) -> int | None:
    """The server's id of this transaction (None if it only read): noted by app.live.announce in the
    statement that told the other PCs, else asked now."""
    if TRANSACTION_ID in session.info:
        return session.info.pop(TRANSACTION_ID)
    return session.execute(_XID).scalar()


_XID = text("SELECT txid_current_if_assigned()")  # the id of a transaction that wrote; NULL if it only read
