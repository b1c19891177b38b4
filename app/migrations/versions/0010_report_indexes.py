"""The owner's reports (Q1-Q8) read by indexes: a sale's renewal is found by ``renews_id``, the sales
of a period by their invoice's date (Q2); what each payer owes from two covering indexes (Q4: the
issued invoices by payer, and each invoice's valid payments); a month's journal marks per group from
an index alone (Q4 attendance, Q7 occupancy); the time memberships that may be current, and those
started, by date with what their status needs (Q7, Q8); the takings of any days (Q4, Q7); the unpaid
lessons counted from an index (Q7); the clients enrolled in each group in a month (Q4, Q7 occupancy).

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
    op.create_index("ix_memberships_renews_id", "memberships", ["renews_id", "cancelled_on"])
    op.create_index("ix_invoices_date", "invoices", ["date"])
    op.create_index("ix_invoices_owing", "invoices", ["state", "payer_id", "date", "total"])
    op.create_index("ix_payments_invoice_valid", "payments", ["invoice_id", "voided_at", "amount"])
    op.create_index("ix_visits_date_group", "visits", ["date", "group_id", "program_id"])
    op.create_index("ix_memberships_current", "memberships", ["end_date", "kind", "start_date", "cancelled_on",
                                                              "client_id"])
    op.create_index("ix_memberships_started", "memberships", ["start_date", "kind", "cancelled_on", "renews_id"])
    op.create_index("ix_payments_takings", "payments", ["paid_on", "voided_at", "method", "cash_drawer_id", "amount"])
    op.create_index("ix_visits_unpaid", "visits", ["membership_id", "kind", "status_id"])
    op.create_index("ix_enrolments_occupancy", "enrolments", ["group_id", "waiting", "since", "until"])


def downgrade() -> None:
    op.drop_index("ix_enrolments_occupancy", table_name="enrolments")
    op.drop_index("ix_visits_unpaid", table_name="visits")
    op.drop_index("ix_payments_takings", table_name="payments")
    op.drop_index("ix_memberships_started", table_name="memberships")
    op.drop_index("ix_memberships_current", table_name="memberships")
    op.drop_index("ix_visits_date_group", table_name="visits")
    op.drop_index("ix_payments_invoice_valid", table_name="payments")
    op.drop_index("ix_invoices_owing", table_name="invoices")
    op.drop_index("ix_invoices_date", table_name="invoices")
    op.drop_index("ix_memberships_renews_id", table_name="memberships")
