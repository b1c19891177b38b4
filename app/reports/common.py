"""What the reports share: reading and checking the filters, naming them for the PDF header, and the
client's standing (M8) as the reports show and filter it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.models import Client, CreditType, Group, Package, PackageKind, Program
from app.reports.base import Filters, Period
from app.services import status
from app.services.settings import get_settings

KIND_LABELS = {PackageKind.MEMBERSHIP.value: "Membership", PackageKind.LESSON_PACK.value: "Lesson pack",
               PackageKind.CREDITS.value: "Credits"}
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


def standing_label(value: str) -> str:
    return status.LABELS.get(value, value)


def _name(session: Session, model, key: int | None, what: str) -> str | None:
    if key is None:
        return None
    name = session.scalar(select(model.name).where(model.id == key))
    if name is None:
        raise DomainError(f"That {what} no longer exists.", field=f"{what.replace(' ', '_')}_id")
    return name


def header(session: Session, filters: Filters, period: Period | None = None,
           more: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """(label, value) of every filter in use, for the PDF's header; unknown ids are refused."""
    out = []
    if period is not None:
        out.append(("Period", period.text()))
    for label, model, key, what in (("Client", Client, filters.client_id, "client"),
                                    ("Package", Package, filters.package_id, "package"),
                                    ("Program", Program, filters.program_id, "program"),
                                    ("Group", Group, filters.group_id, "group"),
                                    ("Credit type", CreditType, filters.credit_type_id, "credit type")):
        name = _name(session, model, key, what)
        if name is not None:
            out.append((label, name))
    kind = kind_of(filters)
    if kind is not None:
        out.append(("Kind", KIND_LABELS[kind.value]))
    standing = standing_of(filters)
    if standing is not None:
        out.append(("Status", standing_label(standing)))
    out += list(more)
    return out


def step(state, done: int, total: int) -> None:
    """Report progress (and honour Cancel) when the report runs as a job."""
    if state is not None:
        state.progress(done, total)
