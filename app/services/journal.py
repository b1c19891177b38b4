"""The attendance journal: one mark per client, group and date, and where each mark lands (J1, J2, J4, J5, J7).

A chargeable mark takes a lesson from the client's oldest lesson pack of the
program that is valid on the date and has a free lesson (J1), else the visit
is unpaid. Another status or clearing gives the lesson back (J2). The pack's
counter moves only by a guarded UPDATE (``lessons_used < lesson_count``) on
top of the table's CHECK, so two PCs marking at once can never overfill a
pack (J4). An excused absence earns a makeup lesson that expires; a "makeup"
mark spends one instead of a lesson (J7).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from app import validation
from app.db import lock_row
from app.errors import DomainError, PermissionDenied
from app.messages import weekday
from app.models import (
    AttendanceStatus,
    Client,
    ClientCategory,
    Enrolment,
    Group,
    GroupExtraDate,
    GroupSlot,
    Makeup,
    Membership,
    PackageKind,
    Program,
    Visit,
)
from app.services import audit
from app.services.access import Actor, Right, guarded
from app.services.records import existing
from app.services.settings import get_settings


def open_group(session: Session, group_id: int, actor: Actor) -> Group:
    """The group, if this user may keep its journal (a teacher: only their own groups)."""
    group = existing(session, Group, group_id, "group")
    if not actor.may(Right.MARK_ANY_GROUP) and group.teacher_id != actor.user_id:
        raise PermissionDenied("This is another teacher's group.")
    return group


def is_lesson_day(session: Session, group: Group, day: dt.date) -> bool:
    """Whether the group meets on ``day``: one of its weekdays, or an extra date added by hand."""
    weekly = session.scalar(select(GroupSlot.id).where(GroupSlot.group_id == group.id,
                                                       GroupSlot.weekday == day.weekday()).limit(1))
    return weekly is not None or session.get(GroupExtraDate, (group.id, day)) is not None


def _enrolled(group_id: int, first: dt.date, last: dt.date):
    """In the group (not waiting) at some time between ``first`` and ``last``, as a SQL condition."""
    return and_(Enrolment.group_id == group_id, Enrolment.waiting.is_(False), Enrolment.since <= last,
                or_(Enrolment.until.is_(None), Enrolment.until > first))


def _check_client(session: Session, group: Group, client_id: int, day: dt.date, visitor_ok: bool = False) -> Client:
    """The client, if they may be marked in the group that day: enrolled then, or (``visitor_ok``)
    a visitor from another group coming to a makeup lesson (J7); and of a category that may attend (J5)."""
    client = existing(session, Client, client_id, "client")
    enrolled = session.scalar(select(Enrolment.id).where(_enrolled(group.id, day, day),
                                                         Enrolment.client_id == client.id))
    if enrolled is None and not visitor_ok:
        raise DomainError("{name} is not in {group} on {day}; a visitor from another group is marked for a makeup "
                          "lesson only.", field="client_id", name=client.name, group=group.name, day=day)
    if client.category_id is not None:
        category = session.get(ClientCategory, client.category_id)
        if not category.may_attend:  # J5
            raise DomainError("Clients of the category {category} are not marked in the journal.",
                              field="client_id", category=category.name)
    return client


def take_lesson(session: Session, visit: Visit, prefer: int | None = None) -> None:
    """J1: link a chargeable visit to the oldest valid pack with a free lesson, or leave it unpaid.
    ``prefer`` (a pack the visit sat on) goes first while it is still valid and has room."""
    candidates = session.scalars(
        select(Membership.id).where(
            Membership.client_id == visit.client_id, Membership.kind == PackageKind.LESSON_PACK,
            Membership.program_id == visit.program_id, Membership.cancelled_on.is_(None),
            Membership.start_date <= visit.date, Membership.end_date >= visit.date,
            Membership.lessons_used < Membership.lesson_count)
        .order_by(Membership.start_date, Membership.id)).all()
    if prefer in candidates:
        candidates.remove(prefer)
        candidates.insert(0, prefer)
    for pack_id in candidates:
        if take_from(session, pack_id):
            visit.membership_id = pack_id
            return
    visit.membership_id = None


def take_from(session: Session, pack_id: int) -> bool:
    """Count one more lesson on a pack if it has a free one (J4): the guarded UPDATE loses cleanly
    when another PC took the last lesson meanwhile."""
    taken = session.execute(update(Membership).where(Membership.id == pack_id,
                                                     Membership.lessons_used < Membership.lesson_count)
                            .values(lessons_used=Membership.lessons_used + 1)
                            .execution_options(synchronize_session="fetch"))
    return taken.rowcount == 1


def give_back_lesson(session: Session, visit: Visit) -> None:
    """J2: the visit's pack gets its lesson back."""
    if visit.membership_id is not None:
        session.execute(update(Membership).where(Membership.id == visit.membership_id)
                        .values(lessons_used=Membership.lessons_used - 1)
                        .execution_options(synchronize_session="fetch"))
        visit.membership_id = None


