"""Copies of the SQLite database made with SQLite's online backup API (D2).

The online backup is consistent even while the desk (or another PC) writes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import Engine


def backup_sqlite(engine: Engine, folder: Path, reason: str, keep: int = 30) -> Path:
    """Copy the database behind ``engine`` into ``folder``; keep the newest ``keep`` copies."""
    stem = Path(engine.url.database or "memory").stem
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{stem}-{stamp}-{reason}.sqlite3"
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)
        finally:
            dest.close()
    finally:
        raw.close()
    prune_backups(folder, stem, keep)
    return target


def list_backups(folder: Path, stem: str) -> list[Path]:
    """Backups of the database named ``stem``, newest first."""
    return sorted(folder.glob(f"{stem}-*.sqlite3"), reverse=True)


def prune_backups(folder: Path, stem: str, keep: int) -> None:
    for old in list_backups(folder, stem)[keep:]:
        old.unlink(missing_ok=True)
