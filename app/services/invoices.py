"""Invoices: their amounts, gapless numbers (B3), drafts (M7), voiding, and balances.

An invoice's total is its lines (items minus discounts) plus tax at the
invoice's rate; what is paid and due is derived from its valid payments.
Issued invoices never change except to become void (services here, and
database triggers on SQLite, migration 0003).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app import validation
from app.errors import DomainError
from app.models import (
    CashDrawer,
    Client,
    Family,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    InvoiceState,
    Payment,
    PaymentMethod,
    Refund,
)
from app.services import audit
from app.services.access import Actor, Right, guarded
from app.services.records import existing, locked
from app.types import CENT, Money, utcnow

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Amounts:
    items: Decimal
    discounts: Decimal  # a positive number: what the discount lines take off
    net: Decimal
    tax: Decimal
    total: Decimal


def amounts(line_amounts: list[Decimal], tax_rate: Decimal) -> Amounts:
    """Totals of lines (discounts are negative amounts) with tax added at ``tax_rate`` %."""
    items = sum((a for a in line_amounts if a > 0), ZERO)
    discounts = -sum((a for a in line_amounts if a < 0), ZERO)
    net = items - discounts
    tax = (net * tax_rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return Amounts(items, discounts, net, tax, net + tax)


def payer_of(session: Session, client: Client) -> int:
    """Who gets the client's invoices: the family's payer, else the client."""
    if client.family_id is not None:
        payer = session.scalar(select(Family.payer_id).where(Family.id == client.family_id))
        if payer is not None:
            return payer
    return client.id


def new_invoice(session: Session, client: Client, on: dt.date, prefix: str, tax_rate: Decimal,
                lines: list[dict], by: Actor) -> Invoice:
    """A draft invoice whose total is that of ``lines`` (dicts: description, amount, kind,
    membership_id); the lines themselves are added by :func:`add_lines` once what they name exists
    (a sale's membership is saved with this invoice's id, then its lines)."""
    if not lines:
        raise DomainError("An invoice needs at least one line.")
    invoice = Invoice(prefix=prefix, date=on, client_id=client.id, payer_id=payer_of(session, client),
                      tax_rate=tax_rate, created_by_id=by.user_id, state=InvoiceState.DRAFT,
                      total=_total(lines, tax_rate))
    session.add(invoice)
    session.flush()
    return invoice


def _total(lines: list[dict], tax_rate: Decimal) -> Decimal:
    total = amounts([line["amount"] for line in lines], tax_rate).total
    if total < 0:
        raise DomainError("The discounts are larger than the items.", field="discount")
    return total


def add_lines(session: Session, invoice: Invoice, lines: list[dict]) -> None:
    """A new draft's lines (its total already counts them: :func:`new_invoice`)."""
    for position, line in enumerate(lines):
        amount = line["amount"]
        session.add(InvoiceLine(invoice_id=invoice.id, position=position, kind=line.get("kind", "item"),
                                description=line["description"], quantity=Decimal(1), unit_price=amount,
                                amount=amount, membership_id=line.get("membership_id")))


def _replace_lines(session: Session, invoice: Invoice, lines: list[dict]) -> None:
    invoice.total = _total(lines, invoice.tax_rate)
    session.query(InvoiceLine).filter(InvoiceLine.invoice_id == invoice.id).delete()
    add_lines(session, invoice, lines)


def next_number(session: Session, prefix: str) -> int:
    """Take the next number of ``prefix`` in this transaction (B3), in one statement.

    The counter row is created or moved on by ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``:
    on PostgreSQL that row stays locked until the transaction ends, so a second PC issuing waits
    and then takes the following number; on SQLite the writer's ``BEGIN IMMEDIATE`` already holds
    the only write lock. The number is taken only when the invoice is issued, in the same
    transaction, so a rollback gives it back: no gaps, no duplicates.
    """
    from sqlalchemy.dialects import postgresql, sqlite  # the PostgreSQL dialect is slow to import: not at start

    insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[session.get_bind().dialect.name]
    statement = insert(InvoiceCounter).values(prefix=prefix, next_number=2)
    following = session.execute(
        statement.on_conflict_do_update(index_elements=[InvoiceCounter.prefix],
                                        set_={"next_number": InvoiceCounter.next_number + 1})
        .returning(InvoiceCounter.next_number)).scalar_one()
    return following - 1


