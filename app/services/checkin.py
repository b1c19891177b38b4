"""Check-in at reception (J6): a scanned or typed card code, the membership's verdict, a visit recorded.

Without a current membership, a unit of a "used at check-in" credit type (a
visit pass) checks the client in green and is taken (K6); low or expiring
credits are said in the banner (K7).

Green: checked in. Amber: checked in with a warning (grace, or allowed by the
policy without a current membership). Red: refused (suspended, expired or no
membership where the policy wants one); nothing is written and the desk
offers renewal or a sale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import lock_row
from app.errors import DomainError
from app.models import Client, Visit
from app.services import audit, credits, status
from app.services.access import Actor, Right, guarded
from app.services.settings import get_settings
from app.services.status import Status
from app.types import utcnow


class NoSuchCode(DomainError):
    """No client has the typed code. ``name_like`` says the text is no code at all (a name,
    a phone): the desk searches the clients list for it instead."""

    def __init__(self, message: str, text: str, **params):
        super().__init__(message, field="code", **params)
        self.text = text
        self.name_like = looks_like_a_name(text)


class AlreadyCheckedIn(DomainError):
    """The client was checked in minutes ago: a second visit is recorded only when confirmed."""

    def __init__(self, message: str, client_name: str, minutes: int):
        super().__init__(message, field="code", name=client_name, minutes=minutes)
        self.client_name = client_name
        self.minutes = minutes


@dataclass(frozen=True)
class CheckIn:
    colour: str  # green, amber or red
    reason: str
    client_id: int
    client_name: str
    membership_id: int | None  # the membership it was checked against (to renew)
    visit_id: int | None  # None when refused
    offer: str | None  # "renew" or "sell" when refused or in grace
    reminders: tuple[str, ...] = ()  # K7: low or expiring credits


def looks_like_a_name(text: str) -> bool:
    """Whether typed text is no card code: a code has only letters A-Z and digits, with at
    least one of each ("AVA HUGHES", "Анна", "Hughes" and "+44 20 7946" are not codes)."""
    text = text.strip()
    is_code = (text.isascii() and text.isalnum() and any(ch.isdigit() for ch in text)
               and any(ch.isalpha() for ch in text))
    return bool(text) and not is_code


def verdict(policy: str, state: str) -> tuple[str, str]:
    """(colour, reason) for the client's standing under the check-in policy; a reason fits
    the banner's line at 1024 px."""
    if state == Status.ACTIVE:
        return "green", "Membership active."
    if state == Status.GRACE:
        return "amber", "In grace: checked in. Please renew."
    if state == Status.SUSPENDED:
        return "red", "Frozen: no check-in until it resumes."
    if policy == "anyone":
        return "amber", "No membership: checked in (policy: anyone)."
    if state == Status.EXPIRED and policy == "any_membership":
        return "amber", "Expired: checked in (policy: any member)."
    if state == Status.EXPIRED:
        return "red", "The membership has expired."
    if state == Status.UPCOMING:
        return "red", "The membership has not started yet."
    return "red", "No membership."


def _offer(colour: str, state: str) -> str | None:
    if colour == "green" or state == Status.UPCOMING:
        return None
    return "sell" if state == status.NONE else "renew"


def _recent_visit(session: Session, client_id: int, since: dt.datetime) -> dt.datetime | None:
    return session.scalar(select(Visit.created_at).where(
        Visit.client_id == client_id, Visit.kind == "checkin", Visit.created_at >= since)
        .order_by(Visit.created_at.desc()).limit(1))


@guarded(Right.CHECK_IN)
def check_in(session: Session, actor: Actor, code: str, today: dt.date | None = None, *,
             confirmed: bool = False, now: dt.datetime | None = None) -> CheckIn:
    """J6: check a client in by card code against their standing (M8).

    A second check-in within the "double_checkin_minutes" setting is refused with
    :class:`AlreadyCheckedIn` unless ``confirmed``: one scan too many records no visit.
    """
    today = today or dt.date.today()
    now = now or utcnow()
    typed = (code or "").strip()
    code = typed.upper()
    if not code:
        raise DomainError("Scan a card or type a client code.", field="code")
    client = session.scalar(select(Client).where(Client.code == code))
    if client is None:
        raise NoSuchCode("No client has the code {code}.", typed, code=code[:20])
    lock_row(session, Client, client.id)  # D7: a second desk checking in waits, then sees this visit
    if client.archived:
        raise DomainError("{name} is archived; restore the client to check in.", field="code", name=client.name)
    settings = get_settings(session)
    state, membership_id = status.governing(session, client.id, today, settings["tolerance_days"])
    colour, reason = verdict(settings["checkin_policy"], state)
    offer = _offer(colour, state)
    by_pass = state not in (Status.ACTIVE, Status.GRACE, Status.SUSPENDED) and credits.holds_a_pass(
        session, client.id, today)  # K6: a visit pass instead of a membership
    if by_pass:
        colour, offer = "green", None
    if colour == "red":
        return CheckIn(colour, reason, client.id, client.name, membership_id, None, offer,
                       tuple(credits.reminders(session, client.id, today)))
    window = settings["double_checkin_minutes"]
    last = _recent_visit(session, client.id, now - dt.timedelta(minutes=window)) if window else None
    if last is not None and not confirmed:
        minutes = max(0, int((now - last).total_seconds() // 60))
        raise AlreadyCheckedIn("{name} was checked in {minutes} min ago. Record another visit?", client.name, minutes)
    visit = Visit(kind="checkin", client_id=client.id, date=today, created_by_id=actor.user_id, created_at=now,
                  membership_id=membership_id if state in (Status.ACTIVE, Status.GRACE) else None)
    session.add(visit)
    session.flush()
    taken = credits.take_a_pass(session, actor, client, today, visit.id) if by_pass else None
    if taken is not None:
        reason = taken.text
    audit.record(session, actor, "check_in", "visit", visit.id, client=client.id, result=colour,
                 again=confirmed and last is not None)
    return CheckIn(colour, reason, client.id, client.name, membership_id, visit.id, offer, tuple(credits.reminders(
        session, client.id, today, just_used=taken.credit_type_id if taken else None)))
