"""Hearing of other PCs' changes (SPEC L1), without Qt: the window polls these from a timer.

PostgreSQL: every write transaction sends ``NOTIFY desk_changes`` with what it changed and which
program sent it (inside the transaction, so it is heard exactly when it commits); each program
LISTENs on a connection of its own and ignores its own messages. A dropped connection is
opened again, and since messages sent meanwhile are lost, the first poll after it says
"everything changed". SQLite (several programs on one PC): ``PRAGMA data_version`` on a
connection of our own changes whenever another connection committed; that says only *that*
something changed, so it is :data:`~app.changes.EVERYTHING`.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.changes import EVERYTHING, Changes
from app.commit import TRANSACTION_ID

CHANNEL = "desk_changes"
MAX_PAYLOAD = 7900  # PostgreSQL refuses a notification payload of 8,000 bytes or more
RECONNECT_AFTER_S = 2.0

log = logging.getLogger("desk")


def new_program_id() -> str:
    """Who sends: each program (each signed-in window) tells its own notifications from the others'."""
    return uuid.uuid4().hex


def announce(session: Session, changes: Changes, sender: str) -> None:
    """Tell the other PCs what this transaction changed (PostgreSQL; SQLite needs nothing)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    payload = json.dumps({"from": sender, "changes": changes.to_json()})
    if len(payload.encode()) > MAX_PAYLOAD:
        payload = json.dumps({"from": sender, "changes": EVERYTHING.to_json()})
    # the same round trip notes the transaction's id, which app.commit asks for just before COMMIT
    _sent, session.info[TRANSACTION_ID] = session.execute(
        select(func.pg_notify(CHANNEL, payload), func.txid_current_if_assigned())).one()


def heard(payload: str, me: str) -> Changes | None:
    """The changes a notification carries; None when it is ``me``'s own."""
    try:
        message = json.loads(payload)
        if message.get("from") == me:
            return None
        return Changes.from_json(message["changes"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return EVERYTHING


class SqliteVersion:
    """Notices commits by any other connection to the file (other programs, and this one's writers)."""

    def __init__(self, path: str):
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._seen = self._version()

    def _version(self) -> int:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def poll(self) -> list[Changes]:
        try:
            version = self._version()
        except sqlite3.Error:
            return []  # locked or busy for a moment: ask again at the next poll
        if version == self._seen:
            return []
        self._seen = version
        return [EVERYTHING]

    def close(self) -> None:
        self._connection.close()


class PostgresListener:
    """LISTENs on a connection of its own; reconnects after a drop and then reports everything."""

    def __init__(self, engine: Engine, me: str):
        self._engine, self._me = engine, me
        self._connection = None
        self._retry_at = 0.0
        self._lost = False
        self._connect()

    def _connect(self) -> None:
        import psycopg

        url = self._engine.url.set(drivername="postgresql")
        try:
            self._connection = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                                               connect_timeout=3)
            self._connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            log.warning("live updates: cannot listen (%s); trying again", exc)
            self._connection = None
            self._retry_at = time.monotonic() + RECONNECT_AFTER_S
            self._lost = True

    def poll(self) -> list[Changes]:
        import psycopg

        if self._connection is None:
            if time.monotonic() < self._retry_at:
                return []
            self._connect()
            if self._connection is None:
                return []
        try:
            found = [heard(payload, self._me) for payload in self._pending()]
        except psycopg.Error as exc:
            log.warning("live updates: connection lost (%s)", exc)
            self.close()
            self._retry_at = time.monotonic() + RECONNECT_AFTER_S
            self._lost = True
            return []
        if self._lost:  # what was sent while we were away is lost: refresh everything once
            self._lost = False
            found.append(EVERYTHING)
        return [c for c in found if c is not None]

    def _pending(self) -> list[str]:
        """The notifications that have arrived, read from the socket without waiting (libpq's own calls)."""
        import psycopg

        pgconn = self._connection.pgconn
        pgconn.consume_input()
        if pgconn.status != psycopg.pq.ConnStatus.OK:
            raise psycopg.OperationalError("the connection to the server is lost")
        payloads = []
        while (note := pgconn.notifies()) is not None:
            payloads.append(note.extra.decode())
        return payloads

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None


def listener(engine: Engine, me: str):
    """The right listener for the database behind ``engine``; ``me``'s own changes are not reported."""
    if engine.dialect.name == "postgresql":
        return PostgresListener(engine, me)
    return SqliteVersion(engine.url.database)
