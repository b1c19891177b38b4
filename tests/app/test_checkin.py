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


def test_j6_a_second_check_in_within_the_set_minutes_asks_first(session, owner, receptionist, anna, silver):
    sales.sell(session, receptionist, anna, silver, start_date=TODAY, today=TODAY)
    first_at = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.timezone.utc)
    code = _code(session, anna)
    assert checkin.check_in(session, receptionist, code, today=TODAY, now=first_at).visit_id
    before = _visits(session)
    with pytest.raises(checkin.AlreadyCheckedIn) as asked:
        checkin.check_in(session, receptionist, code, today=TODAY, now=first_at + dt.timedelta(minutes=9))
    assert asked.value.message == "Анна Иванова was checked in 9 min ago. Record another visit?"
    assert (asked.value.client_name, asked.value.minutes) == ("Анна Иванова", 9)
    assert _visits(session) == before  # not confirmed: nothing written
    again = checkin.check_in(session, receptionist, code, today=TODAY, now=first_at + dt.timedelta(minutes=9),
                             confirmed=True)
    assert again.visit_id and _visits(session) == before + 1
    later = first_at + dt.timedelta(minutes=20)  # ten minutes after the second one: no question
    assert checkin.check_in(session, receptionist, code, today=TODAY, now=later).visit_id


def test_j6_the_double_check_in_minutes_are_a_setting(session, owner, receptionist, anna, silver):
    sales.sell(session, receptionist, anna, silver, start_date=TODAY, today=TODAY)
    at = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.timezone.utc)
    assert settings.get_settings(session)["double_checkin_minutes"] == 10
    with pytest.raises(DomainError, match="between 0 and 240"):
        settings.update_settings(session, owner, {"double_checkin_minutes": 241})
    settings.update_settings(session, owner, {"double_checkin_minutes": 0})  # 0: never ask
    code = _code(session, anna)
    checkin.check_in(session, receptionist, code, today=TODAY, now=at)
    assert checkin.check_in(session, receptionist, code, today=TODAY, now=at).visit_id
    settings.update_settings(session, owner, {"double_checkin_minutes": 60})
    with pytest.raises(checkin.AlreadyCheckedIn):
        checkin.check_in(session, receptionist, code, today=TODAY, now=at + dt.timedelta(minutes=59))


@pytest.mark.parametrize("typed,name_like", [
    ("AVA HUGHES", True), ("Ava", True), ("Анна", True), ("أحمد", True), ("+44 20 7946 0958", True),
    ("O'Brien", True), ("NOPE42", False), ("c000044", False),
])
def test_j6_a_typed_name_is_no_code(session, receptionist, typed, name_like):
    before = _visits(session)
    with pytest.raises(checkin.NoSuchCode) as refused:
        checkin.check_in(session, receptionist, typed)
    assert (refused.value.text, refused.value.name_like) == (typed, name_like)
    assert refused.value.message == f"No client has the code {typed.upper()[:20]}."
    assert _visits(session) == before
