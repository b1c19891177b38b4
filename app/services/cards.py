"""Membership cards on the client profile (T1) and moving a visit between them (T2).

A card is one sale, oldest first: what was sold, who added it and when, its
invoice and payment state, lessons used of the pack with the price per
lesson, and one chip per visit in date order. Unpaid visits (chargeable,
on no pack) sit in a side area. A chip moves to another pack or to/from
the unpaid area through :func:`move_visit`, one transaction each.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.models import (
    AttendanceStatus,
    Client,
    Invoice,
    Membership,
    PackageKind,
    Program,
    User,
    Visit,
)
from app.services import audit, invoices, journal, status
from app.services.access import Actor, Right, guarded
from app.services.records import existing
from app.services.settings import get_settings
from app.terms import lesson_prices


CHECK_IN_LOOK = ("✓", "#2c7da0", "Check-in", False)  # letter, colour, name, charges


@guarded(Right.VIEW_CLIENTS)
def client_cards(session: Session, actor: Actor, client_id: int, today: dt.date | None = None) -> dict:
    """Every card of the client (oldest first) and the unpaid visits, for the profile.

    Plain rows, the statuses' looks joined here (there are a handful): a
    profile with 50 packs and 2,000 visits must paint within 100 ms.
    """
    today = today or dt.date.today()
    existing(session, Client, client_id, "client")
    tolerance = get_settings(session)["tolerance_days"]
    sales = session.execute(
        select(Membership, Program.name, User.display_name, Invoice,
               status.status_sql(today, tolerance).label("status"), invoices.due_sql().label("due"))
        .outerjoin(Program, Program.id == Membership.program_id)
        .outerjoin(User, User.id == Membership.created_by_id)
        .outerjoin(Invoice, Invoice.id == Membership.invoice_id)
        .where(Membership.client_id == client_id).order_by(Membership.start_date, Membership.id)).all()
    looks = {row.id: (row.letter, row.colour, row.name, row.charges) for row in session.execute(
        select(AttendanceStatus.id, AttendanceStatus.letter, AttendanceStatus.colour, AttendanceStatus.name,
               AttendanceStatus.charges))}
    visits = session.execute(
        select(Visit.id, Visit.date, Visit.kind, Visit.membership_id, Visit.program_id, Visit.status_id)
        .where(Visit.client_id == client_id).order_by(Visit.date, Visit.id)).tuples()
    chips: dict[int | None, list[dict]] = {}
    unpaid = []
    for visit_id, day, kind, pack_id, program_id, status_id in visits:
        letter, colour, name, charges = looks.get(status_id, CHECK_IN_LOOK)
        chip = {"id": visit_id, "date": day, "kind": kind, "status_id": status_id, "letter": letter,
                "colour": colour, "status": name}
        if pack_id is not None:
            chips.setdefault(pack_id, []).append(chip)
        elif kind == "lesson" and charges:
            unpaid.append({**chip, "program_id": program_id})
    cards = []
    for sale, program, added_by, invoice, state, due in sales:
        card = {"id": sale.id, "kind": sale.kind.value, "package": sale.package_name, "program": program or "",
                "program_id": sale.program_id, "added_by": added_by or "System", "added_at": sale.created_at,
                "start": sale.start_date, "end": sale.end_date, "status": state, "price": sale.price,
                "description": sale.description, "cancelled": sale.cancelled_on is not None,
                "invoice_id": sale.invoice_id, "invoice": invoices.number_text(invoice) if invoice else "",
                "payment": invoices.payment_state(invoice, invoice.total - due) if invoice else "",
                "used": sale.lessons_used, "size": sale.lesson_count, "chips": chips.get(sale.id, [])}
        if sale.kind == PackageKind.LESSON_PACK and sale.lesson_count:
            card["per_lesson"] = lesson_prices(sale.price, sale.lesson_count)[0]
        cards.append(card)
    return {"cards": cards, "unpaid": unpaid}


@guarded(Right.SELL)
def move_visit(session: Session, actor: Actor, visit_id: int, target_id: int | None,
               expected_from: int | None = ...) -> dict:
    """T2: move a visit's lesson to another pack of the same client and program, or to the unpaid area
    (``target_id`` None). ``expected_from`` is where the screen saw it: if another PC moved it meanwhile,
    the move is refused. A full target refuses with a message."""
    visit = existing(session, Visit, visit_id, "visit")
    if expected_from is not ... and visit.membership_id != expected_from:
        raise DomainError("Another computer has moved this visit meanwhile; the cards are shown again.")
    st = session.get(AttendanceStatus, visit.status_id) if visit.status_id else None
    if visit.kind != "lesson" or st is None or not st.charges:
        raise DomainError("Only a lesson that charges a pack can be moved.")
    if visit.membership_id == target_id:
        return {"from": visit.membership_id, "to": target_id}
    source = visit.membership_id
    if target_id is not None:
        pack = existing(session, Membership, target_id, "lesson pack")
        if pack.client_id != visit.client_id or pack.kind != PackageKind.LESSON_PACK \
                or pack.program_id != visit.program_id:
            raise DomainError("A lesson moves only to a lesson pack of the same client and program.")
        if pack.cancelled_on is not None:
            raise DomainError("That pack is cancelled.")
        if not journal.take_from(session, pack.id):  # J4
            raise DomainError("“{name}” is full ({count} of {count}).", name=pack.package_name, count=pack.lesson_count)
    journal.give_back_lesson(session, visit)
    visit.membership_id = target_id
    session.flush()
    audit.record(session, actor, "move", "visit", visit.id, source=source, target=target_id)
    return {"from": source, "to": target_id}
