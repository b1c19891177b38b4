"""Credits: use (K2, K3), reversal, statement (K4), top-up (K5), low and expiring (K7), the Credits area, roles."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.errors import DomainError, PermissionDenied
from app.models import AuditEvent, CreditAllocation, CreditGrant, CreditType, CreditUse
from app.services import catalogue, checkin, clients, credits, lists, sales, settings
from app.types import utcnow

TODAY = dt.date(2027, 3, 10)


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


@pytest.fixture
def sauna(session, sauna_ten):
    return session.scalar(select(CreditType.id).where(CreditType.name == "Sauna"))


@pytest.fixture
def sauna_month(session, owner, sauna):
    """Five sauna visits valid one month: sold after the ten, it expires first."""
    return catalogue.create_package(session, owner, kind="credits", name="Sauna x5 month", price="35",
                                    term_count=1, term_unit="month", credits={sauna: 5})


def sell(session, actor, client, package, start=TODAY):
    return sales.sell(session, actor, client, package, start_date=start, today=TODAY).membership_id


def grant_of(session, sale_id) -> CreditGrant:
    return session.scalar(select(CreditGrant).where(CreditGrant.membership_id == sale_id))


def counts(session) -> tuple:
    return (session.scalar(select(func.count(CreditUse.id))), session.scalar(select(func.count(CreditAllocation.id))),
            session.scalar(select(func.sum(CreditGrant.used))), session.scalar(select(func.count(AuditEvent.id))))


def test_k2_use_takes_from_the_grant_expiring_soonest_across_packages(session, receptionist, anna, sauna_ten,
                                                                       sauna_month, sauna):
    ten = sell(session, receptionist, anna, sauna_ten, start=day(-20))  # until day(-20) + 6 months
    five = sell(session, receptionist, anna, sauna_month)  # sold later, ends first
    used = credits.use_credits(session, receptionist, anna, sauna, 7, today=TODAY)
    assert (grant_of(session, five).used, grant_of(session, ten).used) == (5, 2)
    parts = session.execute(select(CreditAllocation.grant_id, CreditAllocation.units)
                            .where(CreditAllocation.use_id == used.use_id).order_by(CreditAllocation.id)).all()
    assert [tuple(p) for p in parts] == [(grant_of(session, five).id, 5), (grant_of(session, ten).id, 2)]
    assert used.left == 8 and used.text == "7 visits of Sauna used; 8 visits left"


def test_k2_grants_not_valid_on_the_day_are_left_alone(session, receptionist, anna, sauna_ten, sauna_month, sauna):
    old = sell(session, receptionist, anna, sauna_month, start=day(-60))  # expired a month ago
    later = sell(session, receptionist, anna, sauna_month, start=day(5))  # starts in five days
    now = sell(session, receptionist, anna, sauna_ten)
    credits.use_credits(session, receptionist, anna, sauna, 3, today=TODAY)
    assert [grant_of(session, s).used for s in (old, later, now)] == [0, 0, 3]


def test_k2_a_use_on_an_earlier_day_takes_what_was_valid_then(session, receptionist, anna, sauna_month, sauna):
    old = sell(session, receptionist, anna, sauna_month, start=day(-40))  # valid day(-40) .. day(-10)
    credits.use_credits(session, receptionist, anna, sauna, 2, day(-15), today=TODAY)
    assert grant_of(session, old).used == 2


def test_k3_more_than_the_valid_balance_is_refused_with_the_balance(session, receptionist, anna, sauna_month, sauna):
    sell(session, receptionist, anna, sauna_month)
    credits.use_credits(session, receptionist, anna, sauna, 3, today=TODAY)
    before = counts(session)
    with pytest.raises(DomainError, match="has 2 visits of Sauna valid on 10.03.2027; 3 visits cannot be used"):
        credits.use_credits(session, receptionist, anna, sauna, 3, today=TODAY)
    assert counts(session) == before


def test_k3_the_guarded_update_refuses_units_another_pc_took_meanwhile(session, receptionist, anna, sauna_month,
                                                                        sauna, monkeypatch):
    """Two PCs read one free unit at once; the second's UPDATE finds none left (row count 0)."""
    sale = sell(session, receptionist, anna, sauna_month)
    credits.use_credits(session, receptionist, anna, sauna, 5, today=TODAY)
    stale = grant_of(session, sale).id
    monkeypatch.setattr(credits, "_valid_grants", lambda *_args: [(stale, 1)])  # what the other PC had read
    before = counts(session)
    with pytest.raises(DomainError, match="Another computer used these credits"):
        with session.begin_nested():
            credits.use_credits(session, receptionist, anna, sauna, 1, today=TODAY)
    assert counts(session) == before and grant_of(session, sale).used == 5


