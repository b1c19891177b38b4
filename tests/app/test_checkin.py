"""J6: check-in by card code: green, amber or red by membership and policy; refusals write nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.errors import DomainError, PermissionDenied
from app.models import Client, Visit
from app.services import checkin, clients, sales, settings

TODAY = dt.date(2026, 11, 21)


def _code(session, client_id):
    return session.get(Client, client_id).code


def _visits(session):
    return session.scalar(select(func.count(Visit.id)).where(Visit.kind == "checkin"))


def test_j6_current_member_is_checked_in_green(session, receptionist, anna, silver):
    sales.sell(session, receptionist, anna, silver, start_date=TODAY, today=TODAY)
    result = checkin.check_in(session, receptionist, _code(session, anna).lower() + " ", today=TODAY)
    assert (result.colour, result.visit_id is not None) == ("green", True)
    assert session.get(Visit, result.visit_id).membership_id == result.membership_id


def test_j6_grace_warns_expired_suspended_and_none_are_refused(session, receptionist, anna, silver, gold):
    sale = sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 10, 1), today=dt.date(2026, 10, 1))
    grace = checkin.check_in(session, receptionist, _code(session, anna), today=dt.date(2026, 11, 3))
    assert (grace.colour, grace.offer) == ("amber", "renew") and grace.visit_id
    before = _visits(session)
    expired = checkin.check_in(session, receptionist, _code(session, anna), today=TODAY)
    assert (expired.colour, expired.offer, expired.visit_id) == ("red", "renew", None)
    newcomer = clients.create_client(session, receptionist, name="New Face")
    none = checkin.check_in(session, receptionist, _code(session, newcomer), today=TODAY)
    assert (none.colour, none.reason, none.offer) == ("red", "No membership.", "sell")
    frozen = sales.sell(session, receptionist, newcomer, gold, start_date=TODAY, today=TODAY)
    sales.freeze(session, receptionist, frozen.membership_id, TODAY, TODAY + dt.timedelta(days=9), today=TODAY)
    assert checkin.check_in(session, receptionist, _code(session, newcomer), today=TODAY).colour == "red"
    assert _visits(session) == before  # refusals write nothing
    assert sale.membership_id


@pytest.mark.parametrize("policy,colour", [("anyone", "amber"), ("any_membership", "amber"),
                                           ("current_members", "red")])
def test_j6_the_policy_decides_for_an_expired_member(session, owner, receptionist, anna, silver, policy, colour):
    settings.update_settings(session, owner, {"checkin_policy": policy})
    sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 1, 1), today=dt.date(2026, 1, 1))
    assert checkin.check_in(session, receptionist, _code(session, anna), today=TODAY).colour == colour


def test_j6_unknown_or_archived_codes_are_refused(session, owner, receptionist, teacher, anna):
    with pytest.raises(DomainError, match="No client has the code ZZZZZZ"):
        checkin.check_in(session, receptionist, "zzzzzz")
    clients.update_client(session, owner, anna, archived=True)
    with pytest.raises(DomainError, match="archived"):
        checkin.check_in(session, receptionist, _code(session, anna))
    with pytest.raises(PermissionDenied):
        checkin.check_in(session, teacher, _code(session, anna))
