"""Copies of the database, checked, kept and restored (D2).

SQLite: SQLite's online backup API copies the file page by page; the copy is
consistent even while the desk (or another PC) writes, and is checked with
``PRAGMA integrity_check`` before it counts as a backup. Since the copy holds
the working file's pages as they are, a copy that fails the check means the
working file is damaged: the daily backup is also the daily full check (D4).
PostgreSQL: ``pg_dump`` into the same folder when the tool is on the PATH;
otherwise the server's own backups apply.

A failed backup raises :class:`BackupFailed` (a plain message); nothing half
written is left in the folder.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label
from app.paths import private_file
from app.tasks import TaskState

DAY = dt.timedelta(days=1)
PAGES_PER_STEP = 1024  # 4 MB at a time, for the progress bar and Cancel


class BackupFailed(DomainError):
    """The copy could not be made or did not pass its check; the working data is untouched."""


class DamagedFile(DomainError):
    """A file fails SQLite's integrity check."""


@dataclass(frozen=True)
class BackupCopy:
    """One copy in the backups folder, as the Restore dialog lists it."""

    path: Path
    taken: dt.datetime
    size: int
    clients: int | None  # None: the copy cannot be read
    sales: int | None  # memberships, lesson packs and credits sold
    reason: str = ""  # daily, manual, before-upgrade, before-restore


def database_file(engine: Engine) -> Path | None:
    """The SQLite file behind ``engine``; None for PostgreSQL or an in-memory database."""
    if not engine.dialect.name.startswith("sqlite"):
        return None
    name = engine.url.database or ""
    if not name or name == ":memory:" or "mode=memory" in str(engine.url):
        return None
    return Path(name.removeprefix("file:"))


def stem_of(engine: Engine) -> str:
    file = database_file(engine)
    if file is not None:
        return file.stem
    return make_url(str(engine.url)).database or "desk"


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds in the file; [] when it is sound."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    found = [row[0] for row in rows]
    return [] if found == ["ok"] else found


def _copy_pages(source: sqlite3.Connection, target: sqlite3.Connection, state: TaskState | None) -> None:
    def progress(_status, remaining, total):
        if state is not None:
            state.progress(total - remaining, total)

    source.backup(target, pages=PAGES_PER_STEP, progress=progress)


def _write_checked_copy(source: sqlite3.Connection, target: Path, state: TaskState | None) -> None:
    """Copy ``source`` to ``target`` through a temporary file that is renamed once whole and checked."""
    partial = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            _copy_pages(source, dest, state)
        finally:
            dest.close()
        private_file(partial)  # a copy of everyone's data: readable only by the user (D6)
        problems = integrity_problems(partial)
        if problems:
            raise DamagedFile("The database has damaged pages ({problems}). Restore a backup made before the damage.",
                              problems="; ".join(problems[:3]))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def backup_sqlite(engine: Engine, folder: Path, reason: str, keep: int = 30, state: TaskState | None = None) -> Path:
    """Copy the database behind ``engine`` into ``folder`` (checked); keep the newest ``keep`` copies.

    Raises:
        BackupFailed: the folder cannot be written (full, read-only, missing) or the copy is damaged.
    """
    stem = stem_of(engine)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(folder) / f"{stem}-{stamp}-{reason}.sqlite3"
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        file = database_file(engine)
        if file is not None:  # its own connection: safe on any thread, never waits on the window's pool
            source = sqlite3.connect(file, timeout=10, isolation_level=None)
            try:  # a read transaction held through the steps: one snapshot, while the desk goes on writing
                source.execute("BEGIN")
                source.execute("SELECT count(*) FROM sqlite_master").fetchall()
                _write_checked_copy(source, target, state)
            finally:
                source.close()
        else:
            raw = engine.raw_connection()
            try:
                _write_checked_copy(raw.driver_connection, target, state)
            finally:
                raw.close()
    except DamagedFile as exc:
        raise BackupFailed("No backup was made: {reason}", reason=exc) from exc
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed("No backup was made in {folder}: {reason}", folder=str(folder),
                           reason=_plain_os_error(exc)) from exc
    prune_backups(folder, stem, keep)
    return target


