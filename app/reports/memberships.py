"""Q1: memberships that expired, renewals and new subscriptions, each by the date of its event.

The event of an expired membership is its end date (the last day it covered, and only once that day is
past), of a renewal its start, of a new subscription its start. A renewal is a sale linked to the one it
renews (M4: ``renews_id``) and is counted against that one: the package filter picks the renewed
membership's package, and the row names both. A new subscription is a sale that renews nothing.
Cancelled sales are no event. "Status" is the client's standing today (M8: status.client_status_sql);
expired memberships not renewed whose client stands "expired" are the members lost (the filter "expired"
leaves out the renewed ones: a renewed membership was not lost, whatever happened later).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from app.models import Client, Membership, PackageKind
from app.reports.base import Column, Filters, Kind, Period, Report
from app.reports.common import (
    ZERO,
    header,
    kind_label,
    kind_of,
    period_of,
    standing_label,
    standing_of,
    standing_sql,
    step,
    today_of,
)
from app.reports.wording import say
from app.services.access import Right, guarded
from app.services.status import Status
from app.tasks import TaskState

CLIENT = [Column("code", say("Code")), Column("client", say("Client"))]
STANDING = Column("standing", say("Status now"))


def sales_text(count: int):
    """The rows' total: "12 sales" (a client may have two)."""
    return say("%n sales", n=count, one="%n sale")


def _filtered(stmt, session: Session, filters: Filters, today: dt.date, sale=Membership):
    """The client, package, kind and standing filters; the package on ``sale`` (a renewal's kind is the
    kind it renews, M4)."""
    if filters.client_id is not None:
        stmt = stmt.where(Membership.client_id == filters.client_id)
    if filters.package_id is not None:
        stmt = stmt.where(sale.package_id == filters.package_id)
    kind = kind_of(filters)
    if kind is not None:
        stmt = stmt.where(Membership.kind == kind)
    standing = standing_of(filters)
    if standing is not None:
        stmt = stmt.where(standing_sql(session, today) == standing)
    return stmt


def _select(session: Session, filters: Filters, only: list | None, columns):
    """The rows' ``columns()`` with their client, or just ``only`` (the dashboard's counts): those read no
    client unless the standing filter needs it, and do not build the columns (a standing is a costly
    expression to build: the dashboard's twelve months of movement spent half their time on it)."""
    stmt = select(*(columns() if only is None else only)).select_from(Membership)
    if only is None or standing_of(filters) is not None:
        stmt = stmt.join(Client, Client.id == Membership.client_id)
    return stmt


def _rows(session: Session, stmt, state: TaskState | None) -> list[dict]:
    step(state, 0, 1)
    rows = [dict(row._mapping) for row in session.execute(stmt)]
    for row in rows:
        row["standing"] = standing_label(row["standing"])
        if "kind" in row:
            row["kind"] = kind_label(row["kind"])
    step(state, 1, 1)
    return rows


def expired_query(session: Session, filters: Filters, today: dt.date, period: Period, *, only: list | None = None):
    """Sales (not cancelled) whose end date lies in ``period`` and is past: the dashboard counts it too."""
    renewal = aliased(Membership)
    renewed_on = (select(func.min(renewal.start_date))
                  .where(renewal.renews_id == Membership.id, renewal.cancelled_on.is_(None))
                  .correlate(Membership).scalar_subquery())
    stmt = (_select(session, filters, only, lambda: [
                Client.code, Client.name.label("client"), Membership.package_name.label("package"), Membership.kind,
                Membership.start_date.label("start"), Membership.end_date.label("end"), renewed_on.label("renewed_on"),
                standing_sql(session, today).label("standing")])
            .where(Membership.cancelled_on.is_(None), Membership.end_date >= period.start,
                   Membership.end_date <= min(period.end, today - dt.timedelta(days=1))))
    if standing_of(filters) == Status.EXPIRED:  # the members lost: one renewed was not lost, whatever came later
        stmt = stmt.where(renewed_on.is_(None))
    stmt = _filtered(stmt, session, filters, today)
    return stmt if only is not None else stmt.order_by(Membership.end_date, Client.name, Membership.id)


def lost_query(session: Session, filters: Filters, today: dt.date, period: Period, *, only: list | None = None):
    """The expired report's rows filtered by the standing "expired" (not renewed, the client stands
    expired today), read without computing each standing.

    A client who ended a time membership stands expired exactly when no time membership of theirs may be
    current (at_risk.maybe_current): their governing membership is a started one, so it is current or
    expired. The dashboard counts its lost members (twelve months of them in its chart) this way;
    tests/app/test_reports_q7.py checks it against the report filtered by status.
    """
    from app.reports.at_risk import maybe_current

    renewal = aliased(Membership)
    return (expired_query(session, replace(filters, status=None), today, period, only=only)
            .where(Membership.kind == PackageKind.MEMBERSHIP,
                   Membership.client_id.not_in(maybe_current(session, today)),
                   ~exists().where(renewal.renews_id == Membership.id, renewal.cancelled_on.is_(None))))


