"""Program start to main window on the 100,000-client database, against a bare Qt window: in the
business's language (English) and with a language loaded (Russian, Arabic: L2)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.benchmarks.common import BIG_DB, ROOT, Result, median_of

RUNS = 7
LANGUAGES = ("ru", "ar")


def _time_to_shown(args: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("MEMBERSHIP_DESK_HOME", str(BIG_DB.parent / "home"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the first start compiles the modules once (.pyc), as a user's does
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
    starts = {"": ["desk", str(BIG_DB)], **{lang: ["desk", str(BIG_DB), "--lang", lang] for lang in LANGUAGES}}
    for args in starts.values():
        _time_to_shown(args)  # warm the OS file cache (and compile the modules) once, as a second start would
    bare: list[float] = []
    desk: dict[str, list[float]] = {lang: [] for lang in starts}
    for _ in range(RUNS):  # interleaved, so all see the same machine load
        bare.append(_time_to_shown(["bare"]))
        for lang, args in starts.items():
            desk[lang].append(_time_to_shown(args))
    bare_median = median_of(bare)
    results = [
        Result("bare QApplication+SQLAlchemy ORM+QMainWindow", bare_median, float("inf"), "baseline"),
        Result("start to main window, 100k clients", median_of(desk[""]), 1.0),
        Result("start / bare", median_of(desk[""]) / bare_median, 1.6, unit="x"),
    ]
    for lang in LANGUAGES:
        results.append(Result(f"start / bare, --lang {lang}", median_of(desk[lang]) / bare_median, 1.6, unit="x",
                              note=f"{median_of(desk[lang]) * 1000:.0f} ms"))
    return results + [_sign_in()]


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
