"""``main.py --demo --lang ru``: the demo database is made in the language asked for (L2)."""

from __future__ import annotations

from sqlalchemy import select

from app.db import sqlite_url
from app.models import Program
from app.services.settings import get_settings
from app.storage import open_database
from ui.app import _signed_in, parse_args


def test_l2_the_demo_asked_in_russian_is_made_in_russian(tmp_path):
    db = open_database(sqlite_url(tmp_path / "demo.sqlite3"), create=True)
    try:
        actor = _signed_in(db, parse_args(["--demo", "--lang", "ru"]))
        with db.reader() as s:
            assert get_settings(s)["language"] == "ru"
            assert "Шахматный клуб" in s.scalars(select(Program.name)).all()
        assert actor is not None and actor.role.value == "owner"
    finally:
        db.dispose()
