"""Payments against issued invoices (B1, B2), their attachments, voids, and day takings."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import paths, validation
from app.errors import DomainError, PermissionDenied
from app.models import (
    CashDrawer,
    Invoice,
    InvoiceState,
    Payment,
    PaymentAttachment,
    PaymentMethod,
    Refund,
    User,
)
from app.services import audit, invoices
from app.services.access import Actor, Right, guarded
from app.services.records import existing, locked
from app.types import utcnow

METHOD_NAMES = {PaymentMethod.CASH: "Cash", PaymentMethod.BANK_TRANSFER: "Bank transfer",
                PaymentMethod.CHEQUE: "Cheque", PaymentMethod.CARD: "Card / online", PaymentMethod.OTHER: "Other"}
MAX_ATTACHMENT = 25 * 1024 * 1024


def _attach(session: Session, payment: Payment, files: list) -> None:
    """Copy each file into the data folder under its content hash and list it on the payment."""
    if len(files) > 20:
        raise DomainError("Attach at most 20 files to one payment.", field="attachments")
    folder = paths.attachments_dir() if files else None
    for name in files:
        source = Path(name)
        if not source.is_file():
            raise DomainError("The file {name} cannot be read.", field="attachments", name=source.name)
        size = source.stat().st_size
        if size > MAX_ATTACHMENT:
            raise DomainError("The file {name} is larger than 25 MB.", field="attachments", name=source.name)
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        stored = f"{digest[:32]}{source.suffix.lower()[:10]}"
        if not (folder / stored).exists():
            shutil.copyfile(source, folder / stored)
        session.add(PaymentAttachment(payment_id=payment.id, name=source.name[:260], stored_as=stored, size=size))


@guarded(Right.TAKE_PAYMENTS)
def add_payment(session: Session, actor: Actor, invoice_id: int, amount, *, method=PaymentMethod.CASH,
                cash_drawer_id: int | None = None, paid_on: dt.date | None = None, reference: str = "",
                attachments: list | None = None) -> int:
    """Record a payment; above the balance due, zero or negative is refused (B2)."""
    invoice = locked(session, Invoice, invoice_id, "invoice")  # D7: a second PC paying this invoice waits, then sees this payment
    if invoice.state == InvoiceState.DRAFT:
        raise DomainError("Issue the draft invoice before taking a payment.")
    if invoice.state == InvoiceState.VOID:
        raise DomainError("This invoice is void; it takes no payments.")
    try:
        amount = validation.money(amount, "amount", "The amount", allow_zero=False)
    except DomainError as error:
        raise DomainError("{problem} Nothing was recorded.", field="amount", problem=error) from None
    due = invoices.balance(session, invoice)
    if amount > due:
        raise DomainError("The amount {amount} is more than the balance due ({due}). Nothing was recorded.",
                          field="amount", amount=amount, due=due)
    try:
        method = PaymentMethod(method)
    except ValueError:
        raise DomainError("Choose a payment method.", field="method") from None
    if cash_drawer_id is not None and session.get(CashDrawer, cash_drawer_id) is None:
        raise DomainError("Choose a cash drawer from the list.", field="cash_drawer_id")
    paid_on = validation.date(paid_on or dt.date.today(), "paid_on", "The payment date")
    if paid_on > dt.date.today():
        raise DomainError("A payment cannot be dated in the future.", field="paid_on")
    payment = Payment(invoice_id=invoice.id, amount=amount, method=method, cash_drawer_id=cash_drawer_id,
                      paid_on=paid_on, created_by_id=actor.user_id,
                      reference=validation.text(reference, "reference", "Reference", max_len=200, required=False))
    session.add(payment)
    session.flush()
    _attach(session, payment, attachments or [])
    audit.record(session, actor, "pay", "invoice", invoice.id, payment=payment.id, amount=amount, method=method)
    return payment.id


@guarded(Right.VOID_MONEY)
def void_payment(session: Session, actor: Actor, payment_id: int, reason: str, *,
                 today: dt.date | None = None) -> None:
    """Void a payment with a reason; it stays listed, struck through (never deleted). Only on the day it
    was taken: an earlier day's takings are closed, money going back is a refund (B6)."""
    payment = existing(session, Payment, payment_id, "payment")
    reason = validation.text(reason, "reason", "A reason", max_len=500)
    if payment.voided_at is not None:
        raise DomainError("This payment is already void.")
    if session.get(Invoice, payment.invoice_id).state == InvoiceState.VOID:
        raise DomainError("The invoice of this payment is void and what was paid on it was paid back.")
    if payment.paid_on != (today or dt.date.today()):
        raise DomainError("This payment was taken on {day}: only a payment of today can be voided. To pay the "
                          "money back, cancel the sale or void the invoice (a refund).", day=payment.paid_on)
    payment.voided_at, payment.voided_by_id, payment.void_reason = utcnow(), actor.user_id, reason
    audit.record(session, actor, "void", "payment", payment.id, invoice=payment.invoice_id, reason=reason)


