"""The memberships list on the 100,000-client database (about 187,000 sales): the default list,
the client filter that matches thousands, and the screen opening."""

from __future__ import annotations

import datetime as dt
import time

from tests.benchmarks.common import BIG_DB, Result, median_of

CLIENT_QUERIES = ["an", "smith", "7700"]


def _list(ops, filters) -> int:
    """What the screen reads for one refresh: the exact count, the first page of ids and their rows."""
    from app.services import memberships_list
    from ui.models.memberships import PAGE

    total = ops.read(memberships_list.count_sales, filters)
    ids = ops.read(memberships_list.sale_ids, filters, offset=0, limit=PAGE)
    ops.read(memberships_list.sale_rows, ids)
    return total


def run() -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from app.db import sqlite_url
    from app.services.memberships_list import SaleFilters
    from app.storage import open_database
    from ui.app import _first_owner, make_application
    from ui.ops import Ops

    make_application()
    db = open_database(sqlite_url(BIG_DB))
    ops = Ops(db, _first_owner(db))
    today = dt.date.today()
    default = SaleFilters(start_from=today - dt.timedelta(days=90), start_to=today + dt.timedelta(days=365))
    lists, filtered = [], []
    for _ in range(5):
        started = time.perf_counter()
        _list(ops, default)
        lists.append(time.perf_counter() - started)
        for query in CLIENT_QUERIES:
            started = time.perf_counter()
            _list(ops, SaleFilters(default.standing, None, default.start_from, default.start_to, query))
            filtered.append(time.perf_counter() - started)

    started = time.perf_counter()
    from ui.memberships.screen import MembershipsScreen

    screen = MembershipsScreen(ops)
    screen.resize(1200, 760)
    screen.show()
    QApplication.processEvents()
    opened = time.perf_counter() - started
    screen.close()
    db.dispose()
    return [
        Result("memberships: default list (count + first page)", median_of(lists), 0.060),
        Result("memberships: client filter (count + first page)", median_of(filtered), 0.100),
        Result("memberships: screen opens", opened, 0.300),
    ]
