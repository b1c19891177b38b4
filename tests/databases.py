"""Where a test's database lives: a SQLite file by default, or a fresh database on the PostgreSQL
server named by ``DESK_TEST_DATABASE_URL`` (tests/postgres.sh sets it)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import sqlite_url

SERVER = os.environ.get("DESK_TEST_DATABASE_URL", "")
ON_POSTGRES = bool(SERVER)


def new_database_url(folder: Path, name: str = "desk") -> str:
    """The URL of a new, empty database: ``folder/name.sqlite3``, or a new database on the server."""
    if not ON_POSTGRES:
        return sqlite_url(Path(folder) / f"{name}.sqlite3")
    database = f"{name}_{uuid.uuid4().hex[:12]}".lower()
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}"'))
    finally:
        admin.dispose()
    return make_url(SERVER).set(database=database).render_as_string(hide_password=False)




def only_on_sqlite(reason: str):
    """Skip a test in the PostgreSQL run; ``reason`` says why it is about SQLite only."""
    return pytest.mark.skipif(ON_POSTGRES, reason=f"SQLite only: {reason}")
