"""Several PCs (D7): a version on the records two dialogs can edit at once, and on PostgreSQL
the money rules of 0003 as triggers and the families' payer foreign key.

``version`` counts the saves of a client, package, group, setting and user: a
save based on an older version is refused ("changed by X at T meanwhile").

On PostgreSQL the baseline's ``use_alter`` foreign key families.payer_id was
never created; it is added here. The money triggers refuse the same changes as
SQLite's (see 0003), with SQLSTATE 23000 so the program sees an IntegrityError.

Revision ID: 0007_several_pcs
Revises: 0006_credits_use
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_several_pcs"
down_revision = "0006_credits_use"
branch_labels = None
depends_on = None

VERSIONED = ("clients", "packages", "groups", "settings", "users")

_INVOICE_FIELDS = ("prefix", "number", "date", "client_id", "payer_id", "tax_rate", "total", "issued_at",
                   "created_at", "created_by_id")
_LINE_FIELDS = ("invoice_id", "position", "kind", "description", "quantity", "unit_price", "amount")
_PAYMENT_FIELDS = ("invoice_id", "paid_on", "amount", "method", "cash_drawer_id", "reference",
                   "created_at", "created_by_id")


def _changed(fields) -> str:
    return " OR ".join(f"NEW.{f} IS DISTINCT FROM OLD.{f}" for f in fields)


def _issued(row: str) -> str:
    return f"(SELECT state FROM invoices WHERE id = {row}.invoice_id) <> 'draft'"


def _refuse(message: str) -> str:
    return f"RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';"


# name: (table, event, condition, message, the row a BEFORE trigger lets through)
PG_TRIGGERS = {
    "invoices_issued_unchanged": (
        "invoices", "UPDATE",
        f"OLD.state <> 'draft' AND ({_changed(_INVOICE_FIELDS)} OR NEW.state = 'draft' OR (OLD.state = 'void' AND "
        f"({_changed(('state', 'voided_at', 'voided_by_id', 'void_reason'))})))",
        "an issued invoice cannot change", "NEW"),
    "invoices_issued_kept": ("invoices", "DELETE", "OLD.state <> 'draft'",
                             "an issued invoice cannot be deleted", "OLD"),
    "invoice_lines_added_to_issued": ("invoice_lines", "INSERT", _issued("NEW"),
                                      "an issued invoice cannot change", "NEW"),
    "invoice_lines_issued_unchanged": ("invoice_lines", "UPDATE",
                                       f"{_issued('OLD')} AND ({_changed(_LINE_FIELDS)})",
                                       "an issued invoice cannot change", "NEW"),
    "invoice_lines_issued_kept": ("invoice_lines", "DELETE", _issued("OLD"),
                                  "an issued invoice cannot change", "OLD"),
    "payments_unchanged": (
        "payments", "UPDATE",
        f"{_changed(_PAYMENT_FIELDS)} OR (OLD.voided_at IS NOT NULL AND "
        f"({_changed(('voided_at', 'voided_by_id', 'void_reason'))}))",
        "a payment cannot change; void it instead", "NEW"),
    "payments_kept": ("payments", "DELETE", "TRUE", "a payment cannot be deleted; void it instead", "OLD"),
}


def _create_pg_triggers() -> None:
    for name, (table, event, condition, message, row) in PG_TRIGGERS.items():
        op.execute(f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF {condition} THEN {_refuse(message)} END IF;
                RETURN {row};
            END $$""")
        op.execute(f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name != "postgresql":
        return
    _create_pg_triggers()
    if not any(fk["name"] == "fk_families_payer_id_clients"
               for fk in sa.inspect(op.get_bind()).get_foreign_keys("families")):
        op.create_foreign_key("fk_families_payer_id_clients", "families", "clients", ["payer_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, (table, *_rest) in PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