def issue(session: Session, invoice: Invoice, by: Actor, *, has_lines: bool = False) -> Invoice:
    """Give a draft its number (M7); ``has_lines`` when the caller has just added them (a sale)."""
    if invoice.state != InvoiceState.DRAFT:
        raise DomainError("Only a draft invoice can be issued.")
    if not has_lines and not session.scalar(select(func.count()).where(InvoiceLine.invoice_id == invoice.id)):
        raise DomainError("An invoice needs at least one line.")
    invoice.number = next_number(session, invoice.prefix)
    invoice.state = InvoiceState.ISSUED
    invoice.issued_at = utcnow()
    session.flush()
    audit.record(session, by, "issue", "invoice", invoice.id, number=number_text(invoice))
    return invoice


def number_text(invoice: Invoice) -> str:
    if invoice.number is None:
        return "draft"
    return f"{invoice.prefix}-{invoice.number:06d}" if invoice.prefix else f"{invoice.number:06d}"


@guarded(Right.SELL)
def issue_invoice(session: Session, actor: Actor, invoice_id: int) -> str:
    """Issue a draft (M7): it gets its number and can no longer change."""
    invoice = existing(session, Invoice, invoice_id, "invoice")
    return number_text(issue(session, invoice, actor))


@guarded(Right.SELL)
def edit_draft(session: Session, actor: Actor, invoice_id: int, lines: list[dict], notes: str = "") -> None:
    """Replace a draft's lines (M7); issued and void invoices refuse."""
    invoice = existing(session, Invoice, invoice_id, "invoice")
    if invoice.state != InvoiceState.DRAFT:
        raise DomainError("An issued invoice cannot be changed; void it and sell again.")
    if not lines:
        raise DomainError("An invoice needs at least one line.")
    clean = []
    for index, line in enumerate(lines):
        description = validation.text(line.get("description"), f"line{index}", "A line's description", max_len=500)
        kind = line.get("kind", "item")
        amount = validation.money(line.get("amount"), f"line{index}", "A line's amount")
        clean.append({"description": description, "kind": kind,
                      "amount": -amount if kind == "discount" else amount,
                      "membership_id": line.get("membership_id")})
    _replace_lines(session, invoice, clean)
    invoice.notes = validation.text(notes, "notes", "Notes", max_len=2000, required=False)
    audit.record(session, actor, "edit_draft", "invoice", invoice.id, total=invoice.total)


def reprice_draft(session: Session, invoice: Invoice, membership_id: int, price: Decimal) -> None:
    """A draft's item line for a sale takes the sale's new price; the total follows (T3)."""
    if invoice.state != InvoiceState.DRAFT:
        raise DomainError("An issued invoice cannot be changed; void it and sell again.")
    lines = [{"description": line.description, "kind": line.kind, "membership_id": line.membership_id,
              "amount": price if line.kind == "item" and line.membership_id == membership_id else line.amount}
             for line in session.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)
                                         .order_by(InvoiceLine.position))]
    _replace_lines(session, invoice, lines)


def paid(session: Session, invoice_id: int) -> Decimal:
    return session.scalar(select(func.coalesce(func.sum(Payment.amount), 0))
                          .where(Payment.invoice_id == invoice_id, Payment.voided_at.is_(None))) or ZERO


def balance(session: Session, invoice: Invoice) -> Decimal:
    """What is still due on an issued invoice (nothing on drafts and void ones)."""
    if invoice.state != InvoiceState.ISSUED:
        return ZERO
    return invoice.total - paid(session, invoice.id)


def payment_state(invoice: Invoice, paid_amount: Decimal) -> str:
    if invoice.state != InvoiceState.ISSUED:
        return invoice.state.value
    if paid_amount <= 0 and invoice.total > 0:
        return "unpaid"
    return "paid" if paid_amount >= invoice.total else "partly paid"


CREDIT_NOTES = "credit-note"  # the counter of the credit notes' own gapless series (B6)


def credit_note_text(number: int) -> str:
    return f"CN-{number:05d}"


def refunded(session: Session, invoice_id: int) -> Decimal:
    return session.scalar(select(func.coalesce(func.sum(Refund.amount), 0))
                          .where(Refund.invoice_id == invoice_id)) or ZERO


