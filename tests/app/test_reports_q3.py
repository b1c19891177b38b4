"""Q3: credits per client and type: granted, consumed (net of reversals), expired, remaining and expiring;
checked against plain SQL over the grants and uses, and against the story's own numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import DomainError
from app.reports import credits as credit_report
from app.reports.base import Filters, Period
from app.services import clients, credits
from tests.app.report_world import TODAY, day, sell, sql


@pytest.fixture
def holders(session, owner, sauna_ten):
    """Ann: a pack of May (3 used in June, then 2 more on 20 Oct: K2 takes the one ending first, so 5 expire
    on 31 Oct) and one of 15 Oct (a use of 2 Nov reversed: untouched). Ben: a pack of June, untouched,
    ending on 30 Nov (within 14 days of TODAY)."""
    ann = clients.create_client(session, owner, name="Ann Archer")
    ben = clients.create_client(session, owner, name="Ben Baker")
    sell(session, owner, ann, sauna_ten, day(5, 1))
    credits.use_credits(session, owner, ann, _sauna(session), 3, day(6, 1), today=day(6, 1))
    sell(session, owner, ann, sauna_ten, day(10, 15))
    credits.use_credits(session, owner, ann, _sauna(session), 2, day(10, 20), today=day(10, 20))
    mistake = credits.use_credits(session, owner, ann, _sauna(session), 1, day(11, 2), today=day(11, 2)).use_id
    credits.reverse_use(session, owner, mistake, "typed twice", today=day(11, 3))
    sell(session, owner, ben, sauna_ten, day(6, 1))
    return ann, ben


def _sauna(session):
    return sql(session, "SELECT id FROM credit_types WHERE name = 'Sauna'")[0][0]


def _by_hand(session, today, soon, client_id):
    """(granted, consumed, expired, remaining, expiring) of the client's Sauna, in plain SQL."""
    granted, expired, remaining, expiring = sql(session, """
        SELECT sum(units),
               sum(CASE WHEN valid_until < :t THEN units - used ELSE 0 END),
               sum(CASE WHEN valid_until >= :t THEN units - used ELSE 0 END),
               sum(CASE WHEN valid_from <= :t AND valid_until BETWEEN :t AND :s THEN units - used ELSE 0 END)
        FROM credit_grants WHERE client_id = :c""", t=today, s=soon, c=client_id)[0]
    consumed = sql(session, """SELECT coalesce(sum(units), 0) FROM credit_uses u WHERE client_id = :c
                               AND reverses_id IS NULL
                               AND NOT EXISTS (SELECT 1 FROM credit_uses r WHERE r.reverses_id = u.id)""",
                   c=client_id)[0][0]
    return granted, consumed, expired, remaining, expiring


def _figures(row):
    return row["granted"], row["consumed"], row["expired"], row["remaining"], row["expiring"]


def test_q3_granted_consumed_expired_remaining_expiring_per_client_and_type(session, owner, holders):
    ann, ben = holders
    report = credit_report.run(session, owner, Filters(), today=TODAY)
    rows = {row["client"]: row for row in report.rows}
    soon = TODAY + dt.timedelta(days=14)  # the K7 setting's default
    assert _figures(rows["Ann Archer"]) == _by_hand(session, TODAY, soon, ann) == (20, 5, 5, 10, 0)
    assert _figures(rows["Ben Baker"]) == _by_hand(session, TODAY, soon, ben) == (10, 0, 0, 10, 10)
    assert rows["Ben Baker"]["next_expiry"] == day(11, 30) and rows["Ann Archer"]["type"] == "Sauna"


def test_q3_a_period_limits_grants_uses_and_expiries_to_its_days(session, owner, holders):
    report = credit_report.run(session, owner, Filters(period=Period(day(10, 1), day(10, 31))), today=TODAY)
    ann = next(row for row in report.rows if row["client"] == "Ann Archer")
    assert _figures(ann)[:3] == (10, 2, 5)  # the October pack, the use of 20 Oct, the May pack's end
    assert [row["client"] for row in report.rows] == ["Ann Archer", "Ben Baker"]  # Ben still holds units


def test_q3_expiring_within_chosen_days_and_one_client(session, owner, holders):
    ann, ben = holders
    report = credit_report.run(session, owner, Filters(days=5, client_id=ben), today=TODAY)
    assert [(r["client"], r["expiring"]) for r in report.rows] == [("Ben Baker", 0)]
    assert ("Expiring within", "5 days") in report.filters


def test_q3_nobody_with_credits_and_bad_days(session, owner):
    report = credit_report.run(session, owner, Filters(), today=TODAY)
    assert report.empty and report.empty_text == "No credits were granted or used in this period."
    with pytest.raises(DomainError, match="number of days"):
        credit_report.run(session, owner, Filters(days=10**9), today=TODAY)