@pytest.mark.parametrize("units,message", [
    (0, "at least 1"), (-1, "at least 1"), ("1.5", "whole visits"), (2.5, "whole visits"), ("abc", "a number"),
    (10**9, "at most 100000"), ("", "a number"), (True, "a number"),
])
def test_k3_bad_units_are_refused_and_nothing_is_written(session, receptionist, anna, sauna_ten, sauna, units,
                                                         message):
    sell(session, receptionist, anna, sauna_ten)
    before = counts(session)
    with pytest.raises(DomainError, match=message):
        credits.use_credits(session, receptionist, anna, sauna, units, today=TODAY)
    assert counts(session) == before


def test_k3_a_type_the_client_never_had_is_refused(session, owner, receptionist, anna, sauna_ten):
    solarium = catalogue.create_credit_type(session, owner, "Solarium", "minute")
    sell(session, receptionist, anna, sauna_ten)
    before = counts(session)
    with pytest.raises(DomainError, match="never had Solarium"):
        credits.use_credits(session, receptionist, anna, solarium, 1, today=TODAY)
    assert counts(session) == before


def test_k3_units_of_an_archived_client_are_refused(session, owner, receptionist, anna, sauna_ten, sauna):
    sell(session, receptionist, anna, sauna_ten)
    clients.update_client(session, owner, anna, archived=True)
    before = counts(session)
    with pytest.raises(DomainError, match="archived"):
        credits.use_credits(session, receptionist, anna, sauna, 1, today=TODAY)
    assert counts(session) == before


@pytest.mark.parametrize("on,message", [
    (day(-1), "Their first Sauna starts on 10.03.2027"),
    (day(40), "still to come"),
    (dt.date(1, 1, 1), "must be between"),
])
def test_k3_a_date_outside_the_grants_is_refused(session, receptionist, anna, sauna_month, sauna, on, message):
    sell(session, receptionist, anna, sauna_month)
    before = counts(session)
    with pytest.raises(DomainError, match=message):
        credits.use_credits(session, receptionist, anna, sauna, 1, on, today=TODAY)
    assert counts(session) == before


def test_k3_a_date_after_the_expiry_is_refused(session, receptionist, anna, sauna_month, sauna):
    sell(session, receptionist, anna, sauna_month, start=day(-60))
    with pytest.raises(DomainError, match="Their last Sauna expired on 08.02.2027"):
        credits.use_credits(session, receptionist, anna, sauna, 1, today=TODAY)


def test_k2_a_reversal_gives_the_units_back_to_their_grants(session, receptionist, anna, sauna_ten, sauna_month,
                                                            sauna):
    ten, five = sell(session, receptionist, anna, sauna_ten), sell(session, receptionist, anna, sauna_month)
    use = credits.use_credits(session, receptionist, anna, sauna, 6, today=TODAY).use_id
    reversal = credits.reverse_use(session, receptionist, use, "wrong client", today=TODAY)
    assert (grant_of(session, five).used, grant_of(session, ten).used) == (0, 0)
    record = session.get(CreditUse, reversal)
    assert (record.reverses_id, record.units, record.note) == (use, 6, "wrong client")
    assert session.get(CreditUse, use) is not None  # the use stays, reversed


