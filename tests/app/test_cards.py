"""T1 cards on the profile and T2 moving a visit between them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import DomainError, PermissionDenied
from app.models import AttendanceStatus, Membership, Visit
from app.services import card_edits, cards, clients, journal, programs, sales

MONDAY = dt.date(2026, 11, 2)


@pytest.fixture
def seven_marks(session, owner, speech, six_lessons):
    """A child with a 6-lesson pack marked present 7 times: 6/6 and one unpaid."""
    group = programs.create_group(session, owner, program_id=speech, name="Monday speech",
                                  slots=[(0, "16:00", "16:45")])
    child = clients.create_client(session, owner, name="Маша Петрова")
    programs.enrol(session, owner, group, child, since=MONDAY)
    first = sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    present = session.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
    for week in range(7):
        journal.mark(session, owner, group, child, MONDAY + dt.timedelta(weeks=week), present)
    return child, first


def test_t1_cards_oldest_first_with_chips_in_date_order_and_unpaid(session, receptionist, seven_marks, six_lessons):
    child, first = seven_marks
    view = cards.client_cards(session, receptionist, child)
    card = view["cards"][0]
    assert (card["used"], card["size"], card["program"], card["per_lesson"]) == (6, 6, "Speech therapy 7-12y",
                                                                                Decimal("20.00"))
    assert card["added_by"] == "Olga Owner" and card["invoice"].startswith("INV-") and card["payment"] == "unpaid"
    assert [c["date"] for c in card["chips"]] == sorted(c["date"] for c in card["chips"])
    assert [c["letter"] for c in card["chips"]] == ["P"] * 6
    assert [u["date"] for u in view["unpaid"]] == [MONDAY + dt.timedelta(weeks=6)]
    second = sales.sell(session, receptionist, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    view = cards.client_cards(session, receptionist, child)
    assert [(c["id"], c["used"]) for c in view["cards"]] == [(first, 6), (second, 1)] and view["unpaid"] == []


def test_t2_move_refuses_a_full_pack_moves_to_unpaid_and_back(session, receptionist, seven_marks, six_lessons):
    child, first = seven_marks
    second = sales.sell(session, receptionist, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    chip = cards.client_cards(session, receptionist, child)["cards"][1]["chips"][0]["id"]
    with pytest.raises(DomainError, match="is full"):
        cards.move_visit(session, receptionist, chip, first, expected_from=second)
    cards.move_visit(session, receptionist, chip, None, expected_from=second)
    assert session.get(Visit, chip).membership_id is None and session.get(Membership, second).lessons_used == 0
    with pytest.raises(DomainError, match="Another computer has moved"):
        cards.move_visit(session, receptionist, chip, second, expected_from=first)
    cards.move_visit(session, receptionist, chip, second, expected_from=None)  # the undo
    assert session.get(Membership, second).lessons_used == 1


def test_t2_only_to_a_pack_of_the_same_client_and_program(session, owner, receptionist, teacher, seven_marks,
                                                          six_lessons, gold):
    child, first = seven_marks
    other = clients.create_client(session, owner, name="Someone Else")
    foreign = sales.sell(session, owner, other, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    membership = sales.sell(session, owner, child, gold, start_date=MONDAY, today=MONDAY).membership_id
    unpaid = cards.client_cards(session, receptionist, child)["unpaid"][0]["id"]
    for target in (foreign, membership):
        with pytest.raises(DomainError, match="same client and program"):
            cards.move_visit(session, receptionist, unpaid, target)
    with pytest.raises(PermissionDenied):
        cards.move_visit(session, teacher, unpaid, first)


def _status_id(session, name):
    return session.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == name))


def test_t3_save_applies_card_and_visit_changes_together(session, receptionist, seven_marks):
    child, first = seven_marks
    chips = cards.client_cards(session, receptionist, child)["cards"][0]["chips"]
    excused, moved = chips[0]["id"], chips[1]["id"]
    new_day = MONDAY + dt.timedelta(weeks=7)  # a Monday after the seventh mark
    card_edits.save_edits(session, receptionist, child,
                     {first: {"description": "Agreed with the mother", "end": MONDAY + dt.timedelta(days=70)}},
                     {excused: {"status_id": _status_id(session, "Excused")}, moved: {"date": new_day}})
    pack, visit = session.get(Membership, first), session.get(Visit, moved)
    assert pack.description == "Agreed with the mother" and pack.end_date == MONDAY + dt.timedelta(days=70)
    assert session.get(Visit, excused).membership_id is None  # J2: the excuse frees its lesson...
    assert pack.lessons_used == 6 and cards.client_cards(session, receptionist, child)["unpaid"] == []  # ...to the 7th
    assert (visit.date, visit.membership_id) == (new_day, first)  # the pack keeps a lesson it still fits


def test_t3_one_refusal_saves_nothing(session, receptionist, seven_marks):
    child, first = seven_marks
    chip = cards.client_cards(session, receptionist, child)["cards"][0]["chips"][0]["id"]
    before = cards.client_cards(session, receptionist, child)
    with pytest.raises(DomainError, match="end before it starts"), session.begin_nested():
        card_edits.save_edits(session, receptionist, child, {first: {"description": "x", "end": MONDAY - dt.timedelta(1)}},
                         {chip: {"status_id": _status_id(session, "Excused")}})
    session.expire_all()
    assert cards.client_cards(session, receptionist, child) == before


@pytest.mark.parametrize("change, message", [
    ({"end": MONDAY - dt.timedelta(days=1)}, "end before it starts"),
    ({"price": "100"}, "billed on invoice INV-.* never changes"),
    ({"price": "-1"}, "cannot be negative"),
    ({"start": "tomorrow"}, "must be a date"),
    ({"lessons_used": 0}, "Cannot change lessons_used"),
])
def test_t3_card_changes_that_break_a_rule_are_refused(session, receptionist, seven_marks, change, message):
    child, first = seven_marks
    with pytest.raises(DomainError, match=message):
        card_edits.save_edits(session, receptionist, child, {first: change})


def test_t3_visit_changes_follow_the_journal_rules(session, owner, receptionist, teacher, seven_marks):
    child, _first = seven_marks
    chips = cards.client_cards(session, receptionist, child)["cards"][0]["chips"]
    with pytest.raises(DomainError, match="no lesson on Tuesday"):
        card_edits.save_edits(session, receptionist, child, {}, {chips[0]["id"]: {"date": MONDAY + dt.timedelta(1)}})
    with pytest.raises(DomainError, match="already has a mark"):
        card_edits.save_edits(session, receptionist, child, {}, {chips[0]["id"]: {"date": chips[1]["date"]}})
    with pytest.raises(PermissionDenied):
        card_edits.save_edits(session, teacher, child, {}, {chips[0]["id"]: {"status_id": _status_id(session, "Excused")}})
    other = clients.create_client(session, owner, name="Someone Else")
    with pytest.raises(DomainError, match="another client"):
        card_edits.save_edits(session, receptionist, other, {}, {chips[0]["id"]: {"date": MONDAY}})


def test_t3_a_draft_invoice_follows_a_new_price_and_a_cancelled_card_keeps_its_terms(
        session, owner, receptionist, speech, six_lessons):
    from app.models import Invoice
    from app.services import settings

    settings.update_settings(session, owner, {"draft_invoices": True})
    child = clients.create_client(session, owner, name="Draft Child")
    sale = sales.sell(session, receptionist, child, six_lessons, start_date=MONDAY, today=MONDAY)
    card_edits.save_edits(session, receptionist, child, {sale.membership_id: {"price": "99.50"}})
    assert session.get(Invoice, sale.invoice_id).total == Decimal("99.50")
    assert session.get(Membership, sale.membership_id).price == Decimal("99.50")
    sales.cancel(session, owner, sale.membership_id, "moved away", today=MONDAY)
    with pytest.raises(DomainError, match="cancelled: only its description"):
        card_edits.save_edits(session, receptionist, child, {sale.membership_id: {"end": MONDAY + dt.timedelta(5)}})
    card_edits.save_edits(session, receptionist, child, {sale.membership_id: {"description": "refunded"}})


def test_t3_a_membership_cannot_be_stretched_over_another(session, receptionist, anna, gold, silver):
    today = dt.date(2026, 11, 2)
    first = sales.sell(session, receptionist, anna, gold, start_date=today, today=today)
    second = sales.renew(session, receptionist, first.membership_id, silver, today=today)
    with pytest.raises(DomainError, match="would overlap Gold"):
        card_edits.save_edits(session, receptionist, anna,
                         {second.membership_id: {"start": today + dt.timedelta(days=3)}}, today=today)


def test_t3_new_dates_carry_the_credits_and_the_recurring_services(session, owner, receptionist, anna):
    from app.models import CreditGrant, ServiceOccurrence
    from app.services import catalogue

    sauna = catalogue.create_credit_type(session, owner, "Sauna", "visit")
    spa = catalogue.create_package(
        session, owner, kind="membership", name="Spa month", price="50", term_count=1, term_unit="month",
        credits={sauna: 4}, services=[{"name": "Towel", "frequency": "weekly", "every_weeks": 1, "weekdays": [0]}])
    sale = sales.sell(session, receptionist, anna, spa, start_date=dt.date(2027, 2, 1), today=dt.date(2027, 1, 20))
    session.execute(ServiceOccurrence.__table__.update().where(ServiceOccurrence.due_on == dt.date(2027, 2, 8))
                    .values(state="done"))
    card_edits.save_edits(session, receptionist, anna, {sale.membership_id: {"end": dt.date(2027, 3, 14)}})
    card_edits.save_edits(session, receptionist, anna, {sale.membership_id: {"start": dt.date(2027, 2, 10)}})
    grant = session.scalar(select(CreditGrant).where(CreditGrant.membership_id == sale.membership_id))
    assert (grant.valid_from, grant.valid_until) == (dt.date(2027, 2, 10), dt.date(2027, 3, 14))
    due = session.execute(select(ServiceOccurrence.due_on, ServiceOccurrence.state)
                          .where(ServiceOccurrence.membership_id == sale.membership_id)
                          .order_by(ServiceOccurrence.due_on)).all()
    assert [tuple(r) for r in due] == [(dt.date(2027, 2, 8), "done")] + [  # what was done stays done
        (dt.date(2027, 2, 15) + dt.timedelta(weeks=w), "planned") for w in range(4)]
