"""The audit trail: who did what to which record, in the action's own transaction."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, User
from app.services.access import Actor


def record(session: Session, actor: Actor, action: str, entity: str, entity_id: int | None, **details) -> None:
    session.add(
        AuditEvent(
            user_id=actor.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details_text(**details),
        )
    )


def details_text(**details) -> str:
    """The stored form of an event's details (also to find events by them)."""
    return json.dumps(details, default=str, ensure_ascii=False) if details else ""


def history(session: Session, entity: str, entity_id: int) -> list[dict]:
    """The events of one record, oldest first, with the user's name."""
    rows = session.execute(
        select(AuditEvent, User.display_name)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id)
    )
    return [
        {"at": ev.at, "user": name or "System", "action": ev.action, "details": ev.details}
        for ev, name in rows
    ]