def test_k2_a_reversal_is_not_reversed_and_a_use_is_reversed_once(session, receptionist, anna, sauna_ten, sauna):
    sell(session, receptionist, anna, sauna_ten)
    use = credits.use_credits(session, receptionist, anna, sauna, 2, today=TODAY).use_id
    reversal = credits.reverse_use(session, receptionist, use, today=TODAY)
    before = counts(session)
    with pytest.raises(DomainError, match="is a reversal"):
        credits.reverse_use(session, receptionist, reversal, today=TODAY)
    with pytest.raises(DomainError, match="already reversed on 10.03.2027"):
        credits.reverse_use(session, receptionist, use, today=TODAY)
    assert counts(session) == before


def test_roles_only_the_owner_reverses_a_use_recorded_before_today(session, owner, receptionist, anna, sauna_ten,
                                                                   sauna):
    sell(session, receptionist, anna, sauna_ten)
    use = credits.use_credits(session, receptionist, anna, sauna, 1, today=TODAY).use_id
    tomorrow = utcnow() + dt.timedelta(days=1)  # the use was recorded now, by the clock
    before = counts(session)
    with pytest.raises(PermissionDenied, match="Only the owner"):
        credits.reverse_use(session, receptionist, use, today=TODAY, now=tomorrow)
    assert counts(session) == before
    credits.reverse_use(session, owner, use, today=TODAY, now=tomorrow)


def test_roles_a_teacher_sees_and_uses_no_credits(session, teacher, receptionist, anna, sauna_ten, sauna):
    sell(session, receptionist, anna, sauna_ten)
    for call in (lambda: credits.use_credits(session, teacher, anna, sauna, 1, today=TODAY),
                 lambda: credits.statement(session, teacher, anna),
                 lambda: credits.count_balances(session, teacher),
                 lambda: credits.balance_client_ids(session, teacher),
                 lambda: credits.balance_rows(session, teacher, [anna]),
                 lambda: credits.top_up(session, teacher, anna, sauna_ten)):
        with pytest.raises(PermissionDenied):
            call()


def test_reversal_of_units_that_have_expired_since_is_refused(session, owner, receptionist, anna, sauna_month,
                                                              sauna):
    sell(session, receptionist, anna, sauna_month, start=day(-40))
    use = credits.use_credits(session, receptionist, anna, sauna, 1, day(-20), today=day(-20)).use_id
    with pytest.raises(DomainError, match="expired on 27.02.2027"):
        credits.reverse_use(session, owner, use, today=TODAY)


def test_k4_statement_with_running_balance_consumed_remaining_and_expired(session, owner, receptionist, anna,
                                                                           sauna_ten, sauna_month, sauna):
    sell(session, receptionist, anna, sauna_month, start=day(-60))  # 5, expired on day(-29)
    sell(session, receptionist, anna, sauna_month, start=day(-50))  # 5, valid until day(-20)
    ten = sell(session, receptionist, anna, sauna_ten, start=day(-5))
    credits.use_credits(session, receptionist, anna, sauna, 2, day(-55), today=TODAY)
    credits.use_credits(session, receptionist, anna, sauna, 3, day(-3), today=TODAY)
    undo = credits.use_credits(session, receptionist, anna, sauna, 1, today=TODAY).use_id
    credits.reverse_use(session, receptionist, undo, today=TODAY)
    shown = credits.statement(session, receptionist, anna, today=TODAY)
    (sauna_row,) = shown["types"]
    moves = [(m["kind"], m["date"], m["change"], m["balance"]) for m in sauna_row["movements"]]
    assert moves == [
        ("grant", day(-60), 5, 5), ("use", day(-55), -2, 3), ("grant", day(-50), 5, 8),
        ("expiry", day(-29), -3, 5), ("expiry", day(-19), -5, 0), ("grant", day(-5), 10, 10),
        ("use", day(-3), -3, 7), ("use", TODAY, -1, 7), ("reversal", TODAY, 1, 7)]  # the pair nets out
    assert {k: sauna_row[k] for k in ("granted", "used", "expired", "remaining", "available")} == {
        "granted": 20, "used": 5, "expired": 8, "remaining": 7, "available": 7}
    assert sauna_row["expiring"] == [(grant_of(session, ten).valid_until, 7)]
    assert [m["reversed"] for m in sauna_row["movements"] if m["kind"] == "use"] == [False, False, True]


