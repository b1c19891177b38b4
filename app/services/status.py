"""Membership status (M3): derived from dates, freezes and cancellation, never stored.

One rule, written twice on purpose: :func:`status_on` for one sale in
Python, and :func:`status_sql` for lists that filter and sort thousands of
sales in the database. ``tests/app/test_status.py`` checks that the two
always agree. :data:`ACTIONS` is the explicit table of what each status
allows.

A client's standing (M8) is the status of their governing time membership
(:func:`governing`): the latest one that has started, else the next one to
start. The profile's badge, the clients list, check-in and the memberships
list all read it from here. Grace is the client's grace: a membership that
ended and whose successor has already started reads expired, so no list
shows a renewed client "in grace".
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import and_, case, exists, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label
from app.models import Client, Freeze, Membership, PackageKind


class Status(enum.StrEnum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    GRACE = "grace"
    SUSPENDED = "suspended"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


NONE = "none"  # a client without any time membership
CURRENT = frozenset({Status.ACTIVE, Status.GRACE, Status.SUSPENDED})  # M2: at most one of these
LABELS = {Status.UPCOMING: "Upcoming", Status.ACTIVE: "Active", Status.GRACE: "Grace",
          Status.SUSPENDED: "Suspended", Status.EXPIRED: "Expired", Status.CANCELLED: "Cancelled",
          NONE: "None"}

# What a user may do to a sale in each status. Delete also needs no payments
# and no visits (M6); renewing a suspended membership is allowed (it starts
# after the moved end date).
ACTIONS: dict[str, frozenset[Status]] = {
    "renew": frozenset({Status.ACTIVE, Status.GRACE, Status.SUSPENDED, Status.EXPIRED}),
    "freeze": frozenset({Status.UPCOMING, Status.ACTIVE}),
    "resume": frozenset({Status.SUSPENDED}),
    "cancel": frozenset({Status.UPCOMING, Status.ACTIVE, Status.GRACE, Status.SUSPENDED, Status.EXPIRED}),
    "delete": frozenset(Status),
    "check_in": frozenset({Status.ACTIVE, Status.GRACE}),
}
REFUSED = {  # what a sale in a status refuses, one message each (the words agree in each language)
    "renew": QT_TRANSLATE_NOOP("Messages", "A membership that is {status} cannot be renewed."),
    "freeze": QT_TRANSLATE_NOOP("Messages", "A membership that is {status} cannot be frozen."),
    "resume": QT_TRANSLATE_NOOP("Messages", "A membership that is {status} cannot be resumed."),
    "cancel": QT_TRANSLATE_NOOP("Messages", "A membership that is {status} cannot be cancelled."),
    "delete": QT_TRANSLATE_NOOP("Messages", "A membership that is {status} cannot be deleted."),
    "check_in": QT_TRANSLATE_NOOP("Messages", "A membership that is {status} cannot be used for a check-in."),
}
STATUS_WORDS = {Status.UPCOMING: QT_TRANSLATE_NOOP("Messages", "upcoming"),
                Status.ACTIVE: QT_TRANSLATE_NOOP("Messages", "active"),
                Status.GRACE: QT_TRANSLATE_NOOP("Messages", "in grace"),
                Status.SUSPENDED: QT_TRANSLATE_NOOP("Messages", "suspended"),
                Status.EXPIRED: QT_TRANSLATE_NOOP("Messages", "expired"),
                Status.CANCELLED: QT_TRANSLATE_NOOP("Messages", "cancelled"), NONE: QT_TRANSLATE_NOOP("Messages", "none")}


def allow(action: str, status: Status) -> None:
    """Raise a DomainError unless ``action`` is allowed for a sale in ``status``."""
    if status not in ACTIONS[action]:
        raise DomainError(REFUSED[action], status=Label(STATUS_WORDS[status]))


def frozen_on(freezes, day: dt.date) -> bool:
    """Whether one of ``freezes`` (objects with start_date, end_date, resumed_on) covers ``day``."""
    return any(f.start_date <= day <= f.end_date and (f.resumed_on is None or day < f.resumed_on)
               for f in freezes)


def status_on(day: dt.date, *, start: dt.date, end: dt.date, cancelled_on: dt.date | None,
              frozen: bool, tolerance_days: int, succeeded: bool = False) -> Status:
    """The status of a sale on ``day``; ``frozen`` says whether a freeze covers that day,
    ``succeeded`` whether a later time membership of the client has started by then."""
    if cancelled_on is not None:
        return Status.CANCELLED
    if frozen:
        return Status.SUSPENDED
    if day < start:
        return Status.UPCOMING
    if day <= end:
        return Status.ACTIVE
    if (day - end).days <= tolerance_days and not succeeded:
        return Status.GRACE
    return Status.EXPIRED


def _successor_sql(day: dt.date, sale):
    """Whether a later time membership of the sale's client (not cancelled) has started by ``day``."""
    later = aliased(Membership)
    return exists().where(later.client_id == sale.client_id, later.kind == PackageKind.MEMBERSHIP,
                          later.cancelled_on.is_(None), later.start_date > sale.end_date, later.start_date <= day)


