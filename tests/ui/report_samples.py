"""Reports made in the test, in the shape every report has (app/reports/base.py), for the window's side
of the Reports area: the pages are proven against these, whatever the real queries return."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest

from app.reports.base import Chart, Column, Dashboard, Figure, Filters, Kind, Period, Report, ReportDef

PAYMENTS = [  # as text, "9.50" > "25.00" > "1,200.00" > "100.00": a text sort would get these wrong
    {"client": "Anna Ivanova", "paid_on": dt.date(2026, 3, 9), "lessons": 12, "amount": Decimal("9.50")},
    {"client": "boris Petrov", "paid_on": dt.date(2026, 3, 10), "lessons": 2, "amount": Decimal("1200.00")},
    {"client": "Clara Smith", "paid_on": dt.date(2026, 2, 28), "lessons": 100, "amount": Decimal("25.00")},
    {"client": "=HYPERLINK(\"x\")", "paid_on": dt.date(2026, 3, 1), "lessons": 3, "amount": Decimal("100.00")},
]
COLUMNS = [Column("client", "Client"), Column("paid_on", "Paid on", Kind.DATE), Column("lessons", "Lessons", Kind.COUNT),
           Column("amount", "Amount", Kind.MONEY)]


def payments_report(filters: Filters, rows: list[dict] | None = None) -> Report:
    rows = PAYMENTS if rows is None else rows
    return Report(
        "payments", "Payments by client", COLUMNS, [dict(r) for r in rows],
        filters=[("Period", f"{filters.period.start:%d.%m.%Y} – {filters.period.end:%d.%m.%Y}")] if filters.period
        else [],
        totals={"lessons": sum(r["lessons"] for r in rows), "amount": sum((r["amount"] for r in rows), Decimal(0))},
        chart=Chart("Paid by month", ["Feb 2026", "Mar 2026"], [("Amount", [Decimal("25.00"), Decimal("1309.50")])]),
        apart=[{"client": "Dmitri No-Phone", "lessons": 1, "amount": Decimal("5.00")}],
        apart_title="No phone or email",
    )


class Samples:
    """The test's reports, and what each was asked for (the filters it ran with)."""

    def __init__(self):
        self.asked: list[tuple[str, Filters]] = []
        self.slow_started = threading.Event()
        self.rows: list[dict] | None = None

    def payments(self, session, actor, filters: Filters, *, state=None) -> Report:
        self.asked.append(("payments", filters))
        return payments_report(filters, self.rows)

    def empty(self, session, actor, filters: Filters, *, state=None) -> Report:
        self.asked.append(("empty", filters))
        return Report("empty", "Renewals", COLUMNS, [], empty_text="No renewals in this period.")

    def slow(self, session, actor, filters: Filters, *, state=None) -> Report:
        """Works until Cancel is pressed (a wait on the worker thread, checked every 10 ms)."""
        self.asked.append(("slow", filters))
        self.slow_started.set()
        stop = threading.Event()
        for step in range(100_000):
            state.progress(step, 100_000)  # raises Cancelled once Cancel is pressed
            stop.wait(0.01)
        raise AssertionError("the slow report was never cancelled")

    def definitions(self) -> dict[str, ReportDef]:
        return {
            "payments": ReportDef("payments", "Payments by client", self.payments,
                                  uses=frozenset({"period", "package", "client"})),
            "renewals": ReportDef("renewals", "Renewals", self.empty, uses=frozenset({"period", "status"})),
            "expiring": ReportDef("expiring", "Expiring soon", self.payments, uses=frozenset({"days", "group"}),
                                  defaults=Filters(days=7)),
            "slow": ReportDef("slow", "A slow report", self.slow),
        }


@pytest.fixture
def samples(monkeypatch):
    """app.reports.REPORTS holds the test's reports, and the dashboard is the test's, while the test runs."""
    from app import reports

    from ui.reports import dashboard

    made = Samples()
    monkeypatch.setattr(reports, "REPORTS", made.definitions(), raising=False)
    monkeypatch.setattr(dashboard, "DASHBOARD", "tests.ui.report_samples:sample_dashboard")
    return made


def month(year: int, number: int) -> Period:
    return Period.month_of(dt.date(year, number, 1))


def sample_dashboard(session, actor, *, state=None) -> Dashboard:
    """The owner's dashboard in the agreed shape: this month (to date) against last month."""
    this_month = Period.month_of(dt.date.today())
    return Dashboard(
        figures=[Figure("Current members", 42, 40, "payments", Filters(period=this_month), to_date=True),
                 Figure("Revenue", Decimal("1334.50"), Decimal("1500.00"), "payments",
                        Filters(period=this_month, package_id=None), kind=Kind.MONEY, to_date=True),
                 Figure("Group occupancy", 241, None, "expiring", Filters(days=7), of=307),
                 Figure("Expiring in 7 days", 3, None, "expiring", Filters(days=7)),
                 Figure("Lost", 2, 2, "renewals", Filters(period=month(2026, 2), status="expired"))],
        charts=[Chart("Member movement", ["Jan", "Feb", "Mar"], [("Started", [5, 7, 3]), ("Lost", [1, 2, 4])]),
                Chart("Revenue by month", ["Jan", "Feb", "Mar"],
                      [("Revenue", [Decimal("900"), Decimal("1500"), Decimal("1334.50")])], kind="line")])
