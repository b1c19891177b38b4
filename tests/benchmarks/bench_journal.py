"""The journal on the 1,000,000-visit database: a group's month, one mark, everyone present."""

from __future__ import annotations

import time

from tests.benchmarks.common import BIG_DB, Result, median_of


def run() -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from app.db import sqlite_url
    from app.models import load_all
    from app.storage import open_database

    load_all()
    from app.services import journal
    from ui.app import _first_owner, make_application
    from ui.journal.screen import JournalScreen
    from ui.ops import Ops

    make_application()
    db = open_database(sqlite_url(BIG_DB))
    ops = Ops(db, _first_owner(db))
    screen = JournalScreen(ops)
    screen.resize(1280, 760)
    screen.show()
    QApplication.processEvents()
    chosen = _class_of_30(db, ops.actor)
    screen.close()
    screen = JournalScreen(ops)  # its group list now has the class
    screen.resize(1280, 760)
    screen.show()
    QApplication.processEvents()
    screen.group.setCurrentIndex(screen.group.findData(chosen))
    months = []
    for _ in range(10):
        started = time.perf_counter()
        screen.step(-1)
        screen.table.viewport().repaint()
        months.append(time.perf_counter() - started)
    screen.step(10)  # back to this month, where the marks go
    QApplication.processEvents()
    column = max(0, screen.model.columnCount() - 1)
    statuses = ops.read(journal.statuses)
    marks = []
    for row in range(min(20, screen.model.rowCount())):
        index = screen.model.index(row, column)
        before = screen.model.mark_at(index)[0]
        started = time.perf_counter()
        screen.set_status(index, statuses[1]["id"] if before == statuses[0]["id"] else statuses[0]["id"])
        screen.table.viewport().repaint()
        marks.append(time.perf_counter() - started)
    while screen.undo_stack.canUndo():  # leave the database as it was
        screen.undo_stack.undo()
    everyone = []
    for _ in range(5):
        column = screen.model.columnCount() - 1
        started = time.perf_counter()
        screen.everyone_present(column)
        screen.table.viewport().repaint()
        everyone.append(time.perf_counter() - started)
        screen.undo_stack.undo()
    people = screen.model.rowCount()
    screen.close()
    db.dispose()
    return [
        Result(f"journal: a group's month ({people} clients)", median_of(months), 0.150),
        Result("journal: one mark, click to repainted", median_of(marks), 0.030),
        Result(f"journal: everyone present ({people} clients)", median_of(everyone), 0.100,
               note="budget is for 30" if people != 30 else ""),
    ]


def _class_of_30(db, actor) -> int:
    """The budgets speak of a class of 30: the demo's groups are larger, so the bench keeps one of its own
    (made once in the bench database), meeting every day, with 30 clients who have lesson packs."""
    import datetime as dt

    from sqlalchemy import select

    from app.models import Client, Group, Package, PackageKind
    from app.services import programs, sales

    with db.writer.begin() as s:
        found = s.scalar(select(Group.id).where(Group.name == "Bench class of 30"))
        if found is not None:
            return found
        pack = s.scalar(select(Package).where(Package.kind == PackageKind.LESSON_PACK, Package.active))
        group = programs.create_group(s, actor, program_id=pack.program_id, name="Bench class of 30",
                                      slots=[(d, "18:00", "18:45") for d in range(7)])
        first_of_month = dt.date.today().replace(day=1)
        for client_id in s.scalars(select(Client.id).where(Client.archived.is_(False)).limit(30)):
            programs.enrol(s, actor, group, client_id, since=first_of_month)
            sales.sell(s, actor, client_id, pack.id, start_date=first_of_month)
        return group
