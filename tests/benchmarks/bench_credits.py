"""Credits at scale (issue 13): a copy of the 100,000-client database where every client holds credits.

Budgets: recording a use 30 ms (a committed transaction, as at the desk); the Credits area's first page
150 ms (count, first 100 ids, their rows); a statement of 500 movements painted 100 ms.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time

from tests.benchmarks.common import BENCH_DIR, BIG_DB, Result, median_of

CREDITS_DB = BENCH_DIR / "credits-100k.sqlite3"
HEAVY = "Bench credits heavy client"
RUNS = 30


def _make_copy() -> None:
    """The scale database copied (online backup), then credits for every client: one grant each of
    a bench type, 0-5 units used, valid from up to 60 days ago for 30-300 days; one client with 500 uses."""
    if CREDITS_DB.exists():
        return
    source, target = sqlite3.connect(BIG_DB), sqlite3.connect(CREDITS_DB)
    source.backup(target)
    source.close()
    target.close()


def _fill(db, actor) -> tuple[int, int]:
    from sqlalchemy import insert, select

    from app.models import Client, CreditGrant, CreditType
    from app.services import catalogue, clients, credits, sales

    with db.writer.begin() as s:
        found = s.scalar(select(Client.id).where(Client.name == HEAVY))
        sauna = s.scalar(select(CreditType.id).where(CreditType.name == "Bench sauna"))
        if found is not None:
            return sauna, found
        sauna = catalogue.create_credit_type(s, actor, "Bench sauna", "visit")
        today, rng = dt.date.today(), random.Random(13)
        rows = []
        for client_id in s.scalars(select(Client.id)):
            start = today - dt.timedelta(days=rng.randint(0, 60))
            rows.append({"client_id": client_id, "credit_type_id": sauna, "units": 10, "used": rng.randint(0, 5),
                         "valid_from": start, "valid_until": start + dt.timedelta(days=rng.randint(90, 300))})
        s.execute(insert(CreditGrant), rows)
        pack = catalogue.create_package(s, actor, kind="credits", name="Bench sauna x100", price="100",
                                        term_count=1, term_unit="year", credits={sauna: 100})
        heavy = clients.create_client(s, actor, name=HEAVY)
        for back in range(6):
            sales.sell(s, actor, heavy, pack, start_date=today - dt.timedelta(days=300 - 50 * back), today=today)
    with db.writer.begin() as s:
        for n in range(500):
            credits.use_credits(s, actor, heavy, sauna, 1, today - dt.timedelta(days=(499 - n) * 300 // 500),
                                today=today)
    return sauna, heavy


def run() -> list[Result]:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.db import sqlite_url
    from app.models import Client, load_all
    from app.storage import open_database

    load_all()
    from app.services import credits
    from ui.app import _first_owner, make_application
    from ui.credits.balances import BalancesModel
    from ui.credits.statement import CreditsPanel
    from ui.ops import Ops

    _make_copy()
    make_application()
    db = open_database(sqlite_url(CREDITS_DB))
    ops = Ops(db, _first_owner(db))
    sauna, heavy = _fill(db, ops.actor)
    folded = sqlite3.connect(CREDITS_DB)  # as a desk's database is between sessions: the WAL folded in
    folded.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folded.close()
    with db.reader() as s:
        holders = s.scalars(select(Client.id).where(Client.archived.is_(False)).order_by(Client.id).limit(RUNS)).all()
    took = []
    for client_id in holders:
        started = time.perf_counter()
        with db.writer.begin() as s:
            credits.use_credits(s, ops.actor, client_id, sauna, 1)
        took.append(time.perf_counter() - started)

    model = BalancesModel(ops)
    first_page, first_cpu = [], []
    for _ in range(7):
        started, cpu = time.perf_counter(), time.process_time()
        model.search("")
        first_page.append(time.perf_counter() - started)
        first_cpu.append(time.process_time() - cpu)  # what the machine's other work cannot inflate
    total = model.total()
    searched = []
    for _ in range(7):
        started = time.perf_counter()
        model.search("smith")
        searched.append(time.perf_counter() - started)

    panel = CreditsPanel(ops)
    panel.resize(900, 600)
    panel.show()
    QApplication.processEvents()
    painted, painted_cpu = [], []
    for _ in range(7):
        started, cpu = time.perf_counter(), time.process_time()
        panel.show_client(heavy)
        panel.repaint()
        painted.append(time.perf_counter() - started)
        painted_cpu.append(time.process_time() - cpu)
    moves = len(panel.model.rows)
    panel.close()
    db.dispose()
    return [
        Result("credits: record a use (committed)", median_of(took), 0.030),
        Result("credits: Credits area, first page", median_of(first_page), 0.150,
               note=f"{total:,} holders; CPU {median_of(first_cpu) * 1000:.0f} ms"),
        Result("credits: Credits area, search 'smith'", median_of(searched), 0.150),
        Result("credits: statement painted", median_of(painted), 0.100,
               note=f"{moves} movements; CPU {median_of(painted_cpu) * 1000:.0f} ms"),
    ]
