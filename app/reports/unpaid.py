"""Q4: unpaid lessons: chargeable journal marks that no lesson pack covers (J1), oldest first.

The journal's own word for it (app.services.journal.mark): a lesson visit whose status charges a lesson,
is not a makeup (J7) and is linked to no pack. Days unpaid count from the lesson's date to today.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AttendanceStatus, Client, Group, Program, Visit
from app.reports.base import Column, Filters, Kind, Report
from app.reports.common import header, step, today_of
from app.reports.wording import say
from app.services.access import Right, guarded
from app.tasks import TaskState


def unpaid_query(filters: Filters, *, only: list | None = None):
    """The unpaid lessons with their client, program and group; or just ``only`` (the dashboard's count)."""
    stmt = (select(*(only or [Visit.id])).select_from(Visit)
            .join(AttendanceStatus, AttendanceStatus.id == Visit.status_id)
            .where(Visit.membership_id.is_(None), Visit.kind == "lesson", AttendanceStatus.charges,
                   AttendanceStatus.uses_makeup.is_(False)))
    if only is None:
        stmt = (stmt.add_columns(Client.code, Client.name.label("client"), Program.name.label("program"),
                                 Group.name.label("group"), Visit.date, AttendanceStatus.name.label("status"))
                .join(Client, Client.id == Visit.client_id)
                .outerjoin(Program, Program.id == Visit.program_id)
                .outerjoin(Group, Group.id == Visit.group_id)
                .order_by(Visit.date, Client.name, Visit.id))
    if filters.period is not None:
        stmt = stmt.where(Visit.date >= filters.period.start, Visit.date <= filters.period.end)
    for column, value in ((Visit.client_id, filters.client_id), (Visit.program_id, filters.program_id),
                          (Visit.group_id, filters.group_id)):
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    today = today_of(today)
    step(state, 0, 1)
    rows = [dict(row._mapping) for row in session.execute(unpaid_query(filters))]
    step(state, 1, 1)
    for row in rows:
        row["days"] = max(0, (today - row["date"]).days)
        del row["id"]
    return Report("unpaid", say("Unpaid lessons"),
                  [Column("code", say("Code")), Column("client", say("Client")), Column("program", say("Program")),
                   Column("group", say("Group")), Column("date", say("Date"), Kind.DATE), Column("status", say("Mark")),
                   Column("days", say("Days unpaid"), Kind.COUNT)],
                  rows, header(session, filters, filters.period),
                  {"client": say("%n unpaid lessons", n=len(rows), one="%n unpaid lesson")},
                  empty_text=say("No lesson is unpaid."))
