"""The memberships screen's list: every sale, newest first, filtered, read a page at a time.

Like the clients list, the screen keeps only the sales' ids in order and reads
the columns of the rows it shows; the count is exact, whatever the filters
(a client filter used to stop at the first 500 clients found).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Client, Invoice, InvoiceState, Membership
from app.services import clients, invoices, status
from app.services.access import Actor, Right, guarded
from app.services.settings import get_settings


@dataclass(frozen=True)
class SaleFilters:
    """What the screen's filter row asks for; empty values filter nothing."""

    standing: str | None = None
    package_id: int | None = None
    start_from: dt.date | None = None
    start_to: dt.date | None = None
    client_query: str = ""


def _state(session: Session, today: dt.date | None):
    return status.status_sql(today or dt.date.today(), get_settings(session)["tolerance_days"])


def _conditions(session: Session, filters: SaleFilters, today: dt.date | None) -> list:
    """Conditions on Membership alone (no join), so counting and paging stay on its indexes."""
    conditions = []
    if filters.standing:
        conditions.append(_state(session, today) == filters.standing)
    if filters.package_id is not None:
        conditions.append(Membership.package_id == filters.package_id)
    if filters.start_from is not None:
        conditions.append(Membership.start_date >= filters.start_from)
    if filters.start_to is not None:
        conditions.append(Membership.start_date <= filters.start_to)
    if filters.client_query.strip():
        conditions.append(Membership.client_id.in_(clients.matching_ids(session, filters.client_query)))
    return conditions


@guarded(Right.VIEW_CLIENTS)
def sale_ids(session: Session, actor: Actor, filters: SaleFilters, *, offset: int = 0, limit: int | None = None,
             today: dt.date | None = None) -> list[int]:
    """Ids of the sales that match, newest start first, a page at a time."""
    stmt = (select(Membership.id).where(*_conditions(session, filters, today))
            .order_by(Membership.start_date.desc(), Membership.id.desc()).offset(offset).limit(limit))
    session.flush()  # Core below skips autoflush: edits of this transaction must be seen
    return session.connection().execute(stmt).scalars().all()


@guarded(Right.VIEW_CLIENTS)
def count_sales(session: Session, actor: Actor, filters: SaleFilters, *, today: dt.date | None = None) -> int:
    """How many sales match: all of them, never a capped figure."""
    session.flush()
    stmt = select(func.count(Membership.id)).where(*_conditions(session, filters, today))
    return session.connection().execute(stmt).scalar_one()


@guarded(Right.VIEW_CLIENTS)
def sale_rows(session: Session, actor: Actor, ids: list[int], *, today: dt.date | None = None) -> dict[int, dict]:
    """The list's columns for these sales, keyed by id: status, lessons used, invoice and what is due."""
    rows = session.execute(
        select(Membership, _state(session, today).label("status"), Client.name, Client.code, Invoice,
               invoices.due_sql().label("due"))
        .join(Client, Client.id == Membership.client_id)
        .outerjoin(Invoice, Invoice.id == Membership.invoice_id)
        .where(Membership.id.in_(ids)))
    listed = {}
    for sale, state_value, name, code, invoice, due in rows:
        paid_amount = invoice.total - due if invoice is not None else Decimal(0)
        listed[sale.id] = {
            "id": sale.id, "client_id": sale.client_id, "client": name, "code": code, "kind": sale.kind.value,
            "package": sale.package_name, "start": sale.start_date, "end": sale.end_date, "status": state_value,
            "lessons": (sale.lessons_used, sale.lesson_count) if sale.lesson_count else None, "price": sale.price,
            "invoice_id": sale.invoice_id, "invoice": invoices.number_text(invoice) if invoice else "",
            "payment": invoices.payment_state(invoice, paid_amount) if invoice else "",
            "due": due if invoice is not None and invoice.state == InvoiceState.ISSUED else Decimal(0)}
    return listed
