"""Shared fixtures: one migrated database per run; each test rolls back its own transaction.

The database is a SQLite file, or a fresh database on the PostgreSQL server of
``DESK_TEST_DATABASE_URL`` (tests/postgres.sh).
"""

from __future__ import annotations

import os
import tempfile

import pytest

# Never touch the real user data folder from a test.
os.environ.setdefault("MEMBERSHIP_DESK_HOME", tempfile.mkdtemp(prefix="desk-tests-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MEMBERSHIP_DESK_KEYRING", "0")  # never the developer's own keyring (app/secret_store.py)

from sqlalchemy.orm import Session  # noqa: E402

from app.models import Role, load_all  # noqa: E402

load_all()
from app.services import setup, users  # noqa: E402
from app.storage import open_database  # noqa: E402
from tests.databases import new_database_url  # noqa: E402

PASSWORD = "correct horse"


@pytest.fixture(scope="session")
def database(tmp_path_factory):
    """A database set up as on first start, with one user of each role."""
    db = open_database(new_database_url(tmp_path_factory.mktemp("db")), create=True)
    with db.writer.begin() as s:
        setup.first_start(s, business_name="Sunny Kids Centre", currency="EUR", owner_name="Olga Owner",
                          username="olga", password=PASSWORD, repeat_password=PASSWORD)
        users.add_user(s, "rita", "Rita Reception", Role.RECEPTIONIST, PASSWORD)
        users.add_user(s, "tom", "Tom Teacher", Role.TEACHER, PASSWORD)
    yield db
    db.dispose()


@pytest.fixture
def session(database):
    """A session inside an outer transaction that is rolled back after the test."""
    conn = database.engine.connect()
    outer = conn.begin()
    s = Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
    yield s
    s.close()
    outer.rollback()
    conn.close()


def _actor(session, username):
    from sqlalchemy import select

    from app.models import User

    return users.actor_of(session.scalar(select(User).where(User.username == username)))


@pytest.fixture
def owner(session):
    return _actor(session, "olga")


@pytest.fixture
def receptionist(session):
    return _actor(session, "rita")


@pytest.fixture
def teacher(session):
    return _actor(session, "tom")


from tests.sales_fixtures import anna, gold, sauna_ten, silver, six_lessons, speech  # noqa: E402, F401
