"""The schema holds on both databases (run on PostgreSQL by tests/postgres.sh): a family's payer is
a client (foreign key), and after the demo generator's bulk inserts with explicit ids new rows
still get ids of their own (PostgreSQL's sequences moved on)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.demo import build
from app.models import Client, Family, Invoice, Visit
from app.services import checkin, clients, payments, sales
from app.services.users import first_owner
from app.storage import open_database
from tests.databases import new_database_url

TODAY = dt.date.today()


def test_b3_a_family_payer_is_a_client_in_the_database(session):
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(text("INSERT INTO families (name, payer_id, created_at) "
                             "VALUES ('Nobody family', 987654, CURRENT_TIMESTAMP)"))


def test_d7_after_the_demo_generator_new_rows_get_new_ids(tmp_path):
    db = open_database(new_database_url(tmp_path, "demo"), create=True)
    with db.writer.begin() as s:
        build(s, clients=40, today=TODAY)
    with db.writer.begin() as s:
        most = s.scalar(select(func.max(Client.id)))
        owner = first_owner(s)
        gold = s.scalar(text("SELECT id FROM packages WHERE kind = 'membership' AND active ORDER BY id LIMIT 1"))
        newcomer = clients.create_client(s, owner, name="Newcomer After Demo")
        sale = sales.sell(s, owner, newcomer, gold, start_date=TODAY, today=TODAY)
        invoice = s.get(Invoice, sale.invoice_id)
        payments.add_payment(s, owner, invoice.id, invoice.total)
        visit = checkin.check_in(s, owner, s.get(Client, newcomer).code, TODAY).visit_id
        s.add(Family(name="Newcomer family", payer_id=newcomer))
    with db.reader() as s:
        assert newcomer == most + 1 and s.get(Visit, visit).client_id == newcomer
    db.dispose()
