"""What the reports share: reading and checking the filters, naming them for the PDF header, and the
client's standing (M8) as the reports show and filter it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP
from app.models import Client, CreditType, Group, Package, PackageKind, Program
from app.reports.base import Filters, Period
from app.reports.wording import Text, say, term
from app.services import status
from app.services.settings import get_settings

KIND_LABELS = {PackageKind.MEMBERSHIP.value: "Membership", PackageKind.LESSON_PACK.value: "Lesson pack",
               PackageKind.CREDITS.value: "Credits"}  # words of the "Terms" context (ui/clients/profile.py)
GONE = {"client": QT_TRANSLATE_NOOP("Messages", "That client no longer exists."),
        "package": QT_TRANSLATE_NOOP("Messages", "That package no longer exists."),
        "program": QT_TRANSLATE_NOOP("Messages", "That program no longer exists."),
        "group": QT_TRANSLATE_NOOP("Messages", "That group no longer exists."),
        "credit type": QT_TRANSLATE_NOOP("Messages", "That credit type no longer exists.")}
STANDINGS = tuple(status.LABELS)  # a client's standing: upcoming, active, grace, ..., "none"
ZERO = Decimal("0.00")
MAX_DAYS = 3660  # "within N days": up to ten years ahead or back


def today_of(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def tolerance(session: Session) -> int:
    return get_settings(session)["tolerance_days"]


def period_of(filters: Filters, default: Period) -> Period:
    """The chosen period, or the report's default (this month for most)."""
    return filters.period if filters.period is not None else default


def days_of(filters: Filters, default: int) -> int:
    """The chosen "N days" (0 to ten years; bad input is refused in plain words), or ``default``."""
    if filters.days is None:
        return default
    return validation.whole(filters.days, "days", "The number of days", maximum=MAX_DAYS)


def standing_of(filters: Filters) -> str | None:
    """The client standing chosen to filter by, checked against the list (M8's words)."""
    if filters.status in (None, ""):
        return None
    if filters.status not in STANDINGS:
        raise DomainError("Choose a status from the list.", field="status")
    return filters.status


def kind_of(filters: Filters) -> PackageKind | None:
    if filters.kind in (None, ""):
        return None
    try:
        return PackageKind(filters.kind)
    except ValueError:
        raise DomainError("Choose a kind of package from the list.", field="kind") from None


def standing_sql(session: Session, today: dt.date):
    """The client's standing today (M8, status.client_status_sql), correlated to Client."""
    return status.client_status_sql(today, tolerance(session))


def standing_label(value: str) -> Text:
    """A standing as the reports show it: M8's word, translated where it is read (ui/terms.py)."""
    return term(status.LABELS.get(value, value))


def kind_label(value) -> Text:
    """A package kind as the reports show it: "Membership", "Lesson pack", "Credits"."""
    return term(KIND_LABELS[getattr(value, "value", value)])


def clients_text(count: int) -> Text:
    """A total of clients: "8 clients" (never "Client: 8")."""
    return say("%n clients", n=count, one="%n client")


def days_text(days: int) -> Text:
    """ "7 days", "1 day" (a filter's value), in the plural the language needs."""
    return say("%n days", n=days, one="%n day")


def _name(session: Session, model, key: int | None, what: str) -> str | None:
    if key is None:
        return None
    name = session.scalar(select(model.name).where(model.id == key))
    if name is None:
        raise DomainError(GONE[what], field=f"{what.replace(' ', '_')}_id")
    return name


def header(session: Session, filters: Filters, period: Period | None = None,
           more: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """(label, value) of every filter in use, for the PDF's header; unknown ids are refused."""
    out = []
    if period is not None:
        out.append((say("Period"), period.text()))
    for label, model, key, what in ((say("Client"), Client, filters.client_id, "client"),
                                    (say("Package"), Package, filters.package_id, "package"),
                                    (say("Program"), Program, filters.program_id, "program"),
                                    (say("Group"), Group, filters.group_id, "group"),
                                    (say("Credit type"), CreditType, filters.credit_type_id, "credit type")):
        name = _name(session, model, key, what)
        if name is not None:
            out.append((label, name))
    kind = kind_of(filters)
    if kind is not None:
        out.append((say("Kind"), kind_label(kind)))
    standing = standing_of(filters)
    if standing is not None:
        out.append((say("Status"), standing_label(standing)))
    out += list(more)
    return out


def step(state, done: int, total: int) -> None:
    """Report progress (and honour Cancel) when the report runs as a job."""
    if state is not None:
        state.progress(done, total)
