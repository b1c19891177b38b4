"""Issued invoices and payments cannot change (SPEC B3, "money is never deleted").

The services already refuse; these SQLite triggers make the database refuse
too, whatever program writes to the file. Allowed: a draft changes freely;
an issued invoice may become void (with its void fields); a payment may be
voided once. Nothing issued is ever deleted. An invoice line of an issued
invoice may only lose its link to a deleted sale.

Revision ID: 0003_money_is_immutable
Revises: 0002_client_search
Create Date: 2026-11-21
"""

from alembic import op

revision = "0003_money_is_immutable"
down_revision = "0002_client_search"
branch_labels = None
depends_on = None

_INVOICE_FIELDS = ("prefix", "number", "date", "client_id", "payer_id", "tax_rate", "total", "issued_at",
                   "created_at", "created_by_id")
_LINE_FIELDS = ("invoice_id", "position", "kind", "description", "quantity", "unit_price", "amount")
_PAYMENT_FIELDS = ("invoice_id", "paid_on", "amount", "method", "cash_drawer_id", "reference",
                   "created_at", "created_by_id")


def _changed(fields) -> str:
    return " OR ".join(f"NEW.{f} IS NOT OLD.{f}" for f in fields)


def _refuse(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


_ISSUED = "(SELECT state FROM invoices WHERE id = {}.invoice_id) != 'draft'"

TRIGGERS = {
    "invoices_issued_unchanged": f"""BEFORE UPDATE ON invoices
        WHEN OLD.state != 'draft' AND ({_changed(_INVOICE_FIELDS)} OR NEW.state = 'draft'
             OR (OLD.state = 'void' AND ({_changed(('state', 'voided_at', 'voided_by_id', 'void_reason'))})))
        {_refuse('an issued invoice cannot change')}""",
    "invoices_issued_kept": f"""BEFORE DELETE ON invoices WHEN OLD.state != 'draft'
        {_refuse('an issued invoice cannot be deleted')}""",
    "invoice_lines_added_to_issued": f"""BEFORE INSERT ON invoice_lines WHEN {_ISSUED.format('NEW')}
        {_refuse('an issued invoice cannot change')}""",
    "invoice_lines_issued_unchanged": f"""BEFORE UPDATE ON invoice_lines
        WHEN {_ISSUED.format('OLD')} AND ({_changed(_LINE_FIELDS)})
        {_refuse('an issued invoice cannot change')}""",
    "invoice_lines_issued_kept": f"""BEFORE DELETE ON invoice_lines WHEN {_ISSUED.format('OLD')}
        {_refuse('an issued invoice cannot change')}""",
    "payments_unchanged": f"""BEFORE UPDATE ON payments
        WHEN {_changed(_PAYMENT_FIELDS)}
             OR (OLD.voided_at IS NOT NULL AND ({_changed(('voided_at', 'voided_by_id', 'void_reason'))}))
        {_refuse('a payment cannot change; void it instead')}""",
    "payments_kept": f"""BEFORE DELETE ON payments {_refuse('a payment cannot be deleted; void it instead')}""",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
