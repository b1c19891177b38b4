"""Several PCs on a PostgreSQL server: a sale plus its payment, and a change seen on another PC (L1).

Needs a server: ``DESK_TEST_DATABASE_URL`` (``make bench-postgres`` starts a throwaway cluster, as
tests/postgres.sh does). The database is a modest one (the kids' centre of SPEC §4: 2,000 clients) made
fresh on that server and dropped after; the actions run through ``Ops.transaction``, as the desk runs
them (one transaction each, with its notification to the other PCs), on a warm connection pool.
"""

from __future__ import annotations

import os
import random
import tempfile
import time

from tests.benchmarks.common import Result, median_of

NEEDS_BIG_DB = False  # its own database on the server, not .bench's SQLite file
CLIENTS, VISITS = 2_000, 20_000
WARM_UP, RUNS = 5, 30
LIVE_RUNS = 20
SALE_BUDGET_S = 0.050  # issue 11: sale + payment on local PostgreSQL
SEEN_BUDGET_S = 0.5  # L1 on a server (ui/live.py polls every 200 ms)


def _server_database():
    """A fresh database on the benchmark's server, filled by the demo generator; its URL."""
    from tests.databases import new_database_url

    from app.demo import build
    from app.storage import open_database

    url = new_database_url(tempfile.mkdtemp(), "bench")
    db = open_database(url, create=True)
    with db.writer.begin() as session:
        build(session, clients=CLIENTS, visits=VISITS)
    with db.engine.begin() as conn:  # fresh statistics, as autovacuum would have them by now
        conn.exec_driver_sql("ANALYZE")
    return url, db


