"""J4 with two PCs: two teachers' computers mark the same child's lessons at the same moment."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.models import AttendanceStatus, Membership, Visit, load_all
from app.services import catalogue, clients, journal, programs, sales
from app.services.access import SYSTEM
from app.storage import open_database
from tests.two_pcs import desk_actor, failures, on_two_pcs, shared_database

DAYS, PACK_SIZE = 60, 20
FIRST_DAY = dt.date(2026, 9, 1)


def _mark_days(url: str, group_id: int, client_id: int, days: list[dt.date], results) -> None:
    """One "PC": marks ``days`` present, each click its own transaction, as the journal does."""
    load_all()
    db = open_database(url)
    actor = desk_actor(db)
    with db.reader() as s:
        present = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
    errors = failures(db, lambda session, day: journal.mark(session, actor, group_id, client_id, day, present), days)
    db.dispose()
    results.put(errors)


def test_j4_two_pcs_marking_at_once_never_overfill_a_pack(tmp_path):
    url, db = shared_database(tmp_path)
    with db.writer.begin() as s:
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
    assert on_two_pcs(_mark_days, (url, group, child, days[0::2]), (url, group, child, days[1::2])) == [0, 0]
    db = open_database(url)
    with db.reader() as s:
        used = s.get(Membership, pack).lessons_used
        linked = s.scalars(select(Visit.date).where(Visit.membership_id == pack)).all()
        unpaid = s.scalar(select(func.count()).select_from(Visit).where(Visit.membership_id.is_(None)))
    db.dispose()
    assert used == len(linked) == len(set(linked)) == PACK_SIZE and unpaid == DAYS - PACK_SIZE
