"""Program start to main window on the 100,000-client database, against a bare Qt window."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.benchmarks.common import BIG_DB, ROOT, Result, median_of

RUNS = 7


def _time_to_shown(args: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("MEMBERSHIP_DESK_HOME", str(BIG_DB.parent / "home"))
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tests.benchmarks.probe_start", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait()
    if line.strip() != "shown":
        raise RuntimeError(f"probe {args} did not show its window")
    return elapsed


def run() -> list[Result]:
    _time_to_shown(["desk", str(BIG_DB)])  # warm the OS file cache once, as a second start would
    bare, desk = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        bare.append(_time_to_shown(["bare"]))
        desk.append(_time_to_shown(["desk", str(BIG_DB)]))
    bare_median, desk_median = median_of(bare), median_of(desk)
    ratio = desk_median / bare_median
    return [
        Result("bare QApplication+SQLAlchemy ORM+QMainWindow", bare_median, float("inf"), "baseline"),
        Result("start to main window, 100k clients", desk_median, 1.0),
        Result("start / bare", ratio, 1.6, unit="x"),
        _sign_in(),
    ]


def _sign_in() -> Result:
    """The argon2id password check at sign-in, deliberately slow against guessing."""
    from app.db import sqlite_url
    from app.demo import DEMO_PASSWORD
    from app.services import users
    from app.storage import open_database

    db = open_database(sqlite_url(BIG_DB))
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        with db.writer.begin() as session:
            users.sign_in(session, "owner", DEMO_PASSWORD)
        runs.append(time.perf_counter() - started)
    db.dispose()
    return Result("sign-in password check (argon2id)", median_of(runs), 0.3)