def link_unpaid_visits(session: Session, pack: Membership, most: int | None = None) -> int:
    """J3: the client's unpaid chargeable visits of the pack's program go to it, oldest first, while it
    has room (and at most ``most``); each through the guarded counter (J4)."""
    free = (pack.lesson_count or 0) - pack.lessons_used
    if pack.kind != PackageKind.LESSON_PACK or pack.cancelled_on is not None or free <= 0:
        return 0
    visit_ids = session.scalars(
        select(Visit.id).join(AttendanceStatus, AttendanceStatus.id == Visit.status_id)
        .where(Visit.client_id == pack.client_id, Visit.program_id == pack.program_id,
               Visit.membership_id.is_(None), Visit.kind == "lesson", AttendanceStatus.charges)
        .order_by(Visit.date, Visit.id).limit(min(free, most or free))).all()
    linked = 0
    for visit_id in visit_ids:
        if not take_from(session, pack.id):
            break
        session.execute(update(Visit).where(Visit.id == visit_id).values(membership_id=pack.id))
        linked += 1
    return linked


def _release_makeups(session: Session, visit: Visit) -> None:
    """Undo what the visit's old status did to makeups: free a spent one, withdraw an earned one."""
    spent = session.scalar(select(Makeup).where(Makeup.used_by_visit_id == visit.id))
    if spent is not None:
        spent.used_by_visit_id = None
    earned = session.scalar(select(Makeup).where(Makeup.source_visit_id == visit.id))
    if earned is not None:
        if earned.used_by_visit_id is not None:
            used_on = session.get(Visit, earned.used_by_visit_id).date
            raise DomainError("The makeup lesson this absence earned was used on {day}; change that mark first.",
                              day=used_on)
        session.delete(earned)


def earned_makeup(client_id: int, program_id: int, visit_id: int, day: dt.date, makeup_days: int) -> dict:
    """J7: the makeup lesson an excused absence on ``day`` earns, as a row (the demo bulk-inserts these)."""
    return {"client_id": client_id, "program_id": program_id, "source_visit_id": visit_id,
            "expires_on": day + dt.timedelta(days=makeup_days)}


def _spend_makeup(session: Session, visit: Visit) -> None:
    """J7: a makeup mark uses the client's makeup of the program that expires soonest."""
    makeup = session.scalar(
        select(Makeup).where(Makeup.client_id == visit.client_id, Makeup.program_id == visit.program_id,
                             Makeup.used_by_visit_id.is_(None), Makeup.expires_on >= visit.date,
                             Makeup.source_visit_id != visit.id)
        .order_by(Makeup.expires_on, Makeup.id).limit(1))
    if makeup is None:
        raise DomainError("This client has no makeup lesson left for this program.", field="status_id")
    makeup.used_by_visit_id = visit.id


