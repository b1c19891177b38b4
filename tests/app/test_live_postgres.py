"""L1 on PostgreSQL: another program's commit is heard through LISTEN/NOTIFY, ours is not, and a
dropped listening connection reconnects and then reports that everything may have changed."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from app.changes import EVERYTHING, Changes
from app.live import PostgresListener, announce
from tests.databases import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="LISTEN/NOTIFY is PostgreSQL's; SQLite polls data_version "
                                                        "(tests/ui/test_live.py covers both)")


def _wait_for(listener, tries: int = 50):
    for _ in range(tries):
        heard = listener.poll()
        if heard:
            return heard
        time.sleep(0.05)
    return []


def test_l1_a_notification_carries_the_changes_and_a_drop_reconnects(database):
    listener = PostgresListener(database.engine, "this desk")
    try:
        with database.writer.begin() as session:  # as another PC sends it
            announce(session, Changes(frozenset({"visits"}), frozenset({5}), frozenset(), False), "another desk")
        assert _wait_for(listener) == [Changes(frozenset({"visits"}), frozenset({5}), frozenset(), False)]
        with database.writer.begin() as session:  # our own: not heard
            announce(session, Changes(frozenset({"visits"})), "this desk")
        assert _wait_for(listener, tries=10) == []
        backend = listener._connection.info.backend_pid
        with database.writer.begin() as session:  # the server drops the listening connection
            session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        heard = []
        deadline = time.monotonic() + 20  # the backend ends a moment after it is told to
        while EVERYTHING not in heard and time.monotonic() < deadline:
            listener._retry_at = 0
            heard = listener.poll() or heard
            time.sleep(0.05)
        assert EVERYTHING in heard  # what was sent meanwhile is lost: everything is read again
    finally:
        listener.close()
