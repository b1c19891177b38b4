"""Programs and their groups: teacher, weekly schedule, enrolments with a waiting list."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError, NotFound
from app.models import Client, Enrolment, Group, GroupSlot, Program, Role, User
from app.services import audit
from app.services.access import Actor, Right, guarded
from app.services.records import existing, locked
from app.services.versions import refuse_if_changed


def _clean_program(data: dict) -> dict:
    return {
        "name": validation.name(data.get("name"), "name", "Name", max_len=200),
        "base_lesson_price": validation.money(data.get("base_lesson_price", 0), "base_lesson_price", "Lesson price"),
        "colour": validation.colour(data.get("colour", "#4a90d9"), "colour", "Colour"),
    }


@guarded(Right.EDIT_CATALOGUE)
def create_program(session: Session, actor: Actor, **fields) -> int:
    values = _clean_program(fields)
    if session.scalar(select(Program.id).where(Program.name == values["name"])):
        raise DomainError("There is already a program called {name}.", field="name", name=values["name"])
    program = Program(**values)
    session.add(program)
    session.flush()
    audit.record(session, actor, "create", "program", program.id, name=program.name)
    return program.id


@guarded(Right.EDIT_CATALOGUE)
def update_program(session: Session, actor: Actor, program_id: int, **fields) -> int:
    program = existing(session, Program, program_id, "program")
    values = _clean_program({"name": program.name, "base_lesson_price": program.base_lesson_price,
                             "colour": program.colour, **fields})
    clash = session.scalar(select(Program.id).where(Program.name == values["name"], Program.id != program_id))
    if clash:
        raise DomainError("There is already a program called {name}.", field="name", name=values["name"])
    for key, value in values.items():
        setattr(program, key, value)
    audit.record(session, actor, "update", "program", program.id, **fields)
    return program.id


@guarded(Right.MARK_JOURNAL)
def list_programs(session: Session, actor: Actor) -> list[dict]:
    return [{"id": p.id, "name": p.name, "base_lesson_price": p.base_lesson_price, "colour": p.colour,
             "active": p.active} for p in session.scalars(select(Program).order_by(Program.name))]


def _parse_time(value, field: str) -> dt.time:
    if isinstance(value, dt.time):
        return value
    try:
        return dt.time.fromisoformat(str(value).strip())
    except ValueError:
        raise DomainError("Times are written like 17:30.", field=field) from None


def _clean_group(session: Session, data: dict) -> dict:
    if data.get("program_id") is None or session.get(Program, data["program_id"]) is None:
        raise DomainError("Choose the group's program.", field="program_id")
    teacher_id = data.get("teacher_id")
    if teacher_id is not None:
        teacher = session.get(User, teacher_id)
        if teacher is None or not teacher.active:
            raise DomainError("Choose an active user as the teacher.", field="teacher_id")
    capacity = data.get("capacity")
    slots = []
    for weekday, starts, ends in data.get("slots") or []:
        weekday = validation.whole(weekday, "slots", "Weekday", minimum=0, maximum=6)
        starts, ends = _parse_time(starts, "slots"), _parse_time(ends, "slots")
        if ends <= starts:
            raise DomainError("A lesson ends after it starts.", field="slots")
        slots.append((weekday, starts, ends))
    if not slots:
        raise DomainError("Give the group at least one weekly lesson time.", field="slots")
    return {
        "program_id": data["program_id"],
        "name": validation.name(data.get("name"), "name", "Name", max_len=200),
        "teacher_id": teacher_id,
        "room": validation.text(data.get("room", ""), "room", "Room", max_len=100, required=False),
        "capacity": None if capacity in (None, "", 0) else validation.whole(capacity, "capacity", "Capacity",
                                                                             minimum=1, maximum=1000),
        "slots": slots,
    }


def _apply_group(session: Session, group: Group, values: dict) -> None:
    slots = values.pop("slots")
    for key, value in values.items():
        setattr(group, key, value)
    session.flush()
    for old in session.scalars(select(GroupSlot).where(GroupSlot.group_id == group.id)):
        session.delete(old)
    session.add_all(GroupSlot(group_id=group.id, weekday=w, starts=s, ends=e) for w, s, e in slots)


@guarded(Right.EDIT_CATALOGUE)
def create_group(session: Session, actor: Actor, **fields) -> int:
    values = _clean_group(session, fields)
    group = Group()
    session.add(group)
    _apply_group(session, group, values)
    audit.record(session, actor, "create", "group", group.id, name=group.name)
    return group.id


@guarded(Right.EDIT_CATALOGUE)
def update_group(session: Session, actor: Actor, group_id: int, **fields) -> int:
    version = fields.pop("version", None)  # the version the form showed (D7)
    group = locked(session, Group, group_id, "group")
    refuse_if_changed(session, group.version, version, "This group", "group", group.id)
    current = {"program_id": group.program_id, "name": group.name, "teacher_id": group.teacher_id,
               "room": group.room, "capacity": group.capacity, "slots": group_slots(session, group_id)}
    _apply_group(session, group, _clean_group(session, {**current, **fields}))
    audit.record(session, actor, "update", "group", group.id)
    return group.id


def group_slots(session: Session, group_id: int) -> list[tuple[int, dt.time, dt.time]]:
    rows = session.execute(select(GroupSlot.weekday, GroupSlot.starts, GroupSlot.ends)
                           .where(GroupSlot.group_id == group_id).order_by(GroupSlot.weekday, GroupSlot.starts))
    return [tuple(row) for row in rows]


@guarded(Right.MARK_JOURNAL)
def list_groups(session: Session, actor: Actor, program_id: int | None = None) -> list[dict]:
    """The groups this user may open: a teacher sees only their own."""
    stmt = select(Group, Program.name.label("program"), User.display_name.label("teacher")) \
        .join(Program, Program.id == Group.program_id).outerjoin(User, User.id == Group.teacher_id)
    if not actor.may(Right.MARK_ANY_GROUP):
        stmt = stmt.where(Group.teacher_id == actor.user_id)
    if program_id is not None:
        stmt = stmt.where(Group.program_id == program_id)
    enrolled = dict(session.execute(select(Enrolment.group_id, func.count()).where(
        Enrolment.waiting.is_(False), Enrolment.until.is_(None)).group_by(Enrolment.group_id)).all())
    slots = defaultdict(list)
    for group_id, weekday, starts, ends in session.execute(
            select(GroupSlot.group_id, GroupSlot.weekday, GroupSlot.starts, GroupSlot.ends)
            .order_by(GroupSlot.weekday, GroupSlot.starts)):
        slots[group_id].append((weekday, starts, ends))
    return [{"id": g.id, "name": g.name, "program": program, "teacher": teacher, "room": g.room,
             "capacity": g.capacity, "enrolled": enrolled.get(g.id, 0), "slots": slots[g.id]}
            for g, program, teacher in session.execute(stmt.order_by(Program.name, Group.name))]


@guarded(Right.ENROL)
def enrol(session: Session, actor: Actor, group_id: int, client_id: int, since: dt.date | None = None) -> dict:
    """Put a client in a group; when the group is full, on its waiting list."""
    group = session.get(Group, group_id)
    client = session.get(Client, client_id)
    if group is None or client is None:
        raise NotFound("That group or client no longer exists.")
    if client.archived:
        raise DomainError("{name} is archived; restore the client first.", name=client.name)
    existing = session.scalar(select(Enrolment).where(Enrolment.group_id == group_id,
                                                      Enrolment.client_id == client_id))
    if existing is not None and existing.until is None:
        if existing.waiting:
            raise DomainError("{name} is already in this group (waiting list).", name=client.name)
        raise DomainError("{name} is already in this group.", name=client.name)
    taken = session.scalar(select(func.count()).select_from(Enrolment).where(
        Enrolment.group_id == group_id, Enrolment.waiting.is_(False), Enrolment.until.is_(None)))
    waiting = group.capacity is not None and taken >= group.capacity
    since = validation.date(since or dt.date.today(), "since", "Start date")
    if existing is None:
        existing = Enrolment(group_id=group_id, client_id=client_id, since=since)
        session.add(existing)
    existing.since, existing.until, existing.waiting = since, None, waiting
    session.flush()
    audit.record(session, actor, "enrol", "group", group_id, client_id=client_id, waiting=waiting)
    return {"enrolment_id": existing.id, "waiting": waiting}


@guarded(Right.ENROL)
def leave_group(session: Session, actor: Actor, group_id: int, client_id: int, until: dt.date | None = None) -> dict:
    """Take a client out of a group; the first on the waiting list gets the place."""
    enrolment = session.scalar(select(Enrolment).where(Enrolment.group_id == group_id,
                                                       Enrolment.client_id == client_id, Enrolment.until.is_(None)))
    if enrolment is None:
        raise NotFound("That client is not in this group.")
    was_waiting = enrolment.waiting
    enrolment.until = until or dt.date.today()
    enrolment.waiting = False
    promoted = None
    if not was_waiting:
        first = session.scalar(select(Enrolment).where(Enrolment.group_id == group_id, Enrolment.waiting.is_(True),
                                                       Enrolment.until.is_(None)).order_by(Enrolment.id).limit(1))
        if first is not None:
            first.waiting = False
            promoted = first.client_id
    audit.record(session, actor, "leave", "group", group_id, client_id=client_id, promoted=promoted)
    return {"promoted_client_id": promoted}


@guarded(Right.EDIT_CATALOGUE)
def teachers(session: Session, actor: Actor) -> list[tuple[int, str]]:
    return [tuple(row) for row in session.execute(
        select(User.id, User.display_name).where(User.active.is_(True), User.role.in_([Role.TEACHER, Role.OWNER]))
        .order_by(User.display_name))]


@guarded(Right.MARK_JOURNAL)
def group_members(session: Session, actor: Actor, group_id: int) -> list[dict]:
    """The group's current clients (and its waiting list), in name order."""
    group = existing(session, Group, group_id, "group")
    if not actor.may(Right.MARK_ANY_GROUP) and group.teacher_id != actor.user_id:
        raise DomainError("This is another teacher's group.")
    rows = session.execute(
        select(Client.id, Client.code, Client.name, Enrolment.since, Enrolment.waiting)
        .join(Enrolment, Enrolment.client_id == Client.id)
        .where(Enrolment.group_id == group_id, Enrolment.until.is_(None))
        .order_by(Enrolment.waiting, Client.search_key))
    return [dict(row._mapping) for row in rows]


@guarded(Right.EDIT_CATALOGUE)
def get_group(session: Session, actor: Actor, group_id: int) -> dict:
    group = existing(session, Group, group_id, "group")
    return {"id": group.id, "program_id": group.program_id, "name": group.name, "teacher_id": group.teacher_id,
            "room": group.room, "capacity": group.capacity, "slots": group_slots(session, group_id),
            "version": group.version}


@guarded(Right.ENROL)
def client_groups(session: Session, actor: Actor, client_id: int) -> list[dict]:
    """The groups a client is in now (or waiting for), for the profile."""
    rows = session.execute(
        select(Group.id, Group.name, Program.name.label("program"), Enrolment.waiting, Enrolment.since)
        .join(Enrolment, Enrolment.group_id == Group.id).join(Program, Program.id == Group.program_id)
        .where(Enrolment.client_id == client_id, Enrolment.until.is_(None)).order_by(Program.name, Group.name))
    return [dict(row._mapping) for row in rows]
