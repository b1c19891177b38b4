"""Q4: outstanding balances per payer (the client, or the family's payer who gets the invoices), with the
date of the oldest invoice still owing. What an invoice owes is the clients list's own definition
(app.services.invoices.due_sql: an issued invoice's total less its valid payments)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session

from app.models import Client, Family, Invoice, InvoiceState
from app.reports.base import Column, Filters, Kind, Report
from app.reports.common import ZERO, header, step, today_of
from app.reports.wording import say
from app.services import invoices
from app.services.access import Right, guarded
from app.tasks import TaskState
from app.types import Money


def owing_query(filters: Filters):
    """Per payer: invoices owing, the oldest one's date and the total due."""
    due = invoices.due_sql()
    owing = (select(Invoice.payer_id, Invoice.date, due.label("due"))
             .where(Invoice.state == InvoiceState.ISSUED))
    if filters.client_id is not None:  # the client's own invoices, or those they pay for
        owing = owing.where((Invoice.payer_id == filters.client_id) | (Invoice.client_id == filters.client_id))
    owing = owing.subquery()
    per_payer = (select(owing.c.payer_id, func.count().label("invoices"), func.min(owing.c.date).label("oldest"),
                        type_coerce(func.sum(owing.c.due), Money()).label("balance"))
                 .where(owing.c.due > 0).group_by(owing.c.payer_id).subquery())
    return (select(Client.code, Client.name.label("payer"), Family.name.label("family"), Client.phone,
                   per_payer.c.invoices, per_payer.c.oldest, per_payer.c.balance)
            .join(Client, Client.id == per_payer.c.payer_id).outerjoin(Family, Family.id == Client.family_id))


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    today = today_of(today)
    step(state, 0, 1)
    rows = [dict(row._mapping) for row in session.execute(owing_query(filters))]
    step(state, 1, 1)
    for row in rows:
        row["family"] = row["family"] or ""
        row["days"] = (today - row["oldest"]).days
    rows.sort(key=lambda r: (r["oldest"], r["payer"].casefold()))
    return Report("balances", say("Outstanding balances"),
                  [Column("code", say("Code")), Column("payer", say("Payer")), Column("family", say("Family")),
                   Column("phone", say("Phone")), Column("invoices", say("Invoices owing"), Kind.COUNT),
                   Column("oldest", say("Oldest unpaid invoice"), Kind.DATE),
                   Column("days", say("Days owing"), Kind.COUNT), Column("balance", say("Balance due"), Kind.MONEY)],
                  rows, header(session, filters), {"invoices": sum(r["invoices"] for r in rows),
                                                   "balance": sum((r["balance"] for r in rows), ZERO)},
                  empty_text=say("Nobody owes anything."))
