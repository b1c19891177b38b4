"""Q4: attendance per program, group and month, with occupancy: the month's journal marks, the clients
enrolled in the group at some time that month (not waiting; as the journal lists them), its capacity,
and occupancy = enrolled / capacity. The chart shows the marks by month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models import Enrolment, Group, Program, Visit
from app.reports.base import Chart, Column, Filters, Kind, Period, Report
from app.reports.common import header, step, today_of
from app.reports.wording import say
from app.services.access import Right, guarded
from app.tasks import TaskState


def last_months(today: dt.date, count: int = 12) -> Period:
    """The ``count`` calendar months up to and including this one."""
    first = today.replace(day=1)
    for _ in range(count - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return Period(first, Period.month_of(today).end)


def marks_query(period: Period, filters: Filters):
    """Marks per day and group: grouped in the order of the covering index ix_visits_date_group, so a year
    of a million visits is one pass without sorting (per month and group it sorted each month)."""
    stmt = (select(Visit.date, Visit.group_id, func.count())
            .where(Visit.date >= period.start, Visit.date <= period.end, Visit.group_id.is_not(None))
            .group_by(Visit.date, Visit.group_id))
    if filters.group_id is not None:
        stmt = stmt.where(Visit.group_id == filters.group_id)
    if filters.program_id is not None:
        stmt = stmt.where(Visit.program_id == filters.program_id)
    return stmt


def enrolled_query(month: Period, filters: Filters):
    stmt = (select(Enrolment.group_id, func.count(Enrolment.id))
            .where(Enrolment.waiting.is_(False), Enrolment.since <= month.end,
                   or_(Enrolment.until.is_(None), Enrolment.until > month.start))
            .group_by(Enrolment.group_id))
    if filters.group_id is not None:
        stmt = stmt.where(Enrolment.group_id == filters.group_id)
    return stmt


def occupancy(enrolled: int, capacity: int | None) -> Decimal | None:
    return None if not capacity else (Decimal(enrolled) * 100 / capacity).quantize(Decimal("0.1"))


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor, filters: Filters, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    period = filters.period or last_months(today_of(today))
    groups_query = select(Group.id, Group.name, Group.capacity, Program.name.label("program"), Group.program_id) \
        .join(Program, Program.id == Group.program_id)
    if filters.program_id is not None:
        groups_query = groups_query.where(Group.program_id == filters.program_id)
    if filters.group_id is not None:
        groups_query = groups_query.where(Group.id == filters.group_id)
    groups = {row.id: row for row in session.execute(groups_query)}
    months = period.months()
    step(state, 0, len(months) + 1)
    per_month: list[dict[int, int]] = [{} for _ in months]
    index = 0
    for day, group_id, count in session.execute(marks_query(period, filters)):  # by day
        while day > months[index].end:
            index += 1
        per_month[index][group_id] = per_month[index].get(group_id, 0) + count
    rows, by_month = [], []
    for index, month in enumerate(months):
        step(state, index + 1, len(months) + 1)
        marks = per_month[index]
        enrolled = dict(session.execute(enrolled_query(month, filters)).all())
        by_month.append(sum(count for group_id, count in marks.items() if group_id in groups))
        for group_id in sorted(set(marks) | set(enrolled), key=lambda g: g):
            group = groups.get(group_id)
            if group is None:
                continue
            rows.append({"program": group.program, "group": group.name, "month": month.start,
                         "marks": marks.get(group_id, 0), "enrolled": enrolled.get(group_id, 0),
                         "capacity": group.capacity,
                         "occupancy": occupancy(enrolled.get(group_id, 0), group.capacity)})
    step(state, len(months) + 1, len(months) + 1)
    rows.sort(key=lambda r: (r["month"], r["program"].casefold(), r["group"].casefold()))
    chart = Chart(say("Attendance by month"), [f"{m.start:%m.%Y}" for m in months], [(say("Marks"), by_month)])
    return Report("attendance", say("Attendance and occupancy by group and month"),
                  [Column("program", say("Program")), Column("group", say("Group")),
                   Column("month", say("Month"), Kind.MONTH), Column("marks", say("Marks"), Kind.COUNT),
                   Column("enrolled", say("Enrolled"), Kind.COUNT), Column("capacity", say("Capacity"), Kind.COUNT),
                   Column("occupancy", say("Occupancy"), Kind.PERCENT)],
                  rows, header(session, filters, period), {"marks": sum(r["marks"] for r in rows)},
                  chart if rows else None, empty_text=say("No group had marks or enrolled clients in this period."))
