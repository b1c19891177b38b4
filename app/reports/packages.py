"""Q2: the packages most requested in a period, by sales and revenue, against the period before.

A sale counts on the day it was sold (its invoice's date), renewals included; a cancelled sale does
not count. Revenue is what its invoice asks (after discounts, with tax).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session

from app.models import Invoice, InvoiceState, Membership, Package
from app.reports.base import Chart, Column, Filters, Kind, Period, Report
from app.reports.common import ZERO, header, kind_label, kind_of, period_of, step, today_of
from app.reports.wording import say
from app.services.access import Right, guarded
from app.tasks import TaskState
from app.types import Money

TOP = 10  # packages in the chart


def sold_query(filters: Filters, period: Period):
    """Per package id: sales and revenue of the sales made in ``period``."""
    stmt = (select(Membership.package_id, func.count(Membership.id),
                   type_coerce(func.coalesce(func.sum(Invoice.total), 0), Money()))
            .join(Invoice, Invoice.id == Membership.invoice_id)
            .where(Invoice.date >= period.start, Invoice.date <= period.end, Invoice.state != InvoiceState.VOID,
                   Membership.cancelled_on.is_(None))
            .group_by(Membership.package_id))
    if filters.client_id is not None:
        stmt = stmt.where(Membership.client_id == filters.client_id)
    kind = kind_of(filters)
    if kind is not None:
        stmt = stmt.where(Membership.kind == kind)
    return stmt


def sold(session: Session, filters: Filters, period: Period) -> dict[int, tuple[int, Decimal]]:
    """Per package id: (sales, revenue) of the sales made in ``period``."""
    stmt = sold_query(filters, period)
    return {package_id: (count, revenue) for package_id, count, revenue in session.execute(stmt)}


def change_pct(now, before) -> Decimal | None:
    """The change against the previous period in percent (one decimal); none when there was nothing."""
    if not before:
        return None
    return (Decimal(now - before) * 100 / Decimal(before)).quantize(Decimal("0.1"))


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    period = period_of(filters, Period.month_of(today_of(today)))
    previous = period.previous()
    step(state, 0, 2)
    now = sold(session, filters, period)
    step(state, 1, 2)
    before = sold(session, filters, previous)
    step(state, 2, 2)
    packages = {p.id: p for p in session.execute(
        select(Package.id, Package.name, Package.kind).where(Package.id.in_(set(now) | set(before))))}
    rows = []
    for package_id in set(now) | set(before):
        count, revenue = now.get(package_id, (0, ZERO))
        count_before, revenue_before = before.get(package_id, (0, ZERO))
        package = packages[package_id]
        rows.append({"package": package.name, "kind": kind_label(package.kind), "sales": count,
                     "sales_before": count_before, "sales_change": count - count_before, "revenue": revenue,
                     "revenue_before": revenue_before, "revenue_change": change_pct(revenue, revenue_before)})
    rows.sort(key=lambda r: (-r["sales"], -r["revenue"], r["package"].casefold()))
    shown = [r for r in rows if r["sales"]][:TOP]
    chart = Chart(say("Top packages"), [r["package"] for r in shown],
                  [(say("This period"), [r["sales"] for r in shown]),
                   (say("Previous period"), [r["sales_before"] for r in shown])])
    return Report("packages", say("Most requested packages"),
                  [Column("package", say("Package")), Column("kind", say("Kind")),
                   Column("sales", say("Sales"), Kind.COUNT), Column("sales_before", say("Sales before"), Kind.COUNT),
                   Column("sales_change", say("Change"), Kind.COUNT), Column("revenue", say("Revenue"), Kind.MONEY),
                   Column("revenue_before", say("Revenue before"), Kind.MONEY),
                   Column("revenue_change", say("Revenue change"), Kind.PERCENT)],
                  rows, header(session, filters, period, ((say("Compared with"), previous.text()),)),
                  {"sales": sum(r["sales"] for r in rows), "sales_before": sum(r["sales_before"] for r in rows),
                   "revenue": sum((r["revenue"] for r in rows), ZERO),
                   "revenue_before": sum((r["revenue_before"] for r in rows), ZERO)},
                  chart if shown else None, empty_text=say("No package was sold in this period or the one before."))