def test_k5_a_top_up_before_expiry_stacks(session, receptionist, anna, sauna_ten, sauna_month, sauna):
    sell(session, receptionist, anna, sauna_month)
    credits.use_credits(session, receptionist, anna, sauna, 4, today=TODAY)
    credits.top_up(session, receptionist, anna, sauna_ten, today=TODAY)
    (row,) = credits.statement(session, receptionist, anna, today=TODAY)["types"]
    assert (row["available"], row["granted"], len(row["expiring"])) == (11, 15, 2)
    assert credits.use_credits(session, receptionist, anna, sauna, 11, today=TODAY).left == 0


def test_k5_top_up_sells_only_credits_packages(session, receptionist, anna, gold):
    with pytest.raises(DomainError, match="Top up sells a credits package; Gold is not one"):
        credits.top_up(session, receptionist, anna, gold, today=TODAY)


def test_k7_low_balance_per_type_and_units_expiring_within_the_setting(session, owner, receptionist, anna,
                                                                        sauna_month, sauna):
    lists.save_item(session, owner, "credit_types", sauna, {"low_balance": "2"})
    settings.update_settings(session, owner, {"credits_expiring_days": 40})
    sell(session, receptionist, anna, sauna_month)
    credits.use_credits(session, receptionist, anna, sauna, 2, today=TODAY)
    (row,) = credits.statement(session, receptionist, anna, today=TODAY)["types"]
    assert not row["low"] and row["expiring_soon"] == 3
    credits.use_credits(session, receptionist, anna, sauna, 1, today=TODAY)
    (row,) = credits.statement(session, receptionist, anna, today=TODAY)["types"]
    assert row["low"]
    assert (row["available"], row["expiring_soon"], row["expiring"]) == (2, 2, [(dt.date(2027, 4, 9), 2)])
    settings.update_settings(session, owner, {"credits_expiring_days": 10})
    (row,) = credits.statement(session, receptionist, anna, today=TODAY)["types"]
    assert row["expiring_soon"] == 0


def test_k7_bad_threshold_is_refused(session, owner, sauna):
    with pytest.raises(DomainError, match="whole number"):
        lists.save_item(session, owner, "credit_types", sauna, {"low_balance": "two"})
    assert session.get(CreditType, sauna).low_balance == 0


def test_credits_area_lists_clients_with_a_valid_balance_searchable(session, owner, receptionist, anna, sauna_ten,
                                                                    sauna_month, sauna):
    bob = clients.create_client(session, owner, name="Bob Brown", phone="+44 20 7946 0001")
    cleo = clients.create_client(session, owner, name="Cleo Expired")
    sell(session, receptionist, anna, sauna_ten)
    sell(session, receptionist, anna, sauna_month)
    sell(session, receptionist, bob, sauna_month)
    sell(session, receptionist, cleo, sauna_month, start=day(-60))
    credits.use_credits(session, receptionist, bob, sauna, 5, today=TODAY)  # Bob used everything
    assert credits.count_balances(session, receptionist, today=TODAY) == 1
    (only,) = credits.balance_client_ids(session, receptionist, today=TODAY)
    assert only == anna
    assert credits.balance_client_ids(session, receptionist, "анна", today=TODAY) == [anna]
    assert credits.balance_client_ids(session, receptionist, "bob", today=TODAY) == []
    row = credits.balance_rows(session, receptionist, [anna], today=TODAY)[anna]
    assert [(t["name"], t["available"], t["until"]) for t in row["types"]] == [("Sauna", 15, dt.date(2027, 4, 9))]


