"""K3 with two PCs: two desks record sauna visits of one client at the same moment; the last unit goes once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.models import CreditGrant, CreditUse, load_all
from app.services import catalogue, clients, credits, sales
from app.services.access import SYSTEM
from app.storage import open_database
from tests.two_pcs import desk_actor, failures, on_two_pcs, shared_database

UNITS, TRIES = 15, 12  # each PC tries 12 times: 24 tries for 15 units
TODAY = dt.date(2026, 9, 1)


def _use_one_each_time(url: str, client_id: int, type_id: int, results) -> None:
    load_all()
    db = open_database(url)
    actor = desk_actor(db)
    errors = failures(db, lambda session, _n: credits.use_credits(session, actor, client_id, type_id, 1,
                                                                  today=TODAY), range(TRIES))
    db.dispose()
    results.put(errors)


def test_k3_two_pcs_using_at_once_never_take_more_than_the_balance(tmp_path):
    url, db = shared_database(tmp_path)
    with db.writer.begin() as s:
        sauna = catalogue.create_credit_type(s, SYSTEM, "Sauna", "visit")
        package = catalogue.create_package(s, SYSTEM, kind="credits", name="Sauna x15", price="60", term_count=1,
                                           term_unit="year", credits={sauna: UNITS})
        client = clients.create_client(s, SYSTEM, name="Shared Sauna Fan")
        sales.sell(s, SYSTEM, client, package, start_date=TODAY, today=TODAY)
    db.dispose()
    refused = on_two_pcs(_use_one_each_time, (url, client, sauna), (url, client, sauna))
    db = open_database(url)
    with db.reader() as s:
        used = s.scalar(select(CreditGrant.used))
        recorded = s.scalar(select(func.sum(CreditUse.units)))
    db.dispose()
    assert used == recorded == UNITS and sum(refused) == 2 * TRIES - UNITS
