"""Q1: expired memberships, renewals and new subscriptions, each by the date of its event, filtered by
package, client, kind and the client's standing; each checked against plain SQL over the same sales."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import DomainError, PermissionDenied
from app.reports import REPORTS, memberships
from app.reports.base import Filters, Period
from tests.app.report_world import OCTOBER, TODAY, day, memberships_world, sql, standing

OCT = Period(*OCTOBER)


@pytest.fixture
def world(session, owner, gold, silver, six_lessons):
    return memberships_world(session, owner, gold, silver, six_lessons)


def _names(report, *keys):
    return sorted(tuple(row[k] for k in keys) for row in report.rows)


def test_q1_expired_lists_sales_that_ended_in_the_period(session, owner, world):
    report = memberships.expired(session, owner, Filters(period=OCT), today=TODAY)
    expected = sql(session, """SELECT c.name, m.end_date FROM memberships m JOIN clients c ON c.id = m.client_id
                               WHERE m.cancelled_on IS NULL AND m.end_date BETWEEN :a AND :b AND m.end_date < :t""",
                   a=OCT.start, b=OCT.end, t=TODAY)
    assert _names(report, "client", "end") == sorted((name, _date(end)) for name, end in expected)
    assert len(report.rows) == 3 and report.totals["client"] == "3 sales"  # a count said whole, never "Client: 3"


def test_q1_expired_by_standing_gives_the_members_lost(session, owner, world):
    clients_, _sales = world
    report = memberships.expired(session, owner, Filters(period=OCT, status="expired", kind="membership"),
                                 today=TODAY)
    ended = sql(session, """SELECT m.client_id FROM memberships m WHERE m.kind = 'membership'
                            AND m.cancelled_on IS NULL AND m.end_date BETWEEN :a AND :b AND m.end_date < :t""",
                a=OCT.start, b=OCT.end, t=TODAY)
    lost = {cid for (cid,) in ended if standing(session, cid) == "expired"}
    assert {row["code"] for row in report.rows} == set(_codes(session, lost))
    assert sorted(row["client"] for row in report.rows) == ["Ann Archer", "Ben Baker"]  # Gus renewed on time
    assert all(row["standing"] == "Expired" for row in report.rows)


def test_q1_an_expiry_still_to_come_is_not_listed_yet(session, owner, world):
    report = memberships.expired(session, owner, Filters(period=OCT), today=day(10, 24))  # Gus ends that day
    assert "Gus Grey" not in {row["client"] for row in report.rows}
    assert {row["client"] for row in report.rows} == {"Ben Baker"}


def test_q1_renewals_counted_against_the_membership_they_renew(session, owner, world, silver, gold):
    report = memberships.renewals(session, owner, Filters(period=OCT), today=TODAY)
    expected = sql(session, """SELECT c.name, old.package_name, new.package_name, new.start_date
                               FROM memberships new JOIN memberships old ON old.id = new.renews_id
                               JOIN clients c ON c.id = new.client_id
                               WHERE new.cancelled_on IS NULL AND new.start_date BETWEEN :a AND :b""",
                   a=OCT.start, b=OCT.end)
    assert _names(report, "client", "renewed", "package", "start") == sorted(
        (name, old, new, _date(start)) for name, old, new, start in expected)
    eve = next(row for row in report.rows if row["client"] == "Eve Evans")
    assert (eve["renewed"], eve["package"], eve["gap"]) == ("Silver", "Gold", 18)  # 15 Sep - 2 Oct uncovered
    by_silver = memberships.renewals(session, owner, Filters(period=OCT, package_id=silver), today=TODAY)
    assert len(by_silver.rows) == 3  # Eve's Gold renewal counts for the Silver it renewed
    assert memberships.renewals(session, owner, Filters(period=OCT, package_id=gold), today=TODAY).empty


def test_q1_new_subscriptions_renew_nothing_and_were_not_cancelled(session, owner, world):
    report = memberships.new_subscriptions(session, owner, Filters(period=OCT), today=TODAY)
    expected = sql(session, """SELECT c.name FROM memberships m JOIN clients c ON c.id = m.client_id
                               WHERE m.renews_id IS NULL AND m.cancelled_on IS NULL
                               AND m.start_date BETWEEN :a AND :b""", a=OCT.start, b=OCT.end)
    assert sorted(row["client"] for row in report.rows) == sorted(name for (name,) in expected) == ["Cat Cole",
                                                                                                     "Fay Fox"]
    only_time = memberships.new_subscriptions(session, owner, Filters(period=OCT, kind="membership"), today=TODAY)
    assert [row["client"] for row in only_time.rows] == ["Cat Cole"]
    assert report.totals["price"] == sum(row["price"] for row in report.rows)


def test_q1_filters_by_client_and_standing(session, owner, world):
    clients_, _sales = world
    mine = memberships.renewals(session, owner, Filters(period=OCT, client_id=clients_.gus), today=TODAY)
    assert [row["client"] for row in mine.rows] == ["Gus Grey"]
    active = memberships.renewals(session, owner, Filters(period=OCT, status="active"), today=TODAY)
    assert sorted(row["client"] for row in active.rows) == sorted(
        name for name, cid in (("Eve Evans", clients_.eve), ("Gus Grey", clients_.gus), ("Ann Archer", clients_.ann))
        if standing(session, cid) == "active")
    assert ("Client", "Gus Grey") in mine.filters and ("Period", "01.10.2026 – 31.10.2026") in mine.filters


def test_q1_an_empty_period_says_so(session, owner, world):
    report = memberships.expired(session, owner, Filters(period=Period(day(3, 1), day(3, 31))), today=TODAY)
    assert report.empty and report.rows == []
    assert report.empty_text == "No membership expired in this period."
    assert memberships.renewals(session, owner, Filters(period=Period(day(3, 1), day(3, 31))),
                                today=TODAY).empty_text == "No membership was renewed in this period."


def test_q1_bad_periods_and_filters_are_refused_in_plain_words(session, owner, world):
    with pytest.raises(DomainError, match="ends before it starts"):
        memberships.expired(session, owner, Filters(period=Period(day(10, 31), day(10, 1))), today=TODAY)
    with pytest.raises(DomainError, match="between 2000 and 2100"):
        memberships.new_subscriptions(session, owner, Filters(period=Period(day(10, 1), dt.date(9999, 12, 31))),
                                      today=TODAY)
    with pytest.raises(DomainError, match="status from the list"):
        memberships.expired(session, owner, Filters(period=OCT, status="gone"), today=TODAY)
    with pytest.raises(DomainError, match="kind of package"):
        memberships.expired(session, owner, Filters(period=OCT, kind="boat"), today=TODAY)
    with pytest.raises(DomainError, match="no longer exists"):
        memberships.expired(session, owner, Filters(period=OCT, package_id=10**9), today=TODAY)


def test_q1_reports_are_the_owners(session, receptionist, world):
    for key in ("expired", "renewals", "new"):
        with pytest.raises(PermissionDenied):
            REPORTS[key].run(session, receptionist, Filters(period=OCT))


def _date(value):
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _codes(session, client_ids):
    return [code for (code,) in sql(session, "SELECT code FROM clients WHERE id IN (%s)" %
                                    ",".join(str(int(i)) for i in client_ids))] if client_ids else []
