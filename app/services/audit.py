"""The audit trail: who did what to which record, in the action's own transaction.

An event is stored as data (action, entity, details as JSON), never as a sentence: its human
description (:func:`describe`) is a template of the message catalogue with the event's details as
parameters, so the window says it in the reader's language (ui.i18n.message), whoever recorded it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from string import Formatter

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.messages import QT_TRANSLATE_NOOP, english
from app.models import AuditEvent, User
from app.services.access import Actor, Right, guarded


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
        {"at": ev.at, "user": name, "action": ev.action, "details": ev.details,  # user None: the desk itself
         "description": describe(ev.action, ev.entity, json.loads(ev.details) if ev.details else {})}
        for ev, name in rows
    ]


@guarded(Right.VIEW_MONEY)
def invoice_history(session: Session, actor: Actor, invoice_id: int) -> list[dict]:
    """Who did what to an invoice (issued, paid, emailed, paid back, voided), oldest first."""
    return history(session, "invoice", invoice_id)


# (entity, action) -> what happened to the record, said in the catalogue's words; (None, action): any record.
DESCRIPTIONS = {
    ("membership", "sell"): QT_TRANSLATE_NOOP("Messages", "Sold {package} for {price}, {start} to {end}"),
    ("membership", "freeze"): QT_TRANSLATE_NOOP("Messages", "Frozen from {start} to {end}; now ends {new_end}"),
    ("membership", "resume"): QT_TRANSLATE_NOOP("Messages", "Resumed on {on}; now ends {new_end}"),
    ("membership", "delete"): QT_TRANSLATE_NOOP("Messages", "Deleted ({package})"),
    ("membership", "cancel"): QT_TRANSLATE_NOOP("Messages", "Cancelled: {reason}"),
    ("membership", "edit_card"): QT_TRANSLATE_NOOP("Messages", "Card corrected"),
    ("invoice", "issue"): QT_TRANSLATE_NOOP("Messages", "Invoice {number} issued"),
    ("invoice", "edit_draft"): QT_TRANSLATE_NOOP("Messages", "Draft changed; total {total}"),
    ("invoice", "pay"): QT_TRANSLATE_NOOP("Messages", "Payment of {amount} taken"),
    ("invoice", "refund"): QT_TRANSLATE_NOOP("Messages", "Paid back {amount} (credit note {credit_note})"),
    ("invoice", "void"): QT_TRANSLATE_NOOP("Messages", "Voided: {reason}"),
    ("invoice", "email"): QT_TRANSLATE_NOOP("Messages", "Emailed to {to}"),
    ("payment", "void"): QT_TRANSLATE_NOOP("Messages", "Payment voided: {reason}"),
    ("visit", "check_in"): QT_TRANSLATE_NOOP("Messages", "Checked in"),
    ("visit", "mark"): QT_TRANSLATE_NOOP("Messages", "Marked {status} on {date}"),
    ("visit", "clear"): QT_TRANSLATE_NOOP("Messages", "Mark cleared on {date}"),
    ("visit", "move"): QT_TRANSLATE_NOOP("Messages", "Moved to another card"),
    ("visit", "edit_visit"): QT_TRANSLATE_NOOP("Messages", "Visit corrected"),
    ("client", "create"): QT_TRANSLATE_NOOP("Messages", "Client added with card {code}"),
    ("client", "import"): QT_TRANSLATE_NOOP("Messages", "{added} clients imported"),
    ("family", "join"): QT_TRANSLATE_NOOP("Messages", "A client joined the family"),
    ("family", "leave"): QT_TRANSLATE_NOOP("Messages", "A client left the family"),
    ("family", "payer"): QT_TRANSLATE_NOOP("Messages", "The family's payer changed"),
    ("family", "rename"): QT_TRANSLATE_NOOP("Messages", "Family renamed {name}"),
    ("group", "create"): QT_TRANSLATE_NOOP("Messages", "Group {name} created"),
    ("group", "enrol"): QT_TRANSLATE_NOOP("Messages", "A client enrolled"),
    ("group", "leave"): QT_TRANSLATE_NOOP("Messages", "A client left the group"),
    ("group", "extra_date"): QT_TRANSLATE_NOOP("Messages", "Extra lesson on {date}"),
    ("group", "mark_everyone"): QT_TRANSLATE_NOOP("Messages", "{clients} marked {status} on {date}"),
    ("program", "create"): QT_TRANSLATE_NOOP("Messages", "Program {name} created"),
    ("package", "create"): QT_TRANSLATE_NOOP("Messages", "Package {name} created at {price}"),
    ("user", "create"): QT_TRANSLATE_NOOP("Messages", "User {username} created"),
    ("user", "reset_password"): QT_TRANSLATE_NOOP("Messages", "Password reset"),
    ("user", "change_password"): QT_TRANSLATE_NOOP("Messages", "Password changed"),
    ("user", "sign_in"): QT_TRANSLATE_NOOP("Messages", "Signed in"),
    ("user", "sign_out"): QT_TRANSLATE_NOOP("Messages", "Signed out"),
    ("user", "sign_in_failed"): QT_TRANSLATE_NOOP("Messages", "Wrong password typed for {username}"),
    ("settings", "first_start"): QT_TRANSLATE_NOOP("Messages", "The desk was set up for {business_name}"),
    ("settings", "update"): QT_TRANSLATE_NOOP("Messages", "Settings changed"),
    ("credits", "use"): QT_TRANSLATE_NOOP("Messages", "{units} of {type} used on {on}; {left} left"),
    ("credits", "reverse"): QT_TRANSLATE_NOOP("Messages", "Use of {units} reversed"),
    ("service_occurrence", "mark"): QT_TRANSLATE_NOOP("Messages", "Marked {state}"),
    ("service_occurrence", "note"): QT_TRANSLATE_NOOP("Messages", "Note changed"),
    ("service_occurrence", "reschedule"): QT_TRANSLATE_NOOP("Messages", "Moved to {to}"),
    (None, "create"): QT_TRANSLATE_NOOP("Messages", "Added"),
    (None, "update"): QT_TRANSLATE_NOOP("Messages", "Details changed"),
    (None, "activate"): QT_TRANSLATE_NOOP("Messages", "Made active"),
    (None, "deactivate"): QT_TRANSLATE_NOOP("Messages", "Made inactive"),
}
UNKNOWN = "{action}"  # an action recorded by a newer program: its own name (not a catalogue text)
MONEY = {"price", "amount", "total"}
DATES = {"start", "end", "new_end", "on", "to", "date"}


@dataclass(frozen=True)
class Description:
    """An event said in words: a catalogue ``template`` and its ``params`` (money as Decimal, dates as
    dates), which the window shows in its language (ui.i18n.message); ``message`` is the English."""

    template: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return english(self.template, self.params)


def describe(action: str, entity: str, details: dict) -> Description:
    """What an event did, from its stored data (the details as recorded: JSON values)."""
    template = DESCRIPTIONS.get((entity, action)) or DESCRIPTIONS.get((None, action)) or UNKNOWN
    if template is UNKNOWN:
        return Description(template, {"action": action})
    wanted = {name for _text, name, _spec, _conversion in Formatter().parse(template) if name}
    return Description(template, {name: _value(name, details.get(name)) for name in wanted})


def _value(key: str, value):
    """A stored detail back as what it was: an amount as a Decimal, a day as a date."""
    try:
        if key in MONEY and value is not None:
            return Decimal(str(value))
        if key in DATES and isinstance(value, str):
            return dt.date.fromisoformat(value[:10])
    except (InvalidOperation, ValueError):
        pass
    return "" if value is None else value