def membership_status(session: Session, membership: Membership, day: dt.date, tolerance_days: int) -> Status:
    freezes = session.scalars(select(Freeze).where(Freeze.membership_id == membership.id)).all()
    succeeded = membership.kind == PackageKind.MEMBERSHIP and session.scalar(
        select(_successor_sql(day, Membership)).where(Membership.id == membership.id))
    return status_on(day, start=membership.start_date, end=membership.end_date,
                     cancelled_on=membership.cancelled_on, frozen=frozen_on(freezes, day),
                     tolerance_days=tolerance_days, succeeded=bool(succeeded))


def frozen_sql(day: dt.date, sale=Membership):
    return exists().where(Freeze.membership_id == sale.id, Freeze.start_date <= day, Freeze.end_date >= day,
                          or_(Freeze.resumed_on.is_(None), Freeze.resumed_on > day))


def status_sql(day: dt.date, tolerance_days: int, sale=Membership):
    """:func:`status_on` as a SQL expression over the ``sale`` (Membership) columns."""
    return case(
        (sale.cancelled_on.is_not(None), literal(Status.CANCELLED.value)),
        (frozen_sql(day, sale), literal(Status.SUSPENDED.value)),
        (sale.start_date > day, literal(Status.UPCOMING.value)),
        (sale.end_date >= day, literal(Status.ACTIVE.value)),
        (and_(sale.end_date >= day - dt.timedelta(days=tolerance_days),
              ~and_(sale.kind == PackageKind.MEMBERSHIP, _successor_sql(day, sale))),
         literal(Status.GRACE.value)),
        else_=literal(Status.EXPIRED.value),
    )


def _governing_query(day: dt.date, tolerance_days: int, sale, client_id):
    """The client's governing time membership (M8): the latest started one that is not
    cancelled, else the next one to start; (status, membership id)."""
    started = sale.start_date <= day
    return (select(status_sql(day, tolerance_days, sale).label("status"), sale.id.label("membership_id"))
            .where(sale.client_id == client_id, sale.kind == PackageKind.MEMBERSHIP, sale.cancelled_on.is_(None))
            .order_by(started.desc(), case((started, sale.start_date)).desc(), sale.start_date, sale.id.desc())
            .limit(1))


def client_status_sql(day: dt.date, tolerance_days: int):
    """A client's standing (M8) as a SQL expression over Client, for lists that filter and sort:
    the status of the governing membership, or "none"."""
    sale = aliased(Membership)
    governing = (_governing_query(day, tolerance_days, sale, Client.id).with_only_columns(
        status_sql(day, tolerance_days, sale)).correlate(Client).scalar_subquery())
    return case((governing.is_(None), literal(NONE)), else_=governing)


def governing(session: Session, client_id: int, day: dt.date, tolerance_days: int) -> tuple[str, int | None]:
    """A client's standing (M8) for one client, as :func:`client_status_sql` computes it for
    lists: (status or "none", the governing membership's id or None)."""
    row = session.execute(_governing_query(day, tolerance_days, Membership, client_id)).first()
    return (NONE, None) if row is None else (row.status, row.membership_id)


def current_membership(session: Session, client_id: int, day: dt.date, tolerance_days: int) -> Membership | None:
    """The client's current (active, grace or suspended) time membership, if any (M2)."""
    sales = session.scalars(
        select(Membership).where(Membership.client_id == client_id, Membership.kind == PackageKind.MEMBERSHIP,
                                 Membership.cancelled_on.is_(None), Membership.start_date <= day,
                                 Membership.end_date >= day - dt.timedelta(days=tolerance_days))
        .order_by(Membership.start_date.desc())
    )
    for sale in sales:
        if membership_status(session, sale, day, tolerance_days) in CURRENT:
            return sale
    return None

