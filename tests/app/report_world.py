"""A small centre for the report tests, made through the services as the desk makes it: sales, renewals,
a cancelled sale, payments and a refund, journal marks, credits. Dates are fixed (all before the real
today, so payments may be taken on them); the reports are run "as of" TODAY."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sqlalchemy import select, text

from app.models import AttendanceStatus, CashDrawer, Membership
from app.services import clients, payments, programs, sales, status

TODAY = dt.date(2026, 11, 20)
OCTOBER = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def day(month: int, number: int) -> dt.date:
    return dt.date(2026, month, number)


def sql(session, query: str, **params) -> list:
    """Rows of a plain SQL query: the tests' own computation, independent of the reports."""
    return session.execute(text(query), params).all()


def mark_status(session, name: str) -> int:
    return session.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == name))


def standing(session, client_id: int, today: dt.date = TODAY) -> str:
    return status.governing(session, client_id, today, 7)[0]


def sell(session, owner, client_id, package_id, start, **extra) -> int:
    return sales.sell(session, owner, client_id, package_id, start_date=start, today=start, **extra).membership_id


def memberships_world(session, owner, gold, silver, six_lessons):
    """Time memberships around October 2026 (Silver: 1 month, Gold: 3 months):

    - ann: Silver 1-30 Sep, renewed with Silver from 1 Oct (ends 31 Oct, then lost)
    - ben: Silver 10 Sep - 9 Oct, not renewed: lost in October
    - cat: Gold from 5 Oct (new), paid
    - dan: Silver from 12 Oct, cancelled the same day (no event)
    - eve: Silver 15 Aug - 14 Sep, renewed late with Gold from 3 Oct (after grace: M4 starts it that day)
    - fay: a lesson pack from 20 Oct (new, another kind)
    - gus: Silver 25 Sep - 24 Oct, renewed on time from 25 Oct
    """
    names = ["Ann Archer", "Ben Baker", "Cat Cole", "Dan Dale", "Eve Evans", "Fay Fox", "Gus Grey"]
    c = SimpleNamespace(**{n.split()[0].lower(): clients.create_client(session, owner, name=n,
                                                                       phone=f"+44 7000 00000{i}")
                           for i, n in enumerate(names)})
    s = SimpleNamespace()
    s.ann1 = sell(session, owner, c.ann, silver, day(9, 1))
    s.ann2 = sales.renew(session, owner, s.ann1, today=day(9, 28)).membership_id
    s.ben = sell(session, owner, c.ben, silver, day(9, 10))
    s.cat = sell(session, owner, c.cat, gold, day(10, 5))
    s.dan = sell(session, owner, c.dan, silver, day(10, 12))
    sales.cancel(session, owner, s.dan, "Changed their mind", today=day(10, 12))
    s.eve1 = sell(session, owner, c.eve, silver, day(8, 15))
    s.eve2 = sales.renew(session, owner, s.eve1, gold, today=day(10, 3)).membership_id
    s.fay = sell(session, owner, c.fay, six_lessons, day(10, 20))
    s.gus1 = sell(session, owner, c.gus, silver, day(9, 25))
    s.gus2 = sales.renew(session, owner, s.gus1, today=day(10, 20)).membership_id
    return c, s


def pay(session, owner, membership_id, amount, on, method="cash", drawer=None) -> int:
    invoice_id = session.get(Membership, membership_id).invoice_id
    return payments.add_payment(session, owner, invoice_id, amount, method=method, cash_drawer_id=drawer, paid_on=on)


def drawer(session, name: str) -> int:
    found = session.scalar(select(CashDrawer.id).where(CashDrawer.name == name))
    if found is None:
        row = CashDrawer(name=name)
        session.add(row)
        session.flush()
        found = row.id
    return found


def lessons_world(session, owner, teacher, speech, six_lessons):
    """A Monday group of 3 places with two children; one has a pack, the other marked unpaid."""
    group = programs.create_group(session, owner, program_id=speech, name="Monday speech", teacher_id=teacher.user_id,
                                  capacity=3, slots=[(0, "16:00", "16:45")])
    kids = [clients.create_client(session, owner, name=n) for n in ("Маша Петрова", "Ivan Ivanov")]
    for kid in kids:
        programs.enrol(session, owner, group, kid, since=day(9, 1))
    sell(session, owner, kids[0], six_lessons, day(9, 1))
    return group, kids