def refund(session: Session, invoice: Invoice, reason: str, by: Actor, *, method=None,
           cash_drawer_id: int | None = None, today: dt.date | None = None) -> Refund | None:
    """B6: pay back what was paid on ``invoice`` (and not yet paid back) as a refund dated ``today``.

    The payments stay as they were on their days (a closed day's takings never change). The
    method and cash drawer default to the last payment's; the credit note takes the next number
    of its own series. None when nothing was paid.
    """
    amount = paid(session, invoice.id) - refunded(session, invoice.id)
    if amount <= 0:
        return None
    last = session.scalars(select(Payment).where(Payment.invoice_id == invoice.id, Payment.voided_at.is_(None))
                           .order_by(Payment.paid_on.desc(), Payment.id.desc())).first()
    if method is None:
        method, cash_drawer_id = last.method, last.cash_drawer_id
    else:
        try:
            method = PaymentMethod(method)
        except ValueError:
            raise DomainError("Choose how the money is paid back.", field="method") from None
    if cash_drawer_id is not None:
        drawer = session.get(CashDrawer, cash_drawer_id)
        if drawer is None or not drawer.active:
            raise DomainError("Choose an active cash drawer.", field="cash_drawer_id")
    paid_back = Refund(invoice_id=invoice.id, number=next_number(session, CREDIT_NOTES),
                       refunded_on=today or dt.date.today(), amount=amount, method=method,
                       cash_drawer_id=cash_drawer_id, reason=reason, created_by_id=by.user_id)
    session.add(paid_back)
    session.flush()
    audit.record(session, by, "refund", "invoice", invoice.id, credit_note=credit_note_text(paid_back.number),
                 amount=amount, method=method.value, refund=paid_back.id)
    return paid_back


def void(session: Session, invoice: Invoice, reason: str, by: Actor, *, method=None,
         cash_drawer_id: int | None = None, today: dt.date | None = None) -> Refund | None:
    """Void an invoice; what was paid on it is paid back as a refund dated today (B6), the payments
    themselves stay valid on their days. Returns the refund, if money was paid."""
    reason = validation.text(reason, "reason", "A reason", max_len=500)
    if invoice.state == InvoiceState.VOID:
        raise DomainError("This invoice is already void.")
    paid_back = refund(session, invoice, reason, by, method=method, cash_drawer_id=cash_drawer_id, today=today)
    invoice.state = InvoiceState.VOID
    invoice.voided_at, invoice.voided_by_id, invoice.void_reason = utcnow(), by.user_id, reason
    audit.record(session, by, "void", "invoice", invoice.id, reason=reason)
    return paid_back


@guarded(Right.VOID_MONEY)
def void_invoice(session: Session, actor: Actor, invoice_id: int, reason: str, *, method=None,
                 cash_drawer_id: int | None = None, today: dt.date | None = None) -> Refund | None:
    return void(session, locked(session, Invoice, invoice_id, "invoice"), reason, actor, method=method,
                cash_drawer_id=cash_drawer_id, today=today)


@guarded(Right.VIEW_MONEY)
def refund_due(session: Session, actor: Actor, invoice_id: int) -> dict:
    """What voiding ``invoice_id`` would pay back, and the last payment's method and drawer (the dialog's
    defaults); amount 0 when nothing was paid."""
    invoice = existing(session, Invoice, invoice_id, "invoice")
    amount = paid(session, invoice.id) - refunded(session, invoice.id) if invoice.state != InvoiceState.VOID else ZERO
    last = session.scalars(select(Payment).where(Payment.invoice_id == invoice.id, Payment.voided_at.is_(None))
                           .order_by(Payment.paid_on.desc(), Payment.id.desc())).first()
    return {"amount": max(amount, ZERO), "method": last.method.value if last else PaymentMethod.CASH.value,
            "cash_drawer_id": last.cash_drawer_id if last else None}