def test_k5_top_up_offers_the_pack_the_client_bought_last_first(session, owner, receptionist, anna, sauna_ten,
                                                                 sauna_month):
    assert [p["id"] for p in credits.top_up_packages(session, receptionist)] == [sauna_ten, sauna_month]  # by name
    sell(session, receptionist, anna, sauna_month)
    assert [p["id"] for p in credits.top_up_packages(session, receptionist, anna)] == [sauna_month, sauna_ten]


@pytest.fixture
def sauna_pass(session, owner, sauna):
    lists.save_item(session, owner, "credit_types", sauna, {"used_at_checkin": True})
    return sauna


def test_k6_a_visit_pass_checks_in_green_and_takes_one_unit(session, receptionist, anna, sauna_month, sauna_pass):
    sell(session, receptionist, anna, sauna_month)
    code = clients.get_client(session, receptionist, anna)["code"]
    result = checkin.check_in(session, receptionist, code, today=TODAY)
    assert (result.colour, result.reason, result.offer) == ("green", "Sauna: 1 visit taken, 4 visits left.", None)
    use = session.scalar(select(CreditUse).where(CreditUse.visit_id == result.visit_id))
    assert (use.units, use.used_on, use.note) == (1, TODAY, "Check-in")
    (row,) = credits.statement(session, receptionist, anna, today=TODAY)["types"]
    assert row["available"] == 4 and row["movements"][-1]["checkin"]


def test_k6_a_second_scan_within_minutes_asks_before_a_second_unit(session, receptionist, anna, sauna_month,
                                                                   sauna_pass):
    sell(session, receptionist, anna, sauna_month)
    code = clients.get_client(session, receptionist, anna)["code"]
    now = utcnow()
    checkin.check_in(session, receptionist, code, today=TODAY, now=now)
    with pytest.raises(checkin.AlreadyCheckedIn):
        checkin.check_in(session, receptionist, code, today=TODAY, now=now + dt.timedelta(minutes=3))
    assert session.scalar(select(func.sum(CreditGrant.used))) == 1  # nothing taken while asking
    again = checkin.check_in(session, receptionist, code, today=TODAY, now=now + dt.timedelta(minutes=3),
                             confirmed=True)
    assert again.reason == "Sauna: 1 visit taken, 3 visits left."


def test_k6_a_member_takes_no_unit_and_other_types_are_no_pass(session, owner, receptionist, anna, silver,
                                                               sauna_month, sauna):
    sell(session, receptionist, anna, sauna_month)  # Sauna is not "used at check-in"
    code = clients.get_client(session, receptionist, anna)["code"]
    assert checkin.check_in(session, receptionist, code, today=TODAY).colour == "red"
    lists.save_item(session, owner, "credit_types", sauna, {"used_at_checkin": True})
    sell(session, receptionist, anna, silver)
    member = checkin.check_in(session, receptionist, code, today=TODAY)
    assert (member.colour, member.reason) == ("green", "Membership active.")
    assert session.scalar(select(func.sum(CreditGrant.used))) == 0


def test_k6_a_used_up_pass_is_red(session, receptionist, anna, sauna_month, sauna_pass):
    sell(session, receptionist, anna, sauna_month)
    credits.use_credits(session, receptionist, anna, sauna_pass, 5, today=TODAY)
    code = clients.get_client(session, receptionist, anna)["code"]
    before = counts(session)
    assert checkin.check_in(session, receptionist, code, today=TODAY).colour == "red"
    assert counts(session) == before


def test_k7_the_check_in_banner_says_low_and_expiring_credits(session, owner, receptionist, anna, sauna_month,
                                                              sauna_pass):
    lists.save_item(session, owner, "credit_types", sauna_pass, {"low_balance": 4})
    sell(session, receptionist, anna, sauna_month, start=day(-20))  # ends 17.03.2027, within 14 days
    code = clients.get_client(session, receptionist, anna)["code"]
    result = checkin.check_in(session, receptionist, code, today=TODAY)
    assert result.reason == "Sauna: 1 visit taken, 4 visits left."  # so the low balance is only marked
    assert result.reminders == ("Sauna: low balance.", "Sauna: 4 visits expire by 24.03.2027 (first on 17.03.2027).")


