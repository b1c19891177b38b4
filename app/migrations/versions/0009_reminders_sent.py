"""Reminders sent (Q5): one row per reminder that reached the mail server, so none is sent twice.

Revision ID: 0009_reminders_sent
Revises: 0008_refunds
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_reminders_sent"
down_revision = "0008_refunds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminders_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_reminders_sent_client_id_clients")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_reminders_sent_created_by_id_users")),
        sa.ForeignKeyConstraint(["membership_id"], ["memberships.id"], ondelete="CASCADE",
                                name=op.f("fk_reminders_sent_membership_id_memberships")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders_sent")),
        sa.UniqueConstraint("membership_id", "offset_days", "ends_on", name="uq_reminders_sent_sale_offset"),
    )
    op.create_index("ix_reminders_sent_client_id", "reminders_sent", ["client_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_reminders_sent_client_id", table_name="reminders_sent")
    op.drop_table("reminders_sent")
