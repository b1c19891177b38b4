"""M3: the status rule in Python and its SQL twin always agree; the client's standing."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Client, Freeze, Membership
from app.services import sales, status
from app.services.status import Status

BASE = dt.date(2026, 1, 1)
days = st.integers(min_value=0, max_value=120)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=days, length=st.integers(0, 60), day=days, tolerance=st.integers(0, 10),
       cancelled=st.booleans(), freeze=st.one_of(st.none(), st.tuples(days, st.integers(0, 20), st.booleans())))
def test_m3_python_and_sql_status_agree(session, receptionist, anna, silver, start, length, day, tolerance,
                                        cancelled, freeze):
    with session.begin_nested() as nested:
        sale = session.get(Membership, sales.sell(session, receptionist, anna, silver,
                                                  today=BASE + dt.timedelta(days=start)).membership_id)
        sale.start_date = BASE + dt.timedelta(days=start)
        sale.end_date = sale.start_date + dt.timedelta(days=length)
        sale.cancelled_on = BASE if cancelled else None
        if freeze is not None:
            first, span, resumed = freeze
            f_start = BASE + dt.timedelta(days=first)
            session.add(Freeze(membership_id=sale.id, start_date=f_start, end_date=f_start + dt.timedelta(days=span),
                               resumed_on=f_start + dt.timedelta(days=span // 2) if resumed else None))
        session.flush()
        on = BASE + dt.timedelta(days=day)
        in_python = status.membership_status(session, sale, on, tolerance)
        in_sql = session.scalar(select(status.status_sql(on, tolerance)).where(Membership.id == sale.id))
        assert in_sql == in_python.value
        nested.rollback()


def test_m3_client_standing_follows_the_latest_started_membership(session, receptionist, anna, silver):
    def standing(day):
        return session.scalar(select(status.client_status_sql(day, 7)).where(Client.id == anna))

    assert standing(BASE) == status.NONE
    first = sales.sell(session, receptionist, anna, silver, start_date=BASE, today=BASE)
    assert standing(BASE - dt.timedelta(days=1)) == Status.UPCOMING
    assert standing(BASE) == Status.ACTIVE
    sales.renew(session, receptionist, first.membership_id, today=BASE + dt.timedelta(days=10))
    assert standing(BASE + dt.timedelta(days=10)) == Status.ACTIVE  # the renewal is upcoming, the first counts
    assert standing(BASE + dt.timedelta(days=40)) == Status.ACTIVE  # now the renewal
    assert standing(BASE + dt.timedelta(days=62)) == Status.GRACE
    assert standing(BASE + dt.timedelta(days=90)) == Status.EXPIRED


def test_every_status_has_a_row_in_the_action_table():
    for action, allowed in status.ACTIONS.items():
        assert allowed <= set(Status), action
    assert Status.CANCELLED not in status.ACTIONS["renew"] | status.ACTIONS["freeze"] | status.ACTIONS["cancel"]
