"""Q7: the dashboard's figures, each checked against a count of its own and against the report it opens
(same key, same filters); "this month" is to date against the same days of last month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied
from app.models import Client
from app.reports import REPORTS, dashboard, memberships
from app.reports.base import Filters, Period
from app.services import clients, status
from tests.app.report_world import day, memberships_world, pay, sell, sql

ON = day(10, 20)  # 1-20 Oct against 1-20 Sep


@pytest.fixture
def board(session, owner, gold, silver, six_lessons):
    c, s = memberships_world(session, owner, gold, silver, six_lessons)
    hal = clients.create_client(session, owner, name="Hal Hill")
    sell(session, owner, hal, silver, day(9, 23))  # ends 22 Oct: within 7 days, not renewed
    pay(session, owner, s.cat, "95.00", day(10, 5))
    pay(session, owner, s.ann1, "35.00", day(9, 2))
    pay(session, owner, s.ben, "35.00", day(9, 25))  # after the 20th: not in "the same days"
    return dashboard.run(session, owner, today=ON)


def _count(session, query, **params):
    return sql(session, query, **params)[0][0]


def test_q7_this_month_is_to_date_against_the_same_days_of_last_month(board):
    assert board.period == Period(day(10, 1), ON) and board.previous == Period(day(9, 1), day(9, 20))
    assert all(f.to_date for f in board.figures if f.previous is not None)
    assert Period(dt.date(2028, 3, 1), dt.date(2028, 3, 31)).month_earlier() == Period(dt.date(2028, 2, 1),
                                                                                      dt.date(2028, 2, 29))


def test_q7_current_members_by_each_client_s_standing(session, board):
    standing = [status.governing(session, cid, ON, 7)[0] for cid in session.scalars(select(Client.id))]
    assert board.figure("current_members").value == sum(s in status.CURRENT for s in standing) == 5


def test_q7_new_renewed_and_lost_against_last_month(session, board):
    def started(renewal: bool, first, last):
        return _count(session, f"""SELECT count(*) FROM memberships WHERE kind = 'membership'
                                   AND cancelled_on IS NULL AND renews_id IS {'NOT ' if renewal else ''}NULL
                                   AND start_date BETWEEN :a AND :b""", a=first, b=last)
    now, before = board.period, board.previous
    assert (board.figure("new").value, board.figure("new").previous) == (
        started(False, now.start, now.end), started(False, before.start, before.end)) == (1, 2)
    assert (board.figure("renewed").value, board.figure("renewed").previous) == (
        started(True, now.start, now.end), started(True, before.start, before.end)) == (2, 0)
    ended = sql(session, """SELECT client_id FROM memberships WHERE kind = 'membership' AND cancelled_on IS NULL
                            AND end_date BETWEEN :a AND :b AND end_date < :t""", a=now.start, b=now.end, t=ON)
    lost = [cid for (cid,) in ended if status.governing(session, cid, ON, 7)[0] == "expired"]
    assert board.figure("lost").value == len(lost) == 1  # Ben


def test_q7_revenue_outstanding_expiring_and_occupancy(session, board):
    assert (board.figure("revenue").value, board.figure("revenue").previous) == (Decimal("95.00"), Decimal("35.00"))
    owed = _count(session, """SELECT sum(i.total - coalesce((SELECT sum(p.amount) FROM payments p
                              WHERE p.invoice_id = i.id AND p.voided_at IS NULL), 0))
                              FROM invoices i WHERE i.state = 'issued'""")
    assert board.figure("outstanding").value == Decimal(owed) / 100
    assert board.figure("expiring").value == 1 and board.figure("unpaid").value == 0
    assert (board.figure("occupancy").value, board.figure("occupancy").of) == (0, 0)


def test_q7_each_figure_opens_its_report_with_the_same_filters(session, owner, board):
    for figure in board.figures:
        report = REPORTS[figure.report].run(session, owner, figure.filters, today=ON)
        if figure.key == "revenue":
            assert report.totals["amount"] == figure.value
        elif figure.key == "outstanding":
            assert report.totals["balance"] == figure.value
        elif figure.key == "occupancy":
            assert sum(r["enrolled"] for r in report.rows if r["month"] == day(10, 1)) == figure.value
        else:
            assert len(report.rows) == figure.value, figure.key
    lost = board.figure("lost")
    assert lost.report == "expired" and lost.filters.status == "expired" and lost.filters.kind == "membership"


def test_q7_the_lost_count_agrees_with_the_standing_of_every_client(session, owner, board):
    today = day(11, 20)
    whole = Period(day(1, 1), today)
    by_standing = memberships.expired(session, owner, Filters(period=whole, kind="membership", status="expired"),
                                      today=today)
    fast = dashboard.count(session, memberships.lost_query(session, Filters(period=whole, kind="membership"),
                                                           today, whole))
    ended = sql(session, """SELECT m.client_id FROM memberships m WHERE kind = 'membership' AND cancelled_on IS NULL
                            AND end_date BETWEEN :a AND :b AND end_date < :t AND NOT EXISTS (SELECT 1
                            FROM memberships r WHERE r.renews_id = m.id AND r.cancelled_on IS NULL)""",
                a=whole.start, b=whole.end, t=today)
    lost = [cid for (cid,) in ended if status.governing(session, cid, today, 7)[0] == "expired"]
    assert fast == len(by_standing.rows) == len(lost) == 3  # Ben, Ann's October renewal, Hal (not Eve: renewed)
    assert sorted(r["client"] for r in by_standing.rows) == ["Ann Archer", "Ben Baker", "Hal Hill"]


def test_q7_charts_of_member_movement_and_revenue_by_month(session, board):
    movement, revenue = board.charts
    assert movement.categories[-1] == "10.2026" and len(movement.categories) == 12
    assert dict(movement.series)["Renewed"][-1] == 2  # Gus's renewal starts on the 25th: not to date
    assert dict(movement.series)["New"][-2] == _count(session, """SELECT count(*) FROM memberships
        WHERE kind = 'membership' AND cancelled_on IS NULL AND renews_id IS NULL
        AND start_date BETWEEN '2026-09-01' AND '2026-09-30'""") == 4
    assert dict(revenue.series)["Revenue"][-2:] == [Decimal("70.00"), Decimal("95.00")]


def test_q7_the_dashboard_is_the_owners(session, receptionist, board):
    with pytest.raises(PermissionDenied):
        dashboard.run(session, receptionist, today=ON)
