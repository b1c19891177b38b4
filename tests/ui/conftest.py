"""UI fixtures: a signed-in Ops over the shared test database."""

import pytest

from ui.ops import Ops


@pytest.fixture
def ops_for(database, qapp):
    """Ops for a user of the test database, by user name."""
    from sqlalchemy import select

    from app.models import User
    from app.services.users import actor_of

    def make(username: str) -> Ops:
        with database.reader.begin() as s:
            return Ops(database, actor_of(s.scalar(select(User).where(User.username == username))))

    return make


@pytest.fixture
def desk(tmp_path, qapp):
    """A fresh database of its own (for stories that issue invoices, which can never be deleted),
    with the default plans, users olga (owner), rita (receptionist), tom (teacher), and
    ``desk.ops(username)``."""
    from types import SimpleNamespace

    from sqlalchemy import select

    from app.models import Role, User
    from app.services import setup, users
    from app.storage import open_database
    from tests.conftest import PASSWORD
    from tests.databases import new_database_url

    db = open_database(new_database_url(tmp_path), create=True)
    with db.writer.begin() as s:
        setup.first_start(s, business_name="Sunny Kids Centre", currency="EUR", owner_name="Olga Owner",
                          username="olga", password=PASSWORD, repeat_password=PASSWORD)
        users.add_user(s, "rita", "Rita Reception", Role.RECEPTIONIST, PASSWORD)
        users.add_user(s, "tom", "Tom Teacher", Role.TEACHER, PASSWORD)

    def ops(username: str) -> Ops:
        with db.reader.begin() as s:
            return Ops(db, users.actor_of(s.scalar(select(User).where(User.username == username))))

    yield SimpleNamespace(database=db, ops=ops)
    db.dispose()


@pytest.fixture
def speak(qapp):
    """``speak("ru")`` installs a language as the start-up does (L2); English and the tests' euros are
    put back after the test."""
    from app import languages
    from ui import i18n

    yield lambda language: i18n.install(qapp, language)
    assert i18n.install(qapp, "en") is None
    languages.use("en", "EUR")


@pytest.fixture
def styled(qapp):
    """The desk's style sheet (its paddings make buttons wider), as the program sets it; none after."""
    from ui.app import RESOURCES

    qapp.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet("")
