"""D3 for migration 0006: a database from before it, already holding credit grants, uses and
allocations (rows that point at the tables it changes), opens and upgrades with its rows kept."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from app.db import make_engine, sqlite_url
from app.models import CreditGrant, CreditType, CreditUse
from app.services import credits
from app.services.access import SYSTEM
from app.storage import alembic_config, open_database

ROWS = [
    "INSERT INTO clients (id, code, name, search_key, phone, phone_key, email, guardian_name, guardian_phone, notes,"
    " photo, archived, created_at) VALUES (1, 'C1', 'Old Client', 'old client', '', '', '', '', '', '', '', 0,"
    " '2026-01-01 10:00:00')",
    "INSERT INTO credit_types (id, name, unit, active) VALUES (1, 'Sauna', 'visit', 1)",
    "INSERT INTO credit_grants (id, client_id, credit_type_id, units, used, valid_from, valid_until, created_at)"
    " VALUES (1, 1, 1, 10, 2, '2026-01-01', '2099-12-31', '2026-01-01 10:00:00')",
    "INSERT INTO credit_uses (id, client_id, credit_type_id, units, used_on, note, created_at)"
    " VALUES (1, 1, 1, 2, '2026-01-05', 'old use', '2026-01-05 10:00:00')",
    "INSERT INTO credit_allocations (id, use_id, grant_id, units) VALUES (1, 1, 1, 2)",
]


def test_d3_a_database_with_credits_from_before_0006_upgrades_and_keeps_them(tmp_path):
    url = sqlite_url(tmp_path / "old.sqlite3")
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004_sales_by_start")
        for row in ROWS:
            conn.execute(text(row))
    engine.dispose()
    db = open_database(url)
    with db.writer.begin() as s:
        sauna = s.get(CreditType, 1)
        assert (sauna.used_at_checkin, sauna.low_balance) == (False, 0)
        assert s.get(CreditGrant, 1).used == 2 and s.get(CreditUse, 1).reverses_id is None
        credits.reverse_use(s, SYSTEM, 1)  # the new link works on the old rows
        assert s.scalar(select(CreditUse.reverses_id).where(CreditUse.id != 1)) == 1
        assert s.get(CreditGrant, 1).used == 0
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    db.dispose()