def _status(session: Session, status_id: int | None) -> AttendanceStatus | None:
    if status_id is None:
        return None
    status = session.get(AttendanceStatus, status_id)
    if status is None or not status.active:
        raise DomainError("Choose a status from the list.", field="status_id")
    return status


def _apply(session: Session, actor: Actor, group: Group, client_id: int, day: dt.date,
           status: AttendanceStatus | None, visit: Visit | None, prefer: int | None = None) -> Visit | None:
    """Put one cell in its new state (the checks are done); the visit, or None when cleared."""
    freed = None
    if visit is not None:
        _release_makeups(session, visit)
        freed = visit.membership_id
        give_back_lesson(session, visit)
        if status is None:
            session.delete(visit)
            _refill(session, freed)
            return None
        visit.status_id = status.id
    else:
        if status is None:
            return None
        visit = Visit(kind="lesson", client_id=client_id, group_id=group.id, program_id=group.program_id,
                      date=day, status_id=status.id, created_by_id=actor.user_id)
        session.add(visit)
    if status.uses_makeup or status.gives_makeup:
        session.flush()  # makeups point at the visit's id
    if status.uses_makeup:
        _spend_makeup(session, visit)
    elif status.charges:
        take_lesson(session, visit, prefer)
    if status.gives_makeup:
        session.add(Makeup(**earned_makeup(client_id, group.program_id, visit.id, day,
                                           get_settings(session)["makeup_days"])))
    if freed is not None and visit.membership_id != freed:
        _refill(session, freed)
    return visit


def _refill(session: Session, pack_id: int | None) -> None:
    """After J2 freed a lesson: it goes to the client's oldest unpaid visit of the program (as J3 would)."""
    if pack_id is not None:
        session.flush()
        link_unpaid_visits(session, session.get(Membership, pack_id), most=1)


def _lesson_day(session: Session, group: Group, day) -> dt.date:
    day = validation.date(day, "date", "The date")
    if not is_lesson_day(session, group, day):
        raise DomainError("{group} has no lesson on {weekday} {day}; add it as an extra date first.",
                          field="date", group=group.name, weekday=weekday(day), day=day)
    return day


@guarded(Right.MARK_JOURNAL)
def mark(session: Session, actor: Actor, group_id: int, client_id: int, day: dt.date,
         status_id: int | None) -> dict:
    """Set (or with ``status_id`` None, clear) one journal cell; returns where the visit landed."""
    lock_row(session, Client, client_id)  # D7: one cell, one pack: a second PC marking waits, then sees it
    group = open_group(session, group_id, actor)
    day = _lesson_day(session, group, day)
    status = _status(session, status_id)
    visit = session.scalar(select(Visit).where(Visit.client_id == client_id, Visit.group_id == group.id,
                                               Visit.date == day))
    visiting = status.uses_makeup if status is not None else visit is not None  # J7: a makeup, or clearing it
    client = _check_client(session, group, client_id, day, visitor_ok=visiting)
    visit_id = visit.id if visit is not None else None
    visit = _apply(session, actor, group, client.id, day, status, visit)
    session.flush()
    if visit is None:
        if visit_id is not None:
            audit.record(session, actor, "clear", "visit", visit_id, client=client.id, group=group.id, date=day)
        return {"visit_id": None, "membership_id": None, "unpaid": False}
    audit.record(session, actor, "mark", "visit", visit.id, client=client.id, group=group.id, date=day,
                 status=status.name, pack=visit.membership_id)
    return {"visit_id": visit.id, "membership_id": visit.membership_id,
            "unpaid": status.charges and not status.uses_makeup and visit.membership_id is None}