@guarded(Right.VIEW_REPORTS)
def expired(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
            today: dt.date | None = None) -> Report:
    today = today_of(today)
    period = period_of(filters, Period.month_of(today))
    rows = _rows(session, expired_query(session, filters, today, period), state)
    return Report("expired", say("Expired memberships"),
                  [*CLIENT, Column("package", say("Package")), Column("kind", say("Kind")),
                   Column("start", say("Started"), Kind.DATE), Column("end", say("Ended"), Kind.DATE),
                   Column("renewed_on", say("Renewal starts"), Kind.DATE), STANDING],
                  rows, header(session, filters, period), {"client": sales_text(len(rows))},
                  empty_text=say("No membership expired in this period."))


def renewals_query(session: Session, filters: Filters, today: dt.date, period: Period, *, only: list | None = None):
    renewed = aliased(Membership)
    stmt = (_select(session, filters, only, lambda: [
                Client.code, Client.name.label("client"), renewed.package_name.label("renewed"),
                renewed.end_date.label("renewed_end"), Membership.package_name.label("package"),
                Membership.start_date.label("start"), Membership.end_date.label("end"), Membership.price,
                standing_sql(session, today).label("standing")])
            .where(Membership.renews_id.is_not(None), Membership.cancelled_on.is_(None),
                   Membership.start_date >= period.start, Membership.start_date <= period.end))
    if only is None or filters.package_id is not None:
        stmt = stmt.join(renewed, renewed.id == Membership.renews_id)
    stmt = _filtered(stmt, session, filters, today, renewed)
    return stmt if only is not None else stmt.order_by(Membership.start_date, Client.name, Membership.id)


@guarded(Right.VIEW_REPORTS)
def renewals(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
             today: dt.date | None = None) -> Report:
    today = today_of(today)
    period = period_of(filters, Period.month_of(today))
    rows = _rows(session, renewals_query(session, filters, today, period), state)
    for row in rows:  # days uncovered between the two (0: renewed on time)
        row["gap"] = max(0, (row["start"] - row["renewed_end"]).days - 1)
    return Report("renewals", say("Renewals"),
                  [*CLIENT, Column("renewed", say("Renewed")), Column("renewed_end", say("Which ended"), Kind.DATE),
                   Column("package", say("Renewed with")), Column("start", say("Starts"), Kind.DATE),
                   Column("end", say("Ends"), Kind.DATE), Column("gap", say("Days uncovered"), Kind.COUNT),
                   Column("price", say("Price"), Kind.MONEY), STANDING],
                  rows, header(session, filters, period),
                  {"client": sales_text(len(rows)), "price": sum((r["price"] for r in rows), start=ZERO)},
                  empty_text=say("No membership was renewed in this period."))


def new_query(session: Session, filters: Filters, today: dt.date, period: Period, *, only: list | None = None):
    stmt = (_select(session, filters, only, lambda: [
                Client.code, Client.name.label("client"), Membership.package_name.label("package"), Membership.kind,
                Membership.start_date.label("start"), Membership.end_date.label("end"), Membership.price,
                standing_sql(session, today).label("standing")])
            .where(Membership.cancelled_on.is_(None), Membership.start_date >= period.start,
                   Membership.start_date <= period.end,
                   # renews nothing; written so the planner reads the period's sales by date rather than
                   # every sale that renews nothing by ix_memberships_renews_id
                   func.coalesce(Membership.renews_id, 0) == 0))
    stmt = _filtered(stmt, session, filters, today)
    return stmt if only is not None else stmt.order_by(Membership.start_date, Client.name, Membership.id)


@guarded(Right.VIEW_REPORTS)
def new_subscriptions(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
                      today: dt.date | None = None) -> Report:
    today = today_of(today)
    period = period_of(filters, Period.month_of(today))
    rows = _rows(session, new_query(session, filters, today, period), state)
    return Report("new", say("New subscriptions"),
                  [*CLIENT, Column("package", say("Package")), Column("kind", say("Kind")),
                   Column("start", say("Starts"), Kind.DATE), Column("end", say("Ends"), Kind.DATE),
                   Column("price", say("Price"), Kind.MONEY), STANDING],
                  rows, header(session, filters, period),
                  {"client": sales_text(len(rows)), "price": sum((r["price"] for r in rows), start=ZERO)},
                  empty_text=say("No new subscription started in this period."))
