"""The journal's rules: J1, J2, J4, J5, J7, and what may be marked at all."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.errors import DomainError, PermissionDenied
from app.models import AttendanceStatus, Group, Makeup, Membership, Visit
from app.services import card_edits, cards, clients, journal, lists, programs, sales
from app.services import settings as desk_settings

MONDAY = dt.date(2026, 11, 2)


def _status(session, name):
    return session.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == name))


@pytest.fixture
def group(session, owner, teacher, speech):
    return programs.create_group(session, owner, program_id=speech, name="Monday speech", teacher_id=teacher.user_id,
                                 capacity=12, slots=[(0, "16:00", "16:45")])


@pytest.fixture
def child(session, owner, group):
    kid = clients.create_client(session, owner, name="Маша Петрова")
    programs.enrol(session, owner, group, kid, since=MONDAY - dt.timedelta(days=60))
    return kid


def _mondays(count):
    return [MONDAY + dt.timedelta(weeks=i) for i in range(count)]


def test_j1_marks_take_the_oldest_valid_pack_then_become_unpaid(session, owner, teacher, group, child, six_lessons):
    first = sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    present = _status(session, "Present")
    landed = [journal.mark(session, teacher, group, child, day, present) for day in _mondays(7)]
    assert [r["membership_id"] for r in landed[:6]] == [first] * 6
    assert landed[6]["membership_id"] is None and landed[6]["unpaid"]
    assert session.get(Membership, first).lessons_used == 6
    second = sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    assert session.get(Visit, landed[6]["visit_id"]).membership_id == second  # J3
    assert session.get(Membership, second).lessons_used == 1


def test_j1_a_pack_not_valid_on_the_date_is_skipped(session, owner, teacher, group, child, six_lessons):
    sales.sell(session, owner, child, six_lessons, start_date=MONDAY + dt.timedelta(weeks=2), today=MONDAY)
    result = journal.mark(session, teacher, group, child, MONDAY, _status(session, "Present"))
    assert result["unpaid"]


def test_j2_excusing_or_clearing_gives_the_lesson_back(session, owner, teacher, group, child, six_lessons):
    pack = sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    journal.mark(session, teacher, group, child, MONDAY, _status(session, "Present"))
    journal.mark(session, teacher, group, child, MONDAY + dt.timedelta(weeks=1), _status(session, "Absent without notice"))
    assert session.get(Membership, pack).lessons_used == 2
    journal.mark(session, teacher, group, child, MONDAY, _status(session, "Sick"))
    journal.mark(session, teacher, group, child, MONDAY + dt.timedelta(weeks=1), None)
    assert session.get(Membership, pack).lessons_used == 0
    assert session.scalar(select(func.count(Visit.id)).where(Visit.client_id == child)) == 1


def test_j2_a_freed_lesson_goes_to_the_oldest_unpaid_visit(session, owner, teacher, group, child, six_lessons):
    pack = sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    landed = [journal.mark(session, teacher, group, child, day, _status(session, "Present")) for day in _mondays(8)]
    assert [r["unpaid"] for r in landed[6:]] == [True, True]
    journal.mark(session, teacher, group, child, MONDAY, _status(session, "Excused"))
    assert session.get(Visit, landed[6]["visit_id"]).membership_id == pack  # the older unpaid one
    assert session.get(Visit, landed[7]["visit_id"]).membership_id is None
    journal.mark(session, teacher, group, child, MONDAY + dt.timedelta(weeks=1), None)
    assert session.get(Visit, landed[7]["visit_id"]).membership_id == pack
    assert session.get(Membership, pack).lessons_used == 6


def test_j4_a_pack_never_holds_more_than_its_size_even_in_sql(session, owner, teacher, group, child, six_lessons):
    pack = sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    for day in _mondays(6):
        journal.mark(session, teacher, group, child, day, _status(session, "Present"))
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(text(f"UPDATE memberships SET lessons_used = 7 WHERE id = {pack}"))
    assert session.get(Membership, pack).lessons_used == 6


def test_j5_a_category_that_may_not_attend_is_refused(session, owner, teacher, group, child):
    staff = lists.save_item(session, owner, "client_categories", None, {"name": "Staff", "may_attend": False})
    clients.update_client(session, owner, child, category_id=staff)
    with pytest.raises(DomainError, match="category Staff are not marked"):
        journal.mark(session, teacher, group, child, MONDAY, _status(session, "Present"))
    assert session.scalar(select(func.count(Visit.id)).where(Visit.client_id == child)) == 0


def test_j7_excused_absence_earns_a_makeup_that_a_makeup_mark_spends(session, owner, teacher, group, child,
                                                                     six_lessons):
    pack = sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY).membership_id
    desk_settings.update_settings(session, owner, {"makeup_days": 14})
    journal.mark(session, teacher, group, child, MONDAY, _status(session, "Excused"))
    makeup = session.scalar(select(Makeup).where(Makeup.client_id == child))
    assert makeup.expires_on == MONDAY + dt.timedelta(days=14)
    later = MONDAY + dt.timedelta(weeks=1)
    journal.mark(session, teacher, group, child, later, _status(session, "Makeup"))
    assert makeup.used_by_visit_id is not None and session.get(Membership, pack).lessons_used == 0
    with pytest.raises(DomainError, match="was used on"):  # the earned makeup is spent: the excuse stays
        journal.mark(session, teacher, group, child, MONDAY, _status(session, "Present"))
    with pytest.raises(DomainError, match="no makeup lesson left"):
        journal.mark(session, teacher, group, child, MONDAY + dt.timedelta(weeks=2), _status(session, "Makeup"))


def test_j7_a_makeup_in_another_group_of_the_program(session, owner, teacher, group, child, speech):
    other = programs.create_group(session, owner, program_id=speech, name="Thursday speech",
                                  slots=[(3, "16:00", "16:45")])
    thursday = MONDAY + dt.timedelta(days=3)
    assert journal.makeup_visitors(session, owner, other, thursday) == []
    journal.mark(session, teacher, group, child, MONDAY, _status(session, "Excused"))
    assert [v["name"] for v in journal.makeup_visitors(session, owner, other, thursday)] == ["Маша Петрова"]
    with pytest.raises(DomainError, match="for a makeup lesson only"):
        journal.mark(session, owner, other, child, thursday, _status(session, "Present"))
    journal.mark(session, owner, other, child, thursday, _status(session, "Makeup"))
    view = journal.month(session, owner, other, 2026, 11)
    assert [(c["name"], c["visitor"]) for c in view["clients"]] == [("Маша Петрова", True)]
    assert journal.makeup_visitors(session, owner, other, thursday) == []  # marked: no longer offered
    journal.mark(session, owner, other, child, thursday, None)  # and the mark can be cleared
    assert session.scalar(select(Makeup.used_by_visit_id).where(Makeup.client_id == child)) is None


def test_j7_unused_makeups_expire_and_are_listed(session, owner, teacher, group, child):
    journal.mark(session, teacher, group, child, MONDAY, _status(session, "Excused"))
    days = desk_settings.get_settings(session)["makeup_days"]
    listed = journal.makeups(session, teacher, today=MONDAY + dt.timedelta(days=days))
    assert [(m["client"], m["program"], m["expires_on"]) for m in listed["open"]] == [
        ("Маша Петрова", "Speech therapy 7-12y", MONDAY + dt.timedelta(days=days))] and listed["expired"] == []
    listed = journal.makeups(session, teacher, today=MONDAY + dt.timedelta(days=days + 1))
    assert [(m["client"], m["earned_on"]) for m in listed["expired"]] == [("Маша Петрова", MONDAY)]
    assert listed["open"] == []
    with pytest.raises(DomainError, match="no makeup lesson left"):
        journal.mark(session, teacher, group, child, MONDAY + dt.timedelta(weeks=6), _status(session, "Makeup"))


def test_marks_only_on_lesson_days_for_enrolled_clients_in_own_groups(session, owner, teacher, group, child):
    present = _status(session, "Present")
    tuesday = MONDAY + dt.timedelta(days=1)
    with pytest.raises(DomainError, match="no lesson on Tuesday"):
        journal.mark(session, teacher, group, child, tuesday, present)
    journal.add_extra_date(session, teacher, group, tuesday)
    assert journal.mark(session, teacher, group, child, tuesday, present)["visit_id"]
    stranger = clients.create_client(session, owner, name="Not Enrolled")
    with pytest.raises(DomainError, match="is not in Monday speech"):
        journal.mark(session, teacher, group, stranger, MONDAY, present)
    other_teacher_group = programs.create_group(session, owner, program_id=session.get(Group, group).program_id,
                                                name="Owner's group", slots=[(0, "10:00", "10:45")])
    with pytest.raises(PermissionDenied):
        journal.mark(session, teacher, other_teacher_group, child, MONDAY, present)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["mark", "clear", "sell", "move", "edit"]), st.integers(0, 9),
                                st.sampled_from(["Present", "Absent without notice", "Excused", "Sick", "Trial"]),
                                st.integers(0, 3)),
                      min_size=1, max_size=30))
def test_j4_invariants_over_random_marks_clears_sales_moves_and_edits(session, owner, teacher, receptionist, group,
                                                                        child, six_lessons, steps):
    """J1-J4, T2, T3: whatever happens, no pack holds more than its size, a pack's count is its linked
    visits, only chargeable visits hold lessons, and (unless a lesson was moved to unpaid by hand)
    a visit is unpaid only when every pack is full."""
    moved_to_unpaid = False
    with session.begin_nested() as nested:
        for action, week, status_name, target in steps:
            day = MONDAY + dt.timedelta(weeks=week)
            visit = session.scalar(select(Visit.id).where(Visit.client_id == child, Visit.date == day))
            packs = session.scalars(select(Membership.id).where(Membership.client_id == child)
                                    .order_by(Membership.id)).all()
            try:
                with session.begin_nested():
                    if action == "sell":
                        sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY)
                    elif action in ("mark", "clear"):
                        journal.mark(session, teacher, group, child, day,
                                     None if action == "clear" else _status(session, status_name))
                    elif action == "move" and visit is not None:
                        to = packs[target] if target < len(packs) else None
                        cards.move_visit(session, receptionist, visit, to)
                        moved_to_unpaid |= to is None
                    elif action == "edit" and visit is not None:
                        change = {"status_id": _status(session, status_name)}
                        if target:
                            change["date"] = MONDAY + dt.timedelta(weeks=(week + target) % 10)
                        card_edits.save_edits(session, receptionist, child, {}, {visit: change})
            except DomainError:
                pass
        session.expire_all()
        for pack in session.scalars(select(Membership).where(Membership.client_id == child)):
            linked = session.scalar(select(func.count(Visit.id)).where(Visit.membership_id == pack.id))
            assert linked == pack.lessons_used <= pack.lesson_count
        for visit, charges in session.execute(select(Visit, AttendanceStatus.charges)
                                              .join(AttendanceStatus, AttendanceStatus.id == Visit.status_id)
                                              .where(Visit.client_id == child)):
            if not charges:
                assert visit.membership_id is None  # only chargeable visits hold a lesson
        packs = session.execute(select(Membership.lessons_used, Membership.lesson_count)
                                .where(Membership.client_id == child)).all()
        unpaid = session.scalar(select(func.count(Visit.id)).join(AttendanceStatus, AttendanceStatus.id == Visit.status_id)
                                .where(Visit.client_id == child, AttendanceStatus.charges, Visit.membership_id.is_(None)))
        assert moved_to_unpaid or unpaid == 0 or all(used == size for used, size in packs)
        nested.rollback()


def test_month_view_and_everyone_present(session, owner, teacher, group, child, six_lessons):
    other = clients.create_client(session, owner, name="Anna Second")
    programs.enrol(session, owner, group, other, since=MONDAY - dt.timedelta(days=1))
    sales.sell(session, owner, child, six_lessons, start_date=MONDAY, today=MONDAY)
    journal.mark(session, teacher, group, child, MONDAY, _status(session, "Sick"))
    assert journal.mark_everyone(session, teacher, group, MONDAY, _status(session, "Present")) == [other]
    view = journal.month(session, teacher, group, 2026, 11)
    assert view["days"] == [dt.date(2026, 11, d) for d in (2, 9, 16, 23, 30)]
    assert [c["name"] for c in view["clients"]] == ["Anna Second", "Маша Петрова"]
    assert view["marks"][(child, MONDAY)][0] == _status(session, "Sick")
    assert view["marks"][(other, MONDAY)] == (_status(session, "Present"), None)  # no pack: unpaid
    assert [s["letter"] for s in journal.statuses(session, teacher)] == ["P", "A", "E", "S", "T", "M"]
