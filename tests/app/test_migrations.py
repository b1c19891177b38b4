"""Migrations and models agree; old, damaged, locked and newer databases are handled (D3, D4)."""

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.backup import backup_sqlite, list_backups
from app.db import Base, sqlite_url
from app.errors import DatabaseProblem
from app.migrations import HEAD, include_name
from app.storage import MIGRATIONS, open_database
from tests.databases import only_on_sqlite


def test_d3_head_constant_names_the_newest_migration():
    assert ScriptDirectory(str(MIGRATIONS)).get_current_head() == HEAD


def test_d3_migrations_produce_exactly_the_models_schema(database):
    with database.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
        assert compare_metadata(ctx, Base.metadata) == []


def test_d3_a_database_made_by_the_baseline_opens(tmp_path):
    url = sqlite_url(tmp_path / "old.sqlite3")
    open_database(url, create=True).dispose()
    db = open_database(url)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    db.dispose()


def test_d4_a_missing_file_is_reported_not_created(tmp_path):
    with pytest.raises(DatabaseProblem) as err:
        open_database(sqlite_url(tmp_path / "nope.sqlite3"))
    assert err.value.kind == "missing"
    assert not (tmp_path / "nope.sqlite3").exists()


def test_d4_a_damaged_file_is_reported_in_plain_words(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseProblem) as err:
        open_database(sqlite_url(bad))
    assert err.value.kind == "damaged"
    assert "damaged" in err.value.message
    assert bad.read_bytes() == b"this is not a database" * 100


def test_d4_a_foreign_sqlite_file_is_not_taken_over(tmp_path):
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem, match="not a membership desk database"):
        open_database(sqlite_url(other))


def test_d4_a_newer_version_database_is_refused(tmp_path):
    url = sqlite_url(tmp_path / "newer.sqlite3")
    open_database(url, create=True).dispose()
    con = sqlite3.connect(tmp_path / "newer.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as err:
        open_database(url)
    assert err.value.kind == "newer"
    assert "newer version" in err.value.message


def test_d4_a_locked_database_is_reported(tmp_path):
    path = tmp_path / "locked.sqlite3"
    open_database(sqlite_url(path), create=True).dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem) as err:
            open_database(sqlite_url(path), busy_timeout_ms=50)
        assert err.value.kind == "locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_d4_a_read_only_database_is_reported(tmp_path):
    path = tmp_path / "ro.sqlite3"
    open_database(sqlite_url(path), create=True).dispose()
    with pytest.raises(DatabaseProblem) as err:
        open_database(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert err.value.kind == "read_only"


@only_on_sqlite("SQLite's online backup API; a PostgreSQL server is backed up with pg_dump")
def test_d2_online_backup_copies_the_data_and_keeps_n(database, tmp_path):
    for _ in range(4):
        copy = backup_sqlite(database.engine, tmp_path, "daily", keep=3)
    assert len(list_backups(tmp_path, "desk")) == 3
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM users").fetchone()[0] == 3
    con.close()


def test_d3_an_older_database_is_backed_up_then_upgraded_and_keeps_its_data(tmp_path):
    from alembic import command

    from app.db import make_engine
    from app.storage import alembic_config

    path = tmp_path / "v1.sqlite3"
    engine = make_engine(sqlite_url(path))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001_baseline")
        conn.execute(text("INSERT INTO clients (code, name, search_key, phone, phone_key, email, guardian_name, "
                          "guardian_phone, notes, photo, archived, created_at) VALUES ('AB12CD', 'Анна', 'анна', "
                          "'', '', '', '', '', '', '', 0, '2026-01-01 00:00:00')"))
    engine.dispose()
    backups = tmp_path / "backups"
    backups.mkdir()
    db = open_database(sqlite_url(path), backup_folder=backups)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        assert conn.execute(text("SELECT rowid FROM clients_fts WHERE clients_fts MATCH '\"анн\"'")).scalar() == 1
    db.dispose()
    (copy,) = list_backups(backups, "v1")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_baseline",)
    con.close()
