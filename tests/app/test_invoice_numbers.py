"""B3: two PCs issuing invoices at the same moment get distinct, consecutive numbers."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Client, Invoice, Package, load_all
from app.services import catalogue, clients, programs, sales
from app.services.access import SYSTEM
from app.storage import open_database
from tests.two_pcs import desk_actor, failures, on_two_pcs, shared_database

PER_PROCESS = 500


def _issue_many(url: str, client_id: int, package_id: int, count: int, results) -> None:
    """One "PC": sells ``count`` lesson packs, each in its own transaction, as the desk does."""
    load_all()
    db = open_database(url)
    actor = desk_actor(db)
    errors = failures(db, lambda session, _n: sales.sell(session, actor, client_id, package_id), range(count))
    db.dispose()
    results.put(errors)


def test_b3_two_processes_issue_500_invoices_each_without_gaps_or_duplicates(tmp_path):
    url, db = shared_database(tmp_path)
    with db.writer.begin() as s:
        program = programs.create_program(s, SYSTEM, name="Swimming", base_lesson_price="10")
        package = catalogue.create_package(s, SYSTEM, kind="lesson_pack", name="Pack", price="10", term_count=1,
                                           term_unit="month", program_id=program, lesson_count=4)
        client = clients.create_client(s, SYSTEM, name="Shared Client")
    db.dispose()
    work = (url, client, package, PER_PROCESS)
    assert on_two_pcs(_issue_many, work, work) == [0, 0]
    db = open_database(url)
    with db.reader() as s:
        numbers = s.scalars(select(Invoice.number).where(Invoice.prefix == "INV").order_by(Invoice.number)).all()
        assert s.scalar(select(Client.id)) == client and s.get(Package, package) is not None
    db.dispose()
    assert numbers == list(range(1, 2 * PER_PROCESS + 1))