@guarded(Right.MARK_JOURNAL)
def change_visit(session: Session, actor: Actor, visit: Visit, day: dt.date, status_id: int) -> None:
    """T3: a lesson visit moved to another date of its group and/or given another status, as if
    re-marked there (J1, J2, J7); the pack it sat on keeps it while that pack still fits."""
    group = open_group(session, visit.group_id, actor)
    status = _status(session, status_id)
    if status is None:
        raise DomainError("Choose a status from the list.", field="status_id")
    day = validation.date(day, "date", "The visit's date")
    if day != visit.date:
        day = _lesson_day(session, group, day)
        client = _check_client(session, group, visit.client_id, day, visitor_ok=status.uses_makeup)
        taken = session.scalar(select(Visit.id).where(Visit.client_id == visit.client_id,
                                                      Visit.group_id == group.id, Visit.date == day))
        if taken is not None:
            raise DomainError("{name} already has a mark in {group} on {day}.", field="date", name=client.name,
                              group=group.name, day=day)
        visit.date = day
    _apply(session, actor, group, visit.client_id, day, status, visit, prefer=visit.membership_id)


@guarded(Right.MARK_JOURNAL)
def add_extra_date(session: Session, actor: Actor, group_id: int, day: dt.date) -> None:
    """A lesson outside the weekly schedule: the journal gets a column for it."""
    group = open_group(session, group_id, actor)
    day = validation.date(day, "date", "The date")
    if is_lesson_day(session, group, day):
        raise DomainError("{group} already has a lesson on {day}.", field="date", group=group.name, day=day)
    session.add(GroupExtraDate(group_id=group.id, date=day))
    audit.record(session, actor, "extra_date", "group", group.id, date=day)


@guarded(Right.MARK_JOURNAL)
def makeup_visitors(session: Session, actor: Actor, group_id: int, day: dt.date) -> list[dict]:
    """J7: who may come to this group for a makeup lesson on ``day``: clients not in it then, with an
    unused makeup of its program still valid, and the soonest expiry of theirs."""
    group = open_group(session, group_id, actor)
    day = _lesson_day(session, group, day)
    rows = session.execute(
        select(Client.id, Client.name, func.min(Makeup.expires_on).label("expires_on"))
        .join(Makeup, Makeup.client_id == Client.id)
        .where(Makeup.program_id == group.program_id, Makeup.used_by_visit_id.is_(None), Makeup.expires_on >= day,
               Client.archived.is_(False),
               ~Client.id.in_(select(Enrolment.client_id).where(_enrolled(group.id, day, day))),
               ~Client.id.in_(select(Visit.client_id).where(Visit.group_id == group.id, Visit.date == day)))
        .group_by(Client.id, Client.name).order_by(Client.search_key).limit(500))
    return [dict(row._mapping) for row in rows]


@guarded(Right.MARK_JOURNAL)
def makeups(session: Session, actor: Actor, today: dt.date | None = None) -> dict[str, list[dict]]:
    """J7: the unused makeup lessons: ``open`` ones (expiring soonest first) and ``expired`` ones
    (newest first), at most 500 of each, with the client, the program and the excused date."""
    today = today or dt.date.today()
    unused = (select(Makeup.id, Makeup.expires_on, Client.name.label("client"), Program.name.label("program"),
                     Visit.date.label("earned_on"))
              .join(Client, Client.id == Makeup.client_id).join(Program, Program.id == Makeup.program_id)
              .join(Visit, Visit.id == Makeup.source_visit_id).where(Makeup.used_by_visit_id.is_(None)).limit(500))
    return {"open": [dict(r._mapping) for r in session.execute(
                unused.where(Makeup.expires_on >= today).order_by(Makeup.expires_on, Client.search_key))],
            "expired": [dict(r._mapping) for r in session.execute(
                unused.where(Makeup.expires_on < today).order_by(Makeup.expires_on.desc(), Client.search_key))]}


