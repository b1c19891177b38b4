"""Q4: money taken and paid back over any period, by method and cash drawer (the day's takings,
app.services.payments.takings, over more days); refunds are money out, on the day they were given (B6)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.reports.base import Column, Filters, Kind, Period, Report
from app.reports.common import ZERO, header, period_of, step, today_of
from app.reports.wording import say, term
from app.services import payments
from app.services.access import Right, guarded
from app.tasks import TaskState


def net(lines: list[dict]):
    """What stayed in the till: payments less refunds."""
    return sum((line["amount"] for line in lines), ZERO)


def method_text(line: dict):
    """A line's payment method, a refund's as "Refund: Cash" (the takings' words)."""
    if line.get("refund"):
        return say("Refund: {method}", method=term(line["method"].removeprefix("Refund: ")))
    return term(line["method"])


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    period = period_of(filters, Period.month_of(today_of(today)))
    step(state, 0, 1)
    lines = payments.takings(session, period.start, period.end)
    step(state, 1, 1)
    rows = [{"method": method_text(line), "drawer": line["drawer"], "count": line["count"], "amount": line["amount"]}
            for line in lines]
    return Report("money", say("Payments and refunds by method and cash drawer"),
                  [Column("method", say("Method")), Column("drawer", say("Cash drawer")),
                   Column("count", say("Payments"), Kind.COUNT), Column("amount", say("Amount"), Kind.MONEY)],
                  rows, header(session, filters, period),
                  {"count": sum(r["count"] for r in rows), "amount": net(lines)},
                  empty_text=say("No payment was taken and nothing was paid back in this period."))
