"""The clients list: one index for the count and the name order of non-archived clients.

Revision ID: 0003_clients_list_index
Revises: 0002_client_search
Create Date: 2026-11-21
"""

from alembic import op

revision = "0003_clients_list_index"
down_revision = "0002_client_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index("ix_clients_archived_search_key", ["archived", "search_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_archived_search_key")
