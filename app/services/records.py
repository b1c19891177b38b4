"""Fetching a record a user action names, which another PC may have removed meanwhile."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import NotFound
from app.messages import QT_TRANSLATE_NOOP, Label

# What ``existing`` is asked for, named inside its message (the catalogue translates them).
RECORDS = (QT_TRANSLATE_NOOP("Messages", "card"), QT_TRANSLATE_NOOP("Messages", "client"),
           QT_TRANSLATE_NOOP("Messages", "credit type"), QT_TRANSLATE_NOOP("Messages", "credit use"),
           QT_TRANSLATE_NOOP("Messages", "family"), QT_TRANSLATE_NOOP("Messages", "group"),
           QT_TRANSLATE_NOOP("Messages", "invoice"), QT_TRANSLATE_NOOP("Messages", "lesson pack"),
           QT_TRANSLATE_NOOP("Messages", "membership"), QT_TRANSLATE_NOOP("Messages", "package"),
           QT_TRANSLATE_NOOP("Messages", "payment"), QT_TRANSLATE_NOOP("Messages", "program"),
           QT_TRANSLATE_NOOP("Messages", "service occurrence"), QT_TRANSLATE_NOOP("Messages", "user"),
           QT_TRANSLATE_NOOP("Messages", "visit"),
           # app.services.lists.LISTS' items (``spec.what``)
           QT_TRANSLATE_NOOP("Messages", "attendance status"), QT_TRANSLATE_NOOP("Messages", "client category"),
           QT_TRANSLATE_NOOP("Messages", "cash drawer"))


def existing(session: Session, model, record_id, what: str):
    """The ``model`` row with ``record_id``, or NotFound saying "This {what} no longer exists."."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFound("This {what} no longer exists.", what=Label(what))
    return record


def locked(session: Session, model, record_id, what: str):
    """:func:`existing`, held until the action's transaction ends (D7): on PostgreSQL one
    ``SELECT ... FOR UPDATE`` of the row, so a second PC acting on it waits, then reads what the first
    one saved (the row is read again even when this session holds it); on SQLite the writer already
    holds the database (``BEGIN IMMEDIATE``)."""
    record = (session.get(model, record_id, with_for_update=True, populate_existing=True)
              if record_id is not None else None)
    if record is None:
        raise NotFound("This {what} no longer exists.", what=Label(what))
    return record
