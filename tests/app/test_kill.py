"""D1: the desk killed with SIGKILL at random moments loses nothing half-done.

A child process (tests/kill_worker.py) sells, pays, marks the journal and uses
credits in a loop; it is killed at a random moment, KILLS times (3 by default,
30 with ``make stress``: DESK_KILLS=30). After each kill the file passes
SQLite's integrity and foreign-key checks and the desk's own invariants, and
the next run starts on it as the desk would after a power cut.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import sqlite_url
from app.services import catalogue, programs, setup
from app.services.access import SYSTEM
from app.storage import open_database
from tests.databases import only_on_sqlite

KILLS = int(os.environ.get("DESK_KILLS", "3"))
ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date.today()

pytestmark = only_on_sqlite("a killed process's half-written file is a SQLite matter (the server survives a client)")


def _prepare(path: Path) -> dict:
    from sqlalchemy import select

    from app.models import AttendanceStatus, Package

    db = open_database(sqlite_url(path), create=True)
    try:
        with db.writer.begin() as s:
            setup.first_start(s, business_name="Killed", currency="EUR", owner_name="Olga", username="olga",
                              password="correct horse", repeat_password="correct horse")
        with db.writer.begin() as s:
            swim = programs.create_program(s, SYSTEM, name="Swimming", base_lesson_price="10")
            group = programs.create_group(s, SYSTEM, program_id=swim, name="Every day", capacity=None,
                                          slots=[(day, "16:00", "16:45") for day in range(7)])
            pack = catalogue.create_package(s, SYSTEM, kind="lesson_pack", name="Swim 8", price="80.00",
                                            term_count=3, term_unit="month", program_id=swim, lesson_count=8)
            sauna = catalogue.create_credit_type(s, SYSTEM, "Sauna", "visit")
            sauna_pack = catalogue.create_package(s, SYSTEM, kind="credits", name="Sauna x5", price="30.00",
                                                  term_count=6, term_unit="month", credits={sauna: 5})
            return {"today": TODAY.isoformat(), "group": group, "pack": pack, "sauna": sauna,
                    "sauna_pack": sauna_pack, "gold": s.scalar(select(Package.id).where(Package.name == "Gold")),
                    "present": s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))}
    finally:
        db.dispose()


def _run_and_kill(path: Path, plan: dict, rng: random.Random) -> int:
    """Start the worker, let it finish 1-4 rounds, kill it a random moment later; the rounds it reported."""
    child = subprocess.Popen([sys.executable, "-m", "tests.kill_worker", sqlite_url(path), json.dumps(plan)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": "0"})
    try:
        wanted, rounds = rng.randint(1, 4), 0
        while rounds < wanted:
            line = child.stdout.readline()
            if not line:
                raise AssertionError(f"the worker stopped by itself: {child.stderr.read()}")
            rounds = int(line)
        # a random moment inside the next round: a round takes some 50-300 ms here
        busy_until = dt.datetime.now() + dt.timedelta(milliseconds=rng.randint(0, 250))
        while dt.datetime.now() < busy_until and child.poll() is None:
            pass
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        return rounds
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()


def broken_invariants(path: Path) -> list[str]:
    """What is wrong in the file after a kill; [] when all holds."""
    con = sqlite3.connect(path)
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    rows = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    broken = []
    try:
        if rows("PRAGMA integrity_check") != [("ok",)]:
            broken.append(f"integrity_check: {rows('PRAGMA integrity_check')[:3]}")
        if rows("PRAGMA foreign_key_check"):
            broken.append(f"foreign_key_check: {rows('PRAGMA foreign_key_check')[:3]}")
        lost = rows("SELECT m.id FROM memberships m LEFT JOIN invoices i ON i.id = m.invoice_id "
                    "WHERE i.id IS NULL OR NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id "
                    "AND l.membership_id = m.id)")
        if lost:
            broken.append(f"sales without their invoice and line: {lost[:5]}")
        unnumbered = rows("SELECT id FROM invoices WHERE state != 'draft' AND number IS NULL")
        if unnumbered:
            broken.append(f"issued invoices without a number: {unnumbered[:5]}")
        for prefix, count, low, high in rows("SELECT prefix, count(*), min(number), max(number) FROM invoices "
                                             "WHERE number IS NOT NULL GROUP BY prefix"):
            if (low, high) != (1, count) or one(f"SELECT count(DISTINCT number) FROM invoices WHERE prefix = '{prefix}' "
                                                "AND number IS NOT NULL") != count:
                broken.append(f"invoice numbers of {prefix!r} not 1..{count}: {low}..{high}")
        counter = rows("SELECT prefix, next_number FROM invoice_counters")
        for prefix, next_number in counter:
            issued = one("SELECT count(*) FROM refunds" if prefix == "credit-note" else
                         f"SELECT count(*) FROM invoices WHERE prefix = '{prefix}' AND number IS NOT NULL")
            if next_number != issued + 1:
                broken.append(f"counter of {prefix!r} at {next_number} after {issued} issued")
        overpaid = rows("SELECT i.id FROM invoices i JOIN payments p ON p.invoice_id = i.id AND p.voided_at IS NULL "
                        "GROUP BY i.id HAVING sum(CAST(p.amount AS REAL)) > CAST(i.total AS REAL) + 0.001")
        if overpaid:
            broken.append(f"invoices paid above their total: {overpaid[:5]}")
        packs = rows("SELECT m.id, m.lessons_used, m.lesson_count, (SELECT count(*) FROM visits v "
                     "WHERE v.membership_id = m.id) FROM memberships m WHERE m.kind = 'lesson_pack'")
        wrong = [p for p in packs if p[1] != p[3] or p[1] > p[2]]
        if wrong:
            broken.append(f"lesson packs whose count is not their visits: {wrong[:5]}")
        for action, entity, table in (("sell", "membership", "memberships"), ("pay", "invoice", "payments"),
                                      ("mark", "visit", "visits"), ("use", "credits", "credit_uses"),
                                      ("create", "client", "clients")):
            events = one(f"SELECT count(*) FROM audit_events WHERE action = '{action}' AND entity = '{entity}'")
            records = one(f"SELECT count(*) FROM {table}")
            if events != records:
                broken.append(f"{records} {table} but {events} '{action}' audit events")
    finally:
        con.close()
    return broken


def test_d1_killed_at_random_moments_the_file_and_the_books_stay_whole(tmp_path):
    path = tmp_path / "killed.sqlite3"
    plan = _prepare(path)
    rng = random.Random(int(os.environ.get("DESK_KILL_SEED", "0")) or None)
    rounds = []
    for kill in range(KILLS):
        rounds.append(_run_and_kill(path, plan, rng))
        assert broken_invariants(path) == [], f"after kill {kill + 1}"
        open_database(sqlite_url(path)).dispose()  # the desk starts on it again (quick_check, no upgrade)
    con = sqlite3.connect(path)
    sold = con.execute("SELECT count(*) FROM memberships").fetchone()[0]
    con.close()
    assert sold >= 3 * sum(rounds)  # the work really happened: three sales a round
    print(f"{KILLS} kills, {sum(rounds)} rounds reported, {sold} sales whole")


def test_d1_the_checks_do_find_a_sale_without_its_invoice(tmp_path):
    """The invariants are not vacuous: a sale whose invoice line is gone is found."""
    path = tmp_path / "broken.sqlite3"
    plan = _prepare(path)
    _run_and_kill(path, plan, random.Random(1))
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("DROP TRIGGER IF EXISTS invoice_lines_no_delete")
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoice_lines'"
                               ).fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute("DELETE FROM invoice_lines WHERE id = (SELECT min(id) FROM invoice_lines)")
    con.commit()
    con.close()
    assert any("without their invoice" in b for b in broken_invariants(path))
