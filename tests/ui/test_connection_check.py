"""D4 for a server: Settings › Database server tries an address off the window's thread and says plainly
what it found: connected (and the server's version), wrong password, no such database, nobody answering."""

from __future__ import annotations

import socket
import threading
import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.connection import MESSAGES, check_connection
from app.paths import load_local_config
from tests.databases import ON_POSTGRES, SERVER
from tests.ui.typing import type_text
from ui.settings.screen import SettingsScreen

on_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="needs a PostgreSQL server (tests/postgres.sh)")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path))  # this PC's local.json: the test's own
    return tmp_path


@pytest.fixture
def server_page(desk, qtbot, home):
    screen = SettingsScreen(desk.ops("olga"))
    qtbot.addWidget(screen)
    screen.show()
    screen.open_page(screen.server)
    yield screen.server
    screen.close()  # held until here: the page lives in the screen


def _closed_port() -> int:
    with socket.socket() as probe:  # bound and closed again: nobody listens there
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _test(qtbot, page, address: str, password: str = "") -> str:
    page.address.clear()
    type_text(page.address, address)
    page.password.clear()
    type_text(page.password, password)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tested is not None, timeout=15000)
    assert page.test_button.isEnabled()
    return page.answer.text()


def test_d4_a_server_that_does_not_answer_is_said_plainly_and_not_used(qtbot, server_page, home, monkeypatch):
    tried_on = []

    def check(url):
        tried_on.append(threading.current_thread())
        return check_connection(url, timeout=2)

    monkeypatch.setattr("ui.settings.server.check_connection", check)
    answer = _test(qtbot, server_page, f"postgresql://desk:secret@127.0.0.1:{_closed_port()}/desk")
    assert answer == MESSAGES["not_answering"]
    assert tried_on and tried_on[0] is not threading.main_thread()  # the window never waited for the server
    assert not server_page.use_button.isEnabled()
    assert load_local_config() == {}  # nothing changed


def test_d4_an_address_that_is_not_a_server_is_refused_with_the_form_to_write(qtbot, server_page):
    assert _test(qtbot, server_page, "desk.example:5432") == MESSAGES["bad_url"]
    assert _test(qtbot, server_page, "sqlite:///desk.sqlite3") == MESSAGES["bad_url"]
    assert not server_page.use_button.isEnabled()


def test_d4_an_unknown_host_name_is_said_plainly():
    assert check_connection("postgresql://desk@no-such-host.invalid/desk", timeout=3).kind == "host_not_found"


@on_postgres
def test_d4_connected_says_the_server_version_and_this_pc_opens_it_from_the_next_start(qtbot, server_page, home):
    address = make_url(SERVER).set(drivername="postgresql").render_as_string(hide_password=False)
    answer = _test(qtbot, server_page, address)
    with create_engine(SERVER).connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar_one()
    where = make_url(SERVER)
    assert answer == f"Connected to {where.host}/{where.database}: PostgreSQL {version}."
    qtbot.mouseClick(server_page.use_button, Qt.MouseButton.LeftButton)
    assert load_local_config()["database_url"] == make_url(SERVER).set(drivername="postgresql+psycopg") \
        .render_as_string(hide_password=False)


@pytest.fixture
def role_with_password():
    """A role that signs in with a password (tests/pg_cluster.sh trusts only the superuser)."""
    name = f"checker_{uuid.uuid4().hex[:8]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'right one'"))
    yield name
    with admin.connect() as conn:
        conn.execute(text(f"DROP ROLE {name}"))
    admin.dispose()


@on_postgres
def test_d4_a_wrong_password_and_a_missing_database_are_said_plainly(qtbot, server_page, role_with_password):
    server = make_url(SERVER).set(drivername="postgresql", username=role_with_password)
    right = server.set(password="right one").render_as_string(hide_password=False)
    if check_connection(server.set(password="wrong").render_as_string(hide_password=False)).connected:
        pytest.skip("this server trusts every connection from here (pg_hba.conf): no password is ever wrong")
    assert check_connection(right).connected  # the role itself is fine: only the password differs below
    assert _test(qtbot, server_page, server.render_as_string(), "wrong") == MESSAGES["wrong_password"]
    assert server_page.password.echoMode() == server_page.password.EchoMode.Password  # not shown at the desk
    nobody = server.set(username="nobody_here", password="x").render_as_string(hide_password=False)
    assert _test(qtbot, server_page, nobody) == MESSAGES["wrong_password"]
    missing = server.set(password="right one", database="no_such_desk").render_as_string(hide_password=False)
    assert _test(qtbot, server_page, missing) == MESSAGES["database_missing"]
    assert not server_page.use_button.isEnabled()


@on_postgres
def test_d4_a_password_changed_on_the_server_while_the_desk_runs_is_a_plain_message(desk, role_with_password,
                                                                                   monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.db import Database, make_engine
    from app.services import clients
    from ui.ops import FAILED, Ops, ReadFailed

    told, bugs = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    monkeypatch.setattr("ui.ops.report_bug", lambda exc, parent=None: bugs.append(exc))
    wrong = make_url(desk.database.engine.url).set(username=role_with_password, password="wrong")
    db = Database(make_engine(wrong.render_as_string(hide_password=False)))
    try:
        ops = Ops(db, desk.ops("olga").actor)
        assert ops.run(clients.create_client, name="Not Saved") is FAILED
        with pytest.raises(ReadFailed):
            ops.read(clients.count_clients, "")
    finally:
        db.dispose()
    assert bugs == []
    assert told == [MESSAGES["wrong_password"] + " Nothing was saved or read."] * 2


def test_d4_a_stored_address_shows_without_its_password_and_the_password_field_is_used(qtbot, desk, home):
    from app.paths import save_local_config
    from ui.settings.server import ServerPage

    save_local_config({"database_url": "postgresql+psycopg://desk:s3cret@db.example:5433/desk"})
    page = ServerPage(desk.ops("olga"))
    qtbot.addWidget(page)
    assert (page.address.text(), page.password.text()) == ("postgresql://desk@db.example:5433/desk", "s3cret")
    assert page.password.echoMode() == page.password.EchoMode.Password
    page.password.clear()
    type_text(page.password, "n3w")
    assert page.url() == "postgresql://desk:n3w@db.example:5433/desk"


@on_postgres
def test_d4_a_wrong_password_at_start_is_said_as_such_not_as_a_server_away(role_with_password):
    from app.errors import DatabaseProblem
    from app.storage import open_database

    server = make_url(SERVER).set(drivername="postgresql+psycopg", username=role_with_password, password="wrong")
    if check_connection(server.render_as_string(hide_password=False)).connected:
        pytest.skip("this server trusts every connection from here (pg_hba.conf): no password is ever wrong")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(server.render_as_string(hide_password=False))
    assert problem.value.kind == "unreachable"
    assert problem.value.message.endswith(MESSAGES["wrong_password"])
    assert "cannot be reached" not in problem.value.message
