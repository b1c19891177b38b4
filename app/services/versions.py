"""D7: two PCs editing one record. A form remembers the ``version`` it showed; a save based on an
older version is refused with who saved in between and when, and the form shows what is saved now."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label
from app.models import AuditEvent, User

# Audit events of a record that do not change its row (a sign-in, a child joining a group).
NOT_A_CHANGE = ("sign_in", "sign_out", "sign_in_failed", "enrol", "leave")
# D7 on PostgreSQL: a save whose row another PC's save committed while it waited (StaleDataError).
SAVED_AT_ONCE = QT_TRANSLATE_NOOP("Messages", "Another computer saved this record at the same moment, so nothing "
                                              "was saved here. Open it again to see what is saved now.")


class ChangedMeanwhile(DomainError):
    """The record was saved by someone else after the form read it; nothing was saved."""


# What a form that lost the race shows: the record's kind, said in the user's words.
WHAT = {"client": QT_TRANSLATE_NOOP("Messages", "This client"),
        "package": QT_TRANSLATE_NOOP("Messages", "This package"),
        "group": QT_TRANSLATE_NOOP("Messages", "This group"),
        "user": QT_TRANSLATE_NOOP("Messages", "This user"),
        "settings": QT_TRANSLATE_NOOP("Messages", "A setting on this page")}


def last_change(session: Session, entity: str, entity_id: int | None) -> tuple[str, dt.datetime | None]:
    """Who made the last recorded change of a record (a name, or a catalogue word) and when (local time;
    None when nothing was recorded)."""
    found = session.execute(
        select(AuditEvent.at, User.display_name).outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.entity == entity,
               AuditEvent.entity_id == entity_id if entity_id is not None else AuditEvent.entity_id.is_(None),
               AuditEvent.action.not_in(NOT_A_CHANGE))
        .order_by(AuditEvent.id.desc()).limit(1)).first()
    if found is None:
        return Label(QT_TRANSLATE_NOOP("Messages", "another user")), None
    at, who = found
    return who or Label(QT_TRANSLATE_NOOP("Messages", "the desk itself")), at.astimezone()


def refuse_if_changed(session: Session, saved_version: int | None, version: int | None, what: str, entity: str,
                      entity_id: int | None) -> None:
    """Refuse the save when the form's ``version`` is not the saved one (None: the caller read no version)."""
    if version is not None and saved_version != version:
        raise changed_meanwhile(session, what, entity, entity_id)


def changed_meanwhile(session: Session, what: str, entity: str, entity_id: int | None) -> ChangedMeanwhile:
    who, when = last_change(session, entity, entity_id)
    what = Label(WHAT.get(entity, what))
    if when is None:
        return ChangedMeanwhile("{what} was changed by {who} meanwhile, so your change was not saved. The form now "
                                "shows the saved values: make your change again if it is still needed.",
                                what=what, who=who)
    return ChangedMeanwhile("{what} was changed by {who} at {when} meanwhile, so your change was not saved. The form "
                            "now shows the saved values: make your change again if it is still needed.",
                            what=what, who=who, when=when)
