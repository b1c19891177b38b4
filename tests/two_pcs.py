"""Two "PCs" on one database (a SQLite file, or PostgreSQL in its run): a database set up for them,
and a way to run the same work in two processes."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import select

from app.models import Role, User
from app.services import setup, users
from app.storage import open_database
from tests.databases import new_database_url


def shared_database(tmp_path):
    """A new database with an owner and a receptionist "desk"; returns (url, open Database)."""
    url = new_database_url(tmp_path, "shared")
    db = open_database(url, create=True)
    with db.writer.begin() as s:
        setup.first_start(s, business_name="Two PCs", currency="EUR", owner_name="Owner", username="owner",
                          password="correct horse", repeat_password="correct horse")
        users.add_user(s, "desk", "Desk", Role.RECEPTIONIST, "correct horse")
    return url, db


def desk_actor(db):
    with db.reader() as s:
        return users.actor_of(s.scalar(select(User).where(User.username == "desk")))


def failures(db, action, items) -> int:
    """``action(session, item)`` for each item, each in its own transaction as the desk does; how many failed."""
    failed = 0
    for item in items:
        try:
            with db.writer.begin() as session:
                action(session, item)
        except Exception:  # noqa: BLE001 - any error is what the tests count
            failed += 1
    return failed


def on_two_pcs(work, first_args: tuple, second_args: tuple, timeout: float = 600) -> list:
    """Run ``work(*args, results)`` in two processes at once; what each put on ``results``."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=work, args=(*args, results)) for args in (first_args, second_args)]
    for worker in workers:
        worker.start()
    found = [results.get(timeout=timeout) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    return found