def payment_rows(session: Session, invoice_id: int) -> list[dict]:
    rows = session.execute(
        select(Payment, CashDrawer.name, User.display_name)
        .outerjoin(CashDrawer, CashDrawer.id == Payment.cash_drawer_id)
        .outerjoin(User, User.id == Payment.created_by_id)
        .where(Payment.invoice_id == invoice_id).order_by(Payment.paid_on, Payment.id))
    attachments: dict[int, list[str]] = {}
    for att in session.scalars(select(PaymentAttachment).join(Payment)
                               .where(Payment.invoice_id == invoice_id).order_by(PaymentAttachment.id)):
        attachments.setdefault(att.payment_id, []).append(att.name)
    return [{"id": p.id, "paid_on": p.paid_on, "amount": p.amount, "method": METHOD_NAMES[p.method],
             "drawer": drawer or "", "reference": p.reference, "by": by or "", "void": p.voided_at is not None,
             "void_reason": p.void_reason, "attachments": attachments.get(p.id, [])}
            for p, drawer, by in rows]


def takings(session: Session, first: dt.date, last: dt.date) -> list[dict]:
    """Valid payments taken from ``first`` to ``last`` by method and cash drawer, then the refunds of those
    days as money out (B6: on the day the money left the till), as lines; a day's takings are its case."""
    rows = session.execute(
        select(Payment.method, CashDrawer.name, func.count(Payment.id), func.sum(Payment.amount))
        .outerjoin(CashDrawer, CashDrawer.id == Payment.cash_drawer_id)
        .where(Payment.paid_on >= first, Payment.paid_on <= last, Payment.voided_at.is_(None))
        .group_by(Payment.method, CashDrawer.name).order_by(Payment.method, CashDrawer.name))
    lines = [{"method": METHOD_NAMES[PaymentMethod(method)], "drawer": drawer or "—", "count": count,
              "amount": amount, "refund": False} for method, drawer, count, amount in rows]
    paid_back = session.execute(
        select(Refund.method, CashDrawer.name, func.count(Refund.id), func.sum(Refund.amount))
        .outerjoin(CashDrawer, CashDrawer.id == Refund.cash_drawer_id)
        .where(Refund.refunded_on >= first, Refund.refunded_on <= last)
        .group_by(Refund.method, CashDrawer.name).order_by(Refund.method, CashDrawer.name))
    lines += [{"method": f"Refund: {METHOD_NAMES[PaymentMethod(method)]}", "drawer": drawer or "—", "count": count,
               "amount": -amount, "refund": True} for method, drawer, count, amount in paid_back]
    return lines


@guarded(Right.VIEW_DAY_TAKINGS)
def day_takings(session: Session, actor: Actor, day: dt.date | None = None) -> dict:
    """Valid payments of a day by method and cash drawer. A receptionist sees today only."""
    today = dt.date.today()
    day = day or today
    if day != today and not actor.may(Right.VIEW_REPORTS):
        raise PermissionDenied("Only the owner can see the takings of another day.")
    lines = takings(session, day, day)
    return {"day": day, "lines": lines, "total": sum((line["amount"] for line in lines), Decimal("0.00")),
            "refunds": sum((-line["amount"] for line in lines if line["refund"]), Decimal("0.00"))}


@guarded(Right.TAKE_PAYMENTS)
def cash_drawers(session: Session, actor: Actor) -> list[tuple[int, str]]:
    return [tuple(r) for r in session.execute(select(CashDrawer.id, CashDrawer.name)
                                              .where(CashDrawer.active).order_by(CashDrawer.name))]
