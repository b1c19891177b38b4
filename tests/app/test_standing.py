"""M8: the profile's badge, the clients list, check-in and the memberships list agree on a
client's standing; a renewal that already runs makes the client active, not "in grace"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.models import Membership
from app.services import checkin, clients, memberships_list, sales, status
from app.services.memberships_list import SaleFilters
from app.services.settings import get_settings
from app.services.status import CURRENT, Status

TODAY = dt.date.today()  # the clients list reads the standing for today


def _views(session, actor, client_id: int, name: str) -> dict:
    """The client's standing as each of the four places shows it."""
    badge = sales.standing(session, actor, client_id)
    listed = clients.client_rows(session, actor, [client_id])[client_id]["status"]
    filtered = {s for s in (*Status, status.NONE) if client_id in clients.search_client_ids(
        session, actor, name, archived=None, standing=s)}
    code = clients.get_client(session, actor, client_id)["code"]
    checked = checkin.check_in(session, actor, code, today=TODAY)
    ids = memberships_list.sale_ids(session, actor, SaleFilters(client_query=name))
    rows = [r for r in memberships_list.sale_rows(session, actor, ids).values()
            if r["client_id"] == client_id and r["kind"] == "membership"]
    by_status = {s: set(memberships_list.sale_ids(session, actor, SaleFilters(standing=s, client_query=name)))
                 for s in Status}
    for row in rows:  # the memberships list's status filter finds each row under the status it shows
        assert {s for s, found in by_status.items() if row["id"] in found} == {row["status"]}
    return {"badge": badge, "list": listed, "filter": filtered, "check_in": checked, "sales": rows}


def _client_with(session, owner, receptionist, name: str, package: int, started_days_ago: int | None) -> tuple:
    client = clients.create_client(session, owner, name=name)
    sale = None
    if started_days_ago is not None:
        start = TODAY - dt.timedelta(days=started_days_ago)
        sale = sales.sell(session, receptionist, client, package, start_date=start, today=start).membership_id
    return client, sale


def test_m8_badge_list_check_in_and_memberships_list_agree(session, owner, receptionist, silver, gold):
    policy = get_settings(session)["checkin_policy"]
    cases = {}
    cases[status.NONE] = _client_with(session, owner, receptionist, "Standing Nobody", silver, None)
    cases[Status.UPCOMING] = _client_with(session, owner, receptionist, "Standing Later", silver, -5)
    cases[Status.ACTIVE] = _client_with(session, owner, receptionist, "Standing Now", silver, 0)
    cases[Status.GRACE] = _client_with(session, owner, receptionist, "Standing Lapsed", silver, 33)
    cases[Status.EXPIRED] = _client_with(session, owner, receptionist, "Standing Gone", silver, 90)
    frozen = _client_with(session, owner, receptionist, "Standing Frozen", gold, 0)
    sales.freeze(session, receptionist, frozen[1], TODAY, TODAY + dt.timedelta(days=9), today=TODAY)
    cases[Status.SUSPENDED] = frozen
    for expected, (client_id, sale_id) in cases.items():
        name = clients.get_client(session, receptionist, client_id)["name"]
        seen = _views(session, receptionist, client_id, name)
        assert seen["badge"]["status"] == seen["list"] == expected, name
        assert seen["filter"] == {expected}, name
        assert seen["badge"]["membership_id"] == seen["check_in"].membership_id == sale_id, name
        assert seen["check_in"].reason == checkin.verdict(policy, expected)[1], name
        assert [r["status"] for r in seen["sales"]] == ([] if sale_id is None else [expected]), name


def test_m8_a_renewal_running_in_grace_makes_the_client_active_everywhere(session, owner, receptionist, silver):
    client, old = _client_with(session, owner, receptionist, "Standing Renewed", silver, 33)
    assert sales.standing(session, receptionist, client)["status"] == Status.GRACE
    renewal = sales.renew(session, receptionist, old, today=TODAY).membership_id
    assert session.get(Membership, renewal).start_date <= TODAY  # the renewal already runs

    seen = _views(session, receptionist, client, "Standing Renewed")
    badge = seen["badge"]
    assert (badge["status"], badge["membership_id"]) == (Status.ACTIVE, renewal)
    assert badge["end"] == session.get(Membership, renewal).end_date  # "Silver · active until <the renewal's end>"
    assert seen["list"] == Status.ACTIVE and seen["filter"] == {Status.ACTIVE}
    assert (seen["check_in"].colour, seen["check_in"].membership_id) == ("green", renewal)
    by_sale = {r["id"]: r["status"] for r in seen["sales"]}
    assert by_sale == {old: Status.EXPIRED, renewal: Status.ACTIVE}  # no row calls the client "in grace"
    assert [s for s, state in by_sale.items() if state in CURRENT] == [badge["membership_id"]]
    old_sale = session.get(Membership, old)  # the Python rule says the same as the SQL one
    assert status.membership_status(session, old_sale, TODAY, 7) == Status.EXPIRED
    assert session.scalar(select(status.status_sql(TODAY, 7)).where(Membership.id == old)) == Status.EXPIRED


def test_m8_an_upcoming_renewal_leaves_the_running_membership_in_charge(session, owner, receptionist, silver):
    client, first = _client_with(session, owner, receptionist, "Standing Ahead", silver, 3)
    renewal = sales.renew(session, receptionist, first, today=TODAY).membership_id
    seen = _views(session, receptionist, client, "Standing Ahead")
    assert (seen["badge"]["status"], seen["badge"]["membership_id"], seen["list"]) == (Status.ACTIVE, first,
                                                                                       Status.ACTIVE)
    assert {r["id"]: r["status"] for r in seen["sales"]} == {first: Status.ACTIVE, renewal: Status.UPCOMING}
