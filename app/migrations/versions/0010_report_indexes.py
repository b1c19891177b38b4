"""The owner's reports (Q1-Q8) read by indexes: a sale's renewal is found by ``renews_id``.

Revision ID: 0010_report_indexes
Revises: 0009_reminders_sent
Create Date: 2026-12-02
"""

from alembic import op

revision = "0010_report_indexes"
down_revision = "0009_reminders_sent"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_memberships_renews_id", "memberships", ["renews_id"])


def downgrade() -> None:
    op.drop_index("ix_memberships_renews_id", table_name="memberships")
