"""Q8: current members (M8 standing) with no visit in N days, longest absent first, with phone and last
visit; checked against each client's standing (status.governing) and their visits counted by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.errors import DomainError
from app.models import Client, Membership
from app.reports import at_risk
from app.reports.base import Filters
from app.services import checkin, status
from app.services import settings as desk_settings
from tests.app.report_world import TODAY, day, memberships_world, sql


@pytest.fixture
def world(session, owner, gold, silver, six_lessons):
    c, s = memberships_world(session, owner, gold, silver, six_lessons)
    for client_id, on in ((c.cat, day(11, 10)), (c.gus, day(10, 26)), (c.ben, day(11, 1))):
        code = session.get(Client, client_id).code
        checkin.check_in(session, owner, code, today=on, confirmed=True,
                         now=dt.datetime.combine(on, dt.time(10), tzinfo=dt.timezone.utc))
    return c, s


def _by_hand(session, days, today=TODAY):
    """(name, last visit, days absent) of every current member absent ``days`` or more, longest first."""
    out = []
    for client_id, name in session.execute(select(Client.id, Client.name)):
        state, governing = status.governing(session, client_id, today, 7)
        if state not in status.CURRENT:
            continue
        last = sql(session, "SELECT max(date) FROM visits WHERE client_id = :c AND date <= :t", c=client_id,
                   t=today)[0][0]
        last = dt.date.fromisoformat(str(last)[:10]) if last else None
        absent = (today - (last or session.get(Membership, governing).start_date)).days
        if absent >= days:
            out.append((name, last, absent))
    return sorted(out, key=lambda r: (-r[2], r[0]))


def test_q8_current_members_absent_for_the_setting_s_days_longest_first(session, owner, world):
    report = at_risk.run(session, owner, Filters(), today=TODAY)
    rows = [(r["client"], r["last_visit"], r["absent"]) for r in report.rows]
    assert rows == _by_hand(session, 21)
    assert rows == [("Eve Evans", None, (TODAY - day(10, 3)).days), ("Gus Grey", day(10, 26), 25)]
    assert report.rows[0]["phone"] == "+44 7000 000004"  # never came: absent since her Gold started
    assert ("No visit in", "21 days") in report.filters


def test_q8_the_setting_and_the_filter_choose_the_days(session, owner, world):
    desk_settings.update_settings(session, owner, {"at_risk_days": 30})
    assert [r["client"] for r in at_risk.run(session, owner, Filters(), today=TODAY).rows] == ["Eve Evans"]
    everyone = at_risk.run(session, owner, Filters(days=0), today=TODAY)
    assert [(r["client"], r["last_visit"], r["absent"]) for r in everyone.rows] == _by_hand(session, 0)
    assert {r["client"] for r in everyone.rows} == {"Eve Evans", "Gus Grey", "Cat Cole"}  # Ben came, but lapsed


def test_q8_nobody_absent_says_so(session, owner, world):
    report = at_risk.run(session, owner, Filters(days=100), today=TODAY)
    assert report.empty and report.empty_text == "Every current member has come within these days."


def test_q8_the_setting_refuses_nonsense(session, owner):
    with pytest.raises(DomainError, match="between 1 and 365"):
        desk_settings.update_settings(session, owner, {"at_risk_days": 0})
    assert desk_settings.get_settings(session)["at_risk_days"] == 21


def test_q8_l2_the_total_counts_the_clients_in_words_not_client_colon_n(session, owner, world):
    """The at-risk total reads "2 clients" (it read "Client: 2"), in the plural each language needs:
    the report's PDF and spreadsheet speak the business's language."""
    from app.reports.wording import ENGLISH, document_voice
    from app.services.report_files import spreadsheet_rows

    report = at_risk.run(session, owner, Filters(), today=TODAY)
    total = report.totals["client"]
    assert total == "2 clients" and ENGLISH.text(total) == "2 clients"
    assert document_voice("ru").text(total) == "2 клиента" and document_voice("ar").text(total) == "2 عميلان"
    headers, rows = spreadsheet_rows(report, document_voice("ru"))
    assert headers[:2] == ["Код", "Клиент"] and rows[-1][:2] == ["Итого", "2 клиента"]
    one = at_risk.run(session, owner, Filters(client_id=world[0].eve), today=TODAY)
    assert one.totals["client"] == "1 client"
