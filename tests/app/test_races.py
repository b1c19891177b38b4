"""D7 with two PCs: both desks act on the same invoice, client or journal cell at the same moment,
round after round (a barrier starts each round on both at once). Row locks (PostgreSQL) and
BEGIN IMMEDIATE (SQLite) make one of them go first; the other is refused in plain words or, for a
journal cell, finds the mark made. Runs on SQLite and, in tests/postgres.sh, on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from decimal import Decimal

from sqlalchemy import func, select

from app.errors import DomainError
from app.models import AttendanceStatus, Client, CreditGrant, CreditUse, Invoice, Membership, Payment, Visit, load_all
from app.services import catalogue, checkin, clients, credits, journal, payments, programs, sales
from app.services.access import SYSTEM
from app.storage import open_database
from tests.two_pcs import desk_actor, on_two_pcs, shared_database

ROUNDS = int(os.environ.get("DESK_RACE_ROUNDS", "40"))
TODAY = dt.date.today()


def _pay(session, actor, item):
    invoice_id, amount = item
    return payments.add_payment(session, actor, invoice_id, amount)


def _sell(session, actor, item):
    client_id, package_id = item
    return sales.sell(session, actor, client_id, package_id, start_date=TODAY, today=TODAY)


def _mark(session, actor, item):
    group_id, client_id, day, status_id = item
    return journal.mark(session, actor, group_id, client_id, day, status_id)


def _check_in(session, actor, code):
    return checkin.check_in(session, actor, code, TODAY)


def _use_a_unit(session, actor, item):
    client_id, credit_type_id = item
    return credits.use_credits(session, actor, client_id, credit_type_id, 1, today=TODAY)


ACTIONS = {"pay": _pay, "sell": _sell, "mark": _mark, "check_in": _check_in, "use": _use_a_unit}


def _desk(url: str, action: str, items: list, barrier, results) -> None:
    """One PC: for each item, wait for the other PC, then act in one transaction; what happened each time."""
    load_all()
    db = open_database(url)
    actor = desk_actor(db)
    outcomes = []
    for item in items:
        barrier.wait(timeout=120)
        try:
            with db.writer.begin() as session:
                ACTIONS[action](session, actor, item)
            outcomes.append(("saved", ""))
        except DomainError as refused:
            outcomes.append(("refused", refused.message))
        except Exception as bug:  # noqa: BLE001 - what the user would see as "a bug"
            outcomes.append(("bug", f"{type(bug).__name__}: {bug}"))
    db.dispose()
    results.put(outcomes)


def _race(url: str, action: str, items: list, other_items: list | None = None) -> list[tuple[tuple, tuple]]:
    """Both PCs take the same items (or the second one ``other_items``), one round each, at once."""
    barrier = multiprocessing.get_context("spawn").Barrier(2)
    first, second = on_two_pcs(_desk, (url, action, items, barrier), (url, action, other_items or items, barrier))
    return list(zip(first, second, strict=True))


def _gold_and_clients(db, prefix: str) -> tuple[int, list[int]]:
    with db.writer.begin() as s:
        gold = catalogue.create_package(s, SYSTEM, kind="membership", name="Gold", price="95", term_count=1,
                                        term_unit="month")
        people = [clients.create_client(s, SYSTEM, name=f"{prefix} {n}") for n in range(ROUNDS)]
    return gold, people


def test_d7_two_pcs_paying_one_invoice_balance_at_once_pay_it_once(tmp_path):
    url, db = shared_database(tmp_path)
    gold, people = _gold_and_clients(db, "Payer")
    with db.writer.begin() as s:
        invoices = [sales.sell(s, SYSTEM, person, gold, start_date=TODAY, today=TODAY).invoice_id for person in people]
    db.dispose()
    rounds = _race(url, "pay", [(invoice, "95.00") for invoice in invoices])
    for outcome in rounds:
        assert sorted(kind for kind, _ in outcome) == ["refused", "saved"], outcome
        refusal = next(text for kind, text in outcome if kind == "refused")
        assert refusal == "The amount 95.00 is more than the balance due (0.00). Nothing was recorded."
    db = open_database(url)
    with db.reader() as s:
        paid = s.execute(select(Payment.invoice_id, func.sum(Payment.amount), func.count())
                         .group_by(Payment.invoice_id)).all()
    db.dispose()
    assert sorted(paid) == [(invoice, Decimal("95.00"), 1) for invoice in sorted(invoices)]


def test_d7_m2_two_pcs_selling_one_client_a_membership_at_once_make_one_sale(tmp_path):
    url, db = shared_database(tmp_path)
    gold, people = _gold_and_clients(db, "Member")
    db.dispose()
    rounds = _race(url, "sell", [(person, gold) for person in people])
    for outcome in rounds:
        assert sorted(kind for kind, _ in outcome) == ["refused", "saved"], outcome
        refusal = next(text for kind, text in outcome if kind == "refused")
        assert "already has a current membership" in refusal and "Renew it instead" in refusal
    db = open_database(url)
    with db.reader() as s:
        sold = s.execute(select(Membership.client_id, func.count()).group_by(Membership.client_id)).all()
        invoices = s.scalar(select(func.count()).select_from(Invoice))
    db.dispose()
    assert sorted(sold) == [(person, 1) for person in sorted(people)] and invoices == ROUNDS


def test_d7_j4_two_pcs_marking_one_cell_at_once_make_one_mark(tmp_path):
    url, db = shared_database(tmp_path)
    first_day = TODAY - dt.timedelta(days=ROUNDS + 1)
    with db.writer.begin() as s:
        program = programs.create_program(s, SYSTEM, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, SYSTEM, program_id=program, name="Daily swim",
                                      slots=[(d, "07:00", "07:45") for d in range(7)])
        pack = catalogue.create_package(s, SYSTEM, kind="lesson_pack", name="Pack of 100", price="500",
                                        term_count=1, term_unit="year", program_id=program, lesson_count=100)
        child = clients.create_client(s, SYSTEM, name="Shared Child")
        programs.enrol(s, SYSTEM, group, child, since=first_day)
        pack = sales.sell(s, SYSTEM, child, pack, start_date=first_day, today=first_day).membership_id
        present = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
    db.dispose()
    days = [first_day + dt.timedelta(days=n) for n in range(ROUNDS)]
    rounds = _race(url, "mark", [(group, child, day, present) for day in days])
    assert all(outcome == (("saved", ""), ("saved", "")) for outcome in rounds), rounds
    db = open_database(url)
    with db.reader() as s:
        marks = s.execute(select(Visit.date, func.count()).where(Visit.client_id == child)
                          .group_by(Visit.date)).all()
        used = s.get(Membership, pack).lessons_used
    db.dispose()
    assert sorted(marks) == [(day, 1) for day in days] and used == ROUNDS


def test_d7_j6_two_desks_checking_one_client_in_at_once_record_one_visit(tmp_path):
    url, db = shared_database(tmp_path)
    gold, people = _gold_and_clients(db, "Visitor")
    with db.writer.begin() as s:
        for person in people:
            sales.sell(s, SYSTEM, person, gold, start_date=TODAY, today=TODAY)
        codes = [s.get(Client, person).code for person in people]
    db.dispose()
    rounds = _race(url, "check_in", codes)
    for outcome in rounds:
        assert sorted(kind for kind, _ in outcome) == ["refused", "saved"], outcome
        refusal = next(text for kind, text in outcome if kind == "refused")
        assert "was checked in 0 min ago. Record another visit?" in refusal
    db = open_database(url)
    with db.reader() as s:
        visits = s.execute(select(Visit.client_id, func.count()).where(Visit.kind == "checkin")
                           .group_by(Visit.client_id)).all()
    db.dispose()
    assert sorted(visits) == [(person, 1) for person in sorted(people)]


def test_d7_b3_two_pcs_selling_at_once_issue_gapless_invoice_numbers(tmp_path):
    url, db = shared_database(tmp_path)
    with db.writer.begin() as s:
        pack = catalogue.create_package(s, SYSTEM, kind="credits", name="Sauna x1", price="6", term_count=1,
                                        term_unit="year", credits={catalogue.create_credit_type(s, SYSTEM, "Sauna",
                                                                                               "visit"): 1})
        people = [clients.create_client(s, SYSTEM, name=f"Buyer {n}") for n in range(2 * ROUNDS)]
    db.dispose()
    rounds = _race(url, "sell", [(person, pack) for person in people[:ROUNDS]],
                   [(person, pack) for person in people[ROUNDS:]])
    assert all(outcome == (("saved", ""), ("saved", "")) for outcome in rounds), rounds
    db = open_database(url)
    with db.reader() as s:
        numbers = sorted(s.scalars(select(Invoice.number)))
    db.dispose()
    assert numbers == list(range(1, 2 * ROUNDS + 1))


def test_d7_j4_two_pcs_marking_a_pack_at_once_never_fill_it_past_its_size(tmp_path):
    url, db = shared_database(tmp_path)
    size, first_day = ROUNDS // 2, TODAY - dt.timedelta(days=2 * ROUNDS + 1)
    with db.writer.begin() as s:
        program = programs.create_program(s, SYSTEM, name="Swimming", base_lesson_price="10")
        group = programs.create_group(s, SYSTEM, program_id=program, name="Daily swim",
                                      slots=[(d, "07:00", "07:45") for d in range(7)])
        package = catalogue.create_package(s, SYSTEM, kind="lesson_pack", name="Small pack", price="100",
                                           term_count=1, term_unit="year", program_id=program, lesson_count=size)
        child = clients.create_client(s, SYSTEM, name="Shared Child")
        programs.enrol(s, SYSTEM, group, child, since=first_day)
        pack = sales.sell(s, SYSTEM, child, package, start_date=first_day, today=first_day).membership_id
        present = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
    db.dispose()
    days = [first_day + dt.timedelta(days=n) for n in range(2 * ROUNDS)]
    rounds = _race(url, "mark", [(group, child, day, present) for day in days[0::2]],
                   [(group, child, day, present) for day in days[1::2]])
    assert all(outcome == (("saved", ""), ("saved", "")) for outcome in rounds), rounds
    db = open_database(url)
    with db.reader() as s:
        used = s.get(Membership, pack).lessons_used
        on_pack = s.scalar(select(func.count()).select_from(Visit).where(Visit.membership_id == pack))
        unpaid = s.scalar(select(func.count()).select_from(Visit).where(Visit.membership_id.is_(None)))
    db.dispose()
    assert used == on_pack == size and unpaid == 2 * ROUNDS - size


def test_d7_k3_two_pcs_using_the_last_unit_at_once_use_it_once(tmp_path):
    url, db = shared_database(tmp_path)
    with db.writer.begin() as s:
        sauna = catalogue.create_credit_type(s, SYSTEM, "Sauna", "visit")
        single = catalogue.create_package(s, SYSTEM, kind="credits", name="Sauna x1", price="6", term_count=1,
                                          term_unit="year", credits={sauna: 1})
        people = [clients.create_client(s, SYSTEM, name=f"Sauna Fan {n}") for n in range(ROUNDS)]
        for person in people:
            sales.sell(s, SYSTEM, person, single, start_date=TODAY, today=TODAY)
        names = {person: s.get(Client, person).name for person in people}
    db.dispose()
    rounds = _race(url, "use", [(person, sauna) for person in people])
    for person, outcome in zip(people, rounds, strict=True):
        assert sorted(kind for kind, _ in outcome) == ["refused", "saved"], outcome
        refusal = next(text for kind, text in outcome if kind == "refused")
        assert refusal == (f"{names[person]} has 0 visits of Sauna valid on {TODAY:%d.%m.%Y}; 1 visit cannot "
                           "be used. Nothing was recorded.")
    db = open_database(url)
    with db.reader() as s:
        grants = s.execute(select(CreditGrant.client_id, CreditGrant.used, CreditGrant.units)).all()
        uses = s.execute(select(CreditUse.client_id, func.sum(CreditUse.units)).group_by(CreditUse.client_id)).all()
    db.dispose()
    assert sorted(grants) == [(person, 1, 1) for person in sorted(people)]
    assert sorted(uses) == [(person, 1) for person in sorted(people)]
