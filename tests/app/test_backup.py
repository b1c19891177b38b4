"""Backups checked, kept and restored (D2); damaged files refused at start and left as they were (D4)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from app.backup import (
    BackupFailed,
    DamagedFile,
    backup_due,
    backup_sqlite,
    describe_backups,
    list_backups,
    restore_sqlite,
)
from app.db import sqlite_url
from app.errors import DatabaseProblem
from app.services import clients, setup
from app.services.access import SYSTEM
from app.storage import open_database
from tests.databases import only_on_sqlite

pytestmark = only_on_sqlite("these are about the SQLite file itself: its pages, header, copies and locks")

PASSWORD = "correct horse"


def make_desk(path: Path, names=("Анна Иванова", "Boris Brown")) -> Path:
    db = open_database(sqlite_url(path), create=True)
    with db.writer.begin() as s:
        setup.first_start(s, business_name="Sunny", currency="EUR", owner_name="Olga", username="olga",
                          password=PASSWORD, repeat_password=PASSWORD)
    for name in names:
        with db.writer.begin() as s:
            clients.create_client(s, SYSTEM, name=name)
    db.dispose()
    return path


def count_clients(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM clients").fetchone()[0]
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_a_page(path: Path) -> None:
    """Overwrite one page of the clients table (not the first page) with noise."""
    con = sqlite3.connect(path)
    page = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'clients'").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with path.open("r+b") as raw:
        raw.seek((page - 1) * size + 8)
        raw.write(os.urandom(size - 16))


@pytest.fixture
def desk(tmp_path):
    return make_desk(tmp_path / "desk.sqlite3")


# D4: what start-up refuses, and that it leaves the file as it was


@pytest.mark.parametrize("create", [False, True])
def test_d4_a_zero_length_file_is_refused_and_left_empty(tmp_path, create):
    empty = tmp_path / "desk.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(DatabaseProblem) as err:
        open_database(sqlite_url(empty), create=create)
    assert err.value.kind == "damaged" and "empty" in err.value.message
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.sqlite3"]  # no -wal, no -shm beside it


def test_d4_random_bytes_are_refused_and_left_byte_identical(tmp_path):
    noise = tmp_path / "desk.sqlite3"
    noise.write_bytes(os.urandom(64 * 1024))
    before = digest(noise)
    with pytest.raises(DatabaseProblem) as err:
        open_database(sqlite_url(noise), create=True)
    assert err.value.kind == "damaged"
    assert digest(noise) == before


def test_d4_a_page_overwritten_is_found_by_the_quick_check_at_start(desk):
    damage_a_page(desk)
    before = digest(desk)
    with pytest.raises(DatabaseProblem) as err:
        open_database(sqlite_url(desk))
    assert err.value.kind == "damaged"
    assert "Restore a backup" in err.value.message
    assert digest(desk) == before


def test_d4_a_large_file_opens_at_once_and_its_pages_are_checked_after(desk, monkeypatch):
    import app.storage as storage

    monkeypatch.setattr(storage, "CHECK_AT_OPENING_BYTES", 0)  # as a 100,000-client file
    storage.check_pages(desk)  # a sound file: no complaint
    damage_a_page(desk)
    before = digest(desk)
    db = open_database(sqlite_url(desk))  # the window comes up at once...
    db.dispose()
    with pytest.raises(DatabaseProblem) as err:  # ...and the check on the worker finds the damage
        storage.check_pages(desk)
    assert err.value.kind == "damaged" and "Restore a backup" in err.value.message
    assert digest(desk) == before


def test_d4_a_locked_file_is_reported_as_locked(desk):
    holder = sqlite3.connect(desk, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem) as err:
            open_database(sqlite_url(desk), busy_timeout_ms=50)
        assert err.value.kind == "locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_d4_a_read_only_file_is_reported_and_not_changed(desk):
    before = digest(desk)
    with pytest.raises(DatabaseProblem) as err:
        open_database(f"sqlite:///file:{desk}?mode=ro&uri=true")
    assert err.value.kind == "read_only"
    assert digest(desk) == before


def test_d4_a_newer_revision_is_refused_and_not_changed(desk):
    con = sqlite3.connect(desk)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = digest(desk)
    with pytest.raises(DatabaseProblem) as err:
        open_database(sqlite_url(desk))
    assert err.value.kind == "newer"
    assert digest(desk) == before


def test_d4_a_sound_file_opens_after_its_quick_check(desk):
    db = open_database(sqlite_url(desk))
    with db.reader.begin() as s:
        assert s.execute(text("SELECT count(*) FROM clients")).scalar() == 2
    db.dispose()


# D2: backups made, checked, kept; restores that refuse bad copies


def test_d2_a_backup_is_a_checked_copy_and_only_the_newest_are_kept(desk, tmp_path):
    db = open_database(sqlite_url(desk))
    folder = tmp_path / "backups"
    try:
        for _ in range(4):
            copy = backup_sqlite(db.engine, folder, "daily", keep=3)
    finally:
        db.dispose()
    assert len(list_backups(folder, "desk")) == 3
    assert copy in list_backups(folder, "desk")
    assert count_clients(copy) == 2
    assert not list(folder.glob("*.partial"))


def test_d2_the_listing_gives_date_size_and_counts(desk, tmp_path):
    db = open_database(sqlite_url(desk))
    try:
        backup_sqlite(db.engine, tmp_path / "b", "manual")
    finally:
        db.dispose()
    (listed,) = describe_backups(tmp_path / "b", "desk")
    assert (listed.clients, listed.sales) == (2, 0)
    assert listed.size == listed.path.stat().st_size > 0
    assert abs(listed.taken - dt.datetime.now()) < dt.timedelta(minutes=1)


def test_d2_a_backup_is_due_when_the_last_is_a_day_old(desk, tmp_path):
    folder = tmp_path / "b"
    assert backup_due(folder, "desk")
    db = open_database(sqlite_url(desk))
    try:
        copy = backup_sqlite(db.engine, folder, "daily")
    finally:
        db.dispose()
    assert not backup_due(folder, "desk")
    day_old = (dt.datetime.now() - dt.timedelta(days=1, minutes=1)).timestamp()
    os.utime(copy, (day_old, day_old))
    assert backup_due(folder, "desk")


def test_d2_a_folder_that_cannot_be_written_is_a_plain_failure(desk, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backups folder should be")
    db = open_database(sqlite_url(desk))
    try:
        with pytest.raises(BackupFailed, match="cannot be written"):
            backup_sqlite(db.engine, blocker / "backups", "daily")
    finally:
        db.dispose()
    assert count_clients(desk) == 2


def test_d2_a_full_disk_is_a_plain_failure_and_leaves_no_partial_copy(desk, tmp_path):
    """RLIMIT_FSIZE makes every write past 4 KB fail as on a full disk (in a child, not to limit pytest)."""
    import subprocess
    import sys

    folder = tmp_path / "b"
    folder.mkdir()
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "from app.db import make_engine, sqlite_url\n"
        "from app.backup import BackupFailed, backup_sqlite\n"
        f"engine = make_engine(sqlite_url(Path({str(desk)!r})))\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        f"    backup_sqlite(engine, Path({str(folder)!r}), 'daily')\n"
        "except BackupFailed as exc:\n"
        "    print(exc.message)\n"
        "    sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert done.returncode == 3, done.stderr
    assert "No backup was made" in done.stdout
    assert list(folder.iterdir()) == []
    assert count_clients(desk) == 2


def test_d2_a_damaged_working_file_gives_no_backup_but_says_so(desk, tmp_path):
    db = open_database(sqlite_url(desk))
    db.dispose()
    damage_a_page(desk)
    from app.db import make_engine

    engine = make_engine(sqlite_url(desk))
    try:
        with pytest.raises(BackupFailed, match="damaged"):
            backup_sqlite(engine, tmp_path / "b", "daily")
    finally:
        engine.dispose()
    assert list_backups(tmp_path / "b", "desk") == []


def test_d2_restore_backs_up_the_current_file_then_puts_the_copy_back(desk, tmp_path):
    folder = tmp_path / "b"
    db = open_database(sqlite_url(desk))
    try:
        copy = backup_sqlite(db.engine, folder, "daily")
        with db.writer.begin() as s:
            clients.create_client(s, SYSTEM, name="Made after the backup")
    finally:
        db.dispose()
    assert count_clients(desk) == 3
    before = restore_sqlite(copy, desk, folder)
    assert count_clients(desk) == 2
    assert count_clients(before) == 3
    db = open_database(sqlite_url(desk))
    db.dispose()


@pytest.mark.parametrize("spoil", ["empty", "noise", "page", "foreign"])
def test_d2_a_damaged_copy_is_refused_and_the_data_untouched(desk, tmp_path, spoil):
    folder = tmp_path / "b"
    db = open_database(sqlite_url(desk))
    try:
        copy = backup_sqlite(db.engine, folder, "daily")
    finally:
        db.dispose()
    if spoil == "empty":
        copy.write_bytes(b"")
    elif spoil == "noise":
        copy.write_bytes(os.urandom(8192))
    elif spoil == "page":
        damage_a_page(copy)
    else:
        copy.unlink()
        con = sqlite3.connect(copy)
        con.execute("CREATE TABLE recipes (id INTEGER)")
        con.commit()
        con.close()
    before = digest(desk)
    with pytest.raises(DamagedFile, match="nothing was restored"):
        restore_sqlite(copy, desk, folder)
    assert digest(desk) == before
    assert list_backups(folder, "desk") == [copy]  # not even the before-restore copy was made


def test_d2_restore_over_a_damaged_working_file_keeps_its_bytes_aside(desk, tmp_path):
    folder = tmp_path / "b"
    db = open_database(sqlite_url(desk))
    try:
        copy = backup_sqlite(db.engine, folder, "daily")
    finally:
        db.dispose()
    damage_a_page(desk)
    damaged = digest(desk)
    aside = restore_sqlite(copy, desk, folder)
    assert aside.suffix == ".damaged" and digest(aside) == damaged
    assert count_clients(desk) == 2
    open_database(sqlite_url(desk)).dispose()  # passes the start-up checks again


def test_d2_writes_during_a_backup_neither_stop_it_nor_enter_the_copy(desk, tmp_path, monkeypatch):
    """Each step of the copy sees one snapshot; without it, every write restarted the copy (forever, on a busy desk)."""
    import app.backup as backup
    from app.tasks import TaskState

    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)
    writer = sqlite3.connect(desk, isolation_level=None)
    steps = []

    def write_meanwhile(done, total):
        steps.append(done)
        writer.execute("UPDATE clients SET notes = notes || 'x'")

    db = open_database(sqlite_url(desk))
    try:
        copy = backup_sqlite(db.engine, tmp_path / "b", "daily", state=TaskState(write_meanwhile))
    finally:
        db.dispose()
        writer.close()
    assert len(steps) > 10
    con = sqlite3.connect(copy)
    assert con.execute("SELECT max(length(notes)) FROM clients").fetchone()[0] == 0
    con.close()
