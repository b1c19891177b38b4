"""The owner's reports (Q1-Q8) on the 100,000-client database with 1,000,000 visits: every report of the
registry with its default filters (this month, the last 12 months of attendance, all balances and credits),
the median of a few runs against 3 s; the dashboard against 500 ms."""

from __future__ import annotations

import time

from tests.benchmarks.common import BIG_DB, Result, median_of

RUNS = 3


def _median(call) -> tuple[float, object]:
    runs, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = call()
        runs.append(time.perf_counter() - started)
    return median_of(runs), result


def run() -> list[Result]:
    from sqlalchemy.orm import Session

    from app.db import sqlite_url
    from app.reports import REPORTS, dashboard
    from app.services.access import SYSTEM
    from app.storage import open_database
    from app.tasks import TaskState

    db = open_database(sqlite_url(BIG_DB))
    results = []
    with Session(db.engine) as session:
        for key, report in REPORTS.items():
            took, shown = _median(lambda: report.run(session, SYSTEM, report.defaults, state=TaskState()))
            results.append(Result(f"reports: {key}", took, 3.0, f"{len(shown.rows):,} rows"))
        took, board = _median(lambda: dashboard.run(session, SYSTEM, state=TaskState()))
        results.append(Result("reports: dashboard", took, 0.5, f"{len(board.figures)} figures, 2 charts"))
    db.dispose()
    return results
