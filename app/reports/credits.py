"""Q3: credits per client and credit type: granted, consumed, expired, remaining and expiring.

The words are the client statement's (K4, app.services.credits.statement): consumed is net of
reversals (a reversed use counts nothing), expired is what was left of a grant after its last day,
remaining is what is not expired (valid today or starting later), expiring is what is valid today and
ends within N days (the K7 setting by default). A period limits "granted" to grants starting in it,
"consumed" to uses on its days and "expired" to grants ending in it; remaining and expiring are
always as of today.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session, aliased

from app.models import Client, CreditGrant, CreditType, CreditUse
from app.reports.base import Column, Filters, Kind, Period, Report
from app.reports.common import days_of, days_text, header, step, today_of
from app.reports.wording import say
from app.services.access import Right, guarded
from app.services.settings import get_settings
from app.tasks import TaskState


def _between(column, period: Period | None):
    return True if period is None else and_(column >= period.start, column <= period.end)


def grants_query(filters: Filters, today: dt.date, soon: dt.date):
    period = filters.period
    left = CreditGrant.units - CreditGrant.used
    stmt = (select(CreditGrant.client_id, CreditGrant.credit_type_id, Client.code, Client.name.label("client"),
                   CreditType.name.label("type"), CreditType.unit,
                   func.sum(case((_between(CreditGrant.valid_from, period), CreditGrant.units), else_=0))
                   .label("granted"),
                   func.sum(case((and_(CreditGrant.valid_until < today, _between(CreditGrant.valid_until, period)),
                                  left), else_=0)).label("expired"),
                   func.sum(case((CreditGrant.valid_until >= today, left), else_=0)).label("remaining"),
                   func.sum(case((and_(CreditGrant.valid_from <= today, CreditGrant.valid_until >= today,
                                       CreditGrant.valid_until <= soon), left), else_=0)).label("expiring"),
                   func.min(case((and_(CreditGrant.valid_until >= today, left > 0), CreditGrant.valid_until)))
                   .label("next_expiry"))
            .join(Client, Client.id == CreditGrant.client_id)
            .join(CreditType, CreditType.id == CreditGrant.credit_type_id)
            .group_by(CreditGrant.client_id, CreditGrant.credit_type_id, Client.code, Client.name, CreditType.name,
                      CreditType.unit))
    return _filtered(stmt, filters, CreditGrant)


def uses_query(filters: Filters):
    """Units used per client and type, leaving out uses reversed since (and the reversals)."""
    reversal = aliased(CreditUse)
    stmt = (select(CreditUse.client_id, CreditUse.credit_type_id, func.sum(CreditUse.units))
            .where(CreditUse.reverses_id.is_(None), ~exists().where(reversal.reverses_id == CreditUse.id),
                   _between(CreditUse.used_on, filters.period))
            .group_by(CreditUse.client_id, CreditUse.credit_type_id))
    return _filtered(stmt, filters, CreditUse)


def _filtered(stmt, filters: Filters, table):
    if filters.client_id is not None:
        stmt = stmt.where(table.client_id == filters.client_id)
    if filters.credit_type_id is not None:
        stmt = stmt.where(table.credit_type_id == filters.credit_type_id)
    return stmt


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    today = today_of(today)
    days = days_of(filters, get_settings(session)["credits_expiring_days"])
    soon = today + dt.timedelta(days=days)
    step(state, 0, 2)
    used = {(client, ctype): units for client, ctype, units in session.execute(uses_query(filters))}
    step(state, 1, 2)
    rows = []
    for row in session.execute(grants_query(filters, today, soon)):
        out = dict(row._mapping)
        out["consumed"] = used.get((row.client_id, row.credit_type_id), 0)
        if any(out[key] for key in ("granted", "consumed", "expired", "remaining")):
            rows.append(out)
    step(state, 2, 2)
    rows.sort(key=lambda r: (r["client"].casefold(), r["code"], r["type"].casefold()))
    shown_period = (filters.period.text() if filters.period else say("All time"))
    return Report("credits", say("Credits by client and type"),
                  [Column("code", say("Code")), Column("client", say("Client")), Column("type", say("Credit type")),
                   Column("unit", say("Unit")), Column("granted", say("Granted"), Kind.COUNT),
                   Column("consumed", say("Consumed"), Kind.COUNT), Column("expired", say("Expired"), Kind.COUNT),
                   Column("remaining", say("Remaining"), Kind.COUNT),
                   Column("expiring", say("Expiring soon"), Kind.COUNT),
                   Column("next_expiry", say("Next expiry"), Kind.DATE)],
                  rows, [(say("Period"), shown_period), *header(session, filters),
                         (say("Expiring within"), days_text(days))],
                  empty_text=say("No credits were granted or used in this period."))