def refund_rows(session: Session, invoice_id: int) -> list[dict]:
    from app.services.payments import METHOD_NAMES  # payments import this module

    rows = session.execute(select(Refund, CashDrawer.name).outerjoin(CashDrawer, CashDrawer.id == Refund.cash_drawer_id)
                           .where(Refund.invoice_id == invoice_id).order_by(Refund.id))
    return [{"id": r.id, "credit_note": credit_note_text(r.number), "refunded_on": r.refunded_on,
             "amount": r.amount, "method": METHOD_NAMES[r.method], "drawer": drawer or "", "reason": r.reason}
            for r, drawer in rows]


@guarded(Right.VIEW_MONEY)
def invoice_view(session: Session, actor: Actor, invoice_id: int) -> dict:
    """Everything the invoice view and the PDF show."""
    from app.services.payments import payment_rows  # payments import this module

    invoice = existing(session, Invoice, invoice_id, "invoice")
    lines = session.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)
                            .order_by(InvoiceLine.position)).all()
    sums = amounts([line.amount for line in lines], invoice.tax_rate)
    paid_amount = paid(session, invoice.id)
    client = session.get(Client, invoice.client_id)
    payer = session.get(Client, invoice.payer_id)
    return {
        "id": invoice.id, "number": number_text(invoice), "state": invoice.state.value,
        "payment_state": payment_state(invoice, paid_amount), "date": invoice.date,
        "client": {"id": client.id, "name": client.name, "code": client.code, "email": client.email},
        "payer": {"id": payer.id, "name": payer.name, "code": payer.code, "email": payer.email},
        "lines": [{"description": ln.description, "kind": ln.kind, "amount": ln.amount,
                   "membership_id": ln.membership_id} for ln in lines],
        "items": sums.items, "discounts": sums.discounts, "net": sums.net, "tax_rate": invoice.tax_rate,
        "tax": sums.tax, "total": invoice.total, "paid": paid_amount,
        "balance": balance(session, invoice), "notes": invoice.notes,
        "void_reason": invoice.void_reason, "payments": payment_rows(session, invoice.id),
        "refunds": refund_rows(session, invoice.id),
    }


def due_sql(invoice=Invoice):
    """What is due on each issued invoice, as a SQL expression (nothing on drafts and void)."""
    valid_paid = (select(func.coalesce(func.sum(Payment.amount), 0))
                  .where(Payment.invoice_id == invoice.id, Payment.voided_at.is_(None))
                  .correlate(invoice).scalar_subquery())
    return type_coerce(invoice.total - valid_paid, Money())


def client_balance_sql():
    """What a client's own invoices still owe, as a SQL expression correlated to Client."""
    inv = aliased(Invoice)
    due = (select(func.coalesce(func.sum(due_sql(inv)), 0))
           .where(inv.client_id == Client.id, inv.state == InvoiceState.ISSUED)
           .correlate(Client).scalar_subquery())
    return type_coerce(due, Money())  # integer cents in SQL, a Decimal when read


@guarded(Right.VIEW_MONEY)
def client_invoices(session: Session, actor: Actor, client_id: int) -> dict:
    """The profile's invoices: the client's own and those they pay for (as a family's payer),
    newest first, with the balance due of the client and of the whole family."""
    client = existing(session, Client, client_id, "client")
    due = due_sql()
    rows = session.execute(
        select(Invoice, Client.name.label("for_name"), due.label("due"))
        .join(Client, Client.id == Invoice.client_id)
        .where((Invoice.client_id == client.id) | (Invoice.payer_id == client.id))
        .order_by(Invoice.date.desc(), Invoice.id.desc())).all()
    listed = []
    for invoice, for_name, due_amount in rows:
        paid_amount = invoice.total - due_amount
        listed.append({"id": invoice.id, "number": number_text(invoice), "date": invoice.date,
                       "for": for_name, "client_id": invoice.client_id, "total": invoice.total, "paid": paid_amount,
                       "balance": due_amount if invoice.state == InvoiceState.ISSUED else ZERO,
                       "state": payment_state(invoice, paid_amount)})
    own = sum((r["balance"] for r in listed if r["client_id"] == client.id), ZERO)
    family = None
    if client.family_id is not None:
        member_ids = select(Client.id).where(Client.family_id == client.family_id)
        family = session.scalar(select(type_coerce(func.coalesce(func.sum(due), 0), Money()))
                                .where(Invoice.client_id.in_(member_ids), Invoice.state == InvoiceState.ISSUED))
    return {"invoices": listed, "balance": own, "family_balance": family}
