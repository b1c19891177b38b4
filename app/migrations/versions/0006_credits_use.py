"""Credits are used and reversed (K2-K4), visit passes taken at check-in (K6), low balance per type
(K7), the agenda's notes and rescheduled occurrences (R1), and indexes of who holds credits when and
of the archived clients (the Credits area counts holders less those).

A reversal is a use pointing at the use it undoes (unique: once); a use taken
by a check-in points at its visit.

Only columns are added, never a table copied: on SQLite a copied table is
dropped at the end of a batch, and with foreign keys on, that trips over the
grants, uses and allocations already pointing at it (a database with credits
would not open). SQLite adds a column with a named REFERENCES clause instead.

Revision ID: 0006_credits_use
Revises: 0004_sales_by_start
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_credits_use"
down_revision = "0004_sales_by_start"
branch_labels = None
depends_on = None

REFERENCES = [("credit_uses", "reverses_id", "credit_uses"), ("credit_uses", "visit_id", "visits"),
              ("service_occurrences", "rescheduled_from_id", "service_occurrences")]
ONCE = [("uq_credit_uses_reverses_id", "credit_uses", "reverses_id"),
        ("uq_service_occurrences_rescheduled_from_id", "service_occurrences", "rescheduled_from_id")]


def _add_reference(table: str, column: str, target: str) -> None:
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER CONSTRAINT {name} REFERENCES {target} (id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(op.f(name), table, target, [column], ["id"])


def upgrade() -> None:
    op.add_column("credit_types", sa.Column("used_at_checkin", sa.Boolean(), nullable=False,
                                            server_default=sa.false()))
    op.add_column("credit_types", sa.Column("low_balance", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("service_occurrences", sa.Column("note", sa.Text(), nullable=False, server_default=""))
    for table, column, target in REFERENCES:
        _add_reference(table, column, target)
    for name, table, column in ONCE:
        op.create_index(name, table, [column], unique=True)
    op.create_index("ix_credit_grants_holding", "credit_grants",
                    ["client_id", "valid_until", "valid_from", "used", "units"])
    op.create_index("ix_clients_archived", "clients", ["id"], sqlite_where=sa.text("archived"),
                    postgresql_where=sa.text("archived"))


def downgrade() -> None:
    op.drop_index("ix_clients_archived", table_name="clients")
    op.drop_index("ix_credit_grants_holding", table_name="credit_grants")
    for name, table, _column in ONCE:
        op.drop_index(name, table_name=table)
    for table, columns in (("service_occurrences", ["rescheduled_from_id", "note"]),
                           ("credit_uses", ["visit_id", "reverses_id"]),
                           ("credit_types", ["low_balance", "used_at_checkin"])):
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column)
