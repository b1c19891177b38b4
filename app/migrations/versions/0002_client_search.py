"""Client search: an FTS5 trigram index over the folded name, phone digits and code.

SQLite's LIKE and lower() fold only ASCII, so the desk searches a folded copy
(clients.search_key) through a trigram index: any 3+ characters anywhere in a
name, phone or code. On PostgreSQL, pg_trgm indexes do the same job.

Revision ID: 0002_client_search
Revises: 0001_baseline
Create Date: 2026-11-21
"""

from alembic import op

revision = "0002_client_search"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None

SQLITE = [
    """CREATE VIRTUAL TABLE clients_fts USING fts5(
        search_key, phone_key, code, content='clients', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
        INSERT INTO clients_fts(rowid, search_key, phone_key, code)
        VALUES (new.id, new.search_key, new.phone_key, lower(new.code));
    END""",
    """CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
        INSERT INTO clients_fts(clients_fts, rowid, search_key, phone_key, code)
        VALUES ('delete', old.id, old.search_key, old.phone_key, lower(old.code));
    END""",
    """CREATE TRIGGER clients_fts_update AFTER UPDATE OF search_key, phone_key, code ON clients BEGIN
        INSERT INTO clients_fts(clients_fts, rowid, search_key, phone_key, code)
        VALUES ('delete', old.id, old.search_key, old.phone_key, lower(old.code));
        INSERT INTO clients_fts(rowid, search_key, phone_key, code)
        VALUES (new.id, new.search_key, new.phone_key, lower(new.code));
    END""",
    "INSERT INTO clients_fts(rowid, search_key, phone_key, code) SELECT id, search_key, phone_key, lower(code) FROM clients",
]

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_clients_search_key_trgm ON clients USING gin (search_key gin_trgm_ops)",
    "CREATE INDEX ix_clients_phone_key_trgm ON clients USING gin (phone_key gin_trgm_ops)",
]


def upgrade() -> None:
    for statement in SQLITE if op.get_bind().dialect.name == "sqlite" else POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("clients_fts_insert", "clients_fts_delete", "clients_fts_update"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE clients_fts")
    else:
        op.execute("DROP INDEX ix_clients_search_key_trgm")
        op.execute("DROP INDEX ix_clients_phone_key_trgm")
