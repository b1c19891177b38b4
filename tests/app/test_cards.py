"""T1 cards on the profile and T2 moving a visit between them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import DomainError, PermissionDenied
from app.models import AttendanceStatus, Membership, Visit
from app.services import cards, clients, journal, programs, sales

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
