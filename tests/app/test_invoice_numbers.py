"""B3: two PCs issuing invoices at the same moment get distinct, consecutive numbers."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import select

from app.db import sqlite_url
from app.models import Client, Invoice, Package, Role, User, load_all
from app.services import catalogue, clients, programs, sales, setup, users
from app.services.access import SYSTEM
from app.storage import open_database

PER_PROCESS = 500


def _issue_many(url: str, client_id: int, package_id: int, count: int, results) -> None:
    """One "PC": sells ``count`` lesson packs, each in its own transaction, as the desk does."""
    load_all()
    db = open_database(url)
    actor = users.actor_of(db.reader().scalar(select(User).where(User.username == "desk")))
    errors = 0
    for _ in range(count):
        try:
            with db.writer.begin() as session:
                sales.sell(session, actor, client_id, package_id)
        except Exception:  # noqa: BLE001 - any error is what the test counts
            errors += 1
    db.dispose()
    results.put(errors)


def test_b3_two_processes_issue_500_invoices_each_without_gaps_or_duplicates(tmp_path):
    url = sqlite_url(tmp_path / "shared.sqlite3")
    db = open_database(url, create=True)
    with db.writer.begin() as s:
        setup.first_start(s, business_name="Two PCs", currency="EUR", owner_name="Owner", username="owner",
                          password="correct horse", repeat_password="correct horse")
        users.add_user(s, "desk", "Desk", Role.RECEPTIONIST, "correct horse")
        program = programs.create_program(s, SYSTEM, name="Swimming", base_lesson_price="10")
        package = catalogue.create_package(s, SYSTEM, kind="lesson_pack", name="Pack", price="10", term_count=1,
                                           term_unit="month", program_id=program, lesson_count=4)
        client = clients.create_client(s, SYSTEM, name="Shared Client")
    db.dispose()
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_issue_many, args=(url, client, package, PER_PROCESS, results))
               for _ in range(2)]
    for worker in workers:
        worker.start()
    errors = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert errors == [0, 0]
    db = open_database(url)
    with db.reader() as s:
        numbers = s.scalars(select(Invoice.number).where(Invoice.prefix == "INV").order_by(Invoice.number)).all()
        assert s.scalar(select(Client.id)) == client and s.get(Package, package) is not None
    db.dispose()
    assert numbers == list(range(1, 2 * PER_PROCESS + 1))