def _plain_os_error(exc: Exception) -> str:
    """Why a file could not be written, in plain words (a catalogue text, translated with its message);
    the system's own words when it is something else."""
    text = str(exc).lower()
    if "full" in text or "no space" in text or "file too large" in text:
        return Label(QT_TRANSLATE_NOOP("Messages", "the disk is full."))
    if isinstance(exc, (PermissionError, NotADirectoryError, FileNotFoundError)) or "read-only" in text \
            or "readonly" in text or "unable to open" in text:
        return Label(QT_TRANSLATE_NOOP("Messages", "the folder cannot be written to."))
    return str(exc)


def backup_postgres(url: str, folder: Path, keep: int = 30, reason: str = "daily") -> Path:
    """``pg_dump`` of the database at ``url`` into ``folder`` (custom format, for ``pg_restore``); the
    newest ``keep`` dumps are kept, as SQLite's copies are.

    The dump is written beside its name and renamed once pg_dump has finished: a failed or cut
    dump never counts as a backup. The password goes to pg_dump in its environment, not on its
    command line (where every user of the PC could read it).

    Raises:
        BackupFailed: pg_dump is missing or failed (server gone, wrong password), or the folder cannot be written.
    """
    tool = pg_dump_tool()
    if tool is None:
        raise BackupFailed("pg_dump is not installed on this PC: the database server's own backups apply.")
    parsed = make_url(url)
    stem = parsed.database or "desk"
    target = Path(folder) / f"{stem}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}-{reason}.dump"
    partial = target.with_name(target.name + ".partial")
    plain_url = parsed.set(drivername="postgresql")._replace(password=None).render_as_string(hide_password=False)
    env = {**os.environ, **({"PGPASSWORD": parsed.password} if parsed.password else {})}
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        done = subprocess.run([tool, "--format=custom", f"--file={partial}", plain_url],
                              capture_output=True, text=True, timeout=3600, env=env)
        if done.returncode != 0:
            said = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
            raise BackupFailed("No backup was made: pg_dump could not back up the database ({said}).", said=said)
        private_file(partial)  # a copy of everyone's data: readable only by the user (D6)
        os.replace(partial, target)
    except subprocess.TimeoutExpired as exc:
        raise BackupFailed("No backup was made: pg_dump did not finish within an hour.") from exc
    except OSError as exc:
        raise BackupFailed("No backup was made in {folder}: {reason}", folder=str(folder),
                           reason=_plain_os_error(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    prune_backups(folder, stem, keep, ".dump")
    return target


def pg_dump_tool() -> str | None:
    return shutil.which("pg_dump")


def list_backups(folder: Path, stem: str, suffix: str = ".sqlite3") -> list[Path]:
    """Backups of the database named ``stem``, newest first (``.dump``: PostgreSQL's)."""
    return sorted(Path(folder).glob(f"{stem}-*{suffix}"), reverse=True)


def prune_backups(folder: Path, stem: str, keep: int, suffix: str = ".sqlite3") -> None:
    """Remove the oldest copies beyond the newest ``keep`` ("Backup copies to keep")."""
    for old in list_backups(folder, stem, suffix)[keep:]:
        old.unlink(missing_ok=True)


def last_backup_time(folder: Path, stem: str, suffix: str = ".sqlite3") -> dt.datetime | None:
    copies = list_backups(folder, stem, suffix)
    return dt.datetime.fromtimestamp(copies[0].stat().st_mtime) if copies else None


def backup_due(folder: Path, stem: str, now: dt.datetime | None = None, suffix: str = ".sqlite3") -> bool:
    """True when the newest copy is older than a day (or there is none)."""
    last = last_backup_time(folder, stem, suffix)
    return last is None or (now or dt.datetime.now()) - last >= DAY


def describe(path: Path) -> BackupCopy:
    """Date, size and the counts of clients and sales in one copy (read-only; the copy is not changed)."""
    stat = path.stat()
    clients = sales = None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            clients = con.execute("SELECT count(*) FROM clients").fetchone()[0]
            sales = con.execute("SELECT count(*) FROM memberships").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        pass
    stamped = re.search(r"-\d{8}-\d{6}-\d{6}-(.+)$", path.stem)
    reason = stamped.group(1) if stamped else ""
    return BackupCopy(path, dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size, clients, sales, reason)


def describe_backups(folder: Path, stem: str) -> list[BackupCopy]:
    return [describe(path) for path in list_backups(folder, stem)]


def check_restorable(copy: Path) -> None:
    """Refuse a copy that is damaged or not a membership desk database."""
    if not copy.is_file() or copy.stat().st_size == 0:
        raise DamagedFile("The backup {name} is empty or missing: nothing was restored.", name=copy.name)
    problems = integrity_problems(copy)
    if problems:
        raise DamagedFile("The backup {name} is damaged: nothing was restored.", name=copy.name)
    con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()
    if not {"alembic_version", "clients", "memberships"} <= tables:
        raise DamagedFile("{name} is not a membership desk backup: nothing was restored.", name=copy.name)


def _sound(file: Path) -> bool:
    """The working file is a readable SQLite database whose pages pass the quick check."""
    try:
        with file.open("rb") as raw:
            if raw.read(16) != b"SQLite format 3\x00":
                return False
    except OSError:
        return False
    return integrity_problems(file, quick=True) == []


def _set_aside(working: Path, folder: Path, keep: int) -> Path:
    """Keep the working file before a restore: a checked backup, or (damaged) a byte copy named ``.damaged``."""
    if _sound(working):
        from sqlalchemy import create_engine

        engine = create_engine(f"sqlite:///{working}")
        try:
            return backup_sqlite(engine, folder, "before-restore", keep=keep + 1)
        finally:
            engine.dispose()
    aside = Path(folder) / f"{working.stem}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}-before-restore.damaged"
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy2(working, aside)
    except OSError as exc:
        aside.unlink(missing_ok=True)
        raise BackupFailed("Nothing was restored: the current file could not be kept in {folder}: {reason}",
                           folder=str(folder), reason=_plain_os_error(exc)) from exc
    return aside


def _replace_file(copy: Path, working: Path) -> None:
    """Put a byte copy of ``copy`` in place of a damaged ``working`` file (renamed in once whole)."""
    partial = working.with_name(working.name + ".restoring")
    try:
        shutil.copyfile(copy, partial)
        with partial.open("rb+") as raw:
            os.fsync(raw.fileno())
        for side in ("-wal", "-shm"):  # the damaged file's journal must not be replayed onto the copy
            working.with_name(working.name + side).unlink(missing_ok=True)
        os.replace(partial, working)
    finally:
        partial.unlink(missing_ok=True)


def restore_sqlite(copy: Path, working: Path, folder: Path, keep: int = 30, state: TaskState | None = None) -> Path:
    """Put ``copy`` in place of the working file; the working file is kept first.

    A sound working file gets the copy's pages through the online backup API, so a
    connection elsewhere sees either the old data or the restored data, never a mix;
    a damaged one is set aside byte for byte and replaced. The caller reopens the
    database afterwards (the copy's schema may be older: migrations run).

    Returns what was kept of the working file.

    Raises:
        DamagedFile: the copy is damaged or not a desk database (the working file is untouched).
        BackupFailed: the working file could not be kept first (nothing was restored).
    """
    check_restorable(copy)
    before = _set_aside(working, folder, keep)
    if before.suffix == ".damaged":
        _replace_file(copy, working)
        return before
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    target = sqlite3.connect(working, timeout=10)
    try:
        _copy_pages(source, target, state)
    finally:
        target.close()
        source.close()
    return before
