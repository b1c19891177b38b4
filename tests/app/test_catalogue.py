"""The owner's first hour: programs, groups, credit types and packages of three kinds."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import DomainError, PermissionDenied
from app.models import Membership, Package, PackageKind, TermUnit
from app.services import catalogue, clients, programs
from app.terms import end_date


@pytest.fixture
def speech(session, owner):
    return programs.create_program(session, owner, name="Speech therapy 7-12y", base_lesson_price="21.33",
                                   colour="#E67E22")


def test_packages_of_each_kind_with_every_field(session, owner, speech):
    sauna = catalogue.create_credit_type(session, owner, "Sauna", "visit")
    gym = catalogue.create_package(
        session, owner, kind="membership", name="Gym month", price="35.00", billing_type="monthly", term_count=1,
        term_unit="month", member_discount_pct="5", credits={sauna: 4},
        services=[{"name": "Body check", "frequency": "weekly", "every_weeks": 2, "weekdays": [0, 3]},
                  {"name": "Locker service", "frequency": "monthly", "month_day": 15, "months": [1, 7]}])
    pack = catalogue.create_package(session, owner, kind="lesson_pack", name="Speech: 6 lessons", price="127.98",
                                    term_count=3, term_unit="month", program_id=speech, lesson_count=6)
    top_up = catalogue.create_package(session, owner, kind="credits", name="Sauna x10", price="60",
                                      term_count=6, term_unit="month", credits={sauna: 10})
    saved = catalogue.get_package(session, owner, gym)
    assert saved["credits"] == {sauna: 4}
    assert saved["services"][0] == {"name": "Body check", "frequency": "weekly", "every_weeks": 2,
                                    "weekdays": [0, 3], "month_day": None, "months": []}
    assert saved["services"][1]["months"] == [1, 7]
    assert saved["member_discount_pct"] == Decimal("5.00")
    assert catalogue.get_package(session, owner, pack)["lesson_count"] == 6
    kinds = {p["id"]: p["kind"] for p in catalogue.list_packages(session, owner)}
    assert (kinds[gym], kinds[pack], kinds[top_up]) == (PackageKind.MEMBERSHIP, PackageKind.LESSON_PACK,
                                                        PackageKind.CREDITS)


@pytest.mark.parametrize(
    "fields,field",
    [
        ({"name": ""}, "name"),
        ({"price": "-1"}, "price"),
        ({"price": "1000000000000"}, "price"),
        ({"price": "0.015"}, "price"),
        ({"term_count": 0}, "term_count"),
        ({"term_unit": "fortnight"}, "term_unit"),
        ({"kind": "lesson_pack", "lesson_count": 6}, "program_id"),
        ({"kind": "credits"}, "credits"),
        ({"member_discount_pct": "120"}, "member_discount_pct"),
        ({"services": [{"name": "X", "frequency": "weekly", "weekdays": []}]}, "services"),
        ({"services": [{"name": "X", "frequency": "monthly", "month_day": 32, "months": [1]}]}, "services"),
    ],
)
def test_bad_package_input_is_refused_at_its_field_and_nothing_is_written(session, owner, fields, field):
    before = session.scalar(select(func.count(Package.id)))
    base = {"kind": "membership", "name": "Test", "price": "10", "term_count": 1, "term_unit": "month"}
    with pytest.raises(DomainError) as err:
        catalogue.create_package(session, owner, **{**base, **fields})
    assert err.value.field == field
    assert session.scalar(select(func.count(Package.id))) == before


def test_editing_a_package_never_changes_past_sales(session, owner, receptionist):
    gold = session.scalar(select(Package).where(Package.name == "Gold"))
    client = clients.create_client(session, receptionist, name="Past Sale")
    start = dt.date(2026, 1, 31)
    sale = Membership(client_id=client, package_id=gold.id, kind=gold.kind, package_name=gold.name,
                      price=gold.price, billing_type=gold.billing_type, term_count=gold.term_count,
                      term_unit=gold.term_unit, member_discount_pct=gold.member_discount_pct, start_date=start,
                      end_date=end_date(start, gold.term_count, gold.term_unit))
    session.add(sale)
    session.flush()
    catalogue.update_package(session, owner, gold.id, name="Gold 2027", price="199.00", term_count=6,
                             member_discount_pct="20")
    session.flush()
    session.expire_all()
    sale = session.get(Membership, sale.id)
    assert (sale.package_name, sale.price, sale.term_count, sale.member_discount_pct) == (
        "Gold", Decimal("95.00"), 3, Decimal("5.00"))
    assert session.get(Package, gold.id).price == Decimal("199.00")


def test_an_inactive_package_cannot_be_sold(session, owner):
    silver = session.scalar(select(Package.id).where(Package.name == "Silver"))
    catalogue.set_package_active(session, owner, silver, False)
    with pytest.raises(DomainError, match="inactive"):
        catalogue.sellable(session, silver)
    catalogue.set_package_active(session, owner, silver, True)
    assert catalogue.sellable(session, silver).name == "Silver"


def test_only_the_owner_edits_the_catalogue(session, receptionist, teacher, speech):
    for actor in (receptionist, teacher):
        with pytest.raises(PermissionDenied):
            catalogue.create_package(session, actor, kind="membership", name="X", price="1", term_count=1,
                                     term_unit=TermUnit.MONTH)
        with pytest.raises(PermissionDenied):
            programs.create_program(session, actor, name="X")


def test_a_group_with_a_schedule_a_teacher_and_a_waiting_list(session, owner, receptionist, teacher, speech):
    group = programs.create_group(session, owner, program_id=speech, name="Speech A", teacher_id=teacher.user_id,
                                  room="Room 2", capacity=2, slots=[(0, "17:00", "17:45"), (3, "17:00", "17:45")])
    kids = [clients.create_client(session, receptionist, name=f"Kid {i}") for i in range(3)]
    results = [programs.enrol(session, receptionist, group, kid) for kid in kids]
    assert [r["waiting"] for r in results] == [False, False, True]
    with pytest.raises(DomainError, match="already in this group"):
        programs.enrol(session, receptionist, group, kids[0])
    assert programs.leave_group(session, receptionist, group, kids[0])["promoted_client_id"] == kids[2]
    (listed,) = [g for g in programs.list_groups(session, teacher) if g["id"] == group]
    assert listed["enrolled"] == 2
    assert listed["slots"] == [(0, dt.time(17), dt.time(17, 45)), (3, dt.time(17), dt.time(17, 45))]


def test_a_teacher_sees_only_her_own_groups(session, owner, teacher, speech):
    mine = programs.create_group(session, owner, program_id=speech, name="Mine", teacher_id=teacher.user_id,
                                 slots=[(1, "10:00", "11:00")])
    other = programs.create_group(session, owner, program_id=speech, name="Other", teacher_id=owner.user_id,
                                  slots=[(2, "10:00", "11:00")])
    seen = {g["id"] for g in programs.list_groups(session, teacher)}
    assert mine in seen and other not in seen
    assert {mine, other} <= {g["id"] for g in programs.list_groups(session, owner)}


@pytest.mark.parametrize(
    "fields,field",
    [
        ({"slots": []}, "slots"),
        ({"slots": [(7, "10:00", "11:00")]}, "slots"),
        ({"slots": [(1, "11:00", "10:00")]}, "slots"),
        ({"slots": [(1, "ten", "11:00")]}, "slots"),
        ({"capacity": -3}, "capacity"),
        ({"name": ""}, "name"),
        ({"program_id": None}, "program_id"),
    ],
)
def test_bad_group_input_is_refused(session, owner, speech, fields, field):
    base = {"program_id": speech, "name": "G", "slots": [(1, "10:00", "11:00")]}
    with pytest.raises(DomainError) as err:
        programs.create_group(session, owner, **{**base, **fields})
    assert err.value.field == field


@pytest.mark.parametrize("fields,field", [({"colour": "red"}, "colour"), ({"base_lesson_price": "abc"},
                                                                         "base_lesson_price")])
def test_bad_program_input_is_refused(session, owner, fields, field):
    with pytest.raises(DomainError) as err:
        programs.create_program(session, owner, **{"name": "P", **fields})
    assert err.value.field == field


def test_group_members_are_listed_and_teachers_see_only_their_own(session, owner, receptionist, teacher, speech):
    mine = programs.create_group(session, owner, program_id=speech, name="Mine", teacher_id=teacher.user_id,
                                 capacity=1, slots=[(1, "10:00", "11:00")])
    other = programs.create_group(session, owner, program_id=speech, name="Other", teacher_id=owner.user_id,
                                  slots=[(2, "10:00", "11:00")])
    zoe = clients.create_client(session, receptionist, name="Zoë")
    adam = clients.create_client(session, receptionist, name="Adam")
    programs.enrol(session, receptionist, mine, zoe)
    programs.enrol(session, receptionist, mine, adam)  # full: waiting list
    members = programs.group_members(session, teacher, mine)
    assert [(m["name"], m["waiting"]) for m in members] == [("Zoë", False), ("Adam", True)]
    with pytest.raises(DomainError, match="another teacher"):
        programs.group_members(session, teacher, other)
