"""The owner's short lists: attendance statuses, client categories, cash drawers, credit types.

Each list is described once in :data:`LISTS` (fields, labels, checks); the
same three services read and change every one of them, and the settings
screen builds its pages from the same description. Items are never deleted
(past visits, payments and grants point at them): they are deactivated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label
from app.models import AttendanceStatus, CashDrawer, ClientCategory, CreditType
from app.services import audit
from app.services.access import Actor, Right, guarded
from app.services.records import existing
from app.services.settings import get_settings


def _flag(value, field, label):
    if not isinstance(value, bool):
        raise DomainError("{label} must be on or off.", field=field, label=Label(label))
    return value


def _threshold(value, field, label):
    """K7: units left at which a balance shows as low; empty means 0 (never low)."""
    return 0 if value in (None, "") else validation.whole(value, field, label, maximum=100_000)


def _text(max_len: int, required: bool = True) -> Callable:
    return lambda value, field, label: validation.text(value, field, label, max_len=max_len, required=required)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str  # text, bool or colour: how the screen edits it
    check: Callable


@dataclass(frozen=True)
class ListSpec:
    title: str
    model: type
    fields: tuple[Field, ...]
    what: str  # one item, in a message
    has_active: bool = True
    order: str = "name"


LISTS: dict[str, ListSpec] = {
    "attendance_statuses": ListSpec(
        "Attendance statuses", AttendanceStatus,
        (Field("name", "Name", "text", _text(60)), Field("letter", "Letter", "text", _text(2)),
         Field("colour", "Colour", "colour", validation.colour),
         Field("charges", "Charges a lesson", "bool", _flag),
         Field("gives_makeup", "Gives a makeup", "bool", _flag),
         Field("uses_makeup", "Uses a makeup", "bool", _flag)),
        "attendance status", order="position"),
    "client_categories": ListSpec(
        "Client categories", ClientCategory,
        (Field("name", "Name", "text", _text(100)),
         Field("may_attend", "May attend lessons", "bool", _flag)),
        "client category", has_active=False),
    "cash_drawers": ListSpec("Cash drawers", CashDrawer, (Field("name", "Name", "text", _text(100)),), "cash drawer"),
    "credit_types": ListSpec(
        "Credit types", CreditType,
        (Field("name", "Name", "text", _text(100)), Field("unit", "Unit", "text", _text(40)),
         Field("used_at_checkin", "Used at check-in", "bool",
               lambda value, field, label: False if value is None else _flag(value, field, label)),
         Field("low_balance", "Low balance at", "text", _threshold)),
        "credit type"),
}


TAKEN = {  # a name already used, per list (the words agree in each language)
    "attendance status": QT_TRANSLATE_NOOP("Messages", "There is already an attendance status called {name}."),
    "client category": QT_TRANSLATE_NOOP("Messages", "There is already a client category called {name}."),
    "cash drawer": QT_TRANSLATE_NOOP("Messages", "There is already a cash drawer called {name}."),
    "credit type": QT_TRANSLATE_NOOP("Messages", "There is already a credit type called {name}."),
}


def _spec(kind: str) -> ListSpec:
    if kind not in LISTS:
        raise DomainError("There is no list called {kind}.", kind=kind)
    return LISTS[kind]


@guarded(Right.EDIT_SETTINGS)
def list_items(session: Session, actor: Actor, kind: str) -> list[dict]:
    spec = _spec(kind)
    model = spec.model
    rows = session.scalars(select(model).order_by(getattr(model, spec.order), model.id))
    keys = [f.key for f in spec.fields] + (["active"] if spec.has_active else [])
    return [{"id": row.id, **{key: getattr(row, key) for key in keys}} for row in rows]


@guarded(Right.EDIT_SETTINGS)
def save_item(session: Session, actor: Actor, kind: str, item_id: int | None, values: dict) -> int:
    """Add (``item_id`` None) or change an item; each value checked, the name unique."""
    spec = _spec(kind)
    model = spec.model
    clean = {}
    for field in spec.fields:
        if field.key in values or item_id is None:
            clean[field.key] = field.check(values.get(field.key), field.key, field.label)
    if "name" in clean:
        taken = session.scalar(select(model.id).where(func.lower(model.name) == clean["name"].lower(),
                                                      model.id != (item_id or 0)))
        if taken:
            raise DomainError(TAKEN[spec.what], field="name", name=clean["name"])
    if clean.get("gives_makeup") and clean.get("uses_makeup"):
        raise DomainError("A status either gives a makeup or uses one, not both.", field="uses_makeup")
    if clean.get("uses_makeup") and clean.get("charges"):
        raise DomainError("A makeup lesson uses no lesson of a pack: turn off “Charges a lesson”.", field="charges")
    if item_id is None:
        item = model(**clean)
        if kind == "attendance_statuses":
            item.position = (session.scalar(select(func.max(AttendanceStatus.position))) or 0) + 1
        session.add(item)
        session.flush()
    else:
        item = existing(session, model, item_id, spec.what)
        for key, value in clean.items():
            setattr(item, key, value)
    audit.record(session, actor, "create" if item_id is None else "update", kind, item.id, **clean)
    return item.id


@guarded(Right.EDIT_SETTINGS)
def set_item_active(session: Session, actor: Actor, kind: str, item_id: int, active: bool) -> None:
    spec = _spec(kind)
    if not spec.has_active:
        raise DomainError("A {what} cannot be deactivated; rename it instead.", what=Label(spec.what))
    item = existing(session, spec.model, item_id, spec.what)
    if kind == "cash_drawers" and not active and item.id == get_settings(session)["default_cash_drawer"]:
        raise DomainError("{name} is the default cash drawer: make another drawer the default first.",
                          name=item.name)
    item.active = bool(active)
    audit.record(session, actor, "activate" if active else "deactivate", kind, item.id)


@guarded(Right.TAKE_PAYMENTS)
def preselected_drawer(session: Session, actor: Actor, last_used: int | None) -> int | None:
    """The cash drawer the payment step offers first: the one this PC used last while it is
    active, else the default one, else the oldest active drawer (a database from before defaults)."""
    active = session.scalars(select(CashDrawer.id).where(CashDrawer.active).order_by(CashDrawer.id)).all()
    for choice in (last_used, get_settings(session)["default_cash_drawer"]):
        if choice in active:
            return choice
    return active[0] if active else None
