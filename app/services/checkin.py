"""Check-in at reception (J6): a scanned or typed card code, the membership's verdict, a visit recorded.

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

from app.errors import DomainError
from app.models import Client, Membership, PackageKind, Visit
from app.services import audit, status
from app.services.access import Actor, Right, guarded
from app.services.settings import get_settings
from app.services.status import Status


@dataclass(frozen=True)
class CheckIn:
    colour: str  # green, amber or red
    reason: str
    client_id: int
    client_name: str
    membership_id: int | None  # the membership it was checked against (to renew)
    visit_id: int | None  # None when refused
    offer: str | None  # "renew" or "sell" when refused or in grace


def _latest(session: Session, client_id: int, today: dt.date) -> Membership | None:
    return session.scalar(select(Membership).where(
        Membership.client_id == client_id, Membership.kind == PackageKind.MEMBERSHIP,
        Membership.cancelled_on.is_(None), Membership.start_date <= today)
        .order_by(Membership.start_date.desc(), Membership.id.desc()).limit(1))


def verdict(policy: str, state: Status | None) -> tuple[str, str]:
    """(colour, reason) for a membership state under the check-in policy; ``state`` None: no membership."""
    if state == Status.ACTIVE:
        return "green", "Membership active."
    if state == Status.GRACE:
        return "amber", "The membership has ended; checked in within the grace days. Please renew."
    if state == Status.SUSPENDED:
        return "red", "The membership is frozen: no check-in until it resumes."
    if policy == "anyone":
        return "amber", "No current membership; checked in (anyone may check in)."
    if state == Status.EXPIRED and policy == "any_membership":
        return "amber", "The membership has expired; checked in (any member may check in)."
    if state == Status.EXPIRED:
        return "red", "The membership has expired."
    return "red", "No membership."


@guarded(Right.CHECK_IN)
def check_in(session: Session, actor: Actor, code: str, today: dt.date | None = None) -> CheckIn:
    today = today or dt.date.today()
    code = (code or "").strip().upper()
    if not code:
        raise DomainError("Scan a card or type a client code.", field="code")
    client = session.scalar(select(Client).where(Client.code == code))
    if client is None:
        raise DomainError(f"No client has the code {code[:20]}.", field="code")
    if client.archived:
        raise DomainError(f"{client.name} is archived; restore the client to check in.", field="code")
    settings = get_settings(session)
    sale = _latest(session, client.id, today)
    state = status.membership_status(session, sale, today, settings["tolerance_days"]) if sale else None
    colour, reason = verdict(settings["checkin_policy"], state)
    offer = None if colour == "green" else ("renew" if sale is not None else "sell")
    if colour == "red":
        return CheckIn(colour, reason, client.id, client.name, sale.id if sale else None, None, offer)
    visit = Visit(kind="checkin", client_id=client.id, date=today, created_by_id=actor.user_id,
                  membership_id=sale.id if state in (Status.ACTIVE, Status.GRACE) else None)
    session.add(visit)
    session.flush()
    audit.record(session, actor, "check_in", "visit", visit.id, client=client.id, result=colour)
    return CheckIn(colour, reason, client.id, client.name, sale.id if sale else None, visit.id, offer)
