"""Connection settings every SQLite connection must have, and BEGIN IMMEDIATE for writers."""

import sqlite3

import pytest
from sqlalchemy import text

from app.db import Database, make_engine, sqlite_url


@pytest.fixture
def fresh(tmp_path):
    db = Database(make_engine(sqlite_url(tmp_path / "fresh.sqlite3")))
    yield db
    db.dispose()


def test_fresh_connection_has_the_desk_pragmas(fresh):
    with fresh.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") >= 5000


def test_a_write_transaction_takes_the_write_lock_at_begin(fresh, tmp_path):
    with fresh.writer.begin() as s:
        s.execute(text("SELECT 1"))  # no write yet: BEGIN IMMEDIATE already holds the lock
        other = sqlite3.connect(tmp_path / "fresh.sqlite3", timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_readers_do_not_queue_behind_a_writer(fresh, tmp_path):
    with fresh.writer.begin() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    with fresh.writer.begin() as writer:
        writer.execute(text("INSERT INTO t VALUES (1)"))
        with fresh.reader.begin() as reader:  # BEGIN DEFERRED: reads the last committed state
            assert reader.execute(text("SELECT count(*) FROM t")).scalar() == 0


def test_foreign_keys_are_enforced(fresh):
    from sqlalchemy.exc import IntegrityError

    with fresh.writer.begin() as s:
        s.execute(text("CREATE TABLE a (id INTEGER PRIMARY KEY)"))
        s.execute(text("CREATE TABLE b (a_id INTEGER REFERENCES a(id))"))
    with pytest.raises(IntegrityError):
        with fresh.writer.begin() as s:
            s.execute(text("INSERT INTO b VALUES (42)"))
