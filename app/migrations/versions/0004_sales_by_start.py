"""The memberships list reads sales newest first: an index on the start date (and id) lets it read a
page without sorting every sale.

Revision ID: 0004_sales_by_start
Revises: 0003_money_is_immutable
Create Date: 2026-11-21
"""

from alembic import op

revision = "0004_sales_by_start"
down_revision = "0003_money_is_immutable"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_memberships_start_date", "memberships", ["start_date", "id"])


def downgrade() -> None:
    op.drop_index("ix_memberships_start_date", table_name="memberships")