def _drop(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests.databases import SERVER

    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def _sale_and_payment(ops, db) -> list[float]:
    from sqlalchemy import select

    from app.models import Client, Package, PackageKind

    with db.reader() as s:
        pack = s.scalar(select(Package.id).where(Package.kind == PackageKind.LESSON_PACK, Package.active))
        client_ids = s.scalars(select(Client.id).where(Client.archived.is_(False)).order_by(Client.id.desc())
                               .limit(WARM_UP + RUNS)).all()
    took, cpu = [], []
    server_cpu = _server_cpu(db)
    for client_id in client_ids[:WARM_UP]:
        _one_sale(ops, client_id, pack)
    server_started = server_cpu()
    for client_id in client_ids[WARM_UP:]:
        started, cpu_started = time.perf_counter(), time.process_time()
        _one_sale(ops, client_id, pack)
        took.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    server_ended = server_cpu()
    server = None if None in (server_started, server_ended) else (server_ended - server_started) / RUNS
    return took, cpu, server  # the first ones (not timed) fill the pool and the caches


def _one_sale(ops, client_id: int, pack: int) -> None:
    from app.services import payments, sales

    sale, _changes = ops.transaction(sales.sell, client_id, pack)
    ops.transaction(payments.add_payment, sale.invoice_id, "10.00")


def _server_cpu(db):
    """A function giving the CPU seconds the server's processes for this database have used so far
    (read from /proc: a server on this PC, Linux); its first call None when they cannot be read."""
    from sqlalchemy import text

    def used():
        with db.engine.connect() as conn:
            pids = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"))\
                .scalars().all()  # this connection too: the pool lends it to the actions as well
        ticks = 0
        for pid in pids:
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                return None
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    return used


def _round_trips(db):
    """One statement's round trip on a warm connection (how loaded the PC and server are), and how many
    statements a sale and its payment send (each costs one round trip)."""
    from sqlalchemy import event, text

    took, woken = [], []
    with db.engine.connect() as conn:
        for _ in range(200):
            started = time.perf_counter()
            conn.execute(text("SELECT 1")).scalar_one()
            took.append(time.perf_counter() - started)
            while time.perf_counter() - started < 0.002:  # the desk's own work between two statements:
                pass  # the server's process falls asleep, and on a busy PC waits for a core to wake on
            started = time.perf_counter()
            conn.execute(text("SELECT 1")).scalar_one()
            woken.append(time.perf_counter() - started)
    sent = []
    listen = lambda *_args: sent.append(1)  # noqa: E731
    event.listen(db.engine, "after_cursor_execute", listen)
    return took, woken, sent, lambda: event.remove(db.engine, "after_cursor_execute", listen)


def _seen_on_another_pc(app, here, url) -> tuple[list[float], list[float]]:
    """Commit a client on one PC, time until another PC's window hears of it: with the window's own
    poll (every ui.live.POLL_MS), and with the listener asked continuously (the server's own delay)."""
    from PySide6.QtCore import QEventLoop

    from app.live import PostgresListener
    from app.services import clients
    from app.storage import open_database
    from ui.live import LiveUpdates
    from ui.ops import Ops

    other_db = open_database(url)
    there = Ops(other_db, here.actor)
    heard = []
    there.changed.connect(lambda change: heard.append(time.perf_counter()) if change.remote else None)
    live = LiveUpdates(there)
    live.start()
    rng = random.Random(11)
    window = []
    for number in range(LIVE_RUNS):
        pause = time.perf_counter() + rng.uniform(0, 0.2)  # a commit at any moment of the poll's cycle
        while time.perf_counter() < pause:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        heard.clear()
        here.transaction(clients.create_client, name=f"Seen Elsewhere {number}")
        committed = time.perf_counter()
        while not heard and time.perf_counter() - committed < 5:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        window.append((heard[0] if heard else float("inf")) - committed)
    live.stop()

    listener, raw = PostgresListener(other_db.engine, there.program), []
    for number in range(LIVE_RUNS):
        here.transaction(clients.create_client, name=f"Heard At Once {number}")
        committed = time.perf_counter()
        while not listener.poll() and time.perf_counter() - committed < 5:
            time.sleep(0.0005)
        raw.append(time.perf_counter() - committed)
    listener.close()
    other_db.dispose()
    return window, raw


def run() -> list[Result]:
    if not os.environ.get("DESK_TEST_DATABASE_URL"):
        print("postgres: skipped, no server (DESK_TEST_DATABASE_URL is not set: run make bench-postgres)")
        return []
    from PySide6.QtWidgets import QApplication

    from app.models import load_all

    load_all()
    from app.services.users import first_owner
    from ui.ops import Ops

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    url, db = _server_database()
    built = time.perf_counter() - started
    try:
        with db.reader.begin() as session:
            here = Ops(db, first_owner(session))
        trip, woken, sent, stop_counting = _round_trips(db)
        took, cpu, server = _sale_and_payment(here, db)
        stop_counting()
        window, raw = _seen_on_another_pc(app, here, url)
    finally:
        db.dispose()
        _drop(url)
    note = f"{CLIENTS:,} clients, {VISITS:,} visits, built in {built:.0f} s"
    return [
        Result("postgres: sale + payment (two actions)", median_of(took), SALE_BUDGET_S,
               f"{len(sent) / (WARM_UP + RUNS):.0f} statements; CPU: the desk {median_of(cpu) * 1000:.0f} ms, "
               f"the server {'?' if server is None else f'{server * 1000:.0f}'} ms; {note}"),
        Result("postgres: one round trip (SELECT 1)", median_of(trip), float("inf"),
               "back to back: every statement costs one"),
        Result("postgres: one round trip after 2 ms of work", median_of(woken), float("inf"),
               "the server's process woken again: how busy the PC is"),
        Result("postgres: L1 seen on another PC's window", median_of(window), SEEN_BUDGET_S,
               f"worst of {LIVE_RUNS}: {max(window) * 1000:.0f} ms; the window polls every 200 ms"),
        Result("postgres: L1 worst of the runs", max(window), SEEN_BUDGET_S),
        Result("postgres: NOTIFY heard (listener asked at once)", median_of(raw), float("inf"),
               f"worst {max(raw) * 1000:.1f} ms"),
    ]
