"""R1: the day agenda of recurring services: scheduled with the sale, removed by freezes and
cancellation, marked done or missed (who, when) with a note, a missed one rescheduled within the term."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.errors import DomainError, PermissionDenied
from app.models import ServiceOccurrence
from app.services import agenda, catalogue, sales, settings

START = dt.date(2027, 1, 1)  # a Friday


@pytest.fixture
def spa(session, owner):
    """Three months with a towel service every two weeks on Mondays and a check-up on each month's day 31."""
    return catalogue.create_package(
        session, owner, kind="membership", name="Spa quarter", price="150", term_count=3, term_unit="month",
        services=[{"name": "Towel", "frequency": "weekly", "every_weeks": 2, "weekdays": [0]},
                  {"name": "Check-up", "frequency": "monthly", "month_day": 31, "months": list(range(1, 13))}])


@pytest.fixture
def sale(session, receptionist, anna, spa):
    return sales.sell(session, receptionist, anna, spa, start_date=START, today=START).membership_id


def due(session, sale_id, name):
    return session.scalars(select(ServiceOccurrence.due_on).where(ServiceOccurrence.membership_id == sale_id,
                                                                  ServiceOccurrence.name == name)
                           .order_by(ServiceOccurrence.due_on)).all()


def test_r1_monthly_on_day_31_falls_on_the_months_last_day(session, receptionist, sale):
    assert due(session, sale, "Check-up") == [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31)]
    (row,) = agenda.day(session, receptionist, dt.date(2027, 2, 28))
    assert (row["name"], row["client"], row["package"], row["state"]) == ("Check-up", "Анна Иванова",
                                                                         "Spa quarter", "planned")


def test_r1_every_two_weeks_on_mondays_from_the_start(session, receptionist, sale):
    towels = due(session, sale, "Towel")
    # the start's week counts as the first: Friday 1 Jan, so Mondays 11 Jan, 25 Jan, ...
    assert towels[:3] == [dt.date(2027, 1, 11), dt.date(2027, 1, 25), dt.date(2027, 2, 8)]
    assert all((b - a).days == 14 for a, b in zip(towels, towels[1:])) and towels[-1] <= dt.date(2027, 3, 31)


def test_r1_a_freeze_removes_the_planned_ones_in_its_days(session, owner, receptionist, sale):
    settings.update_settings(session, owner, {"freeze_min_days": 1})
    sales.freeze(session, receptionist, sale, dt.date(2027, 1, 15), dt.date(2027, 2, 5), today=dt.date(2027, 1, 10))
    assert dt.date(2027, 1, 25) not in due(session, sale, "Towel")
    assert dt.date(2027, 1, 11) in due(session, sale, "Towel") and dt.date(2027, 2, 8) in due(session, sale, "Towel")


def test_r1_cancelling_removes_the_future_ones_and_keeps_the_marked(session, receptionist, sale):
    (first,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    agenda.mark(session, receptionist, first["id"], "done", today=dt.date(2027, 1, 11))
    sales.cancel(session, receptionist, sale, "Moved away", today=dt.date(2027, 1, 12))
    assert due(session, sale, "Towel") == [dt.date(2027, 1, 11)]
    assert due(session, sale, "Check-up") == []


def test_r1_marked_done_or_missed_with_who_when_and_a_note(session, receptionist, sale):
    (row,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    agenda.mark(session, receptionist, row["id"], "missed", "Ill, called", today=dt.date(2027, 1, 12))
    (row,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    assert (row["state"], row["note"], row["marked_by"]) == ("missed", "Ill, called", "Rita Reception")
    assert row["marked_at"] is not None
    agenda.mark(session, receptionist, row["id"], "planned", today=dt.date(2027, 1, 12))
    (row,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    assert (row["state"], row["marked_at"], row["note"]) == ("planned", None, "Ill, called")


@pytest.mark.parametrize("state,today,message", [
    ("done", dt.date(2027, 1, 10), "can be marked on that day or later"),
    ("lost", dt.date(2027, 1, 12), "done, missed or planned"),
])
def test_r1_bad_marks_are_refused_and_nothing_changes(session, receptionist, sale, state, today, message):
    (row,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    with pytest.raises(DomainError, match=message):
        agenda.mark(session, receptionist, row["id"], state, "x", today=today)
    (after,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    assert (after["state"], after["note"]) == ("planned", "")


def test_r1_a_missed_one_is_rescheduled_once_within_the_term(session, receptionist, sale):
    (row,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    agenda.mark(session, receptionist, row["id"], "missed", today=dt.date(2027, 1, 12))
    new = agenda.reschedule(session, receptionist, row["id"], dt.date(2027, 1, 14), today=dt.date(2027, 1, 12))
    (moved,) = agenda.day(session, receptionist, dt.date(2027, 1, 14))
    assert (moved["id"], moved["name"], moved["state"], moved["moved_from"]) == (new, "Towel", "planned",
                                                                                 dt.date(2027, 1, 11))
    assert agenda.day(session, receptionist, dt.date(2027, 1, 11))[0]["moved_to"] == dt.date(2027, 1, 14)
    with pytest.raises(DomainError, match="already rescheduled to 14.01.2027"):
        agenda.reschedule(session, receptionist, row["id"], dt.date(2027, 1, 15), today=dt.date(2027, 1, 12))


@pytest.mark.parametrize("new_date,message", [
    (dt.date(2027, 4, 1), "within the membership"), (dt.date(2027, 1, 11), "in the past"),
    (dt.date(1, 1, 1), "must be between"),
])
def test_r1_a_reschedule_outside_the_term_or_past_is_refused(session, receptionist, sale, new_date, message):
    (row,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    agenda.mark(session, receptionist, row["id"], "missed", today=dt.date(2027, 1, 12))
    before = session.scalar(select(func.count(ServiceOccurrence.id)))
    with pytest.raises(DomainError, match=message):
        agenda.reschedule(session, receptionist, row["id"], new_date, today=dt.date(2027, 1, 12))
    assert session.scalar(select(func.count(ServiceOccurrence.id))) == before


def test_r1_only_a_missed_one_is_rescheduled(session, receptionist, sale):
    (row,) = agenda.day(session, receptionist, dt.date(2027, 1, 11))
    with pytest.raises(DomainError, match="Only a missed"):
        agenda.reschedule(session, receptionist, row["id"], dt.date(2027, 1, 14), today=dt.date(2027, 1, 12))


def test_r1_a_teacher_sees_no_agenda(session, teacher, sale):
    with pytest.raises(PermissionDenied):
        agenda.day(session, teacher, dt.date(2027, 1, 11))
