"""T3: the cards' edit mode saves all its changes at once.

On screen the user adjusts cards (dates, price, description) and visits
(status, date); Save sends every change here and they apply in one
transaction: one refusal and nothing is saved. A visit's change is a
re-mark in its group (J1, J2, J7) that keeps the pack it sat on while that
pack still fits. A card's new dates must still cover its freezes and used
credits, and its recurring services follow them (R1); lessons already on
it stay (J3 links lessons from before a pack's start too): the dates decide
which later marks it takes (J1). An issued invoice never changes, so a
billed price does not either; a draft invoice follows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.models import (
    Client,
    CreditAllocation,
    CreditGrant,
    CreditUse,
    Freeze,
    Invoice,
    InvoiceState,
    Membership,
    PackageKind,
    Visit,
)
from app.services import audit, invoices, journal, sales
from app.services.access import Actor, Right, guarded
from app.services.records import existing

SALE_FIELDS = ("start", "end", "price", "description")
VISIT_FIELDS = ("date", "status_id")


@guarded(Right.SELL)
def save_edits(session: Session, actor: Actor, client_id: int, sales_changes: dict[int, dict] | None = None,
               visit_changes: dict[int, dict] | None = None, today: dt.date | None = None) -> dict:
    """Apply the edit mode's changes: ``{sale id: {start, end, price, description}}`` and
    ``{visit id: {date, status_id}}`` (only the fields that changed)."""
    today = today or dt.date.today()
    client = existing(session, Client, client_id, "client")
    sales_changes, visit_changes = sales_changes or {}, visit_changes or {}
    for sale_id, change in sales_changes.items():
        _edit_sale(session, actor, client, sale_id, change)
    for visit_id, change in visit_changes.items():
        _edit_visit(session, actor, client, visit_id, change, today)
    session.flush()
    return {"sales": len(sales_changes), "visits": len(visit_changes)}


def _unknown_fields(change: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(change) - set(allowed)
    if unknown:
        raise DomainError("Cannot change {fields} here.", fields=", ".join(sorted(unknown)))


def _edit_sale(session: Session, actor: Actor, client: Client, sale_id: int, change: dict) -> None:
    _unknown_fields(change, SALE_FIELDS)
    sale = existing(session, Membership, sale_id, "card")
    if sale.client_id != client.id:
        raise DomainError("That card belongs to another client.")
    name = f"“{sale.package_name}”"
    before = {"start": sale.start_date, "end": sale.end_date, "price": sale.price, "description": sale.description}
    start = validation.date(change.get("start", sale.start_date), "start", "The start date")
    end = validation.date(change.get("end", sale.end_date), "end", "The end date")
    price = validation.money(change.get("price", sale.price), "price", "The price")
    if sale.cancelled_on is not None and (start, end, price) != (sale.start_date, sale.end_date, sale.price):
        raise DomainError("{name} is cancelled: only its description can change.", name=name)
    if "description" in change:
        sale.description = validation.text(change["description"], "description", "The description",
                                           max_len=2000, required=False)
    if price != sale.price:
        _reprice(session, sale, price, name)
    if (start, end) != (sale.start_date, sale.end_date):
        _redate(session, sale, start, end, name)
    audit.record(session, actor, "edit_card", "membership", sale.id,
                 before={k: v for k, v in before.items() if k in change},
                 after={k: change[k] for k in change})


def _reprice(session: Session, sale: Membership, price, name: str) -> None:
    invoice = session.get(Invoice, sale.invoice_id) if sale.invoice_id else None
    if invoice is not None and invoice.state == InvoiceState.ISSUED:
        raise DomainError("{name} is billed on invoice {invoice}, and an issued invoice never changes: to bill "
                          "another price, void the invoice and sell again.", field="price", name=name,
                          invoice=invoices.number_text(invoice))
    if invoice is not None and invoice.state == InvoiceState.DRAFT:
        invoices.reprice_draft(session, invoice, sale.id, price)
    sale.price = price


def _redate(session: Session, sale: Membership, start: dt.date, end: dt.date, name: str) -> None:
    if end < start:
        raise DomainError("{name} would end before it starts.", field="end", name=name)
    if sale.kind == PackageKind.MEMBERSHIP:
        other = session.scalar(
            select(Membership).where(Membership.client_id == sale.client_id, Membership.id != sale.id,
                                     Membership.kind == PackageKind.MEMBERSHIP, Membership.cancelled_on.is_(None),
                                     Membership.start_date <= end, Membership.end_date >= start).limit(1))
        if other is not None:  # M2
            raise DomainError("{name} would overlap {package} ({first} – {last}): a client has one membership at a "
                              "time.", field="start", name=name, package=other.package_name,
                              first=other.start_date, last=other.end_date)
    outside = session.scalar(select(func.count()).select_from(Freeze).where(
        Freeze.membership_id == sale.id, (Freeze.start_date < start) | (Freeze.end_date > end)))
    if outside:
        raise DomainError("{name} has a freeze outside the new dates; the dates must cover its freezes.",
                          field="start", name=name)
    used = session.scalar(
        select(func.min(CreditUse.used_on)).join(CreditAllocation, CreditAllocation.use_id == CreditUse.id)
        .join(CreditGrant, CreditGrant.id == CreditAllocation.grant_id)
        .where(CreditGrant.membership_id == sale.id, (CreditUse.used_on < start) | (CreditUse.used_on > end)))
    if used is not None:
        raise DomainError("Credits of {name} were used on {day}, outside the new dates.", field="start",
                          name=name, day=used)
    sale.start_date, sale.end_date = start, end
    session.execute(update(CreditGrant).where(CreditGrant.membership_id == sale.id)
                    .values(valid_from=start, valid_until=end))  # K1: valid for the term
    sales.reschedule(session, sale)


def _edit_visit(session: Session, actor: Actor, client: Client, visit_id: int, change: dict, today: dt.date) -> None:
    _unknown_fields(change, VISIT_FIELDS)
    visit = existing(session, Visit, visit_id, "visit")
    if visit.client_id != client.id:
        raise DomainError("That visit belongs to another client.")
    before = {"date": visit.date, "status_id": visit.status_id, "pack": visit.membership_id}
    day = validation.date(change.get("date", visit.date), "date", "The visit's date")
    if visit.kind == "checkin":
        if "status_id" in change:
            raise DomainError("A check-in has no attendance status; only its date can change.")
        if day > today:
            raise DomainError("A check-in cannot be in the future.", field="date")
        visit.date = day
    else:
        journal.change_visit(session, actor, visit, day, change.get("status_id", visit.status_id))
    audit.record(session, actor, "edit_visit", "visit", visit.id, before=before,
                 after={"date": visit.date, "status_id": visit.status_id, "pack": visit.membership_id})
