"""J4 with two PCs: two teachers' computers mark the same child's lessons at the same moment."""

from __future__ import annotations

import datetime as dt
import multiprocessing

from sqlalchemy import func, select

from app.db import sqlite_url
from app.models import AttendanceStatus, Membership, Role, User, Visit, load_all
from app.services import catalogue, clients, journal, programs, sales, setup, users
from app.services.access import SYSTEM
from app.storage import open_database

DAYS, PACK_SIZE = 60, 20
FIRST_DAY = dt.date(2026, 9, 1)


def _mark_days(url: str, group_id: int, client_id: int, days: list[dt.date], results) -> None:
    """One "PC": marks ``days`` present, each click its own transaction, as the journal does."""
    load_all()
    db = open_database(url)
    with db.reader() as s:
        actor = users.actor_of(s.scalar(select(User).where(User.username == "desk")))
        present = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
    errors = 0
    for day in days:
        try:
            with db.writer.begin() as session:
                journal.mark(session, actor, group_id, client_id, day, present)
        except Exception:  # noqa: BLE001 - any error is what the test counts
            errors += 1
    db.dispose()
    results.put(errors)


def test_j4_two_pcs_marking_at_once_never_overfill_a_pack(tmp_path):
    url = sqlite_url(tmp_path / "shared.sqlite3")
    db = open_database(url, create=True)
    with db.writer.begin() as s:
        setup.first_start(s, business_name="Two PCs", currency="EUR", owner_name="Owner", username="owner",
                          password="correct horse", repeat_password="correct horse")
        users.add_user(s, "desk", "Desk", Role.RECEPTIONIST, "correct horse")
        program = programs.create_program(s, SYSTEM, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, SYSTEM, program_id=program, name="Daily swim",
                                      slots=[(d, "07:00", "07:45") for d in range(7)])
        package = catalogue.create_package(s, SYSTEM, kind="lesson_pack", name="Pack of 20", price="200",
                                           term_count=1, term_unit="year", program_id=program,
                                           lesson_count=PACK_SIZE)
        child = clients.create_client(s, SYSTEM, name="Shared Child")
        programs.enrol(s, SYSTEM, group, child, since=FIRST_DAY)
        pack = sales.sell(s, SYSTEM, child, package, start_date=FIRST_DAY, today=FIRST_DAY).membership_id
    db.dispose()
    days = [FIRST_DAY + dt.timedelta(days=i) for i in range(DAYS)]
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_mark_days, args=(url, group, child, days[pc::2], results)) for pc in (0, 1)]
    for worker in workers:
        worker.start()
    errors = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert errors == [0, 0]
    db = open_database(url)
    with db.reader() as s:
        used = s.get(Membership, pack).lessons_used
        linked = s.scalar(select(func.count()).select_from(Visit).where(Visit.membership_id == pack))
        unpaid = s.scalar(select(func.count()).select_from(Visit).where(Visit.membership_id.is_(None)))
        first_twenty = s.scalars(select(Visit.date).where(Visit.membership_id == pack)).all()
    db.dispose()
    assert used == linked == PACK_SIZE and unpaid == DAYS - PACK_SIZE
    assert len(set(first_twenty)) == PACK_SIZE
