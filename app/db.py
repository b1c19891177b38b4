"""Engine and session factories: one SQLite file by default, PostgreSQL by URL.

Every SQLite connection runs with foreign keys on, WAL, full sync and a busy
timeout. Write transactions start with ``BEGIN IMMEDIATE``: a plain BEGIN
that writes later fails at once with "database is locked" when another PC or
process holds the write lock, instead of waiting its turn. Read-only work
(lists, reports) uses ``BEGIN DEFERRED`` so it never queues behind a writer.
On PostgreSQL, actions that read then write one client's or invoice's data take
that row's lock first (:func:`lock_row`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine, event, select, text
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def is_sqlite(url_or_engine) -> bool:
    name = url_or_engine.dialect.name if isinstance(url_or_engine, Engine) else str(url_or_engine)
    return name.startswith("sqlite")


def make_engine(url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, **kwargs) -> Engine:
    """Create the engine for ``url`` with the desk's connection settings."""
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, **kwargs)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def lock_row(session: Session, model, row_id) -> None:
    """Hold one row of ``model`` until the action's transaction ends (D7): on PostgreSQL
    ``SELECT ... FOR UPDATE``, so a second PC acting on the same client or invoice waits, then reads
    what the first one saved. On SQLite the writer already holds the database (``BEGIN IMMEDIATE``)."""
    session.execute(select(model.id).where(model.id == row_id).with_for_update())


def move_sequences_on(session: Session) -> None:
    """After rows were inserted with explicit ids (the demo generator), let PostgreSQL's id
    sequences continue after the largest id, so the next new row does not clash. SQLite needs nothing."""
    if is_sqlite(session.get_bind()):
        return
    for table in Base.metadata.sorted_tables:
        column = table.c.get("id")
        if column is None or not column.primary_key or not column.autoincrement:
            continue
        session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                             f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"))


@dataclass
class Database:
    """The open database: its engine and the two session factories.

    ``writer`` is for user actions (one ``begin()`` per action);
    ``reader`` is for lists and reports, which never write.
    """

    engine: Engine

    def __post_init__(self):
        self.writer = sessionmaker(self.engine, expire_on_commit=False)
        read_engine = self.engine.execution_options(sqlite_begin="DEFERRED")
        self.reader = sessionmaker(read_engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def location(self) -> str:
        """Where the data lives, for the status bar: a file path or a server."""
        url = self.engine.url
        if is_sqlite(self.engine):
            return url.database or ":memory:"
        return f"{url.host or 'localhost'}/{url.database}"

    def write(self) -> Session:
        return self.writer()

    def dispose(self) -> None:
        self.engine.dispose()
