"""Fetching a record a user action names, which another PC may have removed meanwhile."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import NotFound


def existing(session: Session, model, record_id, what: str):
    """The ``model`` row with ``record_id``, or NotFound saying "This {what} no longer exists."."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFound(f"This {what} no longer exists.")
    return record
