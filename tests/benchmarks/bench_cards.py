"""A profile with 50 packs and 2,000 visits, painted (budget 100 ms)."""

from __future__ import annotations

import datetime as dt
import time

from tests.benchmarks.common import BIG_DB, Result, median_of

NAME = "Bench heavy client"


def _heavy_client(db, actor) -> int:
    """Made once in the bench database: 50 packs of 40 lessons and 2,000 lessons marked, daily."""
    from sqlalchemy import select

    from app.models import AttendanceStatus, Client
    from app.services import catalogue, clients, journal, programs, sales

    with db.writer.begin() as s:
        found = s.scalar(select(Client.id).where(Client.name == NAME))
        if found is not None:
            return found
        program = programs.create_program(s, actor, name="Bench program", base_lesson_price="10")
        group = programs.create_group(s, actor, program_id=program, name="Bench daily",
                                      slots=[(d, "07:00", "07:45") for d in range(7)])
        pack = catalogue.create_package(s, actor, kind="lesson_pack", name="Bench 40 lessons", price="400",
                                        term_count=10, term_unit="year", program_id=program, lesson_count=40)
        client = clients.create_client(s, actor, name=NAME)
        start = dt.date.today() - dt.timedelta(days=1999)
        programs.enrol(s, actor, group, client, since=start)
        for _ in range(50):
            sales.sell(s, actor, client, pack, start_date=start, today=start)
        present = s.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
        for day in range(2000):
            journal.mark(s, actor, group, client, start + dt.timedelta(days=day), present)
        return client


def run() -> list[Result]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from app.db import sqlite_url
    from app.models import load_all
    from app.storage import open_database

    load_all()
    from ui.app import _first_owner, make_application
    from ui.clients.cards import ChipStrip
    from ui.clients.profile import ClientProfile
    from ui.ops import Ops

    class FirstPaint(QObject):
        """Notes when a card's chips are first painted: the profile is then on screen."""

        at: float | None = None

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if self.at is None and event.type() == QEvent.Type.Paint and isinstance(watched, ChipStrip):
                self.at = time.perf_counter()
            return False

    app = make_application()
    db = open_database(sqlite_url(BIG_DB))
    ops = Ops(db, _first_owner(db))
    client = _heavy_client(db, ops.actor)
    profile = ClientProfile(ops)
    profile.resize(1280, 800)
    profile.show()
    QApplication.processEvents()
    painted, whole = [], []
    for _ in range(7):
        watcher = FirstPaint()
        app.installEventFilter(watcher)
        started = time.perf_counter()
        profile.show_client(client)
        while watcher.at is None or profile.cards.building():
            QApplication.processEvents()
        profile.repaint()
        whole.append(time.perf_counter() - started)
        painted.append(watcher.at - started)
        app.removeEventFilter(watcher)
    profile.close()
    db.dispose()
    return [Result("cards: profile, 50 packs and 2,000 visits, painted", median_of(painted), 0.100),
            Result("cards: same, all 50 cards built", median_of(whole), float("inf"),
                   note="not budgeted: they arrive below the first ones")]