def lesson_days(session: Session, group: Group, first: dt.date, last: dt.date) -> list[dt.date]:
    """The group's lesson dates between ``first`` and ``last``: its weekdays plus its extra dates."""
    weekdays = set(session.scalars(select(GroupSlot.weekday).where(GroupSlot.group_id == group.id)))
    days = {first + dt.timedelta(days=i) for i in range((last - first).days + 1)
            if (first + dt.timedelta(days=i)).weekday() in weekdays}
    days |= set(session.scalars(select(GroupExtraDate.date).where(GroupExtraDate.group_id == group.id,
                                                                  GroupExtraDate.date.between(first, last))))
    return sorted(days)


@guarded(Right.MARK_JOURNAL)
def statuses(session: Session, actor: Actor) -> list[dict]:
    """The active attendance statuses in their order, with letter and colour (journal and cards use them)."""
    rows = session.scalars(select(AttendanceStatus).where(AttendanceStatus.active)
                           .order_by(AttendanceStatus.position, AttendanceStatus.id))
    return [{"id": s.id, "name": s.name, "letter": s.letter, "colour": s.colour, "charges": s.charges,
             "uses_makeup": s.uses_makeup} for s in rows]


@guarded(Right.MARK_JOURNAL)
def month(session: Session, actor: Actor, group_id: int, year: int, month_number: int) -> dict:
    """A group's journal for a month: lesson dates, the clients enrolled then, and every mark."""
    group = open_group(session, group_id, actor)
    first = dt.date(year, month_number, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    enrolled = set(session.scalars(select(Enrolment.client_id).where(_enrolled(group.id, first, last))))
    visitors = select(Visit.client_id).where(Visit.group_id == group.id, Visit.date.between(first, last))
    people = session.execute(
        select(Client.id, Client.name, Client.code)
        .where(Client.id.in_(enrolled) | Client.id.in_(visitors)).order_by(Client.search_key, Client.id)).all()
    marks = {}
    for client_id, day, status_id, membership_id in session.execute(
            select(Visit.client_id, Visit.date, Visit.status_id, Visit.membership_id)
            .where(Visit.group_id == group.id, Visit.date.between(first, last))):
        marks[(client_id, day)] = (status_id, membership_id)
    return {"group": {"id": group.id, "name": group.name, "program_id": group.program_id},
            "days": lesson_days(session, group, first, last),
            "clients": [{"id": p.id, "name": p.name, "code": p.code, "visitor": p.id not in enrolled}
                        for p in people], "marks": marks}


@guarded(Right.MARK_JOURNAL)
def mark_everyone(session: Session, actor: Actor, group_id: int, day: dt.date, status_id: int) -> list[int]:
    """A column header's action: everyone enrolled that day and not yet marked gets ``status_id``,
    except categories that may not attend (J5); one transaction. Returns the clients marked."""
    group = open_group(session, group_id, actor)
    day = _lesson_day(session, group, day)
    status = _status(session, status_id)
    allowed = (Client.category_id.is_(None)) | Client.category_id.in_(
        select(ClientCategory.id).where(ClientCategory.may_attend))
    marked = session.scalars(
        select(Enrolment.client_id).join(Client, Client.id == Enrolment.client_id)
        .where(_enrolled(group.id, day, day), allowed)
        .where(~select(Visit.id).where(Visit.group_id == group.id, Visit.date == day,
                                       Visit.client_id == Enrolment.client_id).exists())
        .order_by(Client.search_key)).all()
    for client_id in marked:
        _apply(session, actor, group, client_id, day, status, None)
    session.flush()
    audit.record(session, actor, "mark_everyone", "group", group.id, date=day, status=status.name,
                 clients=len(marked))
    return marked


@guarded(Right.MARK_JOURNAL)
def mark_cells(session: Session, actor: Actor, group_id: int,
               cells: list[tuple[int, dt.date, int | None]]) -> int:
    """Several cells (client, date, status or None) in one transaction: an undo of "everyone present"
    is one action too."""
    for client_id, day, status_id in cells:
        mark(session, actor, group_id, client_id, day, status_id)
    return len(cells)
