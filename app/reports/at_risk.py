"""Q8: members at risk: current members (M8: standing active, grace or suspended, as status.governing has
it) with no visit (a journal mark or a check-in) in the last N days (setting "at_risk_days"), longest
absent first, with their phone and last visit. A member who never came counts from the start of their
current membership (the governing one). tests/app/test_reports_q8.py checks the list against
status.governing for every client."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Client, Membership, PackageKind, Visit
from app.reports.base import Column, Filters, Kind, Report
from app.reports.common import clients_text, days_of, days_text, header, standing_label, step, today_of, tolerance
from app.reports.wording import say
from app.services import status
from app.services.access import Right, guarded
from app.services.settings import get_settings
from app.tasks import TaskState


def _may_be_current(session: Session, today: dt.date) -> list:
    """What every current time membership satisfies (M3): started, not cancelled, not past grace."""
    grace = today - dt.timedelta(days=tolerance(session))
    return [Membership.kind == PackageKind.MEMBERSHIP, Membership.cancelled_on.is_(None),
            Membership.start_date <= today, Membership.end_date >= grace]


def maybe_current(session: Session, today: dt.date):
    """The clients who may be current members; their standing decides."""
    return select(Membership.client_id).where(*_may_be_current(session, today))


def current_members(session: Session, today: dt.date) -> int:
    """How many clients stand active, in grace or suspended today (M8): the dashboard's first figure.

    Counted as the time memberships whose own status (status.status_sql) is current: M2 keeps at most one
    per client, and the governing membership is current exactly when one of the client's is (a later
    started one would overlap it, which selling refuses; in grace, a started successor makes it expired).
    Read from one covering index (about 30 ms on 100,000 clients, where the standing of each would take
    a second); tests/app/test_reports_q7.py checks it against the standing of every client.
    """
    return session.scalar(select(func.count()).select_from(Membership).where(
        *_may_be_current(session, today), status.status_sql(today, tolerance(session)).in_(list(status.CURRENT))))


def members_query(session: Session, today: dt.date, filters: Filters):
    """The time memberships that may be current today with their status (status.status_sql), their
    client's contact and last visit: those whose status is current are the current members, one each
    (see :func:`current_members`), and each such membership is the client's governing one (its start is
    where a member who never came is counted from)."""
    last_visit = (select(func.max(Visit.date)).where(Visit.client_id == Client.id, Visit.date <= today)
                  .correlate(Client).scalar_subquery())
    stmt = (select(Client.code, Client.name.label("client"), Client.phone, Client.email,
                   status.status_sql(today, tolerance(session)).label("standing"), last_visit.label("last_visit"),
                   Membership.start_date.label("since"))
            .select_from(Membership).join(Client, Client.id == Membership.client_id)
            .where(*_may_be_current(session, today)))  # the status is tested on the rows: computed once each
    if filters.client_id is not None:
        stmt = stmt.where(Membership.client_id == filters.client_id)
    return stmt


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    today = today_of(today)
    days = days_of(filters, get_settings(session)["at_risk_days"])
    step(state, 0, 1)
    members = session.execute(members_query(session, today, filters)).all()
    step(state, 1, 1)
    rows = []
    for member in members:
        if member.standing not in status.CURRENT:
            continue
        absent = (today - (member.last_visit or member.since)).days
        if absent >= days:
            rows.append({"code": member.code, "client": member.client, "phone": member.phone,
                         "email": member.email, "standing": standing_label(member.standing),
                         "last_visit": member.last_visit, "absent": absent})
    rows.sort(key=lambda r: (-r["absent"], r["client"].casefold(), r["code"]))
    return Report("at_risk", say("Members at risk"),
                  [Column("code", say("Code")), Column("client", say("Client")), Column("phone", say("Phone")),
                   Column("email", say("Email")), Column("standing", say("Status")),
                   Column("last_visit", say("Last visit"), Kind.DATE),
                   Column("absent", say("Days absent"), Kind.COUNT)],
                  rows, header(session, filters, more=((say("No visit in"), days_text(days)),)),
                  {"client": clients_text(len(rows))},
                  empty_text=say("Every current member has come within these days."))
