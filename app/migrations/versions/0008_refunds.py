"""Refunds (B6): money paid back is a record of its own, dated the day it left the till, with a
credit note numbered in its own gapless series; the payments of earlier days stay as they were.

Existing data stays valid: payments voided by an earlier cancel or invoice void keep their void
(the day takings of those days already show them so); new voids of paid invoices record refunds.

Revision ID: 0008_refunds
Revises: 0007_several_pcs
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_refunds"
down_revision = "0007_several_pcs"
branch_labels = None
depends_on = None

METHODS = ("cash", "bank_transfer", "cheque", "card", "other")


def upgrade() -> None:
    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("refunded_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.Enum(*METHODS, name="paymentmethod", native_enum=False, create_constraint=True,
                                    length=24), nullable=False),
        sa.Column("cash_drawer_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("amount > 0", name=op.f("ck_refunds_amount")),
        sa.ForeignKeyConstraint(["cash_drawer_id"], ["cash_drawers.id"],
                                name=op.f("fk_refunds_cash_drawer_id_cash_drawers")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_refunds_created_by_id_users")),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_refunds_invoice_id_invoices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("number", name="uq_refunds_number"),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_invoice_id"), ["invoice_id"], unique=False)
        batch_op.create_index("ix_refunds_refunded_on", ["refunded_on"], unique=False)


    _refunds_are_kept()


REFUSE = "a refund cannot change or be deleted"


def _refunds_are_kept() -> None:
    """Money paid back is a fact, as a payment is: the database refuses changing or deleting it."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION refunds_kept() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{REFUSE}' USING ERRCODE = 'integrity_constraint_violation';
            END $$""")
        op.execute("CREATE TRIGGER refunds_kept BEFORE UPDATE OR DELETE ON refunds "
                   "FOR EACH ROW EXECUTE FUNCTION refunds_kept()")
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER refunds_kept_{event.lower()} BEFORE {event} ON refunds "
                       f"BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS refunds_kept ON refunds")
        op.execute("DROP FUNCTION IF EXISTS refunds_kept()")
    op.drop_table("refunds")
