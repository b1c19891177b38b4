"""Families: clients grouped under one payer, who gets the invoices (SPEC 2)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.models import Client, Family
from app.services import audit
from app.services.access import Actor, Right, guarded
from app.services.records import existing


def _surname(name: str) -> str:
    return name.split()[-1] if len(name.split()) > 1 else name


@guarded(Right.VIEW_CLIENTS)
def family_of(session: Session, actor: Actor, client_id: int) -> dict | None:
    """The client's family with its members (payer first), or None."""
    client = existing(session, Client, client_id, "client")
    if client.family_id is None:
        return None
    family = session.get(Family, client.family_id)
    members = session.execute(select(Client.id, Client.name, Client.code, Client.birth_date, Client.archived)
                              .where(Client.family_id == family.id)
                              .order_by(Client.id != (family.payer_id or -1), Client.birth_date.is_(None),
                                        Client.birth_date, Client.id)).all()
    return {"id": family.id, "name": family.name, "payer_id": family.payer_id,
            "members": [{"id": m.id, "name": m.name, "code": m.code, "archived": m.archived,
                         "payer": m.id == family.payer_id} for m in members]}


@guarded(Right.EDIT_CLIENTS)
def add_to_family(session: Session, actor: Actor, client_id: int, member_id: int) -> int:
    """Put ``member_id`` into the client's family; a client without one starts it as its payer."""
    client = existing(session, Client, client_id, "client")
    member = existing(session, Client, member_id, "client")
    if member.id == client.id:
        raise DomainError("Choose another client.", field="member_id")
    if member.family_id is not None and member.family_id != client.family_id:
        other = session.get(Family, member.family_id)
        raise DomainError("{name} already belongs to the {family} family; remove them there first.",
                          field="member_id", name=member.name, family=other.name)
    if client.family_id is None:
        family = Family(name=_surname(client.name), payer_id=client.id, created_by_id=actor.user_id)
        session.add(family)
        session.flush()
        client.family_id = family.id
    member.family_id = client.family_id
    audit.record(session, actor, "join", "family", client.family_id, client=member.id)
    return client.family_id


@guarded(Right.EDIT_CLIENTS)
def leave_family(session: Session, actor: Actor, client_id: int) -> None:
    """Take the client out of its family; a family of one is dissolved, a family without payer gets the oldest."""
    client = existing(session, Client, client_id, "client")
    if client.family_id is None:
        raise DomainError("{name} is not in a family.", name=client.name)
    family = session.get(Family, client.family_id)
    client.family_id = None
    session.flush()
    left = session.scalars(select(Client.id).where(Client.family_id == family.id)
                           .order_by(Client.birth_date.is_(None), Client.birth_date, Client.id)).all()
    if len(left) <= 1:
        session.execute(update(Client).where(Client.family_id == family.id).values(family_id=None))
        family.payer_id = None
        session.flush()
        session.delete(family)
    elif family.payer_id == client.id:
        family.payer_id = left[0]
    audit.record(session, actor, "leave", "family", family.id, client=client.id)


@guarded(Right.EDIT_CLIENTS)
def set_payer(session: Session, actor: Actor, client_id: int) -> None:
    """Make the client the payer of its family: future invoices go to them."""
    client = existing(session, Client, client_id, "client")
    if client.family_id is None:
        raise DomainError("{name} is not in a family.", name=client.name)
    session.get(Family, client.family_id).payer_id = client.id
    audit.record(session, actor, "payer", "family", client.family_id, client=client.id)


@guarded(Right.EDIT_CLIENTS)
def rename_family(session: Session, actor: Actor, family_id: int, name: str) -> None:
    family = existing(session, Family, family_id, "family")
    family.name = validation.name(name, "name", "Family name", max_len=200)
    audit.record(session, actor, "rename", "family", family.id, name=family.name)

