"""The clients screen on the 100,000-client database: search, keystroke to repaint, open, memory."""

from __future__ import annotations

import resource
import time

from tests.benchmarks.common import BIG_DB, Result, median_of

QUERIES = ["анн", "ivan", "smith", "müll", "7700", "zoe", "C0123", "петр", "an", "gar",
           "07700 900", "8 912 345 67 89"]  # phones in national form: trunk 0 (UK) and 8 (Russia)


def run() -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from app.db import sqlite_url
    from app.services import clients
    from app.storage import open_database
    from ui.app import _first_owner, make_application
    from ui.ops import Ops

    make_application()
    db = open_database(sqlite_url(BIG_DB))
    ops = Ops(db, _first_owner(db))
    searches = []
    for query in QUERIES * 3:
        started = time.perf_counter()
        ops.read(clients.search_client_ids, query)
        searches.append(time.perf_counter() - started)

    started = time.perf_counter()
    from ui.clients.screen import ClientsScreen

    screen = ClientsScreen(ops)
    screen.resize(1200, 760)
    screen.show()
    QApplication.processEvents()
    opened = time.perf_counter() - started

    keystrokes = []
    for query in QUERIES * 2:
        screen.search.setText("")
        QApplication.processEvents()
        for i in range(1, len(query) + 1):
            started = time.perf_counter()
            screen.search.setText(query[:i])
            screen.refresh()  # what the typing pause triggers
            screen.table.viewport().repaint()
            keystrokes.append(time.perf_counter() - started)
    memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    screen.close()
    db.dispose()
    return [
        Result("clients: search query (100k clients)", median_of(searches), 0.015),
        Result("clients: keystroke to repainted list", median_of(keystrokes), 0.050),
        Result("clients: screen opens", opened, 0.300),
        Result("clients: peak memory with the screen open", memory_mb, 300, unit="MB"),
    ]
