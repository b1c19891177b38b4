"""K2-K5 as properties: random grants (some expired, some to come), uses, reversals and top-ups.

An independent model of the grants predicts every use: the units come from the grants valid on its
day, soonest expiry first; a refused use or reversal writes nothing. After each step, per type,
remaining = granted - used - expired, and no balance (running or final) is negative.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.models import CreditAllocation, CreditGrant, CreditUse, User
from app.services import catalogue, clients, credits, sales, users

TODAY = dt.date(2027, 3, 10)
TERMS = [(1, "week", 3), (1, "month", 5), (6, "month", 10)]  # (count, unit, units)

steps = st.lists(st.one_of(
    st.tuples(st.just("sell"), st.integers(0, len(TERMS) - 1), st.integers(-70, 10)),
    st.tuples(st.just("use"), st.integers(1, 8), st.integers(-70, 0)),
    st.tuples(st.just("reverse"), st.integers(0, 20), st.just(0)),
), min_size=1, max_size=25)


def _setup(session, owner):
    sauna = catalogue.create_credit_type(session, owner, "Sauna", "visit")
    packages = [catalogue.create_package(session, owner, kind="credits", name=f"Sauna {count} {unit}", price="10",
                                         term_count=count, term_unit=unit, credits={sauna: units})
                for count, unit, units in TERMS]
    return sauna, packages


def _check_statement(session, actor, client, sauna):
    shown = credits.statement(session, actor, client, today=TODAY)["types"]
    for row in shown:
        assert row["remaining"] == row["granted"] - row["used"] - row["expired"] >= 0
        assert row["available"] >= 0 and all(m["balance"] >= 0 for m in row["movements"])
    grants = session.scalars(select(CreditGrant).where(CreditGrant.client_id == client)).all()
    assert all(0 <= g.used <= g.units for g in grants)
    return shown


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_k2_k5_random_grants_uses_reversals_and_top_ups(database, plan):
    conn = database.engine.connect()  # each example in its own transaction, rolled back
    outer = conn.begin()
    session = Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        owner, receptionist = (users.actor_of(session.scalar(select(User).where(User.username == name)))
                               for name in ("olga", "rita"))
        sauna, packages = _setup(session, owner)
        client = clients.create_client(session, owner, name="Prop Erty")
        uses: list[int] = []
        for action, a, b in plan:
            if action == "sell":  # a sale or a top-up: it stacks at any time
                sales.sell(session, receptionist, client, packages[a], start_date=TODAY + dt.timedelta(days=b),
                           today=TODAY)
            elif action == "use":
                on = TODAY + dt.timedelta(days=b)
                model = [(g.valid_until, g.id, g.units - g.used) for g in session.scalars(
                    select(CreditGrant).where(CreditGrant.client_id == client, CreditGrant.valid_from <= on,
                                              CreditGrant.valid_until >= on))]
                free = sorted(m for m in model if m[2] > 0)
                expected, need = [], a
                for _until, grant_id, left in free:
                    if need:
                        expected.append((grant_id, min(need, left)))
                        need -= min(need, left)
                before = session.scalar(select(CreditUse.id).order_by(CreditUse.id.desc()).limit(1))
                if sum(m[2] for m in free) < a:
                    try:
                        credits.use_credits(session, receptionist, client, sauna, a, on, today=TODAY)
                        raise AssertionError("a use above the valid balance was recorded")
                    except DomainError as err:
                        assert "cannot be used" in err.message or "never had Sauna" in err.message
                    assert session.scalar(select(CreditUse.id).order_by(CreditUse.id.desc()).limit(1)) == before
                    continue
                use = credits.use_credits(session, receptionist, client, sauna, a, on, today=TODAY).use_id
                taken = session.execute(select(CreditAllocation.grant_id, CreditAllocation.units)
                                        .where(CreditAllocation.use_id == use).order_by(CreditAllocation.id)).all()
                assert [tuple(t) for t in taken] == expected  # soonest expiry first, across packages
                uses.append(use)
            elif uses:
                use = uses[a % len(uses)]
                used_before = {g.id: g.used for g in session.scalars(select(CreditGrant))}
                try:
                    credits.reverse_use(session, receptionist, use, today=TODAY)
                except DomainError as err:  # reversed already, or from credits expired since
                    assert "already reversed" in err.message or "expired on" in err.message
                    assert {g.id: g.used for g in session.scalars(select(CreditGrant))} == used_before
            _check_statement(session, receptionist, client, sauna)
    finally:
        session.close()
        outer.rollback()
        conn.close()
