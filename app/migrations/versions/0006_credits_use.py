"""Credits are used and reversed (K2-K4), visit passes taken at check-in (K6), low balance per type
(K7), and the agenda's notes and rescheduled occurrences (R1).

A reversal is a use pointing at the use it undoes (unique: once); a use taken
by a check-in points at its visit.

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


def upgrade() -> None:
    with op.batch_alter_table("credit_types") as batch:
        batch.add_column(sa.Column("used_at_checkin", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("low_balance", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("credit_uses") as batch:
        batch.add_column(sa.Column("reverses_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("visit_id", sa.Integer(), nullable=True))
        batch.create_unique_constraint(op.f("uq_credit_uses_reverses_id"), ["reverses_id"])
        batch.create_foreign_key(op.f("fk_credit_uses_reverses_id_credit_uses"), "credit_uses",
                                 ["reverses_id"], ["id"])
        batch.create_foreign_key(op.f("fk_credit_uses_visit_id_visits"), "visits", ["visit_id"], ["id"])
    with op.batch_alter_table("service_occurrences") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("rescheduled_from_id", sa.Integer(), nullable=True))
        batch.create_unique_constraint(op.f("uq_service_occurrences_rescheduled_from_id"), ["rescheduled_from_id"])
        batch.create_foreign_key(op.f("fk_service_occurrences_rescheduled_from_id_service_occurrences"),
                                 "service_occurrences", ["rescheduled_from_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("service_occurrences") as batch:
        batch.drop_constraint(op.f("fk_service_occurrences_rescheduled_from_id_service_occurrences"),
                              type_="foreignkey")
        batch.drop_constraint(op.f("uq_service_occurrences_rescheduled_from_id"), type_="unique")
        batch.drop_column("rescheduled_from_id")
        batch.drop_column("note")
    with op.batch_alter_table("credit_uses") as batch:
        batch.drop_constraint(op.f("fk_credit_uses_visit_id_visits"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_credit_uses_reverses_id_credit_uses"), type_="foreignkey")
        batch.drop_constraint(op.f("uq_credit_uses_reverses_id"), type_="unique")
        batch.drop_column("visit_id")
        batch.drop_column("reverses_id")
    with op.batch_alter_table("credit_types") as batch:
        batch.drop_column("low_balance")
        batch.drop_column("used_at_checkin")
