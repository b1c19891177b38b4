"""The day agenda of recurring services (R1): what is due on a day, marked done or missed, rescheduled.

Selling a package schedules its services' occurrences within the term
(app.services.sales); a freeze removes the planned ones in the frozen days,
a cancellation every planned one still to come. Here staff mark each one
done or missed (who, when), add a note, and give a missed one a new date
within the membership's term, once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app import validation
from app.errors import DomainError
from app.models import Client, Freeze, Membership, ServiceOccurrence, User
from app.services import audit
from app.services.access import Actor, Right, guarded
from app.services.records import existing
from app.types import utcnow

MARKS = ("planned", "done", "missed")


@guarded(Right.VIEW_CLIENTS)
def day(session: Session, actor: Actor, on: dt.date) -> list[dict]:
    """Every occurrence due on ``on``, by client name: with the mark, who made it and when, the note,
    and where a rescheduled one came from or went to."""
    on = validation.date(on, "on", "The day")
    earlier, later = aliased(ServiceOccurrence), aliased(ServiceOccurrence)
    rows = session.execute(
        select(ServiceOccurrence, Client.id, Client.name, Client.code, Membership.package_name,
               Membership.start_date, Membership.end_date, Membership.cancelled_on, User.display_name,
               earlier.due_on, later.due_on)
        .join(Membership, Membership.id == ServiceOccurrence.membership_id)
        .join(Client, Client.id == Membership.client_id)
        .outerjoin(User, User.id == ServiceOccurrence.marked_by_id)
        .outerjoin(earlier, earlier.id == ServiceOccurrence.rescheduled_from_id)
        .outerjoin(later, later.rescheduled_from_id == ServiceOccurrence.id)
        .where(ServiceOccurrence.due_on == on)
        .order_by(Client.search_key, Client.id, ServiceOccurrence.name, ServiceOccurrence.id))
    return [{"id": o.id, "name": o.name, "due_on": o.due_on, "state": o.state, "note": o.note,
             "marked_at": o.marked_at, "marked_by": by or "", "client_id": client_id, "client": name, "code": code,
             "package": package, "term": (start, end), "cancelled": cancelled is not None,
             "moved_from": moved_from, "moved_to": moved_to}
            for (o, client_id, name, code, package, start, end, cancelled, by, moved_from, moved_to) in rows]


@guarded(Right.VIEW_CLIENTS)
def mark(session: Session, actor: Actor, occurrence_id: int, state: str, note: str | None = None, *,
         today: dt.date | None = None) -> int:
    """Mark an occurrence done or missed (or back to planned); ``note`` replaces its note when given."""
    today = today or dt.date.today()
    occurrence = existing(session, ServiceOccurrence, occurrence_id, "service occurrence")
    if state not in MARKS:
        raise DomainError("Mark it done, missed or planned.", field="state")
    if state != "planned" and occurrence.due_on > today:
        raise DomainError("{name} is due on {day}: it can be marked on that day or later.", field="state",
                          name=occurrence.name, day=occurrence.due_on)
    if state != "missed" and session.scalar(select(ServiceOccurrence.id).where(
            ServiceOccurrence.rescheduled_from_id == occurrence.id)):
        raise DomainError("This one was rescheduled; mark the new date instead.", field="state")
    if note is not None:
        occurrence.note = validation.text(note, "note", "The note", max_len=500, required=False)
    occurrence.state = state
    occurrence.marked_at, occurrence.marked_by_id = (None, None) if state == "planned" else (utcnow(), actor.user_id)
    audit.record(session, actor, "mark", "service_occurrence", occurrence.id, state=state, note=occurrence.note)
    return occurrence.id


@guarded(Right.VIEW_CLIENTS)
def set_note(session: Session, actor: Actor, occurrence_id: int, note: str) -> int:
    occurrence = existing(session, ServiceOccurrence, occurrence_id, "service occurrence")
    occurrence.note = validation.text(note, "note", "The note", max_len=500, required=False)
    audit.record(session, actor, "note", "service_occurrence", occurrence.id, note=occurrence.note)
    return occurrence.id


@guarded(Right.VIEW_CLIENTS)
def reschedule(session: Session, actor: Actor, occurrence_id: int, new_date: dt.date, *,
               today: dt.date | None = None) -> int:
    """Give a missed occurrence a new date within the membership's term (not frozen, not past); the new one's id."""
    today = today or dt.date.today()
    occurrence = existing(session, ServiceOccurrence, occurrence_id, "service occurrence")
    new_date = validation.date(new_date, "new_date", "The new date")
    sale = session.get(Membership, occurrence.membership_id)
    if occurrence.state != "missed":
        raise DomainError("Only a missed occurrence can be rescheduled.", field="new_date")
    moved = session.scalar(select(ServiceOccurrence.due_on)
                           .where(ServiceOccurrence.rescheduled_from_id == occurrence.id))
    if moved is not None:
        raise DomainError("It was already rescheduled to {day}.", field="new_date", day=moved)
    if sale.cancelled_on is not None:
        raise DomainError("{package} was cancelled on {day}.", field="new_date", package=sale.package_name,
                          day=sale.cancelled_on)
    if new_date < today:
        raise DomainError("The new date cannot be in the past.", field="new_date")
    if not sale.start_date <= new_date <= sale.end_date:
        raise DomainError("The new date must be within the membership ({first} – {last}).", field="new_date",
                          first=sale.start_date, last=sale.end_date)
    if session.scalar(select(Freeze.id).where(Freeze.membership_id == sale.id, Freeze.start_date <= new_date,
                                              Freeze.end_date >= new_date, Freeze.resumed_on.is_(None))):
        raise DomainError("The membership is frozen on that day.", field="new_date")
    again = ServiceOccurrence(membership_id=sale.id, package_service_id=occurrence.package_service_id,
                              name=occurrence.name, due_on=new_date, rescheduled_from_id=occurrence.id)
    session.add(again)
    session.flush()
    audit.record(session, actor, "reschedule", "service_occurrence", occurrence.id, to=new_date, new=again.id)
    return again.id
