"""Q7: the owner's first page: a few figures, each the count or sum of a report opened with the same
filters, and two charts (member movement and revenue by month, the last 12 months).

"This month" is the month to date, compared with the same days of last month (Period.month_earlier):
on the 10th, 1-10 March against 1-10 February. Members are time memberships; new, renewed and lost
are the Q1 reports' rows (lost: a membership that ended whose client now stands expired, M8).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, literal, select, type_coerce
from sqlalchemy.orm import Session

from app.models import Group, Invoice, InvoiceState, Membership, PackageKind, Payment, Refund, Visit
from app.reports import at_risk, attendance, expiring, memberships, money, unpaid
from app.reports.base import Chart, Dashboard, Figure, Filters, Kind, Period
from app.reports.common import ZERO, step, today_of
from app.reports.wording import say
from app.services import payments
from app.services.access import Right, guarded
from app.tasks import TaskState
from app.types import Money

MEMBERS = PackageKind.MEMBERSHIP.value
EXPIRING_DAYS = 7
MONTHS = 12


def count(session: Session, stmt) -> int:
    """How many rows a report's query gives, without reading its columns (a standing costs a subquery)."""
    return session.scalar(select(func.count()).select_from(stmt.with_only_columns(literal(1)).order_by(None)
                                                           .subquery()))


def movement_by_day(session: Session, today: dt.date, whole: Period) -> dict[str, list[tuple[dt.date, int]]]:
    """New, renewed and lost time memberships of ``whole`` per day (as the Q1 reports list them: new and
    renewed by their start, lost by their end), read from the sales alone in three grouped queries."""
    members = Filters(period=whole, kind=MEMBERS)
    out = {}
    for name, query, day in (("New", memberships.new_query, Membership.start_date),
                             ("Renewed", memberships.renewals_query, Membership.start_date),
                             ("Lost", memberships.lost_query, Membership.end_date)):
        rows = query(session, members, today, whole, only=[day.label("day")]).order_by(None).subquery()
        out[name] = [(day, n) for day, n in session.execute(select(rows.c.day, func.count()).group_by(rows.c.day))]
    return out


def _by_month(months: list[Period], per_day) -> list:
    """Sums per day (date, value) added up per month."""
    totals = [0] * len(months)
    for day, value in per_day:
        for index, month in enumerate(months):
            if month.start <= day <= month.end:
                totals[index] += value
                break
    return totals


def revenue_chart(session: Session, months: list[Period]) -> Chart:
    """Payments less refunds per month (the money report's net), read per day."""
    first, last = months[0].start, months[-1].end
    paid = session.execute(select(Payment.paid_on, type_coerce(func.sum(Payment.amount), Money()))
                           .where(Payment.paid_on >= first, Payment.paid_on <= last, Payment.voided_at.is_(None))
                           .group_by(Payment.paid_on)).all()
    paid_back = session.execute(select(Refund.refunded_on, type_coerce(-func.sum(Refund.amount), Money()))
                                .where(Refund.refunded_on >= first, Refund.refunded_on <= last)
                                .group_by(Refund.refunded_on)).all()
    totals = [ZERO + value for value in _by_month(months, [*paid, *paid_back])]
    return Chart(say("Revenue by month"), [f"{m.start:%m.%Y}" for m in months], [(say("Revenue"), totals)],
                 kind="line")


def outstanding(session: Session) -> Decimal:
    """What all issued invoices still owe: the balances report's total (each invoice's due as
    app.services.invoices.due_sql has it). Read as the issued invoices' totals less the valid payments on
    them, two sums over covering indexes: no invoice is ever paid above its total (B2), so no due is
    negative and the sum of the dues is that difference (tests/app/test_reports_q7.py checks it)."""
    def total(column, *where):
        return session.scalar(select(type_coerce(func.coalesce(func.sum(column), 0), Money())).where(*where))

    issued = total(Invoice.total, Invoice.state == InvoiceState.ISSUED)
    paid = total(Payment.amount, Payment.voided_at.is_(None))
    paid_elsewhere = total(Payment.amount, Payment.voided_at.is_(None), Payment.invoice_id == Invoice.id,
                           Invoice.state.in_([InvoiceState.DRAFT, InvoiceState.VOID]))
    return issued - (paid - paid_elsewhere)


def occupancy(session: Session, month: Period) -> tuple[int, int]:
    """Clients enrolled this month in the active groups with a capacity, and those groups' capacity."""
    groups = dict(session.execute(select(Group.id, Group.capacity)
                                  .where(Group.active, Group.capacity.is_not(None))).all())
    enrolled = dict(session.execute(attendance.enrolled_query(month, Filters())).all())
    return sum(enrolled.get(g, 0) for g in groups), sum(groups.values())


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, *, state: TaskState | None = None, today: dt.date | None = None) -> Dashboard:
    today = today_of(today)
    month = Period.month_of(today)
    period, previous = month.to_date(today), month.to_date(today).month_earlier()
    board = Dashboard([], period=period, previous=previous)
    steps = 7
    step(state, 0, steps)
    add = board.figures.append
    add(Figure(say("Current members"), at_risk.current_members(session, today), None, "at_risk", Filters(days=0),
               key="current_members"))
    step(state, 1, steps)
    months = attendance.last_months(today, MONTHS).months()
    months[-1] = months[-1].to_date(today)  # this month to date, as its figures
    moves = movement_by_day(session, today, Period(months[0].start, today))
    for key, title, report, series in (("new", say("New this month"), "new", "New"),
                                       ("renewed", say("Renewed this month"), "renewals", "Renewed"),
                                       ("lost", say("Lost this month"), "expired", "Lost")):
        now, before = _by_month([period, previous], moves[series])
        add(Figure(title, now, before, report,
                   Filters(period=period, kind=MEMBERS, status="expired" if key == "lost" else None),
                   key=key, to_date=True))
    step(state, 2, steps)
    add(Figure(say("Revenue this month"), money.net(payments.takings(session, period.start, period.end)),
               money.net(payments.takings(session, previous.start, previous.end)), "money", Filters(period=period),
               Kind.MONEY, key="revenue", to_date=True))
    step(state, 3, steps)
    ending = say("Ending within %n days", n=EXPIRING_DAYS, one="Ending within %n day")
    add(Figure(ending, count(session, expiring.expiring_query(Filters(), today, EXPIRING_DAYS)), None, "expiring",
               Filters(days=EXPIRING_DAYS), key="expiring"))
    add(Figure(say("Unpaid lessons"), count(session, unpaid.unpaid_query(Filters(), only=[Visit.id])), None, "unpaid",
               key="unpaid"))
    step(state, 4, steps)
    add(Figure(say("Outstanding balance"), outstanding(session), None, "balances", kind=Kind.MONEY,
               key="outstanding"))
    step(state, 5, steps)
    enrolled, capacity = occupancy(session, month)
    add(Figure(say("Group occupancy"), enrolled, None, "attendance", Filters(period=month), key="occupancy",
               of=capacity))
    step(state, 6, steps)
    names = {"New": say("New"), "Renewed": say("Renewed"), "Lost": say("Lost")}
    board.charts.append(Chart(say("Member movement by month"), [f"{m.start:%m.%Y}" for m in months],
                              [(names[name], _by_month(months, per_day)) for name, per_day in moves.items()]))
    board.charts.append(revenue_chart(session, months))
    step(state, steps, steps)
    return board
