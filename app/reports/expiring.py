"""Q4: memberships and packs that end within the next N days (from today, today included) and have not
been renewed, soonest first, with the client's phone: the call list before a member is lost."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from app.models import Client, Membership
from app.reports import EXPIRING_DAYS as DEFAULT_DAYS  # the one default, listed with the report
from app.reports.base import Column, Filters, Kind, Report
from app.reports.common import days_of, days_text, header, kind_label, kind_of, step, today_of
from app.reports.wording import say
from app.services.access import Right, guarded
from app.tasks import TaskState


def expiring_query(filters: Filters, today: dt.date, days: int):
    renewal = aliased(Membership)
    stmt = (select(Client.code, Client.name.label("client"), Client.phone, Membership.package_name.label("package"),
                   Membership.kind, Membership.end_date.label("end"), Membership.lesson_count,
                   Membership.lessons_used)
            .join(Client, Client.id == Membership.client_id)
            .where(Membership.cancelled_on.is_(None), Membership.end_date >= today,
                   Membership.end_date <= today + dt.timedelta(days=days),
                   ~exists().where(renewal.renews_id == Membership.id, renewal.cancelled_on.is_(None)))
            .order_by(Membership.end_date, Client.name, Membership.id))
    if filters.client_id is not None:
        stmt = stmt.where(Membership.client_id == filters.client_id)
    if filters.package_id is not None:
        stmt = stmt.where(Membership.package_id == filters.package_id)
    kind = kind_of(filters)
    if kind is not None:
        stmt = stmt.where(Membership.kind == kind)
    return stmt


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    today = today_of(today)
    days = days_of(filters, DEFAULT_DAYS)
    step(state, 0, 1)
    rows = [dict(row._mapping) for row in session.execute(expiring_query(filters, today, days))]
    step(state, 1, 1)
    for row in rows:
        row["kind"] = kind_label(row["kind"])
        row["days_left"] = (row["end"] - today).days
        count, used = row.pop("lesson_count"), row.pop("lessons_used")
        row["lessons_left"] = None if count is None else count - used
    return Report("expiring", say("Memberships and packs ending soon"),
                  [Column("code", say("Code")), Column("client", say("Client")), Column("phone", say("Phone")),
                   Column("package", say("Package")), Column("kind", say("Kind")),
                   Column("end", say("Ends"), Kind.DATE), Column("days_left", say("Days left"), Kind.COUNT),
                   Column("lessons_left", say("Lessons left"), Kind.COUNT)],
                  rows, header(session, filters, more=((say("Ending within"), days_text(days)),)),
                  {"client": say("%n memberships and packs", n=len(rows), one="%n membership or pack")},
                  empty_text=say("Nothing ends within these days."))
