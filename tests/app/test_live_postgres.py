"""L1 on PostgreSQL: another program's commit is heard through LISTEN/NOTIFY, ours is not, and a
dropped listening connection reconnects and then reports that everything may have changed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.changes import EVERYTHING, Changes
from app.live import PostgresListener, announce
from tests.databases import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="LISTEN/NOTIFY is PostgreSQL's; SQLite polls data_version "
                                                        "(tests/ui/test_live.py covers both)")


def _wait_for(listener, tries: int = 50):
    import time

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
        with database.writer.begin() as session:  # the server drops the listening connection
            session.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"))
        listener._retry_at = 0
        heard = []
        for _ in range(100):
            heard = listener.poll() or heard
            listener._retry_at = 0
            if EVERYTHING in heard:
                break
        assert EVERYTHING in heard  # what was sent meanwhile is lost: everything is read again
    finally:
        listener.close()
