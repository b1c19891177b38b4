"""Q2: the most requested packages of a period by sales and revenue, against the period before; checked
against plain SQL over the sales and their invoices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import DomainError
from app.reports import packages
from app.reports.base import Filters, Period
from tests.app.report_world import OCTOBER, TODAY, day, memberships_world, sql

OCT = Period(*OCTOBER)
SEP = Period(day(9, 1), day(9, 30))


@pytest.fixture
def world(session, owner, gold, silver, six_lessons):
    return memberships_world(session, owner, gold, silver, six_lessons)


def _sold(session, period):
    """Per package name: (sales, revenue) counted by hand: sold on the invoice's day, not cancelled."""
    rows = sql(session, """SELECT p.name, count(*), sum(i.total) FROM memberships m
                           JOIN invoices i ON i.id = m.invoice_id JOIN packages p ON p.id = m.package_id
                           WHERE m.cancelled_on IS NULL AND i.state <> 'void' AND i.date BETWEEN :a AND :b
                           GROUP BY p.name""", a=period.start, b=period.end)
    return {name: (count, Decimal(cents) / 100) for name, count, cents in rows}  # money is kept in cents


def test_q2_sales_and_revenue_per_package_against_the_period_before(session, owner, world):
    report = packages.run(session, owner, Filters(period=OCT), today=TODAY)
    now, before = _sold(session, OCT), _sold(session, SEP)
    assert {r["package"]: (r["sales"], r["revenue"]) for r in report.rows if r["sales"]} == now
    assert {r["package"]: (r["sales_before"], r["revenue_before"]) for r in report.rows if r["sales_before"]} == before
    silver = next(r for r in report.rows if r["package"] == "Silver")
    assert (silver["sales"], silver["sales_before"], silver["sales_change"]) == (1, 4, -3)  # Dan's was cancelled
    assert silver["revenue_change"] == Decimal("-75.0")
    assert ("Compared with", "01.09.2026 – 30.09.2026") in report.filters


def test_q2_most_requested_first_with_a_chart_of_the_top(session, owner, world):
    report = packages.run(session, owner, Filters(period=OCT), today=TODAY)
    sold = [r for r in report.rows if r["sales"]]
    assert [r["sales"] for r in sold] == sorted((r["sales"] for r in sold), reverse=True)
    assert report.rows[0]["package"] == "Gold"
    assert report.chart.categories == [r["package"] for r in sold]
    assert report.chart.series[0] == ("This period", [r["sales"] for r in sold])
    assert report.totals["sales"] == sum(count for count, _revenue in _sold(session, OCT).values())


def test_q2_nothing_sold_says_so(session, owner, world):
    report = packages.run(session, owner, Filters(period=Period(day(3, 1), day(3, 31))), today=TODAY)
    assert report.empty and report.chart is None
    assert report.empty_text == "No package was sold in this period or the one before."


def test_q2_a_year_9999_period_is_refused(session, owner, world):
    with pytest.raises(DomainError):
        packages.run(session, owner, Filters(period=Period(day(1, 1), day(1, 1).replace(year=9999))), today=TODAY)
