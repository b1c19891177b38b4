"""Opening the database: checks, plain-words problems, backup, then migrations (D3, D4).

Start-up must stay fast on a large database, so Alembic is imported only
when the schema is not at ``HEAD``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from app.backup import backup_sqlite
from app.connection import MESSAGES, connection_problem
from app.db import Database, is_sqlite, make_engine
from app.errors import DatabaseProblem
from app.messages import QT_TRANSLATE_NOOP
from app.migrations import HEAD
from app.paths import private_file
from app.shares import network_share
from app.tasks import TaskState

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Bring the schema to HEAD in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def _check_file(url: str, create: bool) -> Path | None:
    """Refuse a file that cannot be the desk's database as it is; its path when it is to be made."""
    path = make_url(url).database
    if not path or path == ":memory:" or "mode=memory" in url:
        return
    path = path.removeprefix("file:")  # a URI filename (?uri=true)
    file = Path(path)
    share = network_share(file)
    if share is not None:  # D7: SQLite's file locks do not hold over a network
        raise DatabaseProblem(
            "network_share",
            f"The database file {file} is on a network share ({share}). Two PCs writing one SQLite file over "
            "a network can damage it. Keep the file on this PC's own disk, or let several PCs share a "
            "PostgreSQL server (start the desk with --url postgresql+psycopg://server/desk).")
    if not file.exists():
        if not create:
            raise DatabaseProblem("missing", f"There is no database file at {file}.")
        file.parent.mkdir(parents=True, exist_ok=True)
        return file
    if not os.access(file, os.R_OK):
        raise DatabaseProblem("unreadable", f"The database file {file} cannot be read (permissions).")
    _check_header(file)
    if not os.access(file, os.W_OK) or not os.access(file.parent, os.W_OK):
        raise DatabaseProblem(
            "read_only", f"The database file {file} (or its folder) is read-only, so nothing could be saved."
        )
    return None


SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(file: Path) -> None:
    """An empty file or one that is not SQLite is refused before anything opens it: it stays byte-identical."""
    if file.stat().st_size == 0:
        raise DatabaseProblem("damaged", f"The database file {file} is empty (0 bytes): it is not a desk database.")
    with file.open("rb") as raw:
        if raw.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseProblem("damaged", f"The file {file} is damaged or is not a database.")


CHECK_AT_OPENING_BYTES = 48 * 1024 * 1024  # a larger file's quick_check runs after the window is up


DAMAGED_PAGES = QT_TRANSLATE_NOOP("Messages", "The database file {file} has damaged pages. Restore a backup.")


def _damaged(where) -> DatabaseProblem:
    return DatabaseProblem("damaged", DAMAGED_PAGES, file=str(where))  # found while working: said in the user's words


def _quick_check(conn: Connection, url: str) -> None:
    """``PRAGMA quick_check`` at opening, for a file small enough to check at once (a kids' centre's)."""
    found = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if found != ["ok"]:
        raise _damaged(make_url(url).database)


def checked_at_opening(url: str) -> bool:
    """Whether :func:`open_database` runs the quick_check itself; a larger file is checked by
    :func:`check_pages` once the window is on screen (seconds on a 100,000-client file)."""
    if not is_sqlite(url):
        return True  # the server keeps its own pages
    path = make_url(url).database or ""
    file = Path(path.removeprefix("file:"))
    return not file.is_file() or file.stat().st_size <= CHECK_AT_OPENING_BYTES


def check_pages(file: Path, state: TaskState | None = None) -> None:
    """``PRAGMA quick_check`` of a working file on a read-only connection of its own (a worker's job:
    it reads every page, and writers go on meanwhile). Cancel interrupts it.

    Raises:
        DatabaseProblem: "damaged", with the plain message the window shows with "Restore a backup".
    """
    state = state or TaskState()
    connection = sqlite3.connect(f"{Path(file).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)

    def interrupt():
        try:
            connection.interrupt()
        except sqlite3.ProgrammingError:
            pass  # the check had ended

    state.interrupt_with(interrupt)
    try:
        found = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        state.check()  # interrupted by Cancel
        raise _damaged(file) from exc
    finally:
        connection.close()
    if found != ["ok"]:
        raise _damaged(file)


def _plain(exc: Exception, url: str) -> DatabaseProblem:
    msg = str(getattr(exc, "orig", exc)).lower()
    where = make_url(url).database if is_sqlite(url) else make_url(url).host
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return DatabaseProblem("damaged", f"The database file {where} is damaged and cannot be opened. Restore a backup.")
    if "locked" in msg or "busy" in msg:
        return DatabaseProblem(
            "locked", f"The database {where} is locked by another program. Close it and try again."
        )
    if "readonly" in msg or "read-only" in msg:
        return DatabaseProblem("read_only", f"The database {where} is read-only, so nothing could be saved.")
    if not is_sqlite(url):
        kind = connection_problem(exc)  # a wrong password is not "cannot be reached": the reason, plainly
        if kind in MESSAGES and kind not in ("refused", "connected"):
            return DatabaseProblem("unreachable", f"The database server {where} cannot be used. " + MESSAGES[kind])
        return DatabaseProblem("unreachable", f"The database server {where} cannot be reached: {msg}")
    return DatabaseProblem("damaged", f"The database {where} cannot be opened: {msg}")


def open_database(url: str, *, create: bool = False, backup_folder: Path | None = None, **engine_kw) -> Database:
    """Open (or, with ``create``, make) the desk's database at ``url``, upgraded to HEAD.

    Raises:
        DatabaseProblem: with a plain message and a ``kind`` the UI offers a way out for.
    """
    new_file = None
    if is_sqlite(url):
        new_file = _check_file(url, create)
    engine = make_engine(url, **engine_kw)
    try:
        with engine.begin() as conn:  # a write transaction: fails now if read-only or locked
            if is_sqlite(url) and checked_at_opening(url):
                _quick_check(conn, url)
            rev = current_revision(conn)
            foreign = rev is None and bool(inspect(conn).get_table_names())
            if rev is not None:  # a no-op write: a read-only file fails here, not at the first sale
                conn.execute(text("UPDATE alembic_version SET version_num = version_num"))
        if rev == HEAD:
            return Database(engine)
        if foreign:
            raise DatabaseProblem("damaged", "This file is not a membership desk database.")
        if rev is not None and rev not in known_revisions():
            raise DatabaseProblem(
                "newer",
                "This database was saved by a newer version of the membership desk. "
                "Install that version, or restore a backup made by this one.",
            )
        if rev is not None and is_sqlite(engine) and backup_folder is not None:
            backup_sqlite(engine, backup_folder, "before-upgrade")
        upgrade(engine)
        if new_file is not None:  # made by the desk: readable only by the user (D6)
            for made in (new_file, new_file.with_name(new_file.name + "-wal"), new_file.with_name(new_file.name + "-shm")):
                private_file(made)
        return Database(engine)
    except DatabaseProblem:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        raise _plain(exc, url) from exc
