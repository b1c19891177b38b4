"""Q1-Q8 speed: the query plans of the reports on SQLite read the big tables through their indexes (the
benchmark's database has no planner statistics either, so these plans are the ones it gets)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.reports import at_risk, attendance, balances, credits, expiring, memberships, packages, unpaid
from app.reports.base import Filters, Period
from tests.databases import only_on_sqlite

pytestmark = only_on_sqlite("EXPLAIN QUERY PLAN; the PostgreSQL plans are checked by the benchmark run (EXPLAIN)")
TODAY = dt.date(2026, 11, 20)
MONTH = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
BIG = ("visits", "memberships", "invoices", "payments", "clients", "credit_grants", "credit_uses")


def plan(session, stmt) -> list[str]:
    sql = str(stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    return [row[-1] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql))]


def _queries(session):
    month = Filters(period=MONTH)
    return {
        "expired": memberships.expired_query(session, month, TODAY, MONTH),
        "lost": memberships.lost_query(session, Filters(period=MONTH, kind="membership"), TODAY, MONTH),
        "renewals": memberships.renewals_query(session, month, TODAY, MONTH),
        "new": memberships.new_query(session, month, TODAY, MONTH),
        "packages": packages.sold_query(month, MONTH),
        "credits": credits.grants_query(month, TODAY, TODAY + dt.timedelta(days=14)),
        "credit uses": credits.uses_query(month),
        "unpaid": unpaid.unpaid_query(Filters()),
        "balances": balances.owing_query(Filters()),
        "attendance": attendance.marks_query(MONTH, Filters()),
        "expiring": expiring.expiring_query(Filters(), TODAY, 7),
        "at risk": at_risk.members_query(session, TODAY, Filters()),
    }


def test_q4_the_heaviest_report_reads_what_is_owed_from_its_covering_indexes(session):
    steps = plan(session, balances.owing_query(Filters()))
    assert any("COVERING INDEX ix_invoices_owing" in s for s in steps), steps
    assert any("COVERING INDEX ix_payments_invoice_valid" in s for s in steps), steps


@pytest.mark.parametrize("name", ["expired", "lost", "renewals", "new", "packages", "credit uses", "unpaid",
                                  "balances", "attendance", "expiring", "at risk"])
def test_q1_q8_no_report_reads_a_big_table_row_by_row(session, name):
    steps = plan(session, _queries(session)[name])
    scans = [s for s in steps if s.startswith("SCAN ") and s.split()[1] in BIG and "COVERING INDEX" not in s]
    assert scans == [], steps