def test_k7_the_check_in_banner_says_a_low_balance_of_another_type_in_full(session, owner, receptionist, anna, silver,
                                                                           sauna_month, sauna):
    lists.save_item(session, owner, "credit_types", sauna, {"low_balance": 5})
    sell(session, receptionist, anna, sauna_month)
    sell(session, receptionist, anna, silver)  # a member: checked in by the membership
    result = checkin.check_in(session, receptionist, clients.get_client(session, receptionist, anna)["code"],
                              today=TODAY)
    assert result.reason == "Membership active." and result.reminders[0] == "Sauna: low balance, 5 visits left."


def test_k4_a_use_recorded_later_for_an_earlier_day_never_takes_the_running_balance_below_zero(
        session, receptionist, anna, sauna_ten, sauna):
    """Found by the property test: 7 used on day -2 and reversed, then 4 recorded for day -5."""
    sell(session, receptionist, anna, sauna_ten, start=day(-10))
    late = credits.use_credits(session, receptionist, anna, sauna, 7, day(-2), today=TODAY).use_id
    credits.reverse_use(session, receptionist, late, today=TODAY)
    credits.use_credits(session, receptionist, anna, sauna, 4, day(-5), today=TODAY)
    (row,) = credits.statement(session, receptionist, anna, today=TODAY)["types"]
    assert [(m["kind"], m["change"], m["balance"]) for m in row["movements"]] == [
        ("grant", 10, 10), ("use", -4, 6), ("use", -7, 6), ("reversal", 7, 6)]


def test_k2_a_sale_whose_credits_were_used_and_reversed_is_cancelled_not_deleted(session, receptionist, anna,
                                                                                  sauna_ten, sauna):
    """The use and its reversal stay on the statement, so the grant they point at stays too."""
    sale = sell(session, receptionist, anna, sauna_ten)
    use = credits.use_credits(session, receptionist, anna, sauna, 1, today=TODAY).use_id
    credits.reverse_use(session, receptionist, use, today=TODAY)
    with pytest.raises(DomainError, match="Credits of this sale have been used; cancel it instead"):
        sales.delete_sale(session, receptionist, sale)
    assert grant_of(session, sale) is not None


def test_k4_cancelling_a_sale_whose_use_was_reversed_keeps_the_pair_on_the_statement(session, receptionist, anna,
                                                                                      sauna_ten, sauna):
    sale = sell(session, receptionist, anna, sauna_ten)
    use = credits.use_credits(session, receptionist, anna, sauna, 2, today=TODAY).use_id
    credits.reverse_use(session, receptionist, use, today=TODAY)
    sales.cancel(session, receptionist, sale, "Changed their mind", today=TODAY)
    (row,) = credits.statement(session, receptionist, anna, today=TODAY)["types"]
    assert [(m["kind"], m["change"]) for m in row["movements"]] == [("use", -2), ("reversal", 2)]
    assert (row["granted"], row["used"], row["available"], row["remaining"]) == (0, 0, 0, 0)


def test_credits_area_leaves_archived_holders_out_of_count_and_list(session, owner, receptionist, anna, sauna_ten):
    bob = clients.create_client(session, owner, name="Bob Brown")
    sell(session, receptionist, anna, sauna_ten)
    sell(session, receptionist, bob, sauna_ten)
    assert credits.count_balances(session, receptionist, today=TODAY) == 2
    clients.update_client(session, owner, bob, archived=True)
    assert credits.count_balances(session, receptionist, today=TODAY) == 1
    assert credits.count_balances(session, receptionist, "bob", today=TODAY) == 0
    assert credits.balance_client_ids(session, receptionist, today=TODAY) == [anna]
